// Slides a whole-line insertion or deletion across the white space around it, so that it is
// shown from a line's start to its end: the matcher's units hold a line break together with the
// indentation after it, so the change it finds starts after the indentation and ends with the
// next line's (`[-<Guideline …/>\n    -]<TextView`).

import type { Segment } from "./segments.js";

/** How far (in characters of white space) a change is slid at most. */
const MOST = 256;

/** Whether text is white space only, line breaks included. */
const SPACE = /^[\t\n\f\r ]*$/;

/** How well a change reads between `before` and `change` and `after`: 2 when it holds whole lines, 1 for one whole end. */
function score(before: string, change: string, after: string): number {
  const starts = before === "" || before.endsWith("\n") ? 1 : 0;
  const ends = change.endsWith("\n") || (after === "" && !change.startsWith("\n")) ? 1 : 0;
  return starts + ends;
}

/**
 * The segments with each insertion or deletion between two unchanged segments slid over white
 * space that the unchanged text around it repeats, to where it starts at a line start and ends
 * with a line break; left alone when no such place reads better. The text of each side is
 * unchanged: the white space moved out of the change at one end is the same as moved in at the
 * other.
 *
 * @example slideToLines([equal "a\n  ", delete "<b/>\n  ", equal "<c/>"])
 *   // [equal "a\n", delete "  <b/>\n", equal "  <c/>"]
 */
export function slideToLines(segments: readonly Segment[]): Segment[] {
  const out = [...segments];
  for (let i = 1; i + 1 < out.length; i++) {
    const prev = out[i - 1]!;
    const seg = out[i]!;
    const next = out[i + 1]!;
    if (prev.kind !== "equal" || next.kind !== "equal" || seg.kind === "equal") continue;
    // Old text alone (Segment.old with no new text) holds no white space of the new side to slide over.
    if (oldAlone(prev) || oldAlone(next)) continue;
    // Unchanged text whose old side was written otherwise (white space left out of the comparison) stays.
    if (seg.aOffset - prev.aOffset !== prev.text.length) continue;
    const after = out[i + 2];
    if (after && after.aOffset - next.aOffset !== next.text.length) continue;
    const text = seg.text;
    let best = 0;
    let bestScore = score(prev.text, text, next.text);
    // Left: the change's last k characters are also the last of the text before it.
    for (let k = 1; k <= Math.min(MOST, text.length, prev.text.length) && SPACE.test(text.slice(-k)) && prev.text.endsWith(text.slice(-k)); k++) {
      const s = score(prev.text.slice(0, -k), text.slice(-k) + text.slice(0, -k), text.slice(-k) + next.text);
      if (s > bestScore) [best, bestScore] = [-k, s];
    }
    // Right: the change's first k characters are also the first of the text after it.
    for (let k = 1; k <= Math.min(MOST, text.length, next.text.length) && SPACE.test(text.slice(0, k)) && next.text.startsWith(text.slice(0, k)); k++) {
      const s = score(prev.text + text.slice(0, k), text.slice(k) + text.slice(0, k), next.text.slice(k));
      if (s > bestScore) [best, bestScore] = [k, s];
    }
    if (best === 0) continue;
    const moved = best < 0 ? text.slice(best) : text.slice(0, best);
    const slid = best < 0 ? moved + text.slice(0, best) : text.slice(best) + moved;
    const olds = slidOld(prev, seg, next, best, moved, slid);
    if (!olds) continue;
    out[i - 1] = withOld(prev, best < 0 ? prev.text.slice(0, best) : prev.text + moved, olds[0]);
    out[i] = { ...seg, text: slid, aOffset: seg.aOffset + best, bOffset: seg.bOffset + best };
    out[i + 1] = { ...withOld(next, best < 0 ? moved + next.text : next.text.slice(best), olds[1]), aOffset: next.aOffset + best, bOffset: next.bOffset + best };
  }
  return out.filter((s) => s.text !== "" || s.old !== undefined);
}

function oldAlone(segment: Segment): boolean {
  return segment.old !== undefined && segment.text === "";
}

/**
 * The old text of the unchanged segments around a change slid by `best` over `moved` (its text
 * now `slid`): the white space moves on the old side too where that side has it there (always
 * so when the segments stand for their own text). Else the old side stays as it was, which it
 * can for an insertion (no old text) or a deletion whose text is the same after the slide; any
 * other deletion cannot move (null).
 */
function slidOld(prev: Segment, seg: Segment, next: Segment, best: number, moved: string, slid: string): [string, string] | null {
  const [before, after] = [prev.old ?? prev.text, next.old ?? next.text];
  if (best < 0 && before.endsWith(moved)) return [before.slice(0, best), moved + after];
  if (best > 0 && after.startsWith(moved)) return [before + moved, after.slice(best)];
  return seg.kind === "insert" || slid === seg.text ? [before, after] : null;
}

/** An unchanged segment with new text `text` standing for old text `old` (recorded only where the two differ). */
function withOld(segment: Segment, text: string, old: string): Segment {
  const { old: _, ...rest } = segment;
  return old === text ? { ...rest, text } : { ...rest, text, old };
}
