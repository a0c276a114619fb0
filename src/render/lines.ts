// Lays an edit script out as display lines of the documents' own source text, with old and
// new line numbers, and groups the changed lines into hunks with context.

import type { EditScript } from "../script/edit-script.js";

/** What a piece of a display line is: unchanged (shown from the new text), deleted or inserted. */
export type PartKind = "equal" | "delete" | "insert";

/** A piece of one display line. */
export interface LinePart {
  readonly kind: PartKind;
  readonly text: string;
}

/** One display line: its parts and the old and new line numbers it shows (null when it has no such side). */
export interface DisplayLine {
  readonly oldLine: number | null;
  readonly newLine: number | null;
  readonly parts: readonly LinePart[];
  /** True when any part (or the line break that ends the line) is a change. */
  readonly changed: boolean;
}

/** A run of display lines around changes, with the old and new line ranges it covers. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  readonly lines: readonly DisplayLine[];
}

interface Segment {
  readonly kind: PartKind;
  readonly text: string;
  /** Offset in the old source where the segment starts (its position there for an insertion). */
  readonly aOffset: number;
  /** Offset in the new source where the segment starts (its position there for a deletion). */
  readonly bOffset: number;
}

/**
 * The whole comparison as display lines: the new document's text, with deleted old text
 * placed where it was removed.
 *
 * @example displayLines(diffDocuments("<p>a</p>\n", "<p>b</p>\n"))[0].parts
 *   // [equal "<p>", delete "a", insert "b", equal "</p>"]
 */
export function displayLines(script: EditScript): DisplayLine[] {
  const segments = segmentsOf(script);
  const aStarts = lineStarts(script.a.doc.source);
  const bStarts = lineStarts(script.b.doc.source);
  const lines: DisplayLine[] = [];
  let parts: LinePart[] = [];
  let hasOld = false;
  let hasNew = false;
  let changed = false;
  let oldLine = 1;
  let newLine = 1;
  let lineOld = 1;
  let lineNew = 1;
  const endLine = (): void => {
    lines.push({ oldLine: hasOld ? lineOld : null, newLine: hasNew ? lineNew : null, parts, changed });
    parts = [];
    hasOld = hasNew = changed = false;
    lineOld = oldLine;
    lineNew = newLine;
  };
  for (const seg of segments) {
    if (seg.kind !== "insert") oldLine = lineAt(aStarts, seg.aOffset);
    if (seg.kind !== "delete") newLine = lineAt(bStarts, seg.bOffset);
    if (parts.length === 0) {
      lineOld = oldLine;
      lineNew = newLine;
    }
    // A CRLF line end is one line break; a lone CR stays in the text.
    const pieces = seg.text.split(/\r?\n/);
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (piece) parts.push({ kind: seg.kind, text: piece });
      const ended = p < pieces.length - 1;
      if (piece || ended) {
        if (seg.kind !== "insert") hasOld = true;
        if (seg.kind !== "delete") hasNew = true;
        if (seg.kind !== "equal") changed = true;
      }
      if (ended) {
        if (seg.kind !== "insert") oldLine++;
        if (seg.kind !== "delete") newLine++;
        endLine();
      }
    }
  }
  if (parts.length) endLine();
  return lines;
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
  const range = (ns: number[], fallback: number): [number, number] =>
    ns.length ? [ns[0]!, ns[ns.length - 1]! - ns[0]! + 1] : [fallback, 0];
  const [oldStart, oldCount] = range(olds, Math.max(0, (lines[0]?.newLine ?? 1) - 1));
  const [newStart, newCount] = range(news, Math.max(0, (lines[0]?.oldLine ?? 1) - 1));
  return { oldStart, oldCount, newStart, newCount, lines };
}

/** The script as segments that cover the new source, with deletions taken from the old one. */
function segmentsOf(script: EditScript): Segment[] {
  const a = script.a.tokens;
  const b = script.b.tokens;
  const aSource = script.a.doc.source;
  const bSource = script.b.doc.source;
  const out: Segment[] = [];
  let ca = 0;
  let cb = 0;
  const equal = (bEnd: number, aEnd: number): void => {
    if (bEnd > cb) out.push({ kind: "equal", text: bSource.slice(cb, bEnd), aOffset: ca, bOffset: cb });
    cb = Math.max(cb, bEnd);
    ca = Math.max(ca, aEnd);
  };
  for (const code of script.opcodes) {
    if (code.tag === "equal") {
      equal(b[code.bEnd - 1]!.end, a[code.aEnd - 1]!.end);
      continue;
    }
    // Text the comparison left out (ignored whitespace or comments) before the change stays as context.
    if (code.bEnd > code.bStart) equal(b[code.bStart]!.start, ca);
    if (code.aEnd > code.aStart) {
      const start = a[code.aStart]!.start;
      const end = a[code.aEnd - 1]!.end;
      out.push({ kind: "delete", text: aSource.slice(start, end), aOffset: start, bOffset: cb });
      ca = end;
    }
    if (code.bEnd > code.bStart) {
      const end = b[code.bEnd - 1]!.end;
      out.push({ kind: "insert", text: bSource.slice(cb, end), aOffset: ca, bOffset: cb });
      cb = end;
    }
  }
  equal(bSource.length, aSource.length);
  return out;
}

/** Offsets where each line starts. */
function lineStarts(source: string): Int32Array {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

/** The 1-based line of an offset. */
function lineAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
