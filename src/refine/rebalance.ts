// Whole-element alignment: an inserted or deleted run that holds only part of an element, where
// the same tokens as the kept ones beside it occur inside the run, is re-aligned so that the
// kept tokens match that inner occurrence and the change becomes whole elements.

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import { partners } from "../text/tag-pairs.js";
import { mergeAdjacent } from "./join-opcodes.js";

/** The most kept tokens beside a change that are tried at another place: an end tag with its white space. */
const MAX_BLOCK = 8;

/**
 * Opcodes where each pure insertion or deletion that cuts an element in two (a tag inside it
 * whose partner is outside) is re-aligned, when that can make it whole: the first (or last)
 * few kept tokens after (or before) it are matched instead to equal tokens inside the run,
 * which splits it into two changes of whole elements around them. Matched tokens stay as many;
 * the result tiles both token lists. Linear: each change is scanned a few times.
 *
 * @example old `<div><label>M</label></div><p>x</p>`, new `<div><label>M</label><i>r</i></div><div>y</div><p>x</p>`:
 *   the matcher may insert `<i>r</i></div><div>y` and keep the second `</div>`; this keeps the
 *   first and inserts `<i>r</i>` and `<div>y</div>`.
 */
export function rebalanceEdits(opcodes: readonly Opcode[], a: TokenList, b: TokenList): Opcode[] {
  const out: Opcode[] = [];
  const pairsA = partners(a);
  const pairsB = partners(b);
  for (let i = 0; i < opcodes.length; i++) {
    const code = opcodes[i]!;
    const next = opcodes[i + 1];
    const prev = out[out.length - 1];
    if (code.tag !== "insert" && code.tag !== "delete") {
      out.push(code);
      continue;
    }
    const inB = code.tag === "insert";
    const [tokens, pairs] = inB ? [b, pairsB] : [a, pairsA];
    // Ranges on the changed side and on the other, so that one code serves both directions.
    const mine = (c: Opcode): [number, number] => (inB ? [c.bStart, c.bEnd] : [c.aStart, c.aEnd]);
    const theirs = (c: Opcode): [number, number] => (inB ? [c.aStart, c.aEnd] : [c.bStart, c.bEnd]);
    const make = (tag: Opcode["tag"], [s, e]: [number, number], [os, oe]: [number, number]): Opcode => (inB ? op(tag, os, oe, s, e) : op(tag, s, e, os, oe));
    const [start, end] = mine(code);
    const prefixes = wholePrefixes(pairs, start, end);
    if (prefixes[end - start]) {
      out.push(code);
      continue;
    }
    if (next?.tag === "equal") {
      const keptEnd = mine(next)[1];
      const [o0, o1] = theirs(next);
      const found = keptAfter(tokens, pairs, prefixes, start, end, keptEnd - end);
      if (found) {
        const { at, size } = found;
        out.push(
          make(code.tag, [start, at], [o0, o0]),
          make("equal", [at, at + size], [o0, o0 + size]),
          make(code.tag, [at + size, end + size], [o0 + size, o0 + size]),
          make("equal", [end + size, keptEnd], [o0 + size, o1]),
        );
        i++;
        continue;
      }
    }
    if (prev?.tag === "equal") {
      const keptStart = mine(prev)[0];
      const [o0, o1] = theirs(prev);
      const found = keptBefore(tokens, pairs, start, end, start - keptStart);
      if (found) {
        const { at, size } = found;
        out.pop();
        out.push(
          make("equal", [keptStart, start - size], [o0, o1 - size]),
          make(code.tag, [start - size, at], [o1 - size, o1 - size]),
          make("equal", [at, at + size], [o1 - size, o1]),
          make(code.tag, [at + size, end], [o1, o1]),
        );
        continue;
      }
    }
    out.push(code);
  }
  return mergeAdjacent(out);
}

/** For each cut `c` from `from` to `to`, whether the run `from..c` holds both tags of each of its elements: `out[c - from]`. */
function wholePrefixes(pairs: Int32Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from + 1);
  out[0] = 1;
  let reach = from;
  let broken = false;
  for (let t = from; t < to; t++) {
    const partner = pairs[t]!;
    if (partner >= 0 && partner < from) broken = true;
    else if (partner > t) reach = Math.max(reach, partner + 1);
    out[t + 1 - from] = !broken && reach <= t + 1 ? 1 : 0;
  }
  return out;
}

/** For each cut `c` from `from` to `to`, whether the run `c..to` holds both tags of each of its elements: `out[c - from]`. */
function wholeSuffixes(pairs: Int32Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from + 1);
  out[to - from] = 1;
  let reach = to;
  let broken = false;
  for (let t = to - 1; t >= from; t--) {
    const partner = pairs[t]!;
    if (partner >= to) broken = true;
    else if (partner >= 0 && partner < t) reach = Math.min(reach, partner);
    out[t - from] = !broken && reach >= t ? 1 : 0;
  }
  return out;
}

/** Whether the token runs at `x` and `y`, `size` long, have the same keys. */
function sameKeys(tokens: TokenList, x: number, y: number, size: number): boolean {
  for (let k = 0; k < size; k++) if (tokens.key(x + k) !== tokens.key(y + k)) return false;
  return true;
}

/**
 * The place inside the change `start..end` where its first `size` kept tokens after it (up to
 * {@link MAX_BLOCK}, longest first) also occur, such that the change before that place and the
 * one after it (ending `size` tokens later) are both whole; the rightmost such place.
 */
function keptAfter(tokens: TokenList, pairs: Int32Array, prefixes: Uint8Array, start: number, end: number, kept: number): { at: number; size: number } | undefined {
  for (let size = Math.min(MAX_BLOCK, kept, end - start); size > 0; size--) {
    const suffixes = wholeSuffixes(pairs, start, end + size);
    for (let at = end - size; at >= start; at--) {
      if (prefixes[at - start] && suffixes[at + size - start] && sameKeys(tokens, at, end, size)) return { at, size };
    }
  }
  return undefined;
}

/** The mirror of {@link keptAfter}: the last `size` kept tokens before the change, matched inside it; the leftmost such place. */
function keptBefore(tokens: TokenList, pairs: Int32Array, start: number, end: number, kept: number): { at: number; size: number } | undefined {
  const suffixes = wholeSuffixes(pairs, start, end);
  for (let size = Math.min(MAX_BLOCK, kept, end - start); size > 0; size--) {
    const prefixes = wholePrefixes(pairs, start - size, end);
    for (let at = start; at + size <= end; at++) {
      if (prefixes[at - start + size] && suffixes[at + size - start] && sameKeys(tokens, at, start - size, size)) return { at, size };
    }
  }
  return undefined;
}
