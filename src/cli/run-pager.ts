// Runs the pager that pager.ts chose, with the whole output on its standard input. Loaded only
// when a run pages (child processes cost start-up time, docs/performance.md).

import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { pagerEnv, type Env } from "./pager.js";

/**
 * Runs `command` through the shell with `text` on its standard input and our standard output
 * and error, and resolves when it ends; false when it could not run (not found on PATH, not
 * executable, or the shell's 126 or 127 for that), so that the caller prints `text` itself.
 * Interrupts are ignored while the pager runs (the pager gets them too and decides), so that
 * the shell gets the terminal back only after it.
 *
 * @example if (!(await runPager("less", diff, process.env))) process.stdout.write(diff);
 */
export async function runPager(command: string, text: string, env: Env): Promise<boolean> {
  if (!canRun(command, env.PATH)) return false;
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(command, { shell: true, stdio: ["pipe", "inherit", "inherit"], env: pagerEnv(env) });
      child.on("error", () => resolve(false));
      // The reader quit before the end (q in less): the rest is not wanted.
      child.stdin.on("error", () => undefined);
      child.on("close", (code) => resolve(code !== 126 && code !== 127));
      child.stdin.end(text);
    });
  } finally {
    process.off("SIGINT", ignore);
  }
}

/**
 * Whether the command's program can be run: checked only for a plain `program args…` (no
 * shell syntax in the program's name), by looking it up on PATH as the shell would.
 */
function canRun(command: string, path: string | undefined): boolean {
  const program = command.split(/\s+/)[0]!;
  if (/[|&;<>()$`\\"'*?[#~=%]/.test(program)) return true;
  const candidates = program.includes("/")
    ? [program]
    : (path ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
