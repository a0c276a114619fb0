// Words before white space: a paragraph re-wrapped has the same words with other white space
// between them, and a word that ends a line on one side and starts the next on the other crosses
// the line break. A longest common subsequence may keep the line break and mark the word deleted
// and inserted again (or, with a word repeated, keep it at the other place); this keeps the words
// and changes the white space instead.

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import { changeOf, mergeAdjacent } from "./join-opcodes.js";

/** The most opcodes a crossing spans: changes and the kept runs between them. */
const MAX_SPAN = 9;
/** The most tokens of a kept run inside a crossing. */
const MAX_KEPT = 64;

/**
 * Opcodes where a run of changes and the short kept runs between them holds the same words and
 * punctuation on both sides in the same order (only the white space between them differs) are
 * re-aligned: each word is kept, matched to its namesake in order, and only the white space
 * between is changed (which may be more white space tokens than before: a line break and its
 * indentation are two). Only where words changed before; tags never take part (the element pairs
 * are left as they were). The result tiles both
 * token lists and reads the same with the sides swapped; opcodes with no crossing are returned
 * as they were.
 *
 * @example old `assist in\n  conveying`, new `assist\n  in conveying`:
 *   [equal `assist`, delete ` in`, equal `\n  `, insert `in `, equal `conveying`] becomes
 *   [equal `assist`, replace ` ` by `\n  `, equal `in`, replace `\n  ` by ` `, equal `conveying`].
 */
export function uncrossWords(opcodes: readonly Opcode[], a: TokenList, b: TokenList): readonly Opcode[] {
  let out: Opcode[] | undefined;
  for (let i = 0; i < opcodes.length; i++) {
    const first = opcodes[i]!;
    if (first.tag === "equal") {
      out?.push(first);
      continue;
    }
    const found = crossingFrom(opcodes, i, a, b);
    if (found === undefined) {
      out?.push(first);
      continue;
    }
    out ??= opcodes.slice(0, i);
    out.push(...found.codes);
    i = found.last;
  }
  return out ? mergeAdjacent(out) : opcodes;
}

/**
 * The longest run of changes from change `i`, with the short kept runs between them, that holds the same
 * words on both sides, re-aligned word by word, and the index of its last opcode; undefined
 * where there is none that keeps a word that was changed.
 */
function crossingFrom(opcodes: readonly Opcode[], i: number, a: TokenList, b: TokenList): { codes: Opcode[]; last: number } | undefined {
  const first = opcodes[i]!;
  let found: { codes: Opcode[]; last: number } | undefined;
  let changedWords = false;
  for (let k = i; k < opcodes.length && k - i < MAX_SPAN; k++) {
    const code = opcodes[k]!;
    if (code.tag === "equal") {
      if (code.aEnd - code.aStart > MAX_KEPT) break;
      continue;
    }
    changedWords ||= nextWord(a, code.aStart, code.aEnd) !== -1 || nextWord(b, code.bStart, code.bEnd) !== -1;
    if (!changedWords) continue;
    const codes = wordByWord(a, first.aStart, code.aEnd, b, first.bStart, code.bEnd);
    if (codes !== undefined) found = { codes, last: k };
  }
  return found;
}

/**
 * `a[aStart..aEnd)` against `b[bStart..bEnd)` with their words and punctuation matched one to one
 * in order and the white space between them kept where it is the same, changed where not;
 * undefined when the two hold other words, or any token that is neither text nor white space.
 */
function wordByWord(a: TokenList, aStart: number, aEnd: number, b: TokenList, bStart: number, bEnd: number): Opcode[] | undefined {
  const codes: Opcode[] = [];
  let i = aStart;
  let j = bStart;
  for (;;) {
    const wordA = nextWord(a, i, aEnd);
    const wordB = nextWord(b, j, bEnd);
    if (wordA === -2 || wordB === -2) return undefined;
    // The white space before the next words (or up to the ends): kept where the same, else changed.
    const spaceA = wordA < 0 ? aEnd : wordA;
    const spaceB = wordB < 0 ? bEnd : wordB;
    codes.push(sameKeys(a, i, spaceA, b, j, spaceB) ? op("equal", i, spaceA, j, spaceB) : changeOf(i, spaceA, j, spaceB));
    if (wordA < 0 || wordB < 0) return wordA === wordB ? codes : undefined;
    if (a.key(wordA) !== b.key(wordB)) return undefined;
    codes.push(op("equal", wordA, wordA + 1, wordB, wordB + 1));
    [i, j] = [wordA + 1, wordB + 1];
  }
}

/** The first token of `start..end` that is not white space: a word or punctuation mark; -1 when there is none; -2 when it is anything else (a tag). */
function nextWord(tokens: TokenList, start: number, end: number): number {
  for (let t = start; t < end; t++) {
    const kind = tokens.kind(t);
    if (kind === "space") continue;
    return kind === "word" || kind === "punct" ? t : -2;
  }
  return -1;
}

/** Whether `a[aStart..aEnd)` and `b[bStart..bEnd)` hold the same keys. */
function sameKeys(a: TokenList, aStart: number, aEnd: number, b: TokenList, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a.key(aStart + k) !== b.key(bStart + k)) return false;
  return true;
}
