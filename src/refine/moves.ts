// Finds blocks deleted in one place and inserted, identical, in another: moves.

import type { Opcode, Token } from "../types.js";

/** A moved block must hold at least a whole element or this many words. */
const MIN_WORDS = 5;

/**
 * Pairs each deleted run with an identical inserted run elsewhere (compared by keys, ignoring
 * whitespace at their edges) when it holds a whole element or a sentence's worth of words.
 * Returns, for each paired opcode index, the index of its other half.
 *
 * @example a paragraph that went from the top to the bottom: Map { 1 => 5, 5 => 1 }
 */
export function findMoves(opcodes: readonly Opcode[], a: readonly Token[], b: readonly Token[]): Map<number, number> {
  const deleted = new Map<string, number[]>();
  opcodes.forEach((code, index) => {
    if (code.tag !== "delete") return;
    const key = blockKey(a, code.aStart, code.aEnd);
    if (key !== null) deleted.set(key, [...(deleted.get(key) ?? []), index]);
  });
  const pairs = new Map<number, number>();
  if (deleted.size === 0) return pairs;
  opcodes.forEach((code, index) => {
    if (code.tag !== "insert") return;
    const key = blockKey(b, code.bStart, code.bEnd);
    const from = key === null ? undefined : deleted.get(key)?.shift();
    if (from === undefined) return;
    pairs.set(from, index);
    pairs.set(index, from);
  });
  return pairs;
}

/** The keys of a run without its edge whitespace, or null when the run is too small to call a move. */
function blockKey(tokens: readonly Token[], start: number, end: number): string | null {
  while (start < end && tokens[start]!.kind === "space") start++;
  while (end > start && tokens[end - 1]!.kind === "space") end--;
  let words = 0;
  let depth = 0;
  let element = false;
  for (let i = start; i < end; i++) {
    const kind = tokens[i]!.kind;
    if (kind === "word") words++;
    else if (kind === "open") depth++;
    else if (kind === "close" && depth > 0 && --depth === 0) element = true;
  }
  if (!element && words < MIN_WORDS) return null;
  const keys: string[] = [];
  for (let i = start; i < end; i++) keys.push(tokens[i]!.key);
  return keys.join("\u0000");
}
