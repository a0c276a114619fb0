// Renders an edit script as hunks of source lines with old and new line numbers, changed words
// marked by a theme: `[-old-]{+new+}` in plain text, colours in a terminal.

import type { EditScript } from "../../edit-script.js";
import { type DisplayLine, displayLines, hunks, type LinePart } from "./lines.js";
import type { Granularity } from "./segments.js";

/** How marked-up pieces look; plain functions so that rendering never knows about colour libraries. */
export interface Theme {
  readonly deleted: (text: string) => string;
  readonly inserted: (text: string) => string;
  /** The two halves of a moved block. */
  readonly movedFrom: (text: string) => string;
  readonly movedTo: (text: string) => string;
  /** Hunk headers, line numbers and notes. */
  readonly meta: (text: string) => string;
}

/** The plain theme: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain` writes them. */
export const plainTheme: Theme = Object.freeze({
  deleted: (s: string) => `[-${s}-]`,
  inserted: (s: string) => `{+${s}+}`,
  movedFrom: (s: string) => `[-${s}-]`,
  movedTo: (s: string) => `{+${s}+}`,
  meta: (s: string) => s,
});

/** Options of {@link renderText}. */
export interface TextOptions {
  /** Unchanged lines shown around each change (default 3). */
  readonly context?: number;
  readonly theme?: Theme;
  /** Show replaced words whole (default) or mark the characters that differ inside them. */
  readonly granularity?: Granularity;
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
  const lines = displayLines(script, options.granularity);
  const width = String(Math.max(lines.reduce((m, l) => Math.max(m, l.oldLine ?? 0, l.newLine ?? 0), 0), 1)).length;
  const out: string[] = [];
  for (const hunk of hunks(lines, options.context ?? 3)) {
    out.push(theme.meta(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@`));
    for (const line of hunk.lines) {
      const rows = rowsOf(line, theme);
      const notes = line.notes.length ? theme.meta(`  (${line.notes.join("; ")})`) : "";
      rows.forEach((row, i) => out.push(`${theme.meta(gutter(line, width))} ${row}${i === rows.length - 1 ? notes : ""}`));
    }
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

/** A display line as one row, or a long line as one excerpt row per cluster of nearby changes. */
function rowsOf(line: DisplayLine, theme: Theme): string[] {
  const length = line.parts.reduce((n, p) => n + p.text.length, 0);
  if (length <= LONG_LINE) return [line.parts.map((part) => paint(part, theme)).join("")];
  if (!line.changed) return [`${clip(line.parts.map((p) => p.text).join(""), 0, 2 * EXCERPT)}…`];
  const rows: string[] = [];
  let row: string[] = [];
  let column = 1;
  let rowColumn = 0;
  const flush = (): void => {
    if (rowColumn) rows.push(`${theme.meta(`[col ${rowColumn}]`)} ${row.join("")}`);
    row = [];
    rowColumn = 0;
  };
  line.parts.forEach((part, i) => {
    const first = i === 0;
    const last = i === line.parts.length - 1;
    if (part.kind !== "equal") {
      if (!rowColumn) rowColumn = column;
      row.push(paint(part, theme));
    } else if (part.text.length <= 2 * EXCERPT && !first && !last) {
      row.push(part.text);
    } else {
      // A long unchanged stretch ends one excerpt and starts the next.
      if (!first) row.push(`${clip(part.text, 0, EXCERPT)}${part.text.length > EXCERPT ? "…" : ""}`);
      flush();
      if (!last) row.push(`${part.text.length > EXCERPT ? "…" : ""}${clip(part.text, part.text.length - EXCERPT, part.text.length)}`);
    }
    if (part.kind !== "delete") column += part.text.length;
  });
  flush();
  return rows;
}

function paint(part: LinePart, theme: Theme): string {
  if (part.kind === "equal") return part.text;
  const shown = cut(part.text);
  if (part.kind === "delete") return part.moved ? theme.movedFrom(shown) : theme.deleted(shown);
  return part.moved ? theme.movedTo(shown) : theme.inserted(shown);
}

/** `text.slice(from, to)` with both ends moved off the middle of a surrogate pair. */
function clip(text: string, from: number, to: number): string {
  const low = (i: number): boolean => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  if (low(start)) start++;
  if (low(end)) end--;
  return text.slice(start, end);
}

function cut(text: string): string {
  if (text.length <= LONG_CHANGE) return text;
  return `${clip(text, 0, LONG_CHANGE)}… (${text.length - LONG_CHANGE} more characters)`;
}
