// The terminal theme for the line diffs of other files under git (documents' is in
// compare/terminal-theme.ts): plain functions coloured with a chalk instance made for the level
// decided in color.ts (never chalk's default instance, which reads argv and env itself).

import { Chalk } from "chalk";
import type { LineTheme } from "./line-diff.js";

/**
 * The colours of a line diff, git's defaults: bold file header, cyan hunk headers, red removed
 * and green added lines.
 *
 * @example lineTheme(1).deleted("-old") // "\u001b[31m-old\u001b[39m"
 */
export function lineTheme(level: 1 | 2 | 3): LineTheme {
  const chalk = new Chalk({ level });
  return { header: chalk.bold, hunk: chalk.cyan, deleted: chalk.red, inserted: chalk.green };
}
