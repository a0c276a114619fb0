// The pager, as git has one: on a terminal the output goes through $HTMLDIFF_PAGER, $PAGER or
// less (with LESS=FRX, so that a short diff prints and exits). Decided here; run-pager.ts runs it.

import type { CliOptions } from "./program.js";

/** The environment, as the pager decision reads it. */
export type Env = Readonly<Record<string, string | undefined>>;

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
