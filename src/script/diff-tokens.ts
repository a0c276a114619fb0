// Matches two token lists and refines the result for reading: intern keys, align, slide, fold,
// pair changed tags, find moves, name each change. The result does not depend on which side is
// called old: see precedes().

import { align } from "../match/align.js";
import { op } from "../match/opcodes.js";
import type { NormalizedOptions } from "../options.js";
import { internKeys } from "../text/intern.js";
import type { Change, Opcode, Token } from "../types.js";
import { describeChanges } from "./changes.js";
import { foldConfetti } from "./cleanup.js";
import type { Side } from "./edit-script.js";
import { pairMarkup, partners } from "./markup.js";
import { findMoves } from "./moves.js";
import { slideEdits } from "./slide.js";

/** The refined comparison of two sides: opcodes, one change per non-equal opcode, and whether a work cap was hit. */
export interface TokenDiff {
  readonly opcodes: readonly Opcode[];
  readonly changes: readonly Change[];
  readonly fallback: boolean;
}

/**
 * Opcodes that turn side `a` into side `b`, refined for reading, with their changes named.
 * Except for difflib (whose exact results are its point), swapping `a` and `b` gives the
 * mirrored result: inserts and deletes trade places, old and new values too, nothing else changes.
 *
 * @example diffTokens(sideOf("<p>a b</p>"), sideOf("<p>a c</p>"), opts).changes // [{ kind: "replace", op: 1 }]
 */
export function diffTokens(a: Side, b: Side, options: NormalizedOptions): TokenDiff {
  const swap = options.algorithm !== "difflib" && precedes(b.tokens, a.tokens);
  const [x, y] = swap ? [b, a] : [a, b];
  const [keysX, keysY] = internKeys([x.tokens, y.tokens]) as [Int32Array, Int32Array];
  const { opcodes, fallback } = align(keysX, keysY, options.algorithm);
  const readable = foldConfetti(slideEdits(opcodes, x.tokens, y.tokens), x.tokens, y.tokens);
  const partnersX = partners(x.tokens);
  const annotated = pairMarkup(readable, x.tokens, y.tokens, partnersX, partners(y.tokens));
  const codes = annotated.map((entry) => entry.code);
  const changes = describeChanges(annotated, findMoves(codes, x.tokens, y.tokens), x, y, partnersX, options);
  if (!swap) return { opcodes: codes, changes, fallback };
  return { opcodes: codes.map(mirrorOpcode), changes: changes.map(mirrorChange), fallback };
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
function mirrorOpcode(code: Opcode): Opcode {
  const tag = code.tag === "insert" ? "delete" : code.tag === "delete" ? "insert" : code.tag;
  return op(tag, code.bStart, code.bEnd, code.aStart, code.aEnd);
}

/** The same change seen from the other side. */
function mirrorChange(change: Change): Change {
  const kind = change.kind === "insert" ? "delete" : change.kind === "delete" ? "insert" : change.kind;
  const mirrored: Change = { ...change, kind };
  if (change.oldName !== undefined) Object.assign(mirrored, { oldName: change.newName, newName: change.oldName });
  if (change.attributes) Object.assign(mirrored, { attributes: change.attributes.map((d) => ({ name: d.name, old: d.new, new: d.old })) });
  return mirrored;
}
