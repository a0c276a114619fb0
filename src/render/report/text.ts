// Renders an edit script as hunks of source lines with old and new line numbers, changed words
// marked by a theme: `[-old-]{+new+}` in plain text, colours in a terminal.

import type { EditScript } from "../../edit-script.js";
import type { ParsedDocument } from "../../events/parse.js";
import { type DisplayLine, displayLines, type Hunk, hunks, type LinePart } from "./lines.js";
import { Outline } from "./outline.js";
import { LineIndex } from "./positions.js";
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
  /** The new indentation of a line whose indentation alone changed (the old one is not shown). */
  readonly reindented?: (text: string) => string;
}

const plainDeleted = (s: string): string => `[-${s}-]`;
const plainInserted = (s: string): string => `{+${s}+}`;

/**
 * The plain theme: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain` writes them;
 * a moved block is marked as deleted where it was and left unmarked where it arrived, so that the
 * edits made to it stand out there (the notes on both lines say where the other half is).
 */
export const plainTheme: Theme = Object.freeze({
  deleted: plainDeleted,
  inserted: plainInserted,
  movedFrom: plainDeleted,
  movedTo: (s: string) => s,
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
  const context = options.context ?? 3;
  const places = new Places(script);
  // Only the lines that a hunk can show are made: unchanged stretches keep `context + 1` lines at each end.
  const keep = Number.isInteger(context) && context >= 0 ? { keep: context + 1 } : {};
  const lines = displayLines(script, options.granularity, { ...keep, lines: places.lineIndexes });
  const width = String(
    Math.max(
      lines.reduce((m, l) => Math.max(m, l.oldLine ?? 0, l.newLine ?? 0), 0),
      1,
    ),
  ).length;
  const out: string[] = [];
  for (const hunk of hunks(lines, context)) {
    const label = places.ofHunk(hunk);
    out.push(theme.meta(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@${label ? ` ${label}` : ""}`));
    // One marker per hunk says that lines in it were re-indented; their indentation is not marked.
    const reindented = hunk.lines.find((line) => line.parts.some((part) => part.reindent));
    for (const line of hunk.lines) {
      const rows = rowsOf(line, theme, places.ofColumns(line));
      const remarks = line === reindented ? [...line.notes, "re-indented lines in this hunk"] : line.notes;
      const notes = remarks.length ? theme.meta(`  (${remarks.join("; ")})`) : "";
      rows.forEach((row, i) => out.push(`${theme.meta(gutter(line, width))} ${row}${i === rows.length - 1 ? notes : ""}`));
    }
  }
  return out.join("\n");
}

/**
 * What names the place of a hunk, as git's funcname does: the nearest heading, or element with an
 * id around it, before the hunk's first line (in the new document, or the old one for a hunk of
 * old lines only); and, on a long line shown as excerpts, before each excerpt. Each document's
 * outline is made when a label first needs it.
 */
class Places {
  private readonly sides: { doc: ParsedDocument; lines: LineIndex; outline?: Outline }[];

  constructor(script: EditScript) {
    this.sides = [script.a.doc, script.b.doc].map((doc) => ({ doc, lines: new LineIndex(doc.source) }));
  }

  /** The line indexes of the old and new sources, to share with the display lines. */
  get lineIndexes(): readonly [LineIndex, LineIndex] {
    return [this.sides[0]!.lines, this.sides[1]!.lines];
  }

  /** The label of a hunk's header. */
  ofHunk(hunk: Hunk): string | undefined {
    const first = hunk.lines[0]!;
    const side = first.newLine !== null ? 1 : 0;
    return this.before(side, this.sides[side]!.lines.lineStart(first.newLine ?? first.oldLine ?? 1));
  }

  /** For a line of the new document, the label before a (1-based) column of it; columns of an old-only line have no label. */
  ofColumns(line: DisplayLine): ((column: number) => string | undefined) | undefined {
    if (line.newLine === null) return undefined;
    const start = this.sides[1]!.lines.lineStart(line.newLine);
    return (column) => this.before(1, start + column - 1);
  }

  private before(index: number, offset: number): string | undefined {
    const side = this.sides[index]!;
    side.outline ??= new Outline(side.doc);
    return side.outline.labelBefore(offset);
  }
}

/** `start,count` as in unified diffs, with `,count` omitted for one line. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

function gutter(line: DisplayLine, width: number): string {
  const num = (n: number | null): string => (n === null ? "" : String(n)).padStart(width);
  return `${num(line.oldLine)} ${num(line.newLine)} │`;
}

/**
 * A display line as one row, or a long line as one excerpt row per cluster of nearby changes,
 * each headed by its column and, when `labelAt` names one, the section it is in.
 */
function rowsOf(line: DisplayLine, theme: Theme, labelAt?: (column: number) => string | undefined): string[] {
  const length = line.parts.reduce((n, p) => n + p.text.length, 0);
  if (length <= LONG_LINE) return [paintAll(line.parts, theme)];
  if (!line.changed) return [`${clip(line.parts.map((p) => p.text).join(""), 0, 2 * EXCERPT)}…`];
  const rows: string[] = [];
  let row: string[] = [];
  let column = 1;
  let rowColumn = 0;
  const flush = (): void => {
    const label = rowColumn ? labelAt?.(rowColumn) : undefined;
    if (rowColumn) rows.push(`${theme.meta(`[col ${rowColumn}${label ? ` · ${label}` : ""}]`)} ${row.join("")}`);
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
  if (part.reindent) return part.kind === "delete" ? "" : (theme.reindented ?? ((s: string) => s))(part.text);
  const painter = painterOf(part, theme);
  return painter ? painter(cut(part.text)) : part.text;
}

/** The theme's function for a part (none for unchanged text and re-indentation, which {@link paint} shows). */
function painterOf(part: LinePart, theme: Theme): ((text: string) => string) | undefined {
  if (part.kind === "equal" || part.reindent) return undefined;
  if (part.kind === "delete") return part.moved ? theme.movedFrom : theme.deleted;
  return part.moved ? theme.movedTo : theme.inserted;
}

/**
 * Parts painted one after the other, neighbours painted alike as one (a moved block and an edit
 * inside it where the theme does not tell them apart: `{+moved and edited+}`, not `{+moved+}{+edited+}`).
 */
function paintAll(parts: readonly LinePart[], theme: Theme): string {
  let out = "";
  for (let i = 0; i < parts.length;) {
    const painter = painterOf(parts[i]!, theme);
    if (!painter) {
      out += paint(parts[i]!, theme);
      i++;
      continue;
    }
    let text = parts[i]!.text;
    let j = i + 1;
    for (; j < parts.length && painterOf(parts[j]!, theme) === painter; j++) text += parts[j]!.text;
    out += painter(cut(text));
    i = j;
  }
  return out;
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
