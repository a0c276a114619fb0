// Finds blocks deleted in one place and inserted in another, as they were or edited: moves.
// Candidates are found by hashing shingles of word keys, so the cost follows the changed text,
// not the number of block pairs (see docs/design.md, "Moves").

import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import type { AnnotatedOpcode } from "./pair-markup.js";
import { type Block, changedBlocks, type KeyedTokens, MIN_WORDS, solidBefore } from "./blocks.js";
import { releasePinnedCopies } from "./pinned-copies.js";

/** An edited move needs at least this share of its words in common (difflib's quick_ratio on word keys). */
const MIN_SIMILARITY = 0.6;
/** Words per shingle. */
const SHINGLE = 3;
/** A shingle found in more deleted blocks than this is common phrasing, not evidence of a move: it is not looked up. */
const MAX_POSTING = 32;
/** Deleted blocks compared with one inserted block at most (those sharing the most shingles with it). */
const MAX_CANDIDATES = 8;

/** Aligns `a[aStart:aEnd]` with `b[bStart:bEnd]`: opcodes in absolute token indexes that tile both ranges. */
export type InnerDiff = (aStart: number, aEnd: number, bStart: number, bEnd: number) => Opcode[];

/** Opcodes with move halves cut out of the changes that held them, and which halves pair up. */
export interface MoveResult {
  readonly ops: readonly AnnotatedOpcode[];
  /** For each move half (opcode index), the index of its other half. */
  readonly moves: ReadonlyMap<number, number>;
  /** For each half of an edited move (opcode index), the alignment of the two halves' blocks. */
  readonly inner: ReadonlyMap<number, readonly Opcode[]>;
}

/** Two blocks found to be the halves of a move. */
interface Pair {
  readonly from: Block;
  readonly to: Block;
  readonly ratio: number;
  /** The two blocks have the same keys: nothing inside to show. */
  readonly exact: boolean;
}

/**
 * Finds moves among the changes: a deleted block and an inserted block elsewhere (at least one
 * kept token that is not whitespace between them) pair up when their keys are the same (edge
 * whitespace aside) and they hold a whole element or five words, or when both hold five words or
 * more and at least 60% of their words are in common. A block is a changed run or a whole element
 * at its top level; an element whose identical copy is such a block is released first where the
 * matcher kept a few of its tokens (see releasePinnedCopies). Each pair is cut out of the changes that held it as a delete and an insert,
 * and the two blocks are aligned with `innerDiff`, so that an edited move shows its edits.
 *
 * @example a paragraph that went from the top to the bottom with one word changed:
 *   moves Map { 1 => 5, 5 => 1 }, inner Map { 1 => [equal, replace, equal], 5 => same }
 */
export function findMoves(given: readonly AnnotatedOpcode[], a: KeyedTokens, b: KeyedTokens, innerDiff: InnerDiff): MoveResult {
  const { ops, copies } = releasePinnedCopies(given, a, b);
  const [deleted, inserted] = changedBlocks(ops, a, b);
  if (!deleted.length || !inserted.length) return { ops, moves: new Map(), inner: new Map() };
  const solid = solidBefore(ops, a.tokens);
  const released = copies.filter(({ from, to }) => blocksApart(solid, from, to)).map(({ from, to }) => ({ from, to, ratio: 1, exact: true }));
  const pairs = choosePairs([...candidatePairs(deleted, inserted, a, b, solid), ...released]);
  if (!pairs.length) return { ops, moves: new Map(), inner: new Map() };
  return cutOut(ops, pairs, a.tokens, b.tokens, innerDiff);
}

/**
 * Every pair worth calling a move: identical blocks (by their keys), and blocks that share a
 * shingle and are similar enough. Each inserted block is compared with at most
 * {@link MAX_CANDIDATES} deleted blocks, whose lengths allow the similarity at all.
 */
function candidatePairs(deleted: readonly Block[], inserted: readonly Block[], a: KeyedTokens, b: KeyedTokens, solid: Int32Array): Pair[] {
  const apart = (x: Block, y: Block): boolean => blocksApart(solid, x, y);
  const exact = new Map<string, Block[]>();
  for (const block of deleted) {
    const key = keysOf(a.ids, block);
    exact.set(key, [...(exact.get(key) ?? []), block]);
  }
  const postings = new Map<number, number[]>();
  deleted.forEach((block, index) => {
    for (const shingle of shinglesOf(block.words)) {
      const list = postings.get(shingle) ?? [];
      if (list[list.length - 1] !== index && list.length <= MAX_POSTING) list.push(index);
      postings.set(shingle, list);
    }
  });
  const pairs: Pair[] = [];
  for (const to of inserted) {
    const same = exact.get(keysOf(b.ids, to)) ?? [];
    const exactOnes = new Set<Block>();
    for (const from of same) {
      if (!apart(from, to) || (!from.element && from.words.length < MIN_WORDS)) continue;
      pairs.push({ from, to, ratio: 1, exact: true });
      exactOnes.add(from);
    }
    if (to.words.length < MIN_WORDS) continue;
    const shared = new Map<number, number>();
    for (const shingle of new Set(shinglesOf(to.words))) {
      const list = postings.get(shingle);
      if (!list || list.length > MAX_POSTING) continue;
      for (const index of list) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const ranked = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [index] of ranked) {
      const from = deleted[index]!;
      if (exactOnes.has(from) || from.words.length < MIN_WORDS || !apart(from, to)) continue;
      const bound = (2 * Math.min(from.words.length, to.words.length)) / (from.words.length + to.words.length);
      if (bound < MIN_SIMILARITY) continue;
      const ratio = quickRatio(from.words, to.words);
      if (ratio >= MIN_SIMILARITY) pairs.push({ from, to, ratio, exact: false });
    }
  }
  return pairs;
}

/** Whether a kept run that is not only white space lies between the changes that hold two blocks. */
function blocksApart(solid: Int32Array, x: Block, y: Block): boolean {
  return solid[Math.max(x.op, y.op)]! - solid[Math.min(x.op, y.op) + 1]! > 0;
}

/** A block's keys as one string, for finding identical blocks. */
function keysOf(ids: Int32Array, block: Block): string {
  return ids.subarray(block.start, block.end).join(",");
}

/** Hashes of each run of {@link SHINGLE} consecutive words. */
function shinglesOf(words: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ words[i + k]!, 0x01000193);
    out.push(h >>> 0);
  }
  return out;
}

/**
 * difflib's quick_ratio over two key lists: twice the size of their multiset intersection over
 * their total length.
 *
 * @example quickRatio([1, 2, 3, 4], [2, 3, 4, 5]) // 0.75
 */
export function quickRatio(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length + y.length === 0) return 1;
  const counts = new Map<number, number>();
  for (let i = 0; i < y.length; i++) counts.set(y[i]!, (counts.get(y[i]!) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < x.length; i++) {
    const left = counts.get(x[i]!) ?? 0;
    if (left > 0) {
      common++;
      counts.set(x[i]!, left - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** The best pairs whose blocks do not overlap: most similar first, then largest, then first in the documents. */
function choosePairs(pairs: Pair[]): Pair[] {
  pairs.sort(
    (p, q) =>
      q.ratio - p.ratio ||
      Number(q.exact) - Number(p.exact) ||
      q.to.end - q.to.start + q.from.end - q.from.start - (p.to.end - p.to.start + p.from.end - p.from.start) ||
      p.from.start - q.from.start ||
      p.to.start - q.to.start,
  );
  const usedA = new Map<number, Block[]>();
  const usedB = new Map<number, Block[]>();
  const free = (used: Map<number, Block[]>, block: Block): boolean => !(used.get(block.op) ?? []).some((u) => u.start < block.end && block.start < u.end);
  const chosen: Pair[] = [];
  for (const pair of pairs) {
    if (!free(usedA, pair.from) || !free(usedB, pair.to)) continue;
    usedA.set(pair.from.op, [...(usedA.get(pair.from.op) ?? []), pair.from]);
    usedB.set(pair.to.op, [...(usedB.get(pair.to.op) ?? []), pair.to]);
    chosen.push(pair);
  }
  return chosen;
}

/** A piece of one side of a changed run: a half of a move (the pair's index) or what is left (-1). */
interface Piece {
  start: number;
  end: number;
  readonly pair: number;
}

/**
 * The opcodes with each pair's blocks cut out as a delete and an insert of their own; whitespace
 * left alone between a block and the run's edge or another block goes with the block. The rest of
 * each run stays a change, its pieces on both sides paired in order. The result tiles both sides.
 */
function cutOut(ops: readonly AnnotatedOpcode[], pairs: readonly Pair[], a: TokenList, b: TokenList, innerDiff: InnerDiff): MoveResult {
  const fromOf = new Map<number, { block: Block; pair: number }[]>();
  const toOf = new Map<number, { block: Block; pair: number }[]>();
  pairs.forEach((pair, index) => {
    fromOf.set(pair.from.op, [...(fromOf.get(pair.from.op) ?? []), { block: pair.from, pair: index }]);
    toOf.set(pair.to.op, [...(toOf.get(pair.to.op) ?? []), { block: pair.to, pair: index }]);
  });
  const out: AnnotatedOpcode[] = [];
  const fromAt = new Int32Array(pairs.length);
  const toAt = new Int32Array(pairs.length);
  ops.forEach((entry, index) => {
    const cutsA = fromOf.get(index);
    const cutsB = toOf.get(index);
    if (!cutsA && !cutsB) {
      out.push(entry);
      return;
    }
    const { code } = entry;
    const piecesA = pieces(code.aStart, code.aEnd, cutsA ?? [], a);
    const piecesB = pieces(code.bStart, code.bEnd, cutsB ?? [], b);
    let i = 0;
    let j = 0;
    let at = { a: code.aStart, b: code.bStart };
    const push = (tag: Opcode["tag"], aEnd: number, bEnd: number): void => {
      out.push({ code: op(tag, at.a, aEnd, at.b, bEnd) });
      at = { a: aEnd, b: bEnd };
    };
    while (i < piecesA.length || j < piecesB.length) {
      const x = piecesA[i];
      const y = piecesB[j];
      if (x && x.pair >= 0) {
        fromAt[x.pair] = out.length;
        push("delete", x.end, at.b);
        i++;
      } else if (y && y.pair >= 0) {
        toAt[y.pair] = out.length;
        push("insert", at.a, y.end);
        j++;
      } else if (x && y) {
        push("replace", x.end, y.end);
        i++;
        j++;
      } else if (x) {
        push("delete", x.end, at.b);
        i++;
      } else {
        push("insert", at.a, y!.end);
        j++;
      }
    }
  });
  const moves = new Map<number, number>();
  const inner = new Map<number, readonly Opcode[]>();
  pairs.forEach((pair, index) => {
    moves.set(fromAt[index]!, toAt[index]!);
    moves.set(toAt[index]!, fromAt[index]!);
    if (pair.exact) return;
    const codes = innerDiff(pair.from.start, pair.from.end, pair.to.start, pair.to.end);
    if (codes.every((code) => code.tag === "equal")) return;
    inner.set(fromAt[index]!, codes);
    inner.set(toAt[index]!, codes);
  });
  return { ops: out, moves, inner };
}

/** One side of a run cut at the given blocks, whitespace-only leftovers joined to a neighbouring block. */
function pieces(start: number, end: number, cuts: readonly { block: Block; pair: number }[], tokens: TokenList): Piece[] {
  const sorted = [...cuts].sort((x, y) => x.block.start - y.block.start);
  const out: Piece[] = [];
  let at = start;
  for (const { block, pair } of sorted) {
    if (block.start > at) out.push({ start: at, end: block.start, pair: -1 });
    out.push({ start: block.start, end: block.end, pair });
    at = block.end;
  }
  if (end > at) out.push({ start: at, end, pair: -1 });
  const blank = (p: Piece): boolean => {
    for (let t = p.start; t < p.end; t++) if (tokens.kind(t) !== "space") return false;
    return true;
  };
  const joined: Piece[] = [];
  for (const piece of out) {
    const last = joined[joined.length - 1];
    if (last && last.pair >= 0 && piece.pair < 0 && blank(piece)) last.end = piece.end;
    else if (last && last.pair < 0 && piece.pair >= 0 && blank(last)) {
      joined[joined.length - 1] = { start: last.start, end: piece.end, pair: piece.pair };
    } else joined.push({ ...piece });
  }
  return joined;
}
