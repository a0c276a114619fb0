// The terminal themes, for documents and for the line diffs of other files under git: plain
// functions coloured with a chalk instance made for the level decided in color.ts (never chalk's
// default instance, which reads argv and env itself).

import { Chalk } from "chalk";
import { plainTheme, type Theme } from "../render/text.js";
import type { LineTheme } from "./line-diff.js";

/**
 * A theme for the colour level: plain `[-…-]{+…+}` markers at level 0, else red struck-through
 * deletions (readable without telling red from green), green insertions (with a background where
 * the text is only whitespace, so it stays visible),
 * magenta and cyan for the two halves of a move, and dim line numbers and headers.
 *
 * @example terminalTheme(1).inserted("new") // "\u001b[32mnew\u001b[39m"
 */
export function terminalTheme(level: 0 | 1 | 2 | 3): Theme {
  if (level === 0) return plainTheme;
  const chalk = new Chalk({ level });
  const visible = (fg: (s: string) => string, bg: (s: string) => string) => (s: string) => (/^\s+$/.test(s) ? bg(s) : fg(s));
  return {
    deleted: visible(chalk.red.strikethrough, chalk.bgRed),
    inserted: visible(chalk.green, chalk.bgGreen),
    movedFrom: visible(chalk.magenta, chalk.bgMagenta),
    movedTo: visible(chalk.cyan, chalk.bgCyan),
    meta: chalk.dim,
    reindented: visible(chalk.dim, chalk.dim),
  };
}

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
