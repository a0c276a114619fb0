// A fixed pool of worker threads that compare pairs; results come back in the order asked for.

import { Worker } from "node:worker_threads";
import type { PairResult } from "./compare.js";
import type { Invocation } from "./invocation.js";
import type { CliOptions } from "./program.js";

/** One pair to compare, as sent to a worker. */
export interface Task {
  readonly id: number;
  readonly invocation: Invocation;
  readonly options: CliOptions;
  readonly colorLevel: 0 | 1 | 2 | 3;
}

/** A worker's answer: the comparison, or the one-line error it met. */
export type TaskResult = { readonly id: number } & (PairResult | { readonly error: string });

/**
 * Runs `tasks` on `size` worker threads (in this thread when size is 1) and calls `onResult`
 * for each result in task order; at most `2 × size` results wait for an earlier slow one, so
 * memory stays bounded however many pairs there are.
 *
 * @example await runPool(tasks, 4, (result) => print(result), run)
 */
export async function runPool(
  tasks: readonly Task[],
  size: number,
  onResult: (result: TaskResult) => void,
  runHere: (task: Task) => Promise<TaskResult>,
): Promise<void> {
  if (size <= 1) {
    for (const task of tasks) onResult(await runHere(task));
    return;
  }
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(new URL("./worker.js", import.meta.url)));
  const done = new Map<number, TaskResult>();
  let next = 0;
  let printed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        // Hold back new work while too many finished results wait for an earlier one.
        if (next < tasks.length && next - printed < 2 * workers.length) worker.postMessage(tasks[next++]);
      };
      const idle: Worker[] = [];
      for (const worker of workers) {
        worker.on("error", reject);
        worker.on("message", (result: TaskResult) => {
          done.set(result.id, result);
          while (done.has(printed)) {
            onResult(done.get(printed)!);
            done.delete(printed++);
          }
          if (printed === tasks.length) resolve();
          idle.push(worker);
          for (let n = idle.length; n > 0 && next < tasks.length && next - printed < 2 * workers.length; n--) feed(idle.shift()!);
        });
        feed(worker);
      }
      if (tasks.length === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
