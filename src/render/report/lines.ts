// Lays an edit script out as display lines of the documents' own source text, with old and
// new line numbers, and groups the changed lines into hunks with context.

import type { EditScript } from "../../edit-script.js";
import { LineIndex } from "./positions.js";
import { type Granularity, type Segment, segmentsOf } from "./segments.js";

/** What a piece of a display line is: unchanged (shown from the new text), deleted or inserted. */
export type PartKind = "equal" | "delete" | "insert";

/** A piece of one display line; `moved` marks text that is half of a move, `reindent` a line's changed indentation. */
export interface LinePart {
  readonly kind: PartKind;
  readonly text: string;
  readonly moved?: boolean;
  readonly reindent?: boolean;
}

/** One display line: its parts and the old and new line numbers it shows (null when it has no such side). */
export interface DisplayLine {
  readonly oldLine: number | null;
  readonly newLine: number | null;
  readonly parts: readonly LinePart[];
  /** True when any part (or the line break that ends the line) is a change. */
  readonly changed: boolean;
  /** Remarks to show after the line, such as where a moved block went. */
  readonly notes: readonly string[];
}

/** A run of display lines around changes, with the old and new line ranges it covers. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  readonly lines: readonly DisplayLine[];
}

/** What {@link displayLines} may leave out, and the line indexes it may share with its caller. */
export interface DisplayLineOptions {
  /**
   * Unchanged lines kept on each side of a longer run of lines inside one unchanged segment;
   * the lines between are left out (all of them kept when absent). With `keep` at least
   * `context + 1`, {@link hunks} with that context gives the same hunks as from every line, and
   * the greatest line numbers are the same: the lines left out are unchanged, numbered below
   * the next kept line, and far enough from any change to be neither shown nor to join two hunks.
   */
  readonly keep?: number;
  /** Line indexes of the old and new sources, made here when not given. */
  readonly lines?: readonly [LineIndex, LineIndex];
}

/**
 * The whole comparison as display lines: the new document's text, with deleted old text
 * placed where it was removed.
 *
 * @example displayLines(diffDocuments("<p>a</p>\n", "<p>b</p>\n"))[0].parts
 *   // [equal "<p>", delete "a", insert "b", equal "</p>"]
 */
export function displayLines(script: EditScript, granularity: Granularity = "word", options: DisplayLineOptions = {}): DisplayLine[] {
  const segments = segmentsOf(script, granularity);
  const [aLines, bLines] = options.lines ?? [new LineIndex(script.a.doc.source), new LineIndex(script.b.doc.source)];
  const keep = options.keep;
  const lines: DisplayLine[] = [];
  let parts: LinePart[] = [];
  let notes: string[] = [];
  let hasOld = false;
  let hasNew = false;
  let changed = false;
  let oldLine = 1;
  let newLine = 1;
  let lineOld = 1;
  let lineNew = 1;
  const endLine = (): void => {
    lines.push({ oldLine: hasOld ? lineOld : null, newLine: hasNew ? lineNew : null, parts, changed, notes });
    parts = [];
    notes = [];
    hasOld = hasNew = changed = false;
    lineOld = oldLine;
    lineNew = newLine;
  };
  /** The pieces of `text` (a part of segment `seg`) between its line breaks, added to the lines. */
  const addText = (seg: Segment, text: string, old: boolean): void => {
    // A CRLF line end is one line break; a lone CR stays in the text.
    const pieces = text.split(/\r?\n/);
    const breaks = seg.kind === "equal" ? [] : (text.match(/\r?\n/g) ?? []);
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (piece) parts.push(seg.inMove === "block" ? { kind: seg.kind, text: piece, moved: true } : seg.reindent ? { kind: seg.kind, text: piece, reindent: true } : { kind: seg.kind, text: piece });
      const ended = p < pieces.length - 1;
      const blankRow = ended && parts.every((part) => !/\S/.test(part.text));
      // A changed line end alone on its line (a final newline added, CRLF become LF) would show
      // no mark at all: it is shown as a control picture, ␊ or ␍␊.
      if (ended && seg.kind !== "equal" && parts.every((part) => part.kind === "equal")) {
        parts.push({ kind: seg.kind, text: breaks[p] === "\r\n" ? "\u240d\u240a" : "\u240a" });
      }
      // A row has a side's line number when it shows that side's text (not only white space); a
      // blank row, when its line break is that side's.
      const shows = /\S/.test(piece) || blankRow;
      if (shows && old) hasOld = true;
      if (shows && seg.kind !== "delete") hasNew = true;
      if ((piece || ended) && seg.kind !== "equal") changed = true;
      if (ended) {
        if (old) oldLine++;
        if (seg.kind !== "delete") newLine++;
        endLine();
      }
    }
  };
  for (const seg of segments) {
    // Old text shown inside a moved block where it arrived stands where the old document has other lines: it has no old line here.
    const old = seg.kind !== "insert" && seg.inMove !== "edit";
    if (old) oldLine = aLines.line(seg.aOffset);
    if (seg.kind !== "delete") newLine = bLines.line(seg.bOffset);
    // A change that starts on a later line of its own side than the row (the text between was
    // left out of the comparison) starts a row of its own, so each row shows its tokens' lines.
    if (parts.length && ((seg.kind === "delete" && oldLine > lineOld) || (seg.kind === "insert" && newLine > lineNew))) endLine();
    if (parts.length === 0) {
      lineOld = oldLine;
      lineNew = newLine;
    }
    if (seg.moved) {
      const other = seg.moved.side === "to" ? aLines.line(seg.moved.otherOffset) : bLines.line(seg.moved.otherOffset);
      const edited = seg.moved.edited ? ", edited" : "";
      notes.push(seg.moved.side === "to" ? `moved from old line ${other}${edited}` : `moved to new line ${other}${edited}`);
    }
    const gap = seg.kind === "equal" && keep !== undefined ? unchangedGap(seg.text, keep) : undefined;
    if (gap === undefined) {
      addText(seg, seg.text, old);
      continue;
    }
    // The whole lines between are unchanged lines, one per line break, numbered on both sides.
    addText(seg, seg.text.slice(0, gap.from), old);
    oldLine += gap.lines;
    newLine += gap.lines;
    lineOld = oldLine;
    lineNew = newLine;
    addText(seg, seg.text.slice(gap.to), old);
  }
  if (parts.length) endLine();
  return lines;
}

/**
 * In unchanged text, the whole lines past the first `keep` whole lines and before the last
 * `keep` (the text up to its first line break, and after its last, ends and starts other
 * lines): where they start and end, and how many there are; undefined when there are none.
 *
 * @example unchangedGap("a\nb\nc\nd\ne", 1) // { from: 4, to: 6, lines: 1 }: "c\n" left out
 */
function unchangedGap(text: string, keep: number): { from: number; to: number; lines: number } | undefined {
  let head = -1;
  for (let k = 0; k <= keep; k++) if ((head = text.indexOf("\n", head + 1)) < 0) return undefined;
  let tail = text.length;
  for (let k = 0; k <= keep; k++) if ((tail = text.lastIndexOf("\n", tail - 1)) <= head) return undefined;
  let lines = 0;
  for (let at = text.indexOf("\n", head + 1); at >= 0 && at <= tail; at = text.indexOf("\n", at + 1)) lines++;
  return { from: head + 1, to: tail + 1, lines };
}

/**
 * Groups changed display lines into hunks with up to `context` unchanged lines around them.
 *
 * @example hunks(displayLines(script), 3).map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount])
 */
export function hunks(lines: readonly DisplayLine[], context: number): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.changed) {
      i++;
      continue;
    }
    const from = Math.max(0, i - context);
    let to = i + 1;
    // Extend while the next change is near enough for the contexts to touch.
    for (let j = to; j < lines.length && j < to + 2 * context + 1; j++) {
      if (lines[j]!.changed) to = j + 1;
    }
    to = Math.min(lines.length, to + context);
    out.push(makeHunk(lines.slice(from, to)));
    i = to;
  }
  return out;
}

function makeHunk(lines: DisplayLine[]): Hunk {
  const olds = lines.map((l) => l.oldLine).filter((n): n is number => n !== null);
  const news = lines.map((l) => l.newLine).filter((n): n is number => n !== null);
  const range = (ns: number[], fallback: number): [number, number] => (ns.length ? [ns[0]!, ns[ns.length - 1]! - ns[0]! + 1] : [fallback, 0]);
  const [oldStart, oldCount] = range(olds, Math.max(0, (lines[0]?.newLine ?? 1) - 1));
  const [newStart, newCount] = range(news, Math.max(0, (lines[0]?.oldLine ?? 1) - 1));
  return { oldStart, oldCount, newStart, newCount, lines };
}
