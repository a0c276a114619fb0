// A tag one document writes and the other leaves to its parser (an implied end tag, `<li>a` for
// `<li>a</li>`) compares equal, but the implied one has no text: shown as unchanged new text, the
// written tag would vanish from one side or stand on the other's line. The report shows it as
// deleted or inserted, where it is written; and the white space that the two documents hold on
// either side of it (inside the element on one side, after it on the other) as unchanged.

import { OMISSIBLE_TAGS } from "../../html/implied-tags.js";
import type { EditScript } from "../../edit-script.js";
import { sideEvent, sideList } from "../../text/token-list.js";
import type { Segment } from "./segments.js";

/**
 * Which side writes the tag that old token `i` and new token `j` (compared equal) stand for when
 * only one of them has text (the other is implied): `a`, `b`, or undefined. The start and end
 * tags that a page may leave out (html, head, body, tbody, colgroup) are no difference at all
 * (see OMISSIBLE_TAGS) and give undefined.
 *
 * @example const at = writtenSide(diffDocuments("<li>a</li>", "<li>a")); at(2, 2) // "a"
 */
export function writtenSide(script: EditScript): (i: number, j: number) => "a" | "b" | undefined {
  const [a, b] = [sideList(script.a), sideList(script.b)];
  return (i, j) => {
    const written = a.start(i) === a.end(i) ? (b.start(j) === b.end(j) ? undefined : "b") : b.start(j) === b.end(j) ? "a" : undefined;
    if (written === undefined) return undefined;
    const event = sideEvent(script[written], written === "a" ? a.event(i) : b.event(j));
    return "name" in event && OMISSIBLE_TAGS.includes(event.name.toLowerCase()) ? undefined : written;
  };
}

const TRAILING_SPACE = /[\t\n\f\r ]+$/;

/**
 * The segments with each written tag ({@link Segment.writtenTag}) placed where it reads as
 * written: before white space of the other side just before it (that side holds the white space
 * inside the element, before the implied tag), and the white space both sides then hold after it
 * as unchanged (a moved block where it arrived keeps its own and drops the deleted copy). A
 * written tag with other changes around it is part of them (it takes their change).
 *
 * @example settleWrittenTags([equal "<li>a", insert "\n", delete "</li>" (written), delete "\n"])
 *   // [equal "<li>a", delete "</li>", equal "\n"]
 */
export function settleWrittenTags(segments: readonly Segment[]): Segment[] {
  const out = [...segments];
  for (let k = 0; k < out.length; k++) {
    if (!out[k]!.writtenTag) continue;
    k = beforeOtherSpace(out, k);
    k = settleRun(out, k);
  }
  return out;
}

/** Whether two segments are of one flow: both in place, or both in the same moved block where it arrived. */
function sameFlow(x: Segment, y: Segment): boolean {
  return x.inMove === undefined ? y.inMove === undefined : y.inMove !== undefined && x.change === y.change;
}

/** A change segment that may be cut or moved with the written tag `tag`: of its flow, not a move's first (it holds the note) nor a re-indentation. */
function movable(segment: Segment | undefined, tag: Segment): segment is Segment {
  return segment !== undefined && segment.kind !== "equal" && !segment.moved && !segment.reindent && sameFlow(segment, tag);
}

/**
 * Moves the written tag at `k` before the white space of the other side that ends the segments
 * just before it, cutting a segment that ends so; returns its index.
 */
function beforeOtherSpace(out: Segment[], k: number): number {
  for (;;) {
    const tag = out[k]!;
    const prev = out[k - 1];
    if (!movable(prev, tag) || prev.kind === tag.kind) return k;
    const space = TRAILING_SPACE.exec(prev.text)?.[0];
    if (!space) return k;
    const kept = prev.text.length - space.length;
    if (kept > 0) {
      out.splice(k - 1, 1, { ...prev, text: prev.text.slice(0, kept) }, { ...cut(prev, kept), text: space });
      k++;
    }
    const before = out[k - 1]!;
    // Each side's text keeps its order: only the offsets of the other side move.
    out[k - 1] = tag.kind === "delete" ? { ...tag, bOffset: before.bOffset } : { ...tag, aOffset: tag.inMove ? tag.aOffset : before.aOffset };
    out[k] = tag.kind === "delete" ? { ...before, aOffset: before.inMove ? before.aOffset : tag.aOffset + tag.text.length } : { ...before, bOffset: tag.bOffset + tag.text.length };
    k--;
  }
}

/** The offsets of a segment's text from character `at` on. */
function cut(segment: Segment, at: number): Segment {
  const { moved: _, ...rest } = segment;
  return segment.kind === "delete" ? { ...rest, aOffset: segment.aOffset + at } : segment.kind === "insert" ? { ...rest, bOffset: segment.bOffset + at } : rest;
}

/**
 * In the run of changes around the written tag at `k`, the white space that ends both the old
 * and the new text becomes unchanged text after the run (in a moved block where it arrived, the
 * deleted copy is left out); the tag takes the change of the run's other segments. Returns the
 * tag's index.
 */
function settleRun(out: Segment[], k: number): number {
  const tag = out[k]!;
  let [start, end] = [k, k + 1];
  while (movable(out[start - 1], tag)) start--;
  while (movable(out[end], tag)) end++;
  const run = out.slice(start, end);
  const [oldText, newText] = [textOf(run, "delete"), textOf(run, "insert")];
  const space = commonSpaceSuffix(oldText, newText);
  const arrival = tag.inMove !== undefined;
  if (space) {
    trimEnd(run, "delete", space);
    if (!arrival) trimEnd(run, "insert", space);
  }
  const change = run.find((s) => s.change !== undefined)?.change;
  const settled: Segment[] = [];
  let at = 0;
  for (const segment of run) {
    if (segment.text === "") continue;
    const last = settled[settled.length - 1];
    // Neighbours of one kind read as one change (a deleted item and its end tag), which can then slide to whole lines.
    if (last && last.kind === segment.kind && last.inMove === segment.inMove && change !== undefined) {
      const { writtenTag: _, ...joined } = last;
      settled[settled.length - 1] = { ...joined, text: last.text + segment.text, change };
      if (segment === tag) at = settled.length - 1;
      continue;
    }
    if (segment === tag) at = settled.length;
    settled.push(segment === tag && change !== undefined ? { ...segment, change } : segment);
  }
  if (space && !arrival) settled.push({ kind: "equal", text: space, aOffset: run[0]!.aOffset + oldText.length - space.length, bOffset: run[0]!.bOffset + newText.length - space.length });
  out.splice(start, end - start, ...settled);
  return start + at;
}

function textOf(run: readonly Segment[], kind: "delete" | "insert"): string {
  return run
    .filter((s) => s.kind === kind)
    .map((s) => s.text)
    .join("");
}

/** The longest white space that ends both texts. */
function commonSpaceSuffix(x: string, y: string): string {
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n] && /[\t\n\f\r ]/.test(x[x.length - 1 - n]!)) n++;
  return x.slice(x.length - n);
}

/** Cuts `space` off the end of the text of the run's segments of `kind`, the last first (in place). */
function trimEnd(run: Segment[], kind: "delete" | "insert", space: string): void {
  let left = space.length;
  for (let s = run.length - 1; s >= 0 && left > 0; s--) {
    const segment = run[s]!;
    if (segment.kind !== kind) continue;
    const n = Math.min(left, segment.text.length);
    run[s] = { ...segment, text: segment.text.slice(0, segment.text.length - n) };
    left -= n;
  }
}
