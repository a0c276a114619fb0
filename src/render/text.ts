// Renders an edit script as hunks of source lines with old and new line numbers, changed words
// marked by a theme: `[-old-]{+new+}` in plain text, colours in a terminal.

import type { EditScript } from "../script/edit-script.js";
import { type DisplayLine, displayLines, hunks, type LinePart } from "./lines.js";

/** How marked-up pieces look; plain functions so that rendering never knows about colour libraries. */
export interface Theme {
  readonly deleted: (text: string) => string;
  readonly inserted: (text: string) => string;
  /** Hunk headers and line numbers. */
  readonly meta: (text: string) => string;
}

/** The plain theme: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain` writes them. */
export const plainTheme: Theme = Object.freeze({
  deleted: (s: string) => `[-${s}-]`,
  inserted: (s: string) => `{+${s}+}`,
  meta: (s: string) => s,
});

/** Options of {@link renderText}. */
export interface TextOptions {
  /** Unchanged lines shown around each change (default 3). */
  readonly context?: number;
  readonly theme?: Theme;
}

/** Unchanged text kept on each side of a change on a long line. */
const EXCERPT = 60;
/** Lines longer than this are shown as excerpts around their changes. */
const LONG_LINE = 200;
/** Changed text longer than this is cut, saying how much was left out. */
const LONG_CHANGE = 2000;

/**
 * The hunks of a comparison as text lines (no trailing newline); empty when nothing changed.
 *
 * @example renderText(diffDocuments("<p>a\n", "<p>b\n"))
 *   // "@@ -1 +1 @@\n   1    1 │ <p>[-a-]{+b+}"
 */
export function renderText(script: EditScript, options: TextOptions = {}): string {
  if (script.identical) return "";
  const theme = options.theme ?? plainTheme;
  const lines = displayLines(script);
  const width = String(Math.max(lines.reduce((m, l) => Math.max(m, l.oldLine ?? 0, l.newLine ?? 0), 0), 1)).length;
  const out: string[] = [];
  for (const hunk of hunks(lines, options.context ?? 3)) {
    out.push(theme.meta(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@`));
    for (const line of hunk.lines) out.push(`${theme.meta(gutter(line, width))} ${content(line, theme)}`);
  }
  return out.join("\n");
}

/** `start,count` as in unified diffs, with `,count` omitted for one line. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

function gutter(line: DisplayLine, width: number): string {
  const num = (n: number | null): string => (n === null ? "" : String(n)).padStart(width);
  return `${num(line.oldLine)} ${num(line.newLine)} │`;
}

function content(line: DisplayLine, theme: Theme): string {
  const long = line.parts.reduce((n, p) => n + p.text.length, 0) > LONG_LINE;
  return line.parts
    .map((part, i) => {
      if (part.kind !== "equal") {
        const text = cut(part.text);
        return part.kind === "delete" ? theme.deleted(text) : theme.inserted(text);
      }
      return long ? excerpt(part, i > 0, i < line.parts.length - 1) : part.text;
    })
    .join("");
}

/** Unchanged text on a long line: only what borders a change, with `…` for what is left out. */
function excerpt(part: LinePart, afterChange: boolean, beforeChange: boolean): string {
  const { text } = part;
  if (text.length <= 2 * EXCERPT) return text;
  const head = afterChange ? text.slice(0, EXCERPT) : "";
  const tail = beforeChange ? text.slice(-EXCERPT) : "";
  if (!afterChange && !beforeChange) return `${text.slice(0, 2 * EXCERPT)}…`;
  return `${head}…${tail}`;
}

function cut(text: string): string {
  if (text.length <= LONG_CHANGE) return text;
  return `${text.slice(0, LONG_CHANGE)}… (${text.length - LONG_CHANGE} more characters)`;
}
