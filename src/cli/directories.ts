// `htmldiff -r OLD_DIR NEW_DIR`: pairs HTML and XML files by relative path, reports files found
// on one side only, and compares the changed pairs on worker threads, printing in path order.

import { readdir, readFile, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { InputError } from "../read/decode.js";
import { modeByExtension } from "../read/mode.js";
import { comparePair } from "./compare.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { Progress } from "./progress.js";
import type { CliOptions } from "./program.js";
import { runPool, type Task, type TaskResult } from "./worker-pool.js";

/**
 * Compares two folders; returns 0 when every document is the same on both sides, 1 when any
 * differs or stands on one side only, 2 when any pair could not be compared. The output goes
 * to `write` in the order of the documents' relative paths, whatever the number of jobs, with
 * the relative path of the pair it is about (none for the "Only in" lines).
 *
 * @example await compareDirectories("site-v1", "site-v2", options, io, 4, 0, (s) => io.out(s))
 */
export async function compareDirectories(
  oldDir: string,
  newDir: string,
  options: CliOptions,
  io: CliIO,
  jobs: number | undefined,
  colorLevel: 0 | 1 | 2 | 3,
  write: (text: string, path?: string) => void,
): Promise<number> {
  const [oldFiles, newFiles] = await Promise.all([documentsUnder(oldDir), documentsUnder(newDir)]);
  const paths = [...new Set([...oldFiles, ...newFiles])].sort();
  let status: number = ExitCode.Same;
  const tasks: Task[] = [];
  const onlyIn: string[] = [];
  for (const path of paths) {
    if (!oldFiles.has(path) || !newFiles.has(path)) {
      onlyIn.push(`Only in ${oldFiles.has(path) ? oldDir : newDir}: ${path}\n`);
      status = ExitCode.Different;
      continue;
    }
    const oldPath = join(oldDir, path);
    const newPath = join(newDir, path);
    if (await sameBytes(oldPath, newPath)) continue;
    const invocation = { oldPath, newPath, oldLabel: oldPath, newLabel: newPath, fromGit: false };
    tasks.push({ id: tasks.length, invocation, options, colorLevel });
  }
  const progress = new Progress(io, tasks.length);
  const onResult = (result: TaskResult): void => {
    progress.tick();
    if ("error" in result) {
      progress.clear();
      io.err(`htmldiff: ${result.error}\n`);
      status = ExitCode.Trouble;
      return;
    }
    for (const warning of result.warnings) io.err(`htmldiff: warning: ${warning}\n`);
    if (result.status === ExitCode.Different && status === ExitCode.Same) status = ExitCode.Different;
    if (result.output) {
      progress.clear();
      write(result.output, relative(oldDir, tasks[result.id]!.invocation.oldPath));
    }
  };
  const runHere = async (task: Task): Promise<TaskResult> => {
    try {
      return { id: task.id, ...(await comparePair(task.invocation, task.options, io, task.colorLevel)) };
    } catch (error) {
      if (error instanceof InputError) return { id: task.id, error: error.message };
      throw error;
    }
  };
  await runPool(tasks, jobs ?? availableParallelism(), onResult, runHere);
  progress.clear();
  if (!options.quiet) for (const line of onlyIn) write(line);
  return status;
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

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a), stat(b)]);
  if (x.size !== y.size) return false;
  const [p, q] = await Promise.all([readFile(a), readFile(b)]);
  return p.equals(q);
}
