// Joins neighbouring opcodes of the same sort after a refinement step has moved boundaries.

import { op } from "../match/opcodes.js";
import type { Opcode } from "../types.js";

/**
 * One opcode covering two neighbours, named by its ranges.
 *
 * @example joined(delete 0-1/0-0, insert 1-1/0-2) // replace 0-1/0-2
 */
export function joined(first: Opcode, second: Opcode): Opcode {
  const tag = first.tag === "equal" ? "equal" : first.aStart === second.aEnd ? "insert" : first.bStart === second.bEnd ? "delete" : "replace";
  return op(tag, first.aStart, second.aEnd, first.bStart, second.bEnd);
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
