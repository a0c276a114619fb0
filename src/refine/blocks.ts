// The blocks that may be halves of a move: a changed run (edge whitespace aside) and the whole
// elements at its top level. Shared by the search for moves and the release of pinned copies.

import type { TokenList } from "../types.js";
import type { AnnotatedOpcode } from "./pair-markup.js";

/** A moved block must hold at least a whole element or this many words; an edited one, this many words. */
export const MIN_WORDS = 5;

/** One side's tokens and their interned keys. */
export interface KeyedTokens {
  readonly tokens: TokenList;
  readonly ids: Int32Array;
  /** Each tag token's partner tag (-1: none). */
  readonly partners: Int32Array;
}

/** A candidate block: a changed run (edge whitespace aside) or a whole element at its top level. */
export interface Block {
  /** The index of the opcode whose run holds the block. */
  readonly op: number;
  readonly start: number;
  readonly end: number;
  readonly words: Int32Array;
  /** Whether the block holds a whole element (so that it may move without five words). */
  readonly element: boolean;
}

/**
 * The blocks of one side of a changed run (opcode `op`, tokens `start..end`): the whole
 * elements at its top level holding five words or more, and the run itself (edge whitespace
 * aside) when it holds five words or an element, unless it is one of those elements already.
 *
 * @example `<p>one two three four five</p> six` → the `<p>` element, and the whole run
 */
export function blocksOf(side: KeyedTokens, op: number, start: number, end: number): Block[] {
  const { tokens, partners } = side;
  while (start < end && tokens.kind(start) === "space") start++;
  while (end > start && tokens.kind(end - 1) === "space") end--;
  if (start === end) return [];
  const out: Block[] = [];
  for (let t = start; t < end; t++) {
    const partner = partners[t]!;
    if (tokens.kind(t) === "open" && partner > t && partner < end) {
      const block = makeBlock(side, op, t, partner + 1);
      if (block.words.length >= MIN_WORDS) out.push(block);
      t = partner;
    }
  }
  // The run itself, unless it is one of its elements already.
  if (out.length === 1 && out[0]!.start === start && out[0]!.end === end) return out;
  const run = makeBlock(side, op, start, end);
  if (run.words.length >= MIN_WORDS || run.element) out.push(run);
  return out;
}

/** The block of tokens `start..end`, held by the run of opcode `op`. */
export function makeBlock(side: KeyedTokens, op: number, start: number, end: number): Block {
  const words: number[] = [];
  for (let t = start; t < end; t++) if (side.tokens.kind(t) === "word") words.push(side.ids[t]!);
  return { op, start, end, words: Int32Array.from(words), element: holdsElement(side, start, end) };
}

/** Whether a run holds a whole element somewhere (a start tag whose end tag is inside it too). */
function holdsElement(side: KeyedTokens, start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (side.tokens.kind(t) === "open" && side.partners[t]! > t && side.partners[t]! < end) return true;
  return false;
}

/** For each opcode index, how many equal opcodes holding more than whitespace come before it. */
export function solidBefore(ops: readonly AnnotatedOpcode[], a: TokenList): Int32Array {
  const out = new Int32Array(ops.length + 1);
  ops.forEach(({ code }, index) => {
    let solid = false;
    if (code.tag === "equal") for (let t = code.aStart; t < code.aEnd && !solid; t++) solid = a.kind(t) !== "space";
    out[index + 1] = out[index]! + (solid ? 1 : 0);
  });
  return out;
}

/** The blocks of the changed runs on each side (paired tags aside): deleted, inserted. */
export function changedBlocks(ops: readonly AnnotatedOpcode[], a: KeyedTokens, b: KeyedTokens): [Block[], Block[]] {
  const deleted: Block[] = [];
  const inserted: Block[] = [];
  ops.forEach(({ code, pair }, index) => {
    if (code.tag === "equal" || pair) return;
    if (code.aEnd > code.aStart) deleted.push(...blocksOf(a, index, code.aStart, code.aEnd));
    if (code.bEnd > code.bStart) inserted.push(...blocksOf(b, index, code.bStart, code.bEnd));
  });
  return [deleted, inserted];
}
