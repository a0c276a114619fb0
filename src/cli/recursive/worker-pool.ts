// Runs the pairs of a directory run on this thread and on `jobs - 1` worker threads, in batches;
// the outcomes come back in path order.

import { Worker } from "node:worker_threads";
import { compareBatch, type BatchResult, type DirectoryRun, type PairOutcome } from "./batch.js";
import { Schedule } from "./schedule.js";

/** Batches a worker holds at once: the one it runs and the next, so it never waits for this thread. */
const QUEUED_PER_WORKER = 2;

/**
 * Compares the pairs at `paths` (relative to both folders of `run`) with `jobs` threads: this
 * one, which needs no start-up, and `jobs - 1` workers (none for `-j 1`, nor for a single
 * pair). Each thread reads its own files and renders its own output; `report` gets each
 * outcome in the order of `paths`.
 *
 * @example await runPool(run, ["a.html", "b.html"], 2, (path, outcome) => print(path, outcome))
 */
export async function runPool(run: DirectoryRun, paths: readonly string[], jobs: number, report: (path: string, outcome: PairOutcome) => void): Promise<void> {
  const schedule = new Schedule(paths, jobs, report);
  const count = Math.max(0, Math.min(jobs - 1, paths.length - 1));
  const workers = Array.from({ length: count }, () => new Worker(new URL("./worker.js", import.meta.url), { workerData: run }));
  const queued = new Map(workers.map((worker) => [worker, 0]));
  const feed = (): void => {
    for (const worker of workers) {
      for (let batch; queued.get(worker)! < QUEUED_PER_WORKER && (batch = schedule.take()); ) {
        queued.set(worker, queued.get(worker)! + 1);
        worker.postMessage(batch);
      }
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (): void => {
        if (schedule.finished) resolve();
      };
      for (const worker of workers) {
        worker.on("message", (result: BatchResult) => {
          queued.set(worker, queued.get(worker)! - 1);
          schedule.finish(result);
          feed();
          settle();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
      }
      feed();
      compareHere(run, schedule, feed).then(settle, reject);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** This thread's share: batches until none is left, then it only prints what the workers send. */
async function compareHere(run: DirectoryRun, schedule: Schedule, feed: () => void): Promise<void> {
  while (!schedule.allTaken) {
    const batch = schedule.take();
    if (!batch) {
      await schedule.nextFinish();
      continue;
    }
    schedule.finish(await compareBatch(run, batch));
    feed();
  }
}
