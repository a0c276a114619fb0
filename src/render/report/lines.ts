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
  /** True when any part (or the line break that ends the line) is a change; a tag only one side writes is none by itself. */
  readonly changed: boolean;
  /** Remarks to show after the line, such as where a moved block went. */
  readonly notes: readonly string[];
  /**
   * True when the old line number is that of old text shown away from its place: an edit made to
   * a moved block, shown where the block arrived. Such a number is outside the old lines' order.
   */
  readonly oldElsewhere?: true;
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
  let changed = false;
  // Where each side's text stands: the line of the next old text (in the old document's order)
  // and of the next new text.
  let oldLine = 1;
  let newLine = 1;
  // The lines of the row's text on each side (null before the row has any), whether the row
  // shows that side's text (not only white space), and whether its old text is an edit shown
  // where a moved block arrived.
  let rowOld: number | null = null;
  let rowNew: number | null = null;
  let showsOld = false;
  let showsNew = false;
  let rowInMove = false;
  // What the row's text is: the flows it holds, one bit each (see Flow).
  let rowFlows = 0;
  // Each side's place (in the document's order) where the row starts.
  let startOld = 1;
  let startNew = 1;
  const endLine = (): void => {
    const oldNumber = showsOld ? rowOld : null;
    lines.push({ oldLine: oldNumber, newLine: showsNew ? rowNew : null, parts, changed, notes, ...(oldNumber !== null && rowInMove ? { oldElsewhere: true } : {}) });
    parts = [];
    notes = [];
    rowOld = rowNew = null;
    showsOld = showsNew = changed = rowInMove = false;
    rowFlows = 0;
  };
  /**
   * The pieces of `text` (a part of segment `seg`) between its line breaks, added to the lines;
   * its old text starts on old line `fromOld` (null when it has none), its new text on the
   * current new line; the old document's place moves on with text of its main flow. A `note`
   * goes on the row of the text's start.
   */
  const addText = (seg: Segment, text: string, fromOld: number | null, note?: string): void => {
    // A CRLF line end is one line break; a lone CR stays in the text.
    const pieces = text.split(/\r?\n/);
    const breaks = seg.kind === "equal" ? [] : (text.match(/\r?\n/g) ?? []);
    const hasNew = seg.kind !== "delete";
    const inMove = seg.inMove === "edit";
    const flow = flowOf(seg);
    let atOld = fromOld;
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      // Text of another line than the row's, or old text from elsewhere, starts a row of its own,
      // so that each row shows the text of the lines it names.
      if (piece && parts.length) {
        const otherOld = atOld !== null && (rowOld !== null ? atOld !== rowOld || inMove !== rowInMove : !inMove && atOld > startOld);
        const otherNew = hasNew && newLine !== (rowNew ?? startNew);
        const apart = (rowFlows & APART[flow]!) !== 0;
        if (otherOld || otherNew || apart) endLine();
      }
      if (piece && !parts.length) [startOld, startNew] = [oldLine, newLine];
      if (p === 0 && note) notes.push(note);
      if (piece) {
        if (atOld !== null && rowOld === null) [rowOld, rowInMove] = [atOld, inMove];
        if (hasNew) rowNew ??= newLine;
        rowFlows |= 1 << flow;
        parts.push(seg.inMove === "block" ? { kind: seg.kind, text: piece, moved: true } : seg.reindent ? { kind: seg.kind, text: piece, reindent: true } : { kind: seg.kind, text: piece });
      }
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
      if (shows && atOld !== null) {
        if (rowOld === null) [rowOld, rowInMove] = [atOld, inMove];
        showsOld = true;
      }
      if (shows && hasNew) {
        rowNew ??= newLine;
        showsNew = true;
      }
      // A tag only one side writes is no change by itself (the comparison counts it unchanged).
      if ((piece || ended) && seg.kind !== "equal" && !(seg.writtenTag && seg.change === undefined)) changed = true;
      if (ended) {
        if (atOld !== null) atOld++;
        if (atOld !== null && !inMove) oldLine = atOld;
        if (hasNew) newLine++;
        endLine();
      }
    }
  };
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    // An edited block that arrives after old text of the main flow on the row, and shows old text
    // on its first line, starts a row of its own: that row is numbered by its old text.
    if (seg.moved?.side === "to" && showsOld && !rowInMove && firstLineShowsOld(segments, s)) endLine();
    // Old text shown inside a moved block where it arrived (an edit made to it) keeps the old
    // lines it has where the block was; the old document's order goes on after it.
    const old = seg.kind !== "insert";
    const inMove = seg.inMove === "edit";
    if (old && !inMove) oldLine = aLines.line(seg.aOffset);
    if (seg.kind !== "delete") newLine = bLines.line(seg.bOffset);
    const fromOld = !old ? null : inMove ? aLines.line(seg.aOffset) : oldLine;
    const note = seg.moved ? moveNote(seg.moved, seg.moved.side === "to" ? aLines : bLines) : undefined;
    const gap = seg.kind === "equal" && keep !== undefined ? unchangedGap(seg.text, keep) : undefined;
    if (gap === undefined) {
      addText(seg, seg.text, fromOld, note);
      continue;
    }
    // The whole lines between are unchanged lines, one per line break, numbered on both sides.
    addText(seg, seg.text.slice(0, gap.from), fromOld, note);
    oldLine += gap.lines;
    newLine += gap.lines;
    addText(seg, seg.text.slice(gap.to), oldLine);
  }
  if (parts.length) endLine();
  return lines;
}

/**
 * What a segment's text is for the rows: unchanged, deleted or inserted in place, or text of a
 * moved block where it was (`departure`) or where it arrived (`arrival`, with the edits made to it).
 * A row keeps the flows it holds as bits (`1 << flow`).
 */
const enum Flow {
  Equal,
  Deleted,
  Inserted,
  Departure,
  Arrival,
}

/**
 * Per flow, the flows that do not share a row with it (as bits): a move's half and a change of the
 * other side that is not part of it, as the end of an arrived block and the start of a block that left.
 */
const APART: readonly number[] = (() => {
  const apart = [0, 0, 0, 0, 0];
  for (const [x, y] of [
    [Flow.Arrival, Flow.Departure],
    [Flow.Arrival, Flow.Deleted],
    [Flow.Departure, Flow.Inserted],
  ] as const) {
    apart[x] = apart[x]! | (1 << y);
    apart[y] = apart[y]! | (1 << x);
  }
  return apart;
})();

function flowOf(seg: Segment): Flow {
  if (seg.inMove === "edit") return Flow.Arrival;
  if (seg.inMove === "block") return seg.kind === "delete" ? Flow.Departure : Flow.Arrival;
  return seg.kind === "delete" ? Flow.Deleted : seg.kind === "insert" ? Flow.Inserted : Flow.Equal;
}

/** Whether the arriving half of an edited move, segments from `from` on, shows old text before its first line break. */
function firstLineShowsOld(segments: readonly Segment[], from: number): boolean {
  const change = segments[from]!.change;
  for (let s = from; s < segments.length && segments[s]!.change === change; s++) {
    const { kind, text } = segments[s]!;
    // Deleted text up to its first line break is on the row; the rest of it on rows of its own.
    const firstLine = text.split(/\r?\n/, 1)[0]!;
    if (kind === "delete" && /\S/.test(firstLine)) return true;
    if (kind !== "delete" && firstLine.length < text.length) return false;
  }
  return false;
}

/** Where the other half of a move is, read in the line index of its document. */
function moveNote(moved: NonNullable<Segment["moved"]>, otherLines: LineIndex): string {
  const other = otherLines.line(moved.otherOffset);
  const edited = moved.edited ? ", edited" : "";
  return moved.side === "to" ? `moved from old line ${other}${edited}` : `moved to new line ${other}${edited}`;
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
  // The last line number of each side (of the old side's order) before the hunk: where a hunk
  // with no lines of a side stands in it.
  let before: [number, number] = [0, 0];
  let seen = 0;
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
    for (; seen < from; seen++) before = lastNumbers(lines[seen]!, before);
    out.push(makeHunk(lines.slice(from, to), before));
    i = to;
  }
  return out;
}

/** The line numbers of a display line in each side's order: none for old text shown away from its place. */
function numbersOf(line: DisplayLine): [number | null, number | null] {
  return [line.oldElsewhere ? null : line.oldLine, line.newLine];
}

/** The last old and new line numbers after `line`, from those before it. */
function lastNumbers(line: DisplayLine, before: [number, number]): [number, number] {
  const [old, nu] = numbersOf(line);
  return [old ?? before[0], nu ?? before[1]];
}

/** A hunk of `lines`, which come after the old and new lines `before`. */
function makeHunk(lines: DisplayLine[], before: [number, number]): Hunk {
  const range = (side: 0 | 1): [number, number] => {
    const numbers = lines.map((line) => numbersOf(line)[side]).filter((n): n is number => n !== null);
    // A side with no lines in the hunk has the range `line,0`: the line before where it stands.
    return numbers.length ? [numbers[0]!, numbers[numbers.length - 1]! - numbers[0]! + 1] : [before[side], 0];
  };
  const [oldStart, oldCount] = range(0);
  const [newStart, newCount] = range(1);
  return { oldStart, oldCount, newStart, newCount, lines };
}
