// A batch of a directory run: the pairs at some relative paths under both folders, each skipped
// when its two files hold the same bytes, else compared and rendered. Run by the main thread and
// by the workers alike, so that a batch reads its own files and the main thread only prints.

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../read/decode.js";
import type { CompareResult } from "../../compare/request.js";
import { comparePair } from "../compare.js";
import type { CliOptions } from "../program.js";

/** What every pair of a directory run shares; a worker gets it once, as its `workerData`. */
export interface DirectoryRun {
  readonly oldDir: string;
  readonly newDir: string;
  readonly options: CliOptions;
  /** The colour level decided for the terminal (0 for none). */
  readonly colorLevel: 0 | 1 | 2 | 3;
}

/** One pair's outcome: null when both files hold the same bytes, else its comparison or the one-line error it met. */
export type PairOutcome = CompareResult | { readonly error: string } | null;

/** Consecutive pairs of a run, sent to a worker: `paths` are relative to both folders; `start` is the first one's index. */
export interface Batch {
  readonly start: number;
  readonly paths: readonly string[];
}

/** A batch done: one outcome per path, and how long the batch took (ms), which sizes later batches. */
export interface BatchResult {
  readonly start: number;
  readonly outcomes: readonly PairOutcome[];
  readonly ms: number;
}

/**
 * Compares the pairs of `batch` one after the other. Never throws: a pair that fails gets an
 * error outcome (an internal error is named so), and the run goes on with the next.
 *
 * @example await compareBatch(run, { start: 0, paths: ["index.html"] }) // { start: 0, outcomes: [{ status: 1, output: "--- …" }], ms: 4.2 }
 */
export async function compareBatch(run: DirectoryRun, batch: Batch): Promise<BatchResult> {
  const started = performance.now();
  const outcomes: PairOutcome[] = [];
  for (const path of batch.paths) outcomes.push(await comparePath(run, path));
  return { start: batch.start, outcomes, ms: performance.now() - started };
}

async function comparePath(run: DirectoryRun, path: string): Promise<PairOutcome> {
  const oldPath = join(run.oldDir, path);
  const newPath = join(run.newDir, path);
  try {
    if (sameBytes(oldPath, newPath)) return null;
    const invocation = { oldPath, newPath, oldLabel: oldPath, newLabel: newPath, fromGit: false };
    return await comparePair(invocation, run.options, { readStdin: noStdin }, run.colorLevel);
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

async function noStdin(): Promise<Uint8Array> {
  throw new InputError("standard input cannot be read in a directory run");
}
