// `htmldiff results`: the results of jobs named by their ids, printed as they finish (with
// --wait, till every one has), each exactly once; a failed job is one line on stderr naming its
// pair and reason. On a terminal, a progress line on stderr while waiting.

import type { DiffJobs, JobState, StoredResult } from "../compare/jobs.js";
import type { QueueIO } from "./io.js";

/** How results are printed: each job's output as rendered, one JSON object a line, or one summary line a pair. */
export type ResultsFormat = "output" | "json" | "stat";

/** How often unfinished jobs are looked at again while waiting. */
const POLL_MS = 200;

/**
 * Prints the results of the jobs `ids` and returns the exit status: 2 when a job failed or is
 * unknown (never queued, or its result expired), else 1 when a pair differs, else 0.
 *
 * @example await printResults(jobs, ids, { wait: true, format: "json" }, io)
 */
export async function printResults(jobs: DiffJobs, ids: readonly string[], { wait, format }: { wait: boolean; format: ResultsFormat }, io: QueueIO): Promise<number> {
  const pending = new Set(ids);
  const progress = new ProgressLine(io, pending.size);
  let status = 0;
  const settle = (id: string, state: JobState): void => {
    if (state.state !== "completed" && state.state !== "failed" && state.state !== "unknown") return;
    pending.delete(id);
    progress.around(() => (status = Math.max(status, print(id, state, format, io))));
  };
  // The first look tells unknown ids from queued ones; later looks only watch for results and failures.
  for (const id of [...pending]) settle(id, await jobs.state(id));
  while (wait && pending.size) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    for (const [id, state] of await jobs.finished([...pending])) settle(id, state);
  }
  progress.clear();
  if (pending.size) io.err(`htmldiff: ${pending.size} of ${ids.length} jobs not finished yet (--wait waits for them)\n`);
  return status;
}

/** Prints one finished job; returns its exit status. */
function print(id: string, state: JobState, format: ResultsFormat, io: QueueIO): number {
  if (state.state === "unknown") {
    if (format === "json") io.out(`${JSON.stringify({ id, state: "unknown" })}\n`);
    io.err(`htmldiff: ${id}: no such job (never queued, or its result has expired)\n`);
    return 2;
  }
  if (state.state === "failed") {
    const { oldLabel, newLabel } = state.job;
    if (format === "json") io.out(`${JSON.stringify({ id, state: "failed", old: oldLabel, new: newLabel, error: state.error })}\n`);
    io.err(`htmldiff: ${id} (${oldLabel} → ${newLabel}): ${state.error}\n`);
    return 2;
  }
  if (state.state !== "completed") return 0;
  printResult(id, state.result, format, io);
  return state.result.status;
}

function printResult(id: string, result: StoredResult, format: ResultsFormat, io: QueueIO): void {
  const { oldLabel, newLabel } = result.job;
  if (format === "json") {
    const { status, counts, warnings, output } = result;
    io.out(`${JSON.stringify({ id, state: "completed", old: oldLabel, new: newLabel, status, counts, warnings, output })}\n`);
    return;
  }
  for (const warning of result.warnings) io.err(`htmldiff: warning: ${warning}\n`);
  if (format === "output") io.out(result.output);
  else io.out(`${oldLabel} → ${newLabel}: ${result.status ? `${result.counts.changes} changes, +${result.counts.inserted} -${result.counts.deleted} tokens` : "no changes"}\n`);
}

/** `[=====     ] 12/40 jobs` on stderr when it is a terminal, wiped before each line printed and drawn again after. */
class ProgressLine {
  private done = 0;
  private shown = false;

  constructor(
    private readonly io: QueueIO,
    private readonly total: number,
  ) {}

  around(print: () => void): void {
    this.clear();
    print();
    this.done++;
    if (!this.io.stderrIsTTY) return;
    const filled = Math.round((this.done / Math.max(1, this.total)) * 30);
    this.io.err(`[${"=".repeat(filled)}${" ".repeat(30 - filled)}] ${this.done}/${this.total} jobs`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.io.err("\r\u001b[K");
    this.shown = false;
  }
}
