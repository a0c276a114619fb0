// How the pairs of a directory run are shared out: how many threads compare them (-j's default),
// then which pairs each takes. This thread takes one at a time, workers take
// batches. A batch saves the messages and waits of one task per pair (a small pair takes about a
// millisecond, as long as a round trip between threads on a busy machine), but a batch given out
// near the end can leave the other threads idle while it runs: so batches start at one pair (a
// worker still starting up holds little), double, and never exceed a share of what is left
// (guided self-scheduling).

import { availableParallelism } from "node:os";

/**
 * The number of pairs compared at once when `-j` is not given: one less than the cores, at least
 * one. Each thread that compares keeps V8's compiler and garbage collector threads about half
 * busy besides, and a second thread compiles the same code again: on 2 cores, `-j 2` spent about
 * 40% more CPU than `-j 1` and was no faster on 1,000 small pairs (docs/performance.md), so `-j 1`
 * leaves the second core to that background work.
 *
 * @example defaultJobs(2) // 1
 * @example defaultJobs(8) // 7
 */
export function defaultJobs(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** The most pairs in one batch. */
export const MAX_BATCH = 16;

/**
 * The size of the batch given out after `given` batches, when `left` pairs are not yet given
 * to a thread and `threads` threads compare them: at least 1, at most {@link MAX_BATCH}, `2 ** given`
 * and `left / (2 * threads)`.
 *
 * @example batchSize(0, 1000, 2) // 1
 * @example batchSize(10, 1000, 2) // 16
 * @example batchSize(10, 20, 2) // 5
 */
export function batchSize(given: number, left: number, threads: number): number {
  return Math.max(1, Math.min(2 ** Math.min(given, 30), MAX_BATCH, Math.floor(left / (2 * threads))));
}

/** The pairs not yet given to a thread, by index: in path order, those given back first. */
export class Unclaimed {
  private next = 0;
  private readonly givenBack: number[] = [];

  constructor(private readonly total: number) {}

  /** Pairs never given out. */
  get left(): number {
    return this.total - this.next;
  }

  /** The next pair, if any. */
  one(): number | undefined {
    return this.givenBack.shift() ?? (this.next < this.total ? this.next++ : undefined);
  }

  /** The next `size` pairs never given out (fewer at the end). */
  run(size: number): number[] {
    const first = this.next;
    this.next = Math.min(this.total, first + size);
    return Array.from({ length: this.next - first }, (_, k) => first + k);
  }

  /** Takes back pairs a thread could not compare. */
  giveBack(indexes: readonly number[]): void {
    this.givenBack.push(...indexes);
  }
}
