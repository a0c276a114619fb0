// Matches two token lists and refines the result: intern keys, align, slide, fold.
// The result does not depend on which side is called old: see canonicalOrder.

import { align } from "../match/align.js";
import { op } from "../match/opcodes.js";
import { internKeys } from "../text/intern.js";
import type { Alignment, AlgorithmName, Opcode, Token } from "../types.js";
import { foldConfetti } from "./cleanup.js";
import { slideEdits } from "./slide.js";

/**
 * Opcodes that turn `a` into `b`, refined for reading, and whether a work cap made them coarser.
 * Except for difflib (whose exact results are its point), swapping `a` and `b` gives the
 * mirrored opcodes: inserts and deletes trade places, nothing else changes.
 *
 * @example diffTokens(tokens("<p>a b</p>"), tokens("<p>a c</p>"), "default").opcodes
 *   // [equal 0-3/0-3, replace 3-4/3-4, equal 4-5/4-5]
 */
export function diffTokens(a: readonly Token[], b: readonly Token[], algorithm: AlgorithmName): Alignment {
  const swap = algorithm !== "difflib" && precedes(b, a);
  const [x, y] = swap ? [b, a] : [a, b];
  const [keysX, keysY] = internKeys([x, y]) as [Int32Array, Int32Array];
  const { opcodes, fallback } = align(keysX, keysY, algorithm);
  const refined = foldConfetti(slideEdits(opcodes, x, y), x, y);
  return { opcodes: swap ? refined.map(mirror) : refined, fallback };
}

/**
 * A total order on token lists that does not depend on argument order: shorter first, then
 * by the first differing key. Matching always runs from the lesser list to the greater one.
 */
function precedes(x: readonly Token[], y: readonly Token[]): boolean {
  if (x.length !== y.length) return x.length < y.length;
  for (let i = 0; i < x.length; i++) {
    const kx = x[i]!.key;
    const ky = y[i]!.key;
    if (kx !== ky) return kx < ky;
  }
  return false;
}

/** The same opcode seen from the other side. */
function mirror(code: Opcode): Opcode {
  const tag = code.tag === "insert" ? "delete" : code.tag === "delete" ? "insert" : code.tag;
  return op(tag, code.bStart, code.bEnd, code.aStart, code.aEnd);
}
