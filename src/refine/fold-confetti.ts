// Semantic clean-up: folds tiny equal runs that sit between two changes into one change,
// so a rewritten phrase reads as one replacement instead of confetti of kept spaces.

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import { mergeAdjacent } from "./join-opcodes.js";

/**
 * Opcodes where an equal run between two changes is folded into them when it is only
 * whitespace, or a short word or punctuation no longer than either neighbouring change.
 * Markup is never folded, nor text next to changed markup. The result still tiles both token lists.
 *
 * @example "the cat sat" -> "a dog ran": [-the cat sat-]{+a dog ran+}, not [-the-]{+a+} [-cat-]{+dog+} …
 */
export function foldConfetti(opcodes: readonly Opcode[], a: TokenList, b: TokenList): Opcode[] {
  const marked = opcodes.map((code, i) => {
    const prev = opcodes[i - 1];
    const next = opcodes[i + 1];
    if (code.tag !== "equal" || !prev || !next || prev.tag === "equal" || next.tag === "equal") return code;
    if (!endsInText(prev, a, b, "end") || !endsInText(next, a, b, "start")) return code;
    if (!isChaff(code, b, changeLength(prev, a, b), changeLength(next, a, b))) return code;
    return op("replace", code.aStart, code.aEnd, code.bStart, code.bEnd);
  });
  return mergeAdjacent(marked);
}

const TEXT_KINDS = new Set(["word", "space", "punct"]);

/** Whether a change meets the equal run with text on both sides ("the same text", not markup). */
function endsInText(c: Opcode, a: TokenList, b: TokenList, edge: "start" | "end"): boolean {
  const at = (tokens: TokenList, start: number, end: number): boolean => start === end || TEXT_KINDS.has(tokens.kind(edge === "start" ? start : end - 1));
  return at(a, c.aStart, c.aEnd) && at(b, c.bStart, c.bEnd);
}

/** Characters changed by an opcode, the larger of its two sides. */
function changeLength(c: Opcode, a: TokenList, b: TokenList): number {
  return Math.max(textLength(a, c.aStart, c.aEnd), textLength(b, c.bStart, c.bEnd));
}

/** Lengths are measured on keys, which both sides share, so the fold is the same seen from either side. */
function textLength(tokens: TokenList, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n += tokens.key(i).length;
  return n;
}

/** An equal run worth folding: text on one line, at most one word, and short beside its neighbours. */
function isChaff(c: Opcode, b: TokenList, before: number, after: number): boolean {
  let words = 0;
  let length = 0;
  for (let i = c.bStart; i < c.bEnd; i++) {
    const token = b.at(i);
    if (token.kind !== "space" && token.kind !== "word" && token.kind !== "punct") return false;
    // A line break between two changes keeps them apart: they read as edits of two lines.
    if (token.kind === "space" && token.key.includes("\n")) return false;
    if (token.kind === "word" && ++words > 1) return false;
    if (token.kind !== "space") length += token.key.length;
  }
  return length === 0 || length <= Math.min(before, after);
}
