// Turns matching blocks into opcodes, with the exact rules of difflib's get_opcodes.
// Every algorithm ends here, so they all yield the same opcode type.

import type { MatchingBlock, Opcode, OpTag } from "../types.js";

/**
 * Opcodes that tile `a[0:aLength]` and `b[0:bLength]`, from blocks sorted by position that
 * end with the sentinel `{ a: aLength, b: bLength, size: 0 }`.
 *
 * @example opcodesFromBlocks([{a: 0, b: 0, size: 1}, {a: 2, b: 1, size: 0}])
 *   // [{tag: "equal", 0,1, 0,1}, {tag: "delete", 1,2, 1,1}]
 */
export function opcodesFromBlocks(blocks: readonly MatchingBlock[]): Opcode[] {
  const opcodes: Opcode[] = [];
  let i = 0;
  let j = 0;
  for (const { a, b, size } of blocks) {
    let tag: OpTag | undefined;
    if (i < a && j < b) tag = "replace";
    else if (i < a) tag = "delete";
    else if (j < b) tag = "insert";
    if (tag) opcodes.push(op(tag, i, a, j, b));
    i = a + size;
    j = b + size;
    if (size) opcodes.push(op("equal", a, i, b, j));
  }
  return opcodes;
}

/**
 * Groups opcodes into hunks with up to `context` equal items around each change, as
 * difflib's get_grouped_opcodes does (including its answer for two empty or equal inputs).
 *
 * @example groupOpcodes(opcodes, 3) // [[equal 3, replace, equal 3], [equal 3, insert, …]]
 */
export function groupOpcodes(source: readonly Opcode[], context = 3): Opcode[][] {
  const codes: Opcode[] = source.length ? [...source] : [op("equal", 0, 1, 0, 1)];
  const first = codes[0]!;
  if (first.tag === "equal") {
    codes[0] = op("equal", Math.max(first.aStart, first.aEnd - context), first.aEnd, Math.max(first.bStart, first.bEnd - context), first.bEnd);
  }
  const last = codes[codes.length - 1]!;
  if (last.tag === "equal") {
    codes[codes.length - 1] = op("equal", last.aStart, Math.min(last.aEnd, last.aStart + context), last.bStart, Math.min(last.bEnd, last.bStart + context));
  }
  const nn = context + context;
  const groups: Opcode[][] = [];
  let group: Opcode[] = [];
  for (const code of codes) {
    let { aStart: i1, aEnd: i2, bStart: j1, bEnd: j2 } = code;
    // A long equal run ends one hunk and starts the next.
    if (code.tag === "equal" && i2 - i1 > nn) {
      group.push(op("equal", i1, Math.min(i2, i1 + context), j1, Math.min(j2, j1 + context)));
      groups.push(group);
      group = [];
      i1 = Math.max(i1, i2 - context);
      j1 = Math.max(j1, j2 - context);
    }
    group.push(op(code.tag, i1, i2, j1, j2));
  }
  if (group.length && !(group.length === 1 && group[0]!.tag === "equal")) groups.push(group);
  return groups;
}

/** A frozen opcode. */
export function op(tag: OpTag, aStart: number, aEnd: number, bStart: number, bEnd: number): Opcode {
  return Object.freeze({ tag, aStart, aEnd, bStart, bEnd });
}

/**
 * How many items the opcodes keep (`unchanged`, counted on the old side), delete and insert.
 *
 * @example opcodeCounts([op("equal", 0, 2, 0, 2), op("replace", 2, 3, 2, 4)]) // { unchanged: 2, deleted: 1, inserted: 2 }
 */
export function opcodeCounts(opcodes: readonly Opcode[]): { unchanged: number; deleted: number; inserted: number } {
  let unchanged = 0;
  let deleted = 0;
  let inserted = 0;
  for (const code of opcodes) {
    if (code.tag === "equal") unchanged += code.aEnd - code.aStart;
    else {
      deleted += code.aEnd - code.aStart;
      inserted += code.bEnd - code.bStart;
    }
  }
  return { unchanged, deleted, inserted };
}
