// Semantic clean-up: folds tiny equal runs that sit between two changes into one change,
// so a rewritten phrase reads as one replacement instead of confetti of kept spaces.

import { op } from "../match/opcodes.js";
import type { Opcode, Token } from "../types.js";

/**
 * Opcodes where an equal run between two changes is folded into them when it is only
 * whitespace, or a short word or punctuation no longer than either neighbouring change.
 * Markup is never folded. The result still tiles both token lists.
 *
 * @example "the cat sat" -> "a dog ran": [-the cat sat-]{+a dog ran+}, not [-the-]{+a+} [-cat-]{+dog+} …
 */
export function foldConfetti(opcodes: readonly Opcode[], a: readonly Token[], b: readonly Token[]): Opcode[] {
  const kept: Opcode[] = [];
  for (let i = 0; i < opcodes.length; i++) {
    const code = opcodes[i]!;
    const prev = kept[kept.length - 1];
    const next = opcodes[i + 1];
    if (code.tag === "equal" && prev && next && prev.tag !== "equal" && next.tag !== "equal" && isChaff(code, b, changeLength(prev, a, b), changeLength(next, a, b))) {
      kept[kept.length - 1] = op("replace", prev.aStart, code.aEnd, prev.bStart, code.bEnd);
      continue;
    }
    if (code.tag !== "equal" && prev && prev.tag !== "equal") {
      kept[kept.length - 1] = op("replace", prev.aStart, code.aEnd, prev.bStart, code.bEnd);
      continue;
    }
    kept.push(code);
  }
  // A fold may leave a pure insert or delete labelled replace: name it by its ranges.
  return kept.map((c) => (c.tag === "equal" ? c : op(tagOf(c), c.aStart, c.aEnd, c.bStart, c.bEnd)));
}

function tagOf(c: Opcode): Opcode["tag"] {
  if (c.aStart === c.aEnd) return "insert";
  if (c.bStart === c.bEnd) return "delete";
  return "replace";
}

/** Characters changed by an opcode, the larger of its two sides. */
function changeLength(c: Opcode, a: readonly Token[], b: readonly Token[]): number {
  return Math.max(textLength(a, c.aStart, c.aEnd), textLength(b, c.bStart, c.bEnd));
}

function textLength(tokens: readonly Token[], start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n += tokens[i]!.text.length;
  return n;
}

/** An equal run worth folding: text on one line, at most one word, and short beside its neighbours. */
function isChaff(c: Opcode, b: readonly Token[], before: number, after: number): boolean {
  let words = 0;
  let length = 0;
  for (let i = c.bStart; i < c.bEnd; i++) {
    const token = b[i]!;
    if (token.kind !== "space" && token.kind !== "word" && token.kind !== "punct") return false;
    // A line break between two changes keeps them apart: they read as edits of two lines.
    if (token.kind === "space" && token.text.includes("\n")) return false;
    if (token.kind === "word" && ++words > 1) return false;
    if (token.kind !== "space") length += token.text.length;
  }
  return length === 0 || length <= Math.min(before, after);
}
