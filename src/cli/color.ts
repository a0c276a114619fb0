// Decides once whether output is coloured: the --color flag, then FORCE_COLOR, NO_COLOR, git's
// own decision when git called us, the terminal and git's pager. Nothing else in the program
// looks at the environment for colour.

import { createRequire } from "node:module";

/** The value of `--color`. */
export type ColorMode = "auto" | "always" | "never";

/** What the colour decision reads. */
export interface ColorContext {
  readonly mode: ColorMode;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal. */
  readonly isTTY: boolean;
  /** git's decision for `color.diff` (undefined if it cannot answer); present only when git called us. */
  readonly git?: () => boolean | undefined;
}

/**
 * The chalk level to use: 0 for none, else 1–3. An explicit `--color` wins; then FORCE_COLOR
 * (`0`/`false` turn colour off, `1`–`3` pick a level, anything else means 1), as Node does;
 * then NO_COLOR (any non-empty value); then git's answer, when git called us and can answer
 * (so `git -c color.ui=never diff` gives none); then a terminal, or git's pager
 * (GIT_PAGER_IN_USE), unless TERM is `dumb`.
 *
 * @example colorLevel({ mode: "auto", env: { NO_COLOR: "1" }, isTTY: true }) // 0
 */
export function colorLevel({ mode, env, isTTY, git }: ColorContext): 0 | 1 | 2 | 3 {
  if (mode === "never") return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (mode === "always") return forced || 1;
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return 0;
  const answer = git?.();
  if (answer !== undefined) return answer ? 1 : 0;
  if (env.TERM === "dumb") return 0;
  return isTTY || isTruthy(env.GIT_PAGER_IN_USE) ? 1 : 0;
}

/**
 * How to ask git for its colour decision, when git called us (its 7 or 9 arguments, or its
 * pager in use); else undefined, and git is never run. The question is
 * `git config --get-colorbool color.diff <stdout-is-tty>`, which weighs color.diff, color.ui,
 * GIT_PAGER_IN_USE with color.pager, and TERM, as git's own diff does; no answer (git absent,
 * or failing) is undefined.
 *
 * @example colorLevel({ mode: "auto", env, isTTY, git: gitColorAsker(invocation.fromGit, env, isTTY) })
 */
export function gitColorAsker(calledByGit: boolean, env: ColorContext["env"], isTTY: boolean): (() => boolean | undefined) | undefined {
  if (!calledByGit && !isTruthy(env.GIT_PAGER_IN_USE)) return undefined;
  return () => {
    const args = ["config", "--get-colorbool", "color.diff", String(isTTY)];
    // node:child_process is loaded here, when git is asked: most runs never ask (start-up, docs/performance.md).
    const { spawnSync } = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
    const { stdout } = spawnSync("git", args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const answer = stdout?.trim();
    return answer === "true" ? true : answer === "false" ? false : undefined;
  };
}

function forcedLevel(value: string | undefined): 0 | 1 | 2 | 3 | undefined {
  if (value === undefined) return undefined;
  if (value === "0" || value.toLowerCase() === "false") return 0;
  if (value === "2" || value === "3") return Number(value) as 2 | 3;
  return 1;
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
