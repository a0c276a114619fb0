// The pager, as git has one: on a terminal the output goes through $HTMLDIFF_PAGER, $PAGER or
// less (with LESS=FRX, so that a short diff prints and exits). Decided here, run here.

import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { CliOptions } from "./program.js";

type Env = Readonly<Record<string, string | undefined>>;

/** What the pager decision reads. */
export interface PagerContext {
  readonly env: Env;
  /** Whether standard output is a terminal. */
  readonly stdoutIsTTY: boolean;
  /** Whether git called us with its external-diff arguments. */
  readonly fromGit: boolean;
  readonly options: Pick<CliOptions, "pager" | "quiet" | "output">;
}

/**
 * The pager command to run, or undefined for none. None unless stdout is a terminal; none
 * with `--no-pager`, `-q` or `-o`; none when git called us (an external diff, a difftool, or
 * under git's own pager: GIT_DIFF_PATH_TOTAL or GIT_PAGER_IN_USE is set). The command is
 * HTMLDIFF_PAGER, else PAGER, else `less`; an empty one or `cat` means none.
 *
 * @example pagerCommand({ env: { PAGER: "most" }, stdoutIsTTY: true, fromGit: false, options: { pager: true } }) // "most"
 */
export function pagerCommand({ env, stdoutIsTTY, fromGit, options }: PagerContext): string | undefined {
  if (!stdoutIsTTY || !options.pager || options.quiet || options.output !== undefined) return undefined;
  if (fromGit || env.GIT_DIFF_PATH_TOTAL !== undefined || (env.GIT_PAGER_IN_USE ?? "") !== "") return undefined;
  const command = (env.HTMLDIFF_PAGER ?? env.PAGER ?? "less").trim();
  return command === "" || command === "cat" ? undefined : command;
}

/**
 * The pager's environment: ours, with LESS=FRX and LV=-c when they are unset, as git sets them
 * (quit when the text fits the screen, pass colours through, leave the screen as it is).
 *
 * @example pagerEnv({ LESS: "R" }) // { LESS: "R", LV: "-c" }
 */
export function pagerEnv(env: Env): Record<string, string | undefined> {
  return { ...env, LESS: env.LESS ?? "FRX", LV: env.LV ?? "-c" };
}

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
  const candidates = program.includes("/") ? [program] : (path ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
