// `htmldiff worker`: takes diff jobs from the Redis queue and runs them on the compare pool,
// the same worker threads as `htmldiff serve`. A job's documents come from Redis; its result
// goes back there. Input that is not a document and a comparison past its time limit fail the
// job for good (the dead-letter list); anything else (a lost document, a crashed thread) is
// retried with backoff. A killed worker's job is taken again once its lock expires. When Redis
// goes away the worker says so once and reconnects; on SIGTERM it finishes its jobs and exits 0
// (a second signal, or Redis silent for 30 s, ends it at once with 1).

import { UnrecoverableError, Worker, type Job } from "bullmq";
import { setTimeout as delay } from "node:timers/promises";
import { ComparePool, PoolTimeoutError } from "../compare/pool.js";
import type { CompareRequest, CompareResult } from "../compare/request.js";
import { connectRedis, DiffJobs, type DiffJob } from "../compare/jobs.js";
import { InputError } from "../read/decode.js";
import type { QueueIO } from "./io.js";

/** How a worker runs. */
export interface WorkerSettings {
  readonly redisUrl: string;
  readonly queue: string;
  /** Worker threads; twice as many jobs are taken at once, so that a thread never waits on a round trip to Redis. */
  readonly concurrency: number;
  /** The time limit of one comparison, in ms. */
  readonly timeoutMs: number;
  /** How long a job stays locked to a worker that stopped answering before another takes it, in ms. */
  readonly lockMs: number;
  /** How long results and failed jobs are kept, in seconds. */
  readonly resultTtlS: number;
  readonly heapMb: number;
  readonly recycleAfter: number;
}

/**
 * Jobs taken per worker thread: while a thread compares one, the next one's documents are
 * fetched and the last one's result stored (per-job latency, docs/performance.md).
 */
const JOBS_PER_THREAD = 2;

/** How long the jobs in flight may take to finish after SIGTERM. */
const GRACE_MS = 30_000;

/** Times a job may be found abandoned by a dead worker before it is failed for good. */
const MAX_STALLED = 3;

/**
 * Runs a worker until SIGTERM or SIGINT; returns the exit status (0 after a graceful stop).
 *
 * @example process.exitCode = await runWorker(settings, io)
 */
export async function runWorker(settings: WorkerSettings, io: QueueIO): Promise<number> {
  const redis = await connectRedis(settings.redisUrl, "worker");
  const jobs = new DiffJobs(redis, settings.queue, settings.resultTtlS);
  const inFlight = JOBS_PER_THREAD * settings.concurrency;
  const pool = new ComparePool({ threads: settings.concurrency, maxQueue: settings.concurrency, heapMb: settings.heapMb, recycleAfter: settings.recycleAfter });
  const threads = new Slots(settings.concurrency);
  const worker = new Worker(settings.queue, (job: Job<DiffJob>) => runJob(job, jobs, (request) => threads.use(() => pool.run(request, settings.timeoutMs))), {
    connection: redis,
    concurrency: inFlight,
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    maxStalledCount: MAX_STALLED,
  });
  reportConnection(redis, io);
  worker.on("error", () => undefined);
  await worker.waitUntilReady();
  io.out(`htmldiff worker: taking jobs from ${settings.queue} (${settings.concurrency} threads, ${inFlight} jobs at once)\n`);
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGTERM", onSignal).off("SIGINT", onSignal);
      process.once("SIGTERM", () => process.exit(1)).once("SIGINT", () => process.exit(1));
      io.err(`htmldiff worker: ${signal}, finishing the jobs in flight\n`);
      resolve();
    };
    process.on("SIGTERM", onSignal).on("SIGINT", onSignal);
  });
  // Closing waits for Redis to take the last results: without Redis, give up after the grace period (the jobs are taken again elsewhere).
  const closed = await Promise.race([worker.close().then(() => true), delay(GRACE_MS, false, { ref: false })]);
  if (!closed) io.err(`htmldiff worker: Redis did not answer within ${GRACE_MS / 1000} s; exiting, its jobs will be taken again\n`);
  await (closed ? Promise.all([jobs.close(), pool.close()]) : pool.destroy());
  redis.disconnect();
  return closed ? 0 : 1;
}

/** One job: the documents from Redis, the comparison on the pool, the result back to Redis. */
async function runJob(job: Job<DiffJob>, jobs: DiffJobs, compare: (request: CompareRequest) => Promise<CompareResult>): Promise<number> {
  const { a, b, oldLabel, newLabel, query } = job.data;
  const [old, updated] = await Promise.all([jobs.getDocument(a), jobs.getDocument(b)]);
  if (!old || !updated) throw new Error(`no document with the hash ${old ? b : a} in Redis`);
  try {
    const result = await compare({ a: { name: oldLabel, bytes: old }, b: { name: newLabel, bytes: updated }, options: query.options, format: query.format });
    await jobs.saveResult(job.id!, { ...result, job: job.data });
    return result.status;
  } catch (error) {
    // The same input fails the same way every time: no retry.
    if (error instanceof InputError || error instanceof PoolTimeoutError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/**
 * As many comparisons at once as there are threads: a job waits here, not in the pool's queue,
 * where its time limit would already run while another job holds the thread.
 */
class Slots {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** One line when the connection to Redis is lost, and one when it is back. */
function reportConnection(redis: DiffJobs["redis"], io: QueueIO): void {
  let lost = false;
  redis.on("error", (error: NodeJS.ErrnoException) => {
    if (lost) return;
    lost = true;
    io.err(`htmldiff worker: lost Redis (${error.code ?? error.message}), reconnecting\n`);
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    io.err("htmldiff worker: Redis is back\n");
  });
}
