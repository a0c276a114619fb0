// A pool of worker threads that run compare() (piscina): a bounded queue, a hard time limit per
// comparison (the worker running it is ended and replaced), a heap cap per worker, and fresh
// workers after a number of comparisons, so that a slow leak or a fragmented heap never builds up.

import { Piscina } from "piscina";
import { BinaryInputError, InputError } from "../read/decode.js";
import type { BatchReply, PoolReply } from "./pool-worker.js";
import type { CompareRequest, CompareResult } from "./request.js";

/** How a {@link ComparePool} is sized and bounded. */
export interface PoolOptions {
  /** Worker threads. */
  readonly threads: number;
  /** Comparisons that may wait for a worker; past it {@link PoolBusyError}. */
  readonly maxQueue: number;
  /** The old-generation heap of each worker, in MiB; past it the worker dies and its comparison fails (absent: Node's default). */
  readonly heapMb?: number;
  /** Comparisons per worker before the workers are replaced by fresh ones. */
  readonly recycleAfter: number;
  /** Tasks given to a worker at once (absent: 1): a second one waits in the worker, not in this thread, so the worker goes on while this thread is busy. */
  readonly tasksPerThread?: number;
  /** Hears of a worker that failed with no task to fail, e.g. one that could not start (absent: such an error ends the process). */
  readonly onWorkerError?: (error: Error) => void;
}

/** The queue is full: try again later. */
export class PoolBusyError extends Error {
  override readonly name = "PoolBusyError";
}

/** A comparison ran past its time limit; the worker running it was ended. */
export class PoolTimeoutError extends Error {
  override readonly name = "PoolTimeoutError";
}

/**
 * Runs comparisons on worker threads. Each comparison runs under an `AbortSignal`; when it
 * fires, piscina ends the worker running it and starts another.
 *
 * @example const pool = new ComparePool({ threads: 2, maxQueue: 64, heapMb: 512, recycleAfter: 1000 });
 *   await pool.run(request, 30_000) // { status: 1, output: "…" }
 */
export class ComparePool {
  private pool: Piscina;
  private startedOnPool = 0;
  private readonly retiring = new Set<Promise<void>>();
  /** Comparisons started, since the pool was made. */
  started = 0;
  /** Comparisons running or queued now. */
  pending = 0;
  /** Sets of workers made so far: 1, and one more each time the workers are recycled. */
  generation = 1;

  constructor(private readonly options: PoolOptions) {
    this.pool = this.makePool();
  }

  /**
   * Runs `request` on a worker; rejects with {@link PoolBusyError} when the queue is full,
   * {@link PoolTimeoutError} past `limitMs` (no time limit when absent), `InputError` for a side
   * that is not a document ({@link BinaryInputError} for a binary one).
   */
  async run(request: CompareRequest, limitMs?: number): Promise<CompareResult> {
    if (this.pool.queueSize >= this.options.maxQueue) throw new PoolBusyError("every worker is busy and the queue is full");
    this.recycleIfDue();
    const signal = limitMs === undefined ? undefined : AbortSignal.timeout(limitMs);
    this.started++;
    this.pending++;
    try {
      const reply = (await this.pool.run(request, signal ? { signal } : {})) as PoolReply;
      if ("refused" in reply) throw refusal(reply);
      return reply.result;
    } catch (error) {
      if (signal?.aborted) throw new PoolTimeoutError(`the comparison ran past its time limit of ${limitMs} ms`);
      throw error;
    } finally {
      this.pending--;
    }
  }

  /**
   * Runs `requests` on one worker as one task, in order: a result for each, or the error that
   * failed it ({@link InputError} for a side that is not a document, {@link BinaryInputError} for a binary one). Rejects only when the
   * worker itself fails (it could not start, or ended). Takes no time limit.
   */
  async runBatch(requests: readonly CompareRequest[]): Promise<(CompareResult | Error)[]> {
    if (this.pool.queueSize >= this.options.maxQueue) throw new PoolBusyError("every worker is busy and the queue is full");
    this.recycleIfDue(requests.length);
    this.started += requests.length;
    this.pending++;
    try {
      const replies = (await this.pool.run(requests, { name: "compareEach" })) as BatchReply[];
      return replies.map((reply) => ("result" in reply ? reply.result : "refused" in reply ? refusal(reply) : new Error(reply.failed)));
    } finally {
      this.pending--;
    }
  }

  /** Ends every worker once the comparisons already given to it are done. */
  async close(): Promise<void> {
    await Promise.all([this.pool.close(), ...this.retiring]);
  }

  /** Ends every worker now, failing what runs. */
  async destroy(): Promise<void> {
    await Promise.all([this.pool.destroy(), ...this.retiring]);
  }

  /** Replaces the workers when `comparisons` more would take them past their share. */
  private recycleIfDue(comparisons = 1): void {
    if ((this.startedOnPool += comparisons) <= this.options.recycleAfter * this.options.threads) return;
    const old = this.pool;
    this.pool = this.makePool();
    this.generation++;
    this.startedOnPool = comparisons;
    // The old workers finish what they were given, then end.
    const closing = old.close().finally(() => this.retiring.delete(closing));
    this.retiring.add(closing);
  }

  private makePool(): Piscina {
    const pool = new Piscina({
      filename: new URL("./pool-worker.js", import.meta.url).href,
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      maxQueue: Math.max(1, this.options.maxQueue),
      concurrentTasksPerWorker: this.options.tasksPerThread ?? 1,
      ...(this.options.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } }),
    });
    if (this.options.onWorkerError) pool.on("error", this.options.onWorkerError);
    return pool;
  }
}

/** The error of a comparison a worker refused, of the class it had there. */
function refusal(reply: Extract<PoolReply, { refused: string }>): InputError {
  return reply.binary ? new BinaryInputError(reply.refused) : new InputError(reply.refused);
}
