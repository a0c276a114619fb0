// A worker thread of a directory run: compares the batches it is sent, one after the other, and
// posts back their outcomes.

import { parentPort, workerData } from "node:worker_threads";
import { compareBatch, type Batch, type DirectoryRun } from "./batch.js";

const port = parentPort;
if (!port) throw new Error("worker.js runs as a worker thread");
const run = workerData as DirectoryRun;

// One batch at a time: the next one waits in this queue rather than interleaving with it.
let queue = Promise.resolve();
port.on("message", (batch: Batch) => {
  queue = queue.then(async () => port.postMessage(await compareBatch(run, batch)));
});
