// Joins neighbouring opcodes of the same sort after a refinement step has moved boundaries.

import { op } from "../match/opcodes.js";
import type { Opcode } from "../types.js";

/**
 * A change named by its ranges: an insertion where the old one is empty, a deletion where the
 * new one is, else a replacement. (Both empty: an empty change, which {@link mergeAdjacent} drops.)
 *
 * @example changeOf(3, 3, 4, 6).tag // "insert"
 */
export function changeOf(aStart: number, aEnd: number, bStart: number, bEnd: number): Opcode {
  return op(aStart === aEnd ? "insert" : bStart === bEnd ? "delete" : "replace", aStart, aEnd, bStart, bEnd);
}

/**
 * One opcode covering two neighbours, named by its ranges.
 *
 * @example joined(delete 0-1/0-0, insert 1-1/0-2) // replace 0-1/0-2
 */
export function joined(first: Opcode, second: Opcode): Opcode {
  return first.tag === "equal" ? op("equal", first.aStart, second.aEnd, first.bStart, second.bEnd) : changeOf(first.aStart, second.aEnd, first.bStart, second.bEnd);
}

/**
 * Drops empty opcodes and joins neighbours of the same sort (two equal runs, or two changes).
 *
 * @example mergeAdjacent([equal 0-1, equal 1-2, delete 2-3]) // [equal 0-2, delete 2-3]
 */
export function mergeAdjacent(codes: readonly Opcode[]): Opcode[] {
  const out: Opcode[] = [];
  for (const code of codes) {
    if (code.aStart === code.aEnd && code.bStart === code.bEnd) continue;
    const last = out[out.length - 1];
    if (last && (last.tag === "equal") === (code.tag === "equal")) out[out.length - 1] = joined(last, code);
    else out.push(code);
  }
  return out;
}
