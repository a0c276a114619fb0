// The GitHub Actions step summary: with -f github, a Markdown table appended to the file that
// GITHUB_STEP_SUMMARY names, when it is set.

import { appendFile } from "node:fs/promises";
import { renderStepSummary, type SummaryRow } from "../render/report/github.js";
import type { CliIO } from "./io.js";

/**
 * Appends the summary of `rows` to $GITHUB_STEP_SUMMARY (never truncating it); does nothing
 * when it is unset or empty. A failed write is one warning line on stderr, not an error: the
 * annotations are printed already and the status stays that of the comparison.
 *
 * @example await appendStepSummary([{ file: "index.html", changes: 2, inserted: 3, deleted: 1 }], io)
 */
export async function appendStepSummary(rows: readonly SummaryRow[], io: CliIO): Promise<void> {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    await appendFile(path, renderStepSummary(rows));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.err(`htmldiff: warning: GITHUB_STEP_SUMMARY: cannot append the summary to ${path} (${reason})\n`);
  }
}
