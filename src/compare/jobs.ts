// The diff job queue on Redis (BullMQ), shared by the queue commands and `htmldiff serve
// --redis`: documents stored by SHA-256, one job per pair named by its diff tag (so a pair is
// never queued twice), results kept under that name with a time to live, and failed jobs kept
// as the dead-letter list.

import { Queue, type JobsOptions } from "bullmq";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { diffTag, type DiffQuery } from "./diff-id.js";
import type { CompareResult } from "./request.js";

/** The queue's name when none is given. */
export const DEFAULT_QUEUE = "htmldiff";

/** How long results and failed jobs are kept when nothing else is said: a week, in seconds. */
export const DEFAULT_RESULT_TTL_S = 7 * 86_400;

/** A pair to diff: both documents' hashes, the labels its output shows, and what to render. */
export interface DiffJob {
  readonly a: string;
  readonly b: string;
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly query: DiffQuery;
}

/** A finished job: the comparison's result and the pair it was for. */
export interface StoredResult extends CompareResult {
  readonly job: DiffJob;
}

/** Where a job is: done, failed for good (with its one-line reason), still to run, or unknown (never queued, or expired). */
export type JobState =
  | { readonly state: "completed"; readonly result: StoredResult }
  | { readonly state: "failed"; readonly error: string; readonly job: DiffJob }
  | { readonly state: "waiting" | "active" | "delayed"; readonly job: DiffJob }
  | { readonly state: "unknown" };

/** Redis cannot be reached: the one-line reason. */
export class RedisUnavailableError extends Error {
  override readonly name = "RedisUnavailableError";
}

/** How a job is retried when a worker fails it (a crash, a lost document): three tries, 1 s then 2 s apart. */
const RETRIES: JobsOptions = { attempts: 3, backoff: { type: "exponential", delay: 1000 } };

/** What a CLI command waits for Redis before giving up: a few quick tries, then a clear error. */
const CLIENT_RETRIES = 3;

/**
 * How a connection behaves when Redis goes away: a `worker` reconnects forever and holds its
 * commands till then, as BullMQ's workers need; a `service` reconnects forever but fails
 * commands at once meanwhile (serve answers 503); a `client` (a CLI command) gives up after a
 * few tries, so a command fails instead of hanging.
 */
export type ConnectionRole = "worker" | "service" | "client";

/**
 * A connection to Redis at `url`, resolved once connected; rejects with
 * {@link RedisUnavailableError}.
 *
 * @example const redis = await connectRedis("redis://127.0.0.1:6379", "client")
 */
export async function connectRedis(url: string, role: ConnectionRole): Promise<Redis> {
  let lastError = "";
  let redis: Redis;
  try {
    redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: role === "worker" ? null : 1,
      enableOfflineQueue: role === "worker",
      retryStrategy: (times) => (role !== "client" || times <= CLIENT_RETRIES ? Math.min(100 * 2 ** times, 2000) : null),
    });
  } catch (error) {
    throw new RedisUnavailableError(`${url}: not a Redis URL (${(error as Error).message})`);
  }
  // ioredis reports each failed attempt as an event; the caller hears of it through connect() or its own listener.
  redis.on("error", (error: NodeJS.ErrnoException) => void (lastError = error.code ?? error.message));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnavailableError(`cannot reach Redis at ${url}: ${lastError || (error as Error).message}`);
  }
  return redis;
}

/**
 * The queue of diff jobs named `name` on `redis`, with its document and result keys.
 *
 * @example const jobs = new DiffJobs(redis, "htmldiff"); const [id] = await jobs.enqueue([job])
 */
export class DiffJobs {
  /** The BullMQ queue the workers take jobs from. */
  readonly queue: Queue;

  /** `resultTtlS`: how long, in seconds, results and failed jobs are kept. */
  constructor(
    readonly redis: Redis,
    readonly name: string,
    readonly resultTtlS: number = DEFAULT_RESULT_TTL_S,
  ) {
    this.queue = new Queue(name, { connection: redis });
    // A lost connection reaches callers through the commands that fail; the event alone would crash the process.
    this.queue.on("error", () => undefined);
  }

  /** Stores a document and returns its hash (lower-case hex SHA-256). */
  async putDocument(bytes: Uint8Array): Promise<string> {
    const hash = createHash("sha256").update(bytes).digest("hex");
    await this.redis.set(this.documentKey(hash), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "NX");
    return hash;
  }

  /** The document stored under `hash`, or undefined. */
  async getDocument(hash: string): Promise<Uint8Array | undefined> {
    return (await this.redis.getBuffer(this.documentKey(hash))) ?? undefined;
  }

  /**
   * Queues one job per pair and returns their ids (diff tags), in order. A pair already done,
   * queued or failed is not queued again: its id names the job that exists.
   */
  async enqueue(jobs: readonly DiffJob[]): Promise<string[]> {
    const ids = jobs.map((job) => diffTag(job.query, job.a, job.b));
    const done = ids.length ? await this.redis.mget(ids.map((id) => this.resultKey(id))) : [];
    const fresh = jobs.flatMap((job, i) => (done[i] === null ? [{ name: "diff", data: job, opts: this.jobOptions(ids[i]!) }] : []));
    // BullMQ skips a job whose id is already in the queue, in any state.
    for (let start = 0; start < fresh.length; start += 500) await this.queue.addBulk(fresh.slice(start, start + 500));
    return ids;
  }

  /** Keeps a job's result for {@link resultTtlS} seconds. */
  async saveResult(id: string, result: StoredResult): Promise<void> {
    await this.redis.set(this.resultKey(id), JSON.stringify(result), "EX", this.resultTtlS);
  }

  /** The state of the job `id`, and its result when done. */
  async state(id: string): Promise<JobState> {
    const stored = await this.result(id);
    if (stored) return stored;
    const job = await this.queue.getJob(id);
    const state = job ? await job.getState() : "unknown";
    // A job is removed once its result is saved: one that finished since the first look has its result now.
    if (!job || state === "unknown") return (await this.result(id)) ?? { state: "unknown" };
    const data = job.data as DiffJob;
    if (state === "failed") return { state: "failed", error: job.failedReason.split("\n")[0]!, job: data };
    // Completed, but not yet removed: its result is being saved.
    if (state === "completed") return { state: "active", job: data };
    return { state: state === "delayed" || state === "active" ? state : "waiting", job: data };
  }

  /** The result of the job `id` when it is done. */
  async result(id: string): Promise<Extract<JobState, { state: "completed" }> | undefined> {
    const stored = await this.redis.get(this.resultKey(id));
    return stored === null ? undefined : { state: "completed", result: JSON.parse(stored) as StoredResult };
  }

  /** The jobs among `ids` that are done or failed for good, with their states; the rest are still to run. */
  async finished(ids: readonly string[]): Promise<Map<string, JobState>> {
    const states = new Map<string, JobState>();
    if (!ids.length) return states;
    const stored = await this.redis.mget(ids.map((id) => this.resultKey(id)));
    const rest = ids.filter((id, i) => {
      if (stored[i] === null) return true;
      states.set(id, { state: "completed", result: JSON.parse(stored[i]!) as StoredResult });
      return false;
    });
    const scores = rest.length ? await this.redis.zmscore(this.queue.keys.failed!, ...rest) : [];
    for (const [i, id] of rest.entries()) if (scores[i] !== null) states.set(id, await this.state(id));
    return states;
  }

  /** Closes the queue (not the connection, which the caller owns). */
  async close(): Promise<void> {
    await this.queue.close();
  }

  private jobOptions(id: string): JobsOptions {
    return { ...RETRIES, jobId: id, removeOnComplete: true, removeOnFail: { age: this.resultTtlS } };
  }

  private documentKey(hash: string): string {
    return `${this.name}:doc:${hash}`;
  }

  private resultKey(id: string): string {
    return `${this.name}:result:${id}`;
  }
}
