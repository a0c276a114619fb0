// A worker thread of a directory run: compares the pairs it is sent and posts back the results.

import { parentPort } from "node:worker_threads";
import { InputError } from "../read/decode.js";
import { comparePair } from "./compare.js";
import type { Task, TaskResult } from "./worker-pool.js";

const port = parentPort;
if (!port) throw new Error("worker.js runs as a worker thread");

port.on("message", async (task: Task) => {
  const noStdin = async (): Promise<Uint8Array> => {
    throw new InputError("standard input cannot be read in a directory run");
  };
  let result: TaskResult;
  try {
    const pair = await comparePair(task.invocation, task.options, { readStdin: noStdin }, task.colorLevel);
    result = { id: task.id, ...pair };
  } catch (error) {
    const message = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
    result = { id: task.id, error: message };
  }
  port.postMessage(result);
});
