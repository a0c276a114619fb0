// Joins neighbouring opcodes of the same sort after a refinement step has moved boundaries.

import { op } from "../match/opcodes.js";
import type { Opcode } from "../types.js";

/**
 * Drops empty opcodes and joins neighbours of the same sort (two equal runs, or two changes),
 * naming each joined change by its ranges.
 *
 * @example mergeAdjacent([delete 0-1/0-0, insert 1-1/0-2]) // [replace 0-1/0-2]
 */
export function mergeAdjacent(codes: readonly Opcode[]): Opcode[] {
  const out: Opcode[] = [];
  for (const code of codes) {
    if (code.aStart === code.aEnd && code.bStart === code.bEnd) continue;
    const last = out[out.length - 1];
    if (last && (last.tag === "equal") === (code.tag === "equal")) {
      const aEmpty = last.aStart === code.aEnd;
      const bEmpty = last.bStart === code.bEnd;
      const tag = code.tag === "equal" ? "equal" : aEmpty ? "insert" : bEmpty ? "delete" : "replace";
      out[out.length - 1] = op(tag, last.aStart, code.aEnd, last.bStart, code.bEnd);
    } else out.push(code);
  }
  return out;
}
