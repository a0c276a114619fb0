// Compares the pairs of a directory run: `-j N` compares N pairs at once, one on this thread and
// the rest on worker threads of the compare pool (src/compare/pool.ts, which serve and the queue
// use too). This thread reads every pair's files; workers get them in batches (batches.ts), so
// that threads exchange one message per batch, not per pair. Outcomes are reported in path order.

import { ComparePool } from "../../compare/pool.js";
import type { CompareRequest, CompareResult } from "../../compare/request.js";
import { BinaryInputError, firstLine, InputError } from "../../read/decode.js";
import { decodeInput } from "../../read/input.js";
import { chooseFormat, compareInputs, forcedMode, requestOptions } from "../compare.js";
import { binaryPairResult, type SideBytes } from "../binary-pair.js";
import type { CliOptions } from "../program.js";
import { readBytes } from "../read-input.js";
import { batchSize, Unclaimed } from "./batches.js";
import { join } from "node:path";

/** What every pair of a directory run shares. */
export interface DirectoryRun {
  readonly oldDir: string;
  readonly newDir: string;
  readonly options: CliOptions;
  /** The colour level decided for the terminal (0 for none). */
  readonly colorLevel: 0 | 1 | 2 | 3;
}

/**
 * One pair's outcome: null when both files hold the same bytes, else its comparison (`binary`
 * when a side is binary: diff's answer, not a document's output) or the one-line error it met.
 */
export type PairOutcome = CompareResult | (CompareResult & { readonly binary: true }) | { readonly error: string } | null;

/** Batches a worker holds at once: the one it runs and the next, which waits in the worker while this thread is busy with a pair of its own. */
const BATCHES_PER_WORKER = 2;

/**
 * Compares the pairs at `paths` (relative to both folders of `run`), `jobs` at a time: one on
 * this thread and `jobs - 1` on worker threads (none for `-j 1`, nor for a single pair). `report`
 * gets each outcome in the order of `paths`, whatever the number of jobs. Never throws for a
 * pair: one that fails gets an error outcome (an internal error is named so), and the run goes
 * on. When the workers cannot start, `warn` is told once and this thread compares every pair.
 *
 * @example await comparePairs(run, ["a.html", "b.html"], 2, (path, outcome) => print(path, outcome), (line) => warn(line))
 */
export async function comparePairs(run: DirectoryRun, paths: readonly string[], jobs: number, report: (path: string, outcome: PairOutcome) => void, warn: (message: string) => void): Promise<void> {
  const workers = Math.min(jobs, paths.length) - 1;
  const finished = new Map<number, PairOutcome>();
  let reported = 0;
  const finish = (index: number, outcome: PairOutcome): void => {
    finished.set(index, outcome);
    for (; finished.has(reported); reported++) {
      report(paths[reported]!, finished.get(reported)!);
      finished.delete(reported);
    }
  };
  const unclaimed = new Unclaimed(paths.length);
  const helpers = workers > 0 ? new Helpers(run, paths, workers, unclaimed, finish, warn) : undefined;
  try {
    for (;;) {
      if (helpers?.failure) throw helpers.failure.error;
      helpers?.feed();
      const index = unclaimed.one();
      if (index === undefined) {
        if (!helpers?.busy) break;
        await helpers.anyDone();
        continue;
      }
      finish(
        index,
        await outcomeOf(run, paths[index]!, (a, b) =>
          compareInputs(decodeInput(a.bytes, a.name, forcedMode(run.options)), decodeInput(b.bytes, b.name, forcedMode(run.options)), run.options, run.colorLevel),
        ),
      );
      // Lets the workers' replies in, so that they get their next batch.
      if (helpers) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await helpers?.destroy();
  }
}

/** The worker threads of a directory run, fed batches of pairs; gives the pairs back to this thread when they cannot start. */
class Helpers {
  private readonly pool: ComparePool;
  private readonly running = new Set<Promise<void>>();
  private readonly request: Omit<CompareRequest, "a" | "b">;
  private batches = 0;
  private unavailable = false;
  /**
   * Whether the workers can start: true once one has loaded and answered an empty batch, false
   * (after the warning) when it could not. A batch that fails after that ended its worker.
   */
  private readonly ready: Promise<boolean>;
  /** What went wrong outside a comparison, to be thrown by the loop of comparePairs. */
  failure: { readonly error: unknown } | undefined;

  constructor(
    private readonly run: DirectoryRun,
    private readonly paths: readonly string[],
    private readonly workers: number,
    private readonly unclaimed: Unclaimed,
    private readonly finish: (index: number, outcome: PairOutcome) => void,
    private readonly warn: (message: string) => void,
  ) {
    this.request = { options: requestOptions(run.options), format: chooseFormat(run.options), colorLevel: run.colorLevel };
    this.pool = new ComparePool({ threads: workers, maxQueue: workers * BATCHES_PER_WORKER, recycleAfter: Infinity, tasksPerThread: BATCHES_PER_WORKER, onWorkerError: (error) => this.giveUp(error) });
    this.ready = this.pool.runBatch([]).then(
      () => true,
      (error: Error) => (this.giveUp(error), false),
    );
  }

  /** Whether a batch is still out. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Settles when a batch out has been reported. */
  async anyDone(): Promise<void> {
    await Promise.race(this.running);
  }

  /** Hands batches of unclaimed pairs to the workers till each holds {@link BATCHES_PER_WORKER}. */
  feed(): void {
    while (!this.unavailable && this.running.size < this.workers * BATCHES_PER_WORKER && this.unclaimed.left > 0) {
      const batch = this.unclaimed.run(batchSize(this.batches++, this.unclaimed.left, this.workers + 1));
      // An error of `finish` (a report that could not be written) ends the run from the loop of comparePairs.
      const done: Promise<void> = this.compareBatch(batch)
        .catch((error: unknown) => void (this.failure ??= { error }))
        .finally(() => this.running.delete(done));
      this.running.add(done);
    }
  }

  /** Ends the workers. */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }

  private async compareBatch(batch: readonly number[]): Promise<void> {
    const toCompare: { index: number; sides: [SideBytes, SideBytes]; request: CompareRequest }[] = [];
    for (const index of batch) {
      const read = await readPair(this.run, this.paths[index]!);
      if (Array.isArray(read)) toCompare.push({ index, sides: read, request: { ...this.request, a: read[0], b: read[1] } });
      else this.finish(index, read);
    }
    if (!toCompare.length) return;
    if (!(await this.ready)) return this.unclaimed.giveBack(toCompare.map((pair) => pair.index));
    let results: (CompareResult | Error)[];
    try {
      results = await this.pool.runBatch(toCompare.map((pair) => pair.request));
    } catch {
      // The worker ended on one of these pairs: one pair a task now, so that only that pair fails.
      // One after another: all at once, the pairs past the pool's queue would fail as "busy".
      results = [];
      for (const pair of toCompare) results.push(await this.pool.run(pair.request).catch((failure: Error) => failure));
    }
    for (const [k, result] of results.entries()) {
      const { index, sides } = toCompare[k]!;
      this.finish(index, result instanceof Error ? await failedOutcome(this.run, result, ...sides) : result);
    }
  }

  private giveUp(error: Error): void {
    if (this.unavailable) return;
    this.unavailable = true;
    this.warn(`cannot start worker threads: ${firstLine(error)} (reinstall htmldiff); comparing on one thread`);
  }
}

/** Reads both files of the pair at `path`: its outcome when that needs no comparison (the same bytes, or a file that cannot be read), else both sides. */
async function readPair(run: DirectoryRun, path: string): Promise<Exclude<PairOutcome, CompareResult> | [SideBytes, SideBytes]> {
  const [oldPath, newPath] = [join(run.oldDir, path), join(run.newDir, path)];
  try {
    const a = { name: oldPath, bytes: await readBytes(oldPath) };
    const b = { name: newPath, bytes: await readBytes(newPath) };
    return Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).equals(b.bytes) ? null : [a, b];
  } catch (error) {
    return errorOutcome(error);
  }
}

/** The outcome of the pair at `path`, compared by `compareSides` unless both files hold the same bytes. */
async function outcomeOf(run: DirectoryRun, path: string, compareSides: (a: SideBytes, b: SideBytes) => Promise<CompareResult>): Promise<PairOutcome> {
  const read = await readPair(run, path);
  if (!Array.isArray(read)) return read;
  try {
    return await compareSides(...read);
  } catch (error) {
    return failedOutcome(run, error, ...read);
  }
}

/** The outcome of the pair `a`, `b` whose comparison threw `error`: diff's answer when a side is binary, else the error's. */
async function failedOutcome(run: DirectoryRun, error: unknown, a: SideBytes, b: SideBytes): Promise<PairOutcome> {
  if (!(error instanceof BinaryInputError)) return errorOutcome(error);
  return { ...(await binaryPairResult(a, b, chooseFormat(run.options), run.options.quiet ?? false)), binary: true };
}

/** A pair's error outcome: the one-line message of a bad input, else the error named internal. */
function errorOutcome(error: unknown): { readonly error: string } {
  if (error instanceof InputError || error instanceof RangeError) return { error: error.message };
  return { error: `internal error: ${firstLine(error)}` };
}
