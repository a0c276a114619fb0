// Structure before white space: an end tag one document writes and the other leaves to its parser
// crosses the white space after it (`</li>` then `\n  ` against `\n  ` then an implied `</li>`),
// and a longest common subsequence keeps the white space. This keeps the end tags instead.

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import { partners } from "../text/tag-pairs.js";
import { changeOf } from "./join-opcodes.js";

/** The most opcodes of white space looked through between the two end tags. */
const MAX_BETWEEN = 8;

/**
 * Opcodes where an end tag changed on one side (the last token of a change) and an end tag of the
 * same key changed on the other, with only white space between them on both sides (some of it
 * kept), are re-paired: the end tags are kept and the white space between them changed. Only
 * where the two end tags' start tags are matched to each other (kept, or in one replaced run), so
 * that the element is then kept whole. There are no more changes than before; each kept white
 * space token between the tags is traded for the one tag. The result tiles both token lists;
 * opcodes with no such crossing are returned as they were.
 *
 * @example old `<li>One</li>\n<li>Two`, new `<li>One\n<li>Two` (its `</li>` implied before `<li>`):
 *   [equal `<li>One`, delete `</li>`, equal `\n`, insert `</li>`, equal `<li>Two`] becomes
 *   [equal `<li>One`, insert `\n`, equal `</li>`, delete `\n`, equal `<li>Two`].
 */
export function uncrossEndTags(opcodes: readonly Opcode[], a: TokenList, b: TokenList): readonly Opcode[] {
  let codes: Opcode[] | undefined;
  for (let i = 0; i + 2 < (codes ?? opcodes).length; i++) {
    const list = codes ?? opcodes;
    if (list[i]!.tag === "equal") continue;
    // The tag written first in the old document, or (the mirror, seen with the sides swapped) in the new one.
    const found = crossing(list, i, false, a, b) ?? flipped(crossing(list, i, true, b, a));
    if (found === undefined) continue;
    codes ??= [...opcodes];
    codes.splice(i, found.replaced, ...found.codes);
  }
  return codes ?? opcodes;
}

/** Opcodes read one at a time (maybe with their sides swapped). */
interface Codes {
  readonly length: number;
  at(k: number): Opcode;
}

/** Opcodes that replace the `replaced` opcodes from one where an end tag crossing starts. */
interface Uncrossed {
  readonly replaced: number;
  readonly codes: readonly Opcode[];
}

/**
 * The end tag crossing that starts at change `i` with an old end tag, its last old token:
 * white space follows on both sides, then the new end tag of the same key, changed. With `swap`,
 * the opcodes are read with their sides swapped (`a` is then the new side), and so is the answer.
 */
function crossing(opcodes: readonly Opcode[], i: number, swap: boolean, a: TokenList, b: TokenList): Uncrossed | undefined {
  const codes = { length: opcodes.length, at: (k: number): Opcode => (swap ? flip(opcodes[k]!) : opcodes[k]!) };
  const first = codes.at(i);
  const tag = first.aEnd - 1;
  if (tag < first.aStart || a.kind(tag) !== "close") return undefined;
  for (let j = i + 1; j < codes.length && j - i <= MAX_BETWEEN; j++) {
    const code = codes.at(j);
    // The first new token after the white space: the other end tag, or no crossing.
    const other = code.tag === "equal" ? -1 : firstNotSpace(b, code.bStart, code.bEnd);
    if (other >= 0) {
      if (b.kind(other) !== "close" || a.key(tag) !== b.key(other) || !startsMatched(codes, a, tag, b, other)) return undefined;
      return {
        replaced: j - i + 1,
        codes: [changeOf(first.aStart, tag, first.bStart, other), op("equal", tag, first.aEnd, other, other + 1), changeOf(first.aEnd, code.aEnd, other + 1, code.bEnd)],
      };
    }
    if (firstNotSpace(a, code.aStart, code.aEnd) >= 0 || firstNotSpace(b, code.bStart, code.bEnd) >= 0) return undefined;
  }
  return undefined;
}

/** The first token of `start..end` that is not white space, or -1. */
function firstNotSpace(tokens: TokenList, start: number, end: number): number {
  for (let t = start; t < end; t++) if (tokens.kind(t) !== "space") return t;
  return -1;
}

/** Whether the start tags of old end tag `i` and new end tag `j` are matched by `codes`: in one equal run at the same place, or in one replaced run. */
function startsMatched(codes: Codes, a: TokenList, i: number, b: TokenList, j: number): boolean {
  const [startA, startB] = [partners(a)[i]!, partners(b)[j]!];
  if (startA < 0 || startB < 0) return false;
  const code = codes.at(opcodeHolding(codes, startA));
  if (code.tag === "equal") return startB === code.bStart + startA - code.aStart;
  return code.bStart <= startB && startB < code.bEnd;
}

/** The index of the opcode whose old range holds old token `t` (opcodes tile the old tokens in order). */
function opcodeHolding(codes: Codes, t: number): number {
  let [low, high] = [0, codes.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (codes.at(mid).aEnd <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The opcode seen with the sides swapped. */
function flip(code: Opcode): Opcode {
  return op(code.tag === "insert" ? "delete" : code.tag === "delete" ? "insert" : code.tag, code.bStart, code.bEnd, code.aStart, code.aEnd);
}

/** A crossing found with the sides swapped, in the opcodes' own sides. */
function flipped(found: Uncrossed | undefined): Uncrossed | undefined {
  return found && { replaced: found.replaced, codes: found.codes.map(flip) };
}
