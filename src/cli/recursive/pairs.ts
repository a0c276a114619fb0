// Compares the pairs of a directory run: on this thread for one job or one pair, else on the
// worker threads of the compare pool (src/compare/pool.ts), which serve and the queue use too.
// This thread reads each pair's files; outcomes are reported in path order.

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ComparePool } from "../../compare/pool.js";
import type { CompareResult } from "../../compare/request.js";
import { InputError } from "../../read/decode.js";
import { chooseFormat, compareInputs, forcedMode, requestOptions } from "../compare.js";
import type { CliOptions } from "../program.js";
import { readBytes } from "../read-input.js";
import { decodeInput } from "../../read/input.js";

/** What every pair of a directory run shares. */
export interface DirectoryRun {
  readonly oldDir: string;
  readonly newDir: string;
  readonly options: CliOptions;
  /** The colour level decided for the terminal (0 for none). */
  readonly colorLevel: 0 | 1 | 2 | 3;
}

/** One pair's outcome: null when both files hold the same bytes, else its comparison or the one-line error it met. */
export type PairOutcome = CompareResult | { readonly error: string } | null;

/** Pairs read and handed to the pool ahead of the one reported next, per thread: enough to keep the workers fed, and a bound on memory. */
const AHEAD_PER_THREAD = 4;

/**
 * Compares the pairs at `paths` (relative to both folders of `run`) with `jobs` worker threads
 * (none for `-j 1`, nor for a single pair, which need no start-up); `report` gets each outcome in
 * the order of `paths`. Never throws for a pair: one that fails gets an error outcome (an
 * internal error is named so), and the run goes on.
 *
 * @example await comparePairs(run, ["a.html", "b.html"], 2, (path, outcome) => print(path, outcome))
 */
export async function comparePairs(run: DirectoryRun, paths: readonly string[], jobs: number, report: (path: string, outcome: PairOutcome) => void): Promise<void> {
  const threads = Math.min(jobs, paths.length);
  if (threads <= 1) {
    for (const path of paths)
      report(
        path,
        await outcomeOf(run, path, (a, b) => compareInputs(decodeInput(a.bytes, a.name, forcedMode(run.options)), decodeInput(b.bytes, b.name, forcedMode(run.options)), run.options, run.colorLevel)),
      );
    return;
  }
  const pool = new ComparePool({ threads, maxQueue: paths.length, recycleAfter: Infinity });
  const format = chooseFormat(run.options);
  const onPool = (path: string): Promise<PairOutcome> => outcomeOf(run, path, (a, b) => pool.run({ a, b, options: requestOptions(run.options), format, colorLevel: run.colorLevel }));
  try {
    const pending: (Promise<PairOutcome> | undefined)[] = [];
    let next = 0;
    for (let done = 0; done < paths.length; done++) {
      for (; next < paths.length && next < done + threads * AHEAD_PER_THREAD; next++) pending.push(onPool(paths[next]!));
      report(paths[done]!, await pending[done]!);
      pending[done] = undefined;
    }
  } finally {
    await pool.destroy();
  }
}

/** A side read: its bytes and the name messages call it. */
interface ReadSide {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The outcome of the pair at `path`, compared by `compareSides` unless both files hold the same bytes. */
async function outcomeOf(run: DirectoryRun, path: string, compareSides: (a: ReadSide, b: ReadSide) => Promise<CompareResult>): Promise<PairOutcome> {
  const oldPath = join(run.oldDir, path);
  const newPath = join(run.newDir, path);
  try {
    if (sameBytes(oldPath, newPath)) return null;
    return await compareSides({ name: oldPath, bytes: await readBytes(oldPath) }, { name: newPath, bytes: await readBytes(newPath) });
  } catch (error) {
    if (error instanceof InputError || error instanceof RangeError) return { error: error.message };
    return { error: `internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
}

/** Whether both files hold the same bytes; false when either cannot be read (comparing them then says why). */
function sameBytes(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}
