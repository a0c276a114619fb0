// Decides once whether output is coloured: the --color flag, then FORCE_COLOR, NO_COLOR, the
// terminal and git's pager. Nothing else in the program looks at the environment for colour.

/** The value of `--color`. */
export type ColorMode = "auto" | "always" | "never";

/** What the colour decision reads. */
export interface ColorContext {
  readonly mode: ColorMode;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal. */
  readonly isTTY: boolean;
}

/**
 * The chalk level to use: 0 for none, else 1–3. An explicit `--color` wins; then FORCE_COLOR
 * (`0`/`false` turn colour off, `1`–`3` pick a level, anything else means 1), as Node does;
 * then NO_COLOR (any non-empty value); then a terminal, or git's pager (GIT_PAGER_IN_USE),
 * unless TERM is `dumb`.
 *
 * @example colorLevel({ mode: "auto", env: { NO_COLOR: "1" }, isTTY: true }) // 0
 */
export function colorLevel({ mode, env, isTTY }: ColorContext): 0 | 1 | 2 | 3 {
  if (mode === "never") return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (mode === "always") return forced || 1;
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return 0;
  if (env.TERM === "dumb") return 0;
  return isTTY || isTruthy(env.GIT_PAGER_IN_USE) ? 1 : 0;
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
