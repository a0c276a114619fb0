// Guards the promise that htmldiff never modifies an input: the files a CLI run names (bytes,
// size, modification time) are read before the run and checked again after it.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

/** What is remembered of one input file. */
export interface FileState {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the bytes, or null when this process may not read them. */
  readonly hash: string | null;
}

/** Options whose value is a file that the run writes, not reads. */
const OUTPUT_OPTIONS = new Set(["-o", "--output"]);

/**
 * The state of every regular file an argument list names (folders are walked, for `-r`). The
 * output file (`-o FILE`) is left out, unless it is also named as an input: then it must not
 * change either.
 *
 * @example snapshotInputs(["-f", "json", "old.html", "new.html"]) // [{ path: "old.html", … }, { path: "new.html", … }]
 */
export function snapshotInputs(args: readonly string[]): FileState[] {
  const outputs = new Set<string>();
  const named: string[] = [];
  args.forEach((arg, i) => {
    if (OUTPUT_OPTIONS.has(args[i - 1] ?? "")) outputs.add(arg);
    else if (arg.startsWith("--output=")) outputs.add(arg.slice("--output=".length));
    else named.push(arg);
  });
  const states: FileState[] = [];
  const visit = (path: string): void => {
    const info = statOf(path);
    if (info?.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else if (info?.isFile()) states.push({ path, size: info.size, mtimeMs: info.mtimeMs, hash: hashOf(path) });
  };
  for (const path of new Set(named)) if (path !== "-") visit(path);
  return states;
}

/**
 * Throws, naming the file and what changed, when any file of `before` now has other bytes, another
 * size or another modification time, or is gone.
 *
 * @example const before = snapshotInputs(args); await run(args); expectInputsUnchanged(before);
 */
export function expectInputsUnchanged(before: readonly FileState[]): void {
  for (const state of before) {
    const info = statOf(state.path);
    if (!info) throw new Error(`an input was removed: ${state.path}`);
    if (info.size !== state.size || info.mtimeMs !== state.mtimeMs || hashOf(state.path) !== state.hash) {
      throw new Error(`an input was modified: ${state.path} (size ${state.size} → ${info.size}, mtime ${state.mtimeMs} → ${info.mtimeMs})`);
    }
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function hashOf(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}
