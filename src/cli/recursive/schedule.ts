// Hands out the pairs of a directory run in batches to whichever thread asks, and reports their
// outcomes in path order, whatever order the batches finish in.

import type { Batch, BatchResult, PairOutcome } from "./batch.js";

/**
 * A batch should take about this long: long enough that messages between threads cost little
 * (a few small pages make one batch), short enough that the threads finish together and that
 * large documents go one at a time.
 */
const TARGET_MS = 50;
const MAX_PAIRS = 32;
/** Batches per thread handed out and not yet reported: enough to keep each thread fed, and a bound on memory. */
const OPEN_PER_THREAD = 3;

/**
 * The pairs of a run, cut into batches as threads ask for them. A batch is sized from the time
 * pairs have taken so far (one pair until the first batch is timed) and never takes more than
 * its share of what is left, so the last batches are small. At most `3 × threads` batches are
 * out and unreported at once, so the outcomes waiting for an earlier slow one stay bounded.
 *
 * @example const s = new Schedule(["a.html", "b.html"], 1, print); s.finish(await compareBatch(run, s.take()!));
 */
export class Schedule {
  private next = 0;
  private reported = 0;
  private open = 0;
  /** The time a pair takes, from the batches finished so far; undefined before the first. */
  private msPerPair: number | undefined;
  private readonly done = new Map<number, readonly PairOutcome[]>();
  private waiting: (() => void)[] = [];

  constructor(
    private readonly paths: readonly string[],
    private readonly threads: number,
    private readonly report: (path: string, outcome: PairOutcome) => void,
  ) {}

  /** Whether every pair has been handed out. */
  get allTaken(): boolean {
    return this.next === this.paths.length;
  }

  /** Whether every pair has been reported. */
  get finished(): boolean {
    return this.reported === this.paths.length;
  }

  /** The next batch, or undefined when all are out or too many wait to be reported. */
  take(): Batch | undefined {
    if (this.allTaken || this.open >= OPEN_PER_THREAD * this.threads) return undefined;
    const left = this.paths.length - this.next;
    const fit = this.msPerPair === undefined ? 1 : Math.floor(TARGET_MS / this.msPerPair);
    const size = Math.max(1, Math.min(MAX_PAIRS, fit, Math.ceil(left / (2 * this.threads))));
    const batch = { start: this.next, paths: this.paths.slice(this.next, this.next + size) };
    this.next += batch.paths.length;
    this.open++;
    return batch;
  }

  /** Records a finished batch and reports every outcome that is now next in path order. */
  finish(result: BatchResult): void {
    const ms = result.ms / result.outcomes.length;
    // Half the old estimate, half this batch: the first pairs of each thread run cold and slow.
    this.msPerPair = this.msPerPair === undefined ? ms : (this.msPerPair + ms) / 2;
    this.done.set(result.start, result.outcomes);
    for (let outcomes = this.done.get(this.reported); outcomes; outcomes = this.done.get(this.reported)) {
      this.done.delete(this.reported);
      for (const outcome of outcomes) this.report(this.paths[this.reported++]!, outcome);
      this.open--;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /** Resolves at the next {@link finish}, when a batch may be free to take again. */
  nextFinish(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
