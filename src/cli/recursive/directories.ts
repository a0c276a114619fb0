// `htmldiff -r OLD_DIR NEW_DIR`: pairs HTML and XML files by relative path, reports files found
// on one side only, and has the pairs compared (pairs.ts: on this thread and the compare pool), printing in path order.

import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { InputError } from "../../read/decode.js";
import { modeByExtension } from "../../read/mode.js";
import type { SummaryRow } from "../../render/report/github.js";
import { comparePairs, type PairOutcome } from "./pairs.js";
import { defaultJobs } from "./batches.js";
import { chooseFormat } from "../compare.js";
import { ExitCode } from "../exit-codes.js";
import { renderOnlyIn } from "../../render/formats.js";
import type { CliIO } from "../io.js";
import { Progress } from "./progress.js";
import type { CliOptions } from "../program.js";

/** Where the results of a directory run go. */
export interface DirectoryOutput {
  /** Gets each result, with the relative path of the pair it is about (none for a file found on one side only, or a binary pair). */
  readonly write: (text: string, path?: string) => void;
  /** Whether the results are written to the terminal that shows the progress line. */
  readonly onTerminal: boolean;
}

/** The status of a directory run, and a row per differing pair or one-sided file for a step summary. */
export interface DirectoryReport {
  readonly status: number;
  readonly rows: readonly SummaryRow[];
}

/**
 * Compares two folders; the status is 0 when every document is the same on both sides, 1 when
 * any differs (a binary pair too, as diff -r says: `Binary files OLD and NEW differ`) or stands
 * on one side only, 2 when any pair could not be compared. The output
 * goes to `output.write` in the order of the documents' relative paths, whatever the number of
 * jobs, then the documents found on one side only (JSON records and annotations in json and
 * github), and for stat a totals line.
 *
 * @example await compareDirectories("site-v1", "site-v2", options, io, 0, { write: (s) => io.out(s), onTerminal: true })
 */
export async function compareDirectories(oldDir: string, newDir: string, options: CliOptions, io: CliIO, colorLevel: 0 | 1 | 2 | 3, output: DirectoryOutput): Promise<DirectoryReport> {
  const [oldFiles, newFiles] = await Promise.all([documentsUnder(oldDir), documentsUnder(newDir)]);
  const paths = [...new Set([...oldFiles, ...newFiles])].sort();
  const both = paths.filter((path) => oldFiles.has(path) && newFiles.has(path));
  const oneSided = paths.filter((path) => !oldFiles.has(path) || !newFiles.has(path)).map((path) => ({ path, side: oldFiles.has(path) ? ("old" as const) : ("new" as const) }));
  const format = chooseFormat(options);
  const rows: SummaryRow[] = [];
  let status: number = oneSided.length ? ExitCode.Different : ExitCode.Same;
  let [changed, failed] = [0, 0];
  const progress = new Progress(io, both.length, output.onTerminal);
  const report = (path: string, outcome: PairOutcome): void => {
    progress.tick();
    if (!outcome) return;
    if ("error" in outcome) {
      progress.message(`htmldiff: ${outcome.error}\n`);
      status = ExitCode.Trouble;
      failed++;
      return;
    }
    for (const warning of outcome.warnings) progress.message(`htmldiff: warning: ${warning}\n`);
    if (outcome.status === ExitCode.Same) {
      // A pair equal after the ignore options is listed as bytes-equal ones are: not at all (but JSON answers for each).
      if (format === "stat") return;
    } else {
      changed++;
      rows.push({ file: path, ...outcome.counts });
      if (status === ExitCode.Same) status = ExitCode.Different;
    }
    // A binary pair's line is a finding, as a file on one side only is: no document's output.
    if (outcome.output) progress.result(() => output.write(outcome.output, "binary" in outcome ? undefined : path));
  };
  const warn = (message: string): void => progress.message(`htmldiff: warning: ${message}\n`);
  await comparePairs({ oldDir, newDir, options, colorLevel }, both, options.jobs ?? defaultJobs(), report, warn);
  progress.clear();
  for (const { path, side } of oneSided) rows.push({ file: path, only: side });
  if (options.quiet) return { status, rows };
  for (const { path, side } of oneSided) output.write(await renderOnlyIn(format, side, side === "old" ? oldDir : newDir, path));
  if (format === "stat") {
    const { renderTotals } = await import("../../render/report/stat.js");
    const onlyOld = oneSided.filter((file) => file.side === "old").length;
    const identical = both.length - changed - failed;
    output.write(`${renderTotals({ changed, identical, onlyOld, onlyNew: oneSided.length - onlyOld, failed })}\n`);
  }
  return { status, rows };
}

/** Relative paths of the HTML and XML files below `dir` (by extension), following no links. */
async function documentsUnder(dir: string): Promise<Set<string>> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(`${dir}: No such file or directory`);
  if (!info.isDirectory()) throw new InputError(`${dir}: Not a directory (-r compares folders)`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Set<string>();
  for (const entry of entries) {
    if (entry.isFile() && modeByExtension(entry.name)) out.add(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out;
}
