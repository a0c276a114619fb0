// Boundary alignment: an inserted or deleted run that could sit at several places (because it
// starts and ends with equal tokens) is moved to where it reads best: whole lines, whole
// elements, whole words.

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import { holdsWhole, partners } from "../text/tag-pairs.js";
import { mergeAdjacent } from "./join-opcodes.js";

/** Positions × run length past which a slide no longer checks each position for whole elements. */
const WHOLE_CHECK_LIMIT = 1 << 16;

/**
 * Opcodes with every pure insertion or deletion slid to its best-scoring position among the
 * equivalent ones: a position where the run holds whole elements first, then the best
 * boundaries; ties go to the rightmost position. The result tiles both token lists.
 *
 * @example inserting "<li>Butter</li>" between two items: the run found may be
 *   `Butter</li>\n  <li>`; it slides to `  <li>Butter</li>\n`, one whole inserted line.
 */
export function slideEdits(opcodes: readonly Opcode[], a: TokenList, b: TokenList): Opcode[] {
  const codes = [...opcodes];
  for (let i = 1; i + 1 < codes.length; i++) {
    const prev = codes[i - 1]!;
    const code = codes[i]!;
    const next = codes[i + 1]!;
    if (prev.tag !== "equal" || next.tag !== "equal" || (code.tag !== "insert" && code.tag !== "delete")) continue;
    const inB = code.tag === "insert";
    const tokens = inB ? b : a;
    const pairs = partners(tokens);
    const start = inB ? code.bStart : code.aStart;
    const length = inB ? code.bEnd - code.bStart : code.aEnd - code.aStart;
    const low = inB ? prev.bStart : prev.aStart;
    const high = inB ? next.bEnd : next.aEnd;
    // Equivalent positions: shift left while the run's last token equals the one before it, right likewise.
    let left = start;
    while (left > low && tokens.key(left - 1) === tokens.key(left - 1 + length)) left--;
    let right = start;
    while (right + length < high && tokens.key(right + length) === tokens.key(right)) right++;
    if (left === right) continue;
    let best = start;
    let bestScore = -1;
    const checkWhole = (right - left + 1) * length <= WHOLE_CHECK_LIMIT;
    for (let s = left; s <= right; s++) {
      const whole = checkWhole && holdsWhole(pairs, s, s + length) ? 100 : 0;
      const score = whole + boundaryScore(tokens, s) + boundaryScore(tokens, s + length);
      if (score >= bestScore) {
        best = s;
        bestScore = score;
      }
    }
    const shift = best - start;
    if (shift === 0) continue;
    codes[i - 1] = op("equal", prev.aStart, prev.aEnd + shift, prev.bStart, prev.bEnd + shift);
    codes[i] = op(code.tag, code.aStart + shift, code.aEnd + shift, code.bStart + shift, code.bEnd + shift);
    codes[i + 1] = op("equal", next.aStart + shift, next.aEnd, next.bStart + shift, next.bEnd);
  }
  return mergeAdjacent(codes);
}

/** How good a place the gap before token `at` (between it and the one before) is for a change to begin or end. */
function boundaryScore(tokens: TokenList, at: number): number {
  if (at <= 0 || at >= tokens.length) return 6;
  const before = tokens.kind(at - 1);
  const after = tokens.kind(at);
  let score = 0;
  if (before === "space" && tokens.key(at - 1).endsWith("\n")) score += 4;
  if (before === "close" || after === "open") score += 2;
  if (before === "space" || after === "space") score += 1;
  return score;
}
