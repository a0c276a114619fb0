// An element moved as it was can be missed as a move: the matcher, aligning the text that took
// its place, may keep a few of its tokens there (its tags, white space, a shared phrase), so that
// it is cut in pieces none of which matches the whole copy elsewhere. Such an element is found
// by the keys of its identical copy, whole inside a change on the other side, and released: its
// kept tokens become changes, and it reads as one move that was not edited.

import { op } from "../match/opcodes.js";
import { KIND_CODE, kindCodes, WRITTEN_AS_KEY } from "../text/token-list.js";
import type { Opcode } from "../types.js";
import { type Block, type KeyedTokens, makeBlock, MIN_WORDS } from "./blocks.js";
import { type AnnotatedOpcode, dropBrokenRenames, joinPlain } from "./pair-markup.js";

/** An element and its identical copy on the other side: the halves of a move. */
export interface Copy {
  readonly from: Block;
  readonly to: Block;
}

/** Opcodes with pinned copies released, and the copies (their blocks held by these opcodes). */
export interface Released {
  readonly ops: readonly AnnotatedOpcode[];
  readonly copies: readonly Copy[];
}

/** Which side of an opcode: `a` (old) or `b` (new). */
type SideName = "a" | "b";

/**
 * Releases the elements whose identical copy is a block (see blocksOf) whole inside a change on
 * the other side, at least one solid kept token away, when the element holds five words or more,
 * lies in more than one opcode, and fewer than half of its words were kept where it is. Its kept
 * tokens (and those they were matched to) become replaced; the changes around join. Elements are
 * looked up in document order, the outermost first; each block pairs once. Linear in the tokens,
 * plus the keys of the elements as long as a block.
 *
 * @example old `<p>intro</p> <p>the parser reads the stream</p>`, new `<p>the parser reads the
 *   stream</p> <p>intro</p> <p>how the writer emits the stream</p>`: the matcher keeps the second old
 *   `<p>`, `the`, `stream` and `</p>` against the new last paragraph; released, the old paragraph is
 *   deleted whole and pairs with its copy at the top.
 */
export function releasePinnedCopies(given: readonly AnnotatedOpcode[], a: KeyedTokens, b: KeyedTokens): Released {
  const claimed = { a: new Uint8Array(a.tokens.length), b: new Uint8Array(b.tokens.length) };
  const found: Found[] = [];
  let ops = given;
  let sides: { a: SideData; b: SideData } | undefined;
  // A release joins changes, which may hold a whole copy of another pinned element: a few rounds.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!changesOnBothSides(ops)) break;
    sides ??= { a: sideData(a), b: sideData(b) };
    const more = pinnedCopies(ops, a, b, sides, claimed);
    if (!more.length) break;
    found.push(...more);
    ops = dropBrokenRenames(joinPlain(release(ops, claimed.a, claimed.b)), a.partners, b.partners);
  }
  if (!found.length) return { ops, copies: [] };
  const copies = found.map((f) => ({ from: makeBlock(a, opAt(ops, "a", f.aStart), f.aStart, f.aEnd), to: makeBlock(b, opAt(ops, "b", f.bStart), f.bStart, f.bEnd) }));
  return { ops, copies };
}

/** The rounds of release at most. */
const MAX_ROUNDS = 4;

/** An element of the old side and its copy in the new one, as token ranges. */
interface Found {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** An element free to be half of a move: five words or more, fewer than half of them kept. */
interface Free {
  readonly start: number;
  readonly end: number;
  /** Whether the element lies in more than one opcode (kept tokens, or changes of other sorts, cut it). */
  readonly pinned: boolean;
}

/**
 * One round: pairs of free elements with the same keys, one of them at least pinned, apart (a
 * kept token that is not white space lies before one and after the other), none claimed before;
 * their tokens are claimed. Old elements are taken in document order, each with the first new one.
 */
function pinnedCopies(ops: readonly AnnotatedOpcode[], a: KeyedTokens, b: KeyedTokens, sides: { a: SideData; b: SideData }, claimed: Record<SideName, Uint8Array>): Found[] {
  const freeA = freeElements(ops, "a", a, sides.a, claimed.a);
  const freeB = freeElements(ops, "b", b, sides.b, claimed.b);
  if (!freeA.some((e) => e.pinned) && !freeB.some((e) => e.pinned)) return [];
  const lengths = new Set(freeB.map((e) => e.end - e.start));
  const hashA = rangeHash(sides.a);
  const hashB = rangeHash(sides.b);
  const byKeys = new Map<number, Free[]>();
  for (const e of freeB) {
    const h = hashB.of(e.start, e.end);
    byKeys.set(h, [...(byKeys.get(h) ?? []), e]);
  }
  const kindsA = sides.a.kinds;
  const found: Found[] = [];
  for (const x of freeA) {
    if (!lengths.has(x.end - x.start) || claimedIn(claimed.a, x.start, x.end)) continue;
    const copies = byKeys.get(hashA.of(x.start, x.end));
    if (copies === undefined) continue;
    // Where the kept text next to the element was matched on the new side: a copy beyond it lies apart.
    const before = keptBefore(ops, kindsA, x.start);
    const after = keptAfter(ops, kindsA, x.end, b.tokens.length);
    const y = copies.find((y) => (x.pinned || y.pinned) && !claimedIn(claimed.b, y.start, y.end) && (before >= y.end || after < y.start) && sameKeys(a.ids, x.start, b.ids, y.start, x.end - x.start));
    if (!y) continue;
    claimed.a.fill(1, x.start, x.end);
    claimed.b.fill(1, y.start, y.end);
    found.push({ aStart: x.start, aEnd: x.end, bStart: y.start, bEnd: y.end });
  }
  return found;
}

/** The free elements of a side (see {@link Free}), not claimed, in document order. */
function freeElements(ops: readonly AnnotatedOpcode[], side: SideName, keyed: KeyedTokens, data: SideData, claimed: Uint8Array): Free[] {
  const { opens, words } = data;
  const changedWords = changedPrefix(ops, side, words);
  const { partners } = keyed;
  const out: Free[] = [];
  for (const t of opens) {
    const end = partners[t]! + 1;
    if (end <= t || claimed[t]) continue;
    const total = words[end]! - words[t]!;
    const keptWords = total - (changedWords[end]! - changedWords[t]!);
    if (total < MIN_WORDS || 2 * keptWords >= total) continue;
    out.push({ start: t, end, pinned: opAt(ops, side, t) !== opAt(ops, side, end - 1) });
  }
  return out;
}

/** Where the last kept old token before `i` that is not white space was matched on the new side; -1 when there is none. */
function keptBefore(ops: readonly AnnotatedOpcode[], kinds: Uint8Array, i: number): number {
  let t = i - 1;
  for (let k = t >= 0 ? opAt(ops, "a", t) : -1; t >= 0 && k >= 0; k--) {
    const { code } = ops[k]!;
    if (t < code.aStart) continue;
    if (code.tag !== "equal") t = code.aStart - 1;
    else for (; t >= code.aStart; t--) if (isSolid(kinds[t]!)) return code.bStart + t - code.aStart;
  }
  return -1;
}

/** Where the first kept old token at or after `i` that is not white space was matched on the new side; `bLength` when there is none. */
function keptAfter(ops: readonly AnnotatedOpcode[], kinds: Uint8Array, i: number, bLength: number): number {
  let t = i;
  for (let k = t < kinds.length ? opAt(ops, "a", t) : ops.length; t < kinds.length && k < ops.length; k++) {
    const { code } = ops[k]!;
    if (t >= code.aEnd) continue;
    if (code.tag !== "equal") t = code.aEnd;
    else for (; t < code.aEnd; t++) if (isSolid(kinds[t]!)) return code.bStart + t - code.aStart;
  }
  return bLength;
}

/** Whether a token of kind code `kind` (see kindCodes) is other than white space. */
function isSolid(kind: number): boolean {
  return (kind & ~WRITTEN_AS_KEY) !== KIND_CODE.space;
}

/** Polynomial hashes of every range of key ids, from prefix hashes (and the base's power for the range's length: a few multiplications, no table as long as the side). */
class RangeHash {
  private readonly prefix: Uint32Array;

  constructor(ids: Int32Array) {
    this.prefix = new Uint32Array(ids.length + 1);
    for (let i = 0; i < ids.length; i++) this.prefix[i + 1] = (Math.imul(this.prefix[i]!, HASH_BASE) + ids[i]! + 1) >>> 0;
  }

  /** The hash of ids `start..end`. */
  of(start: number, end: number): number {
    return (this.prefix[end]! - Math.imul(this.prefix[start]!, powerOfBase(end - start))) >>> 0;
  }
}

/** {@link HASH_BASE} to the power `n`, modulo 2^32 (by squaring). */
function powerOfBase(n: number): number {
  let power = 1;
  for (let base = HASH_BASE, e = n; e > 0; e >>>= 1, base = Math.imul(base, base)) if (e & 1) power = Math.imul(power, base);
  return power >>> 0;
}

/** An odd multiplier for {@link RangeHash} (FNV's prime). */
const HASH_BASE = 0x01000193;

function sameKeys(x: Int32Array, i: number, y: Int32Array, j: number, size: number): boolean {
  for (let k = 0; k < size; k++) if (x[i + k] !== y[j + k]) return false;
  return true;
}

function claimedIn(mask: Uint8Array, start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (mask[t]) return true;
  return false;
}

/** What every round reads of a side, made once: the tokens that start an element; its tokens' kind codes; words before each token; its key ids, and their hashes once a round needs them. */
interface SideData {
  /** The tokens that start an element, in order. */
  readonly opens: Int32Array;
  /** Each token's kind code (see kindCodes). */
  readonly kinds: Uint8Array;
  /** Words before each token (`n + 1` entries). */
  readonly words: Int32Array;
  readonly ids: Int32Array;
  /** Made by {@link rangeHash} when first needed: most comparisons have no pinned element to look up. */
  hash?: RangeHash;
}

/** The hashes of a side's ranges of key ids, made once. */
function rangeHash(data: SideData): RangeHash {
  return (data.hash ??= new RangeHash(data.ids));
}

/** A side's {@link SideData}, from its tokens' kind codes and key ids. */
function sideData(keyed: KeyedTokens): SideData {
  const kinds = kindCodes(keyed.tokens);
  const n = kinds.length;
  const opens: number[] = [];
  const words = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    const kind = kinds[t]! & ~WRITTEN_AS_KEY;
    if (kind === KIND_CODE.open) opens.push(t);
    words[t + 1] = words[t]! + (kind === KIND_CODE.word ? 1 : 0);
  }
  return { opens: Int32Array.from(opens), kinds, words, ids: keyed.ids };
}

/** Whether some change has tokens on the old side and some on the new (a move needs both). */
function changesOnBothSides(ops: readonly AnnotatedOpcode[]): boolean {
  return ops.some(({ code }) => code.tag !== "equal" && code.aEnd > code.aStart) && ops.some(({ code }) => code.tag !== "equal" && code.bEnd > code.bStart);
}

/** Words in changes before each token of a side (`n + 1` entries), given the words before each token. */
function changedPrefix(ops: readonly AnnotatedOpcode[], side: SideName, words: Int32Array): Int32Array {
  const changedWords = new Int32Array(words.length);
  for (const { code } of ops) {
    const [start, end] = range(code, side);
    if (code.tag === "equal") {
      changedWords.fill(changedWords[start]!, start + 1, end + 1);
      continue;
    }
    for (let t = start; t < end; t++) changedWords[t + 1] = changedWords[t]! + words[t + 1]! - words[t]!;
  }
  return changedWords;
}

function range(code: Opcode, side: SideName): [number, number] {
  return side === "a" ? [code.aStart, code.aEnd] : [code.bStart, code.bEnd];
}

/** The index of the opcode that holds token `t` of a side (the opcodes tile it). */
function opAt(ops: readonly AnnotatedOpcode[], side: SideName, t: number): number {
  let low = 0;
  let high = ops.length - 1;
  // The last opcode starting at or before t holds it: the empty ones at t come before it.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (range(ops[mid]!.code, side)[0] <= t) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The opcodes with every kept token claimed on either side replaced, and paired tags there unpaired. */
function release(ops: readonly AnnotatedOpcode[], claimedA: Uint8Array, claimedB: Uint8Array): AnnotatedOpcode[] {
  const out: AnnotatedOpcode[] = [];
  for (const entry of ops) {
    const { code } = entry;
    if (code.tag !== "equal") {
      const touched = entry.pair && (claimedA[code.aStart] || claimedB[code.bStart]);
      out.push(touched ? { code } : entry);
      continue;
    }
    const freed = (k: number): boolean => claimedA[code.aStart + k] === 1 || claimedB[code.bStart + k] === 1;
    const size = code.aEnd - code.aStart;
    for (let k = 0; k < size;) {
      const free = freed(k);
      let m = k + 1;
      while (m < size && freed(m) === free) m++;
      out.push({ code: op(free ? "replace" : "equal", code.aStart + k, code.aStart + m, code.bStart + k, code.bStart + m) });
      k = m;
    }
  }
  return out;
}
