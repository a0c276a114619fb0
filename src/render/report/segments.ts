// Walks an edit script in the order of the new document and yields its source text as
// segments: unchanged (from the new text), deleted (from the old) and inserted. Changed tags
// and, on request, replaced words are refined so that only what differs inside them is marked.

import type { EditScript } from "../../edit-script.js";
import type { Change, Opcode } from "../../types.js";
import { charDiff, wordDiff, type Piece } from "./inline-diff.js";

/** What a segment is: unchanged, deleted or inserted. */
export type SegmentKind = "equal" | "delete" | "insert";

/** A run of source text with its kind and where it starts in each document. */
export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
  /** Offset in the old source where the segment starts (its position there for an insertion). */
  readonly aOffset: number;
  /** Offset in the new source where the segment starts (its position there for a deletion). */
  readonly bOffset: number;
  /** For half of a move: where the other half is, as an offset in the other document. */
  readonly moved?: { readonly side: "from" | "to"; readonly otherOffset: number };
}

/** How finely replaced text is shown: whole words (default) or characters inside replaced words. */
export type Granularity = "word" | "char";

/** Replaced runs longer than this are not refined by characters: the result would be noise. */
const MAX_CHAR_REFINE = 400;

/**
 * The script as segments covering the new source, with deleted old text where it was removed.
 *
 * @example segmentsOf(diffDocuments("<p>a</p>", "<p>b</p>"), "word").map((s) => [s.kind, s.text])
 *   // [["equal", "<p>"], ["delete", "a"], ["insert", "b"], ["equal", "</p>"]]
 */
export function segmentsOf(script: EditScript, granularity: Granularity): Segment[] {
  const a = script.a.tokens;
  const b = script.b.tokens;
  const aSource = script.a.doc.source;
  const bSource = script.b.doc.source;
  const changeAt = new Map<number, Change>(script.changes.map((c) => [c.op, c]));
  const out: Segment[] = [];
  let ca = 0;
  let cb = 0;
  const equal = (bEnd: number, aEnd: number): void => {
    if (bEnd > cb) out.push({ kind: "equal", text: bSource.slice(cb, bEnd), aOffset: ca, bOffset: cb });
    cb = Math.max(cb, bEnd);
    ca = Math.max(ca, aEnd);
  };
  script.opcodes.forEach((code, index) => {
    if (code.tag === "equal") {
      equal(b[code.bEnd - 1]!.end, a[code.aEnd - 1]!.end);
      return;
    }
    // Text the comparison left out (ignored whitespace or comments) before the change stays as context.
    if (code.bEnd > code.bStart) equal(b[code.bStart]!.start, ca);
    const change = changeAt.get(index);
    const aStart = code.aEnd > code.aStart ? a[code.aStart]!.start : ca;
    const aEnd = code.aEnd > code.aStart ? a[code.aEnd - 1]!.end : ca;
    const bEnd = code.bEnd > code.bStart ? b[code.bEnd - 1]!.end : cb;
    const oldText = aSource.slice(aStart, aEnd);
    const newText = bSource.slice(cb, bEnd);
    const pieces = refine(change, code, oldText, newText, granularity);
    if (pieces) {
      let ao = aStart;
      let bo = cb;
      for (const [kind, text] of pieces) {
        out.push({ kind, text, aOffset: ao, bOffset: bo });
        if (kind !== "insert") ao += text.length;
        if (kind !== "delete") bo += text.length;
      }
    } else {
      const moved = change?.kind === "move" ? movedTo(script, change) : undefined;
      if (oldText) out.push({ kind: "delete", text: oldText, aOffset: aStart, bOffset: cb, ...(moved ? { moved } : {}) });
      if (newText) out.push({ kind: "insert", text: newText, aOffset: aEnd, bOffset: cb, ...(moved ? { moved } : {}) });
    }
    ca = aEnd;
    cb = bEnd;
  });
  equal(bSource.length, aSource.length);
  return out;
}

/** Pieces for a change worth showing inside: changed tags by words, replaced words by characters. */
function refine(change: Change | undefined, code: Opcode, oldText: string, newText: string, granularity: Granularity): Piece[] | undefined {
  if (change?.kind === "attributes" || change?.kind === "tag") return wordDiff(oldText, newText);
  if (granularity === "char" && code.tag === "replace" && oldText.length + newText.length <= MAX_CHAR_REFINE) {
    return charDiff(oldText, newText);
  }
  return undefined;
}

/** Where the other half of a move is. */
function movedTo(script: EditScript, change: Change): Segment["moved"] {
  const other = script.changes[change.partner!]!;
  const code = script.opcodes[other.op]!;
  if (code.tag === "insert") return { side: "from", otherOffset: script.b.tokens[code.bStart]!.start };
  return { side: "to", otherOffset: script.a.tokens[code.aStart]!.start };
}
