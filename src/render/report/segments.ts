// Walks an edit script in the order of the new document and yields its source text as
// segments: unchanged (from the new text), deleted (from the old) and inserted. Changed tags
// and, on request, replaced words are refined so that only what differs inside them is marked.

import type { EditScript } from "../../edit-script.js";
import type { Change, Opcode } from "../../types.js";
import { sideList } from "../../text/token-list.js";
import { charDiff, type Piece } from "./inline-diff.js";
import { slideToLines } from "./line-slide.js";
import { tagDiff } from "./tag-diff.js";
import { settleWrittenTags, writtenSide } from "./written-tags.js";

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
  /**
   * For half of a move: where the other half is, as an offset in the other document, and whether
   * the block was edited too. Set on the first segment of the half only.
   */
  readonly moved?: { readonly side: "from" | "to"; readonly otherOffset: number; readonly edited?: true };
  /**
   * What the segment is in a move: `block`, the moved text itself; `edit`, an edit of the moved
   * block shown where it arrived (an inner deletion is old text shown in the new place, which
   * has no old line there).
   */
  readonly inMove?: "block" | "edit";
  /** True for the old and new indentation of a line whose indentation alone changed. */
  readonly reindent?: boolean;
  /** For a segment of a change (also the unchanged pieces inside a changed tag): the index of that change in `script.changes`. */
  readonly change?: number;
  /**
   * With {@link SegmentOptions.ignoredOld}, for unchanged text: the old source it stands for,
   * where that differs from the text (what an ignore option left out of the comparison or
   * compared loosely: comments, white space, elements, case). The text is empty where the new
   * side has nothing there.
   */
  readonly old?: string;
  /**
   * True for a tag one document writes where the other's parser implies it (no text there), as
   * `</li>` for `<li>a` against `<li>a</li>`: the comparison counts the two unchanged, the segment
   * shows the written one as deleted or inserted. Alone, it is no change (no `change`).
   */
  readonly writtenTag?: true;
}

/** What {@link segmentsOf} gives besides the text of both sides. */
export interface SegmentOptions {
  /**
   * Keep the old text of ignored differences ({@link Segment.old}), so that the segments give
   * the old source back whole, and slide a change to whole lines only where the old side can
   * follow. Without it, unchanged text is the new side's alone, and a tag that only one side
   * writes is shown as deleted or inserted ({@link Segment.writtenTag}).
   */
  readonly ignoredOld?: boolean;
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
export function segmentsOf(script: EditScript, granularity: Granularity, options: SegmentOptions = {}): Segment[] {
  const [a, b] = [sideList(script.a), sideList(script.b)];
  // Between tokens the two sides share as they are (see SharedTokens) the text is the same: not compared.
  const { head, tail } = script.shared;
  const sharedTailA = script.tokenCount("a") - tail;
  const tailShift = script.tokenCount("b") - script.tokenCount("a");
  const aSource = script.a.doc.source;
  const bSource = script.b.doc.source;
  const written = options.ignoredOld ? undefined : writtenSide(script);
  let anyWritten = false;
  const changeAt = new Map<number, Change>(script.changes.map((c) => [c.op, c]));
  const indexAt = new Map<number, number>(script.changes.map((c, i) => [c.op, i]));
  const out: Segment[] = [];
  let ca = 0;
  let cb = 0;
  /** The new text from `cb` to `bEnd` as unchanged, standing for the old text from `ca` to `aEnd`. */
  const equal = (bEnd: number, aEnd: number): void => {
    const text = bSource.slice(cb, bEnd);
    const old = options.ignoredOld ? aSource.slice(ca, aEnd) : text;
    const last = out[out.length - 1];
    if (old === text) {
      if (text) out.push({ kind: "equal", text, aOffset: ca, bOffset: cb });
    } else if (!text && last?.kind === "equal" && last.change === undefined) {
      // Old text alone goes with the unchanged text before it.
      out[out.length - 1] = { ...last, old: (last.old ?? last.text) + old };
    } else {
      out.push({ kind: "equal", text, aOffset: ca, bOffset: cb, old });
    }
    cb = Math.max(cb, bEnd);
    ca = Math.max(ca, aEnd);
  };
  script.opcodes.forEach((code, index) => {
    if (code.tag === "equal") {
      // Where the two sides differ between kept tokens (white space or comments left out of the
      // comparison), the text between starts its own segment at its old offset, so that old line
      // numbers follow the old text.
      // Each token's start is read once, as the end of the gap before it.
      let oldStart = a.start(code.aStart);
      let newStart = b.start(code.bStart);
      for (let i = code.aStart, j = code.bStart; i < code.aEnd; i++, j++) {
        if (i + 1 < head && i === j) {
          // The first equal run holds the shared head, at the same indexes on both sides.
          j += head - 1 - i;
          i = head - 1;
          oldStart = a.start(i);
          newStart = b.start(j);
        }
        if (i >= sharedTailA && j - i === tailShift) break;
        const oldEnd = a.end(i);
        const newEnd = b.end(j);
        // A token with text on one side only may be a tag the other side's parser implies.
        const side = written && (oldStart === oldEnd) !== (newStart === newEnd) ? written(i, j) : undefined;
        if (side) {
          equal(newStart, oldStart);
          out.push(
            side === "a"
              ? { kind: "delete", text: aSource.slice(oldStart, oldEnd), aOffset: oldStart, bOffset: cb, writtenTag: true }
              : { kind: "insert", text: bSource.slice(newStart, newEnd), aOffset: ca, bOffset: newStart, writtenTag: true },
          );
          [ca, cb] = [oldEnd, newEnd];
          anyWritten = true;
        }
        if (i + 1 >= code.aEnd) break;
        oldStart = a.start(i + 1);
        newStart = b.start(j + 1);
        if (oldEnd === oldStart && newEnd === newStart) continue;
        if (aSource.slice(oldEnd, oldStart) === bSource.slice(newEnd, newStart)) continue;
        equal(newEnd, oldEnd);
        equal(newStart, oldStart);
      }
      equal(b.end(code.bEnd - 1), a.end(code.aEnd - 1));
      return;
    }
    // Text the comparison left out (ignored whitespace or comments) before the change stays as context.
    equal(code.bEnd > code.bStart ? b.start(code.bStart) : cb, code.aEnd > code.aStart ? a.start(code.aStart) : ca);
    const change = changeAt.get(index);
    const aStart = code.aEnd > code.aStart ? a.start(code.aStart) : ca;
    const aEnd = code.aEnd > code.aStart ? a.end(code.aEnd - 1) : ca;
    const bEnd = code.bEnd > code.bStart ? b.end(code.bEnd - 1) : cb;
    const oldText = aSource.slice(aStart, aEnd);
    const newText = bSource.slice(cb, bEnd);
    const pieces = refine(change, code, oldText, newText, granularity, script.a.doc.mode === "html");
    const at = indexAt.get(index)!;
    if (pieces) {
      let ao = aStart;
      let bo = cb;
      for (const [kind, text] of pieces) {
        out.push({ kind, text, aOffset: ao, bOffset: bo, change: at });
        if (kind !== "insert") ao += text.length;
        if (kind !== "delete") bo += text.length;
      }
    } else if (change?.kind === "move" && change.inner && code.tag === "insert") {
      const arrival = editedArrival(script, change, ca, cb, written);
      anyWritten ||= arrival.some((segment) => segment.writtenTag);
      out.push(...arrival.map((segment) => ({ ...segment, change: at })));
    } else {
      const moved = change?.kind === "move" ? movedTo(script, change) : undefined;
      const extra = moved ? ({ moved, inMove: "block" } as const) : change?.kind === "reindent" ? { reindent: true } : {};
      if (oldText) out.push({ kind: "delete", text: oldText, aOffset: aStart, bOffset: cb, change: at, ...extra });
      if (newText) out.push({ kind: "insert", text: newText, aOffset: aEnd, bOffset: cb, change: at, ...extra });
    }
    ca = aEnd;
    cb = bEnd;
  });
  equal(bSource.length, aSource.length);
  return slideToLines(anyWritten ? settleWrittenTags(out) : out);
}

/** Pieces for a change worth showing inside: changed tags by attributes, replaced words by characters. */
function refine(change: Change | undefined, code: Opcode, oldText: string, newText: string, granularity: Granularity, caseless: boolean): Piece[] | undefined {
  if (change?.kind === "attributes" || change?.kind === "tag") return tagDiff(oldText, newText, caseless);
  if (granularity === "char" && code.tag === "replace" && oldText.length + newText.length <= MAX_CHAR_REFINE) {
    return charDiff(oldText, newText);
  }
  return undefined;
}

/** Where the other half of a move is. */
function movedTo(script: EditScript, change: Change): Segment["moved"] {
  const other = script.changes[change.partner!]!;
  const code = script.opcodes[other.op]!;
  const edited = change.inner ? ({ edited: true } as const) : {};
  if (code.tag === "insert") return { side: "from", otherOffset: script.token("b", code.bStart).start, ...edited };
  return { side: "to", otherOffset: script.token("a", code.aStart).start, ...edited };
}

/**
 * The arriving half of an edited move, from new offset `from`: the moved text as a move, with
 * the edits made to it (the other half's alignment) as deletions and insertions inside it. Old
 * text shown here keeps the old offsets it has at the other place; the rest stands at old offset `ca`.
 * A tag only one side writes (`written`) is an edit of the block.
 */
function editedArrival(script: EditScript, change: Change, ca: number, from: number, written?: (i: number, j: number) => "a" | "b" | undefined): Segment[] {
  const [a, b] = [sideList(script.a), sideList(script.b)];
  const aSource = script.a.doc.source;
  const bSource = script.b.doc.source;
  const code = script.opcodes[change.op]!;
  const end = b.end(code.bEnd - 1);
  const out: Segment[] = [];
  let moved = movedTo(script, change);
  let at = from;
  const push = (kind: SegmentKind, text: string, aOffset: number, bOffset: number, inMove: "block" | "edit", writtenTag?: true): void => {
    if (!text) return;
    out.push({ kind, text, aOffset, bOffset, ...(moved ? { moved } : {}), inMove, ...(writtenTag ? { writtenTag } : {}) });
    moved = undefined;
  };
  for (const inner of change.inner!) {
    const aStart = inner.aEnd > inner.aStart ? a.start(inner.aStart) : 0;
    const bEnd = inner.bEnd > inner.bStart ? b.end(inner.bEnd - 1) : at;
    if (inner.tag === "equal") {
      for (let i = inner.aStart, j = inner.bStart; written && i < inner.aEnd; i++, j++) {
        const side = written(i, j);
        if (!side) continue;
        push("insert", bSource.slice(at, b.start(j)), ca, at, "block");
        if (side === "a") push("delete", aSource.slice(a.start(i), a.end(i)), a.start(i), b.start(j), "edit", true);
        else push("insert", bSource.slice(b.start(j), b.end(j)), ca, b.start(j), "edit", true);
        at = b.end(j);
      }
      push("insert", bSource.slice(at, bEnd), ca, at, "block");
    } else {
      // The moved text up to the edit (edge whitespace of the block) stays part of the block.
      if (inner.bEnd > inner.bStart) push("insert", bSource.slice(at, b.start(inner.bStart)), ca, at, "block");
      const bStart = inner.bEnd > inner.bStart ? b.start(inner.bStart) : at;
      if (inner.aEnd > inner.aStart) push("delete", aSource.slice(aStart, a.end(inner.aEnd - 1)), aStart, bStart, "edit");
      push("insert", bSource.slice(bStart, bEnd), ca, bStart, "edit");
    }
    at = Math.max(at, bEnd);
  }
  push("insert", bSource.slice(at, end), ca, at, "block");
  return out;
}
