// The terminal theme of a document diff: plain functions coloured with a chalk instance made for
// the colour level the front end decided (never chalk's default instance, which reads argv and
// env itself). Loaded only for colour.

import { Chalk } from "chalk";
import { plainTheme, type Theme } from "../render/report/text.js";

/**
 * A theme for the colour level: plain `[-…-]{+…+}` markers at level 0, else red struck-through
 * deletions (readable without telling red from green), green insertions (with a background where
 * the text is only whitespace, so it stays visible),
 * magenta and cyan for the two halves of a move, and dim line numbers, headers and re-indented text.
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
