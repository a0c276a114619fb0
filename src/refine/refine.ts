// Matches two token lists and refines the result for reading: align (by lines and
// tags instead when the work budget is too small), re-align changes to whole elements, slide,
// fold, keep end tags and words over the white space they cross, split re-indents off, pair changed tags, find moves, name each change. The result does not depend on which
// side is called old: see precedes().

import { sideList, sliceList } from "../text/token-list.js";
import { align } from "../match/align.js";
import { op } from "../match/opcodes.js";
import { unitDiff } from "../match/line-diff.js";
import type { NormalizedOptions } from "../options.js";
import type { Change, Coarser, Opcode, TokenKind, TokenList } from "../types.js";
import { describeChanges } from "./changes.js";
import { uncrossEndTags } from "./end-tag-crossings.js";
import { uncrossWords } from "./word-crossings.js";
import { foldConfetti } from "./fold-confetti.js";
import type { Side } from "../edit-script.js";
import { partners } from "../text/tag-pairs.js";
import { pairMarkup } from "./pair-markup.js";
import { findMoves } from "./moves.js";
import { rebalanceEdits } from "./rebalance.js";
import { splitReindents } from "./reindent.js";
import { slideEdits } from "./slide.js";

/** A side with the interned ids of its tokens' keys (one KeyTable for both sides, so equal keys have equal ids). */
export interface KeyedSide extends Side {
  readonly ids: Int32Array;
  /** Attribute names ignored on single elements (`--ignore-attr SELECTOR@NAME`), by start tag event index. */
  readonly ignoredAttributes?: ReadonlyMap<number, (name: string) => boolean>;
}

/** The refined comparison of two sides: opcodes, one change per non-equal opcode, and why it is coarser than minimal, if it is. */
export interface TokenDiff {
  readonly opcodes: readonly Opcode[];
  readonly changes: readonly Change[];
  readonly coarser?: Coarser;
}

/** Opcodes of an alignment and why they are coarser than minimal, if they are. */
interface Aligned {
  readonly opcodes: readonly Opcode[];
  readonly coarser?: Coarser;
}

/** Default work budget: this much, plus {@link BUDGET_PER_TOKEN} per token, up to {@link BUDGET_CAP}. */
const BUDGET_BASE = 200_000_000;
const BUDGET_PER_TOKEN = 100;
const BUDGET_CAP = 1_000_000_000;
/** Similar documents need up to this many work units per token: with less, a token diff is not even tried. */
const WORK_PER_TOKEN = 25;
/** The share of the budget the line diff gets when the token diff has spent the budget. */
const LINE_SHARE = 0.25;

/**
 * The work budget for `tokens` tokens (both sides together): `maxWork` when given, else
 * 200,000,000 + 100 per token, at most 1,000,000,000.
 *
 * @example workBudget(1_000_000, undefined) // 300_000_000
 */
export function workBudget(tokens: number, maxWork: number | undefined): number {
  return maxWork ?? Math.min(BUDGET_CAP, BUDGET_BASE + BUDGET_PER_TOKEN * tokens);
}

/**
 * Whether the work budget of a comparison of at most `tokens` tokens grows with every token: the
 * default one below its cap (see {@link workBudget}). Then a longer document never gets less budget
 * for the same changes, so a diff within budget over part of the documents is within it over all.
 *
 * @example budgetGrows(1_000_000, undefined) // true; budgetGrows(1_000_000, 5_000_000) // false
 */
export function budgetGrows(tokens: number, maxWork: number | undefined): boolean {
  return maxWork === undefined && BUDGET_BASE + BUDGET_PER_TOKEN * tokens < BUDGET_CAP;
}

/**
 * Opcodes that turn side `a` into side `b`, refined for reading, with their changes named.
 * Except for difflib (whose exact results are its point), swapping `a` and `b` gives the
 * mirrored result: inserts and deletes trade places, old and new values too, nothing else changes.
 *
 * @example diffTokens(sideOf("<p>a b</p>"), sideOf("<p>a c</p>"), opts).changes // [{ kind: "replace", op: 1 }]
 */
export function diffTokens(a: KeyedSide, b: KeyedSide, options: NormalizedOptions): TokenDiff {
  return refined(a, b, options, (x, y) => boundedAlign(x.ids, y.ids, x, y, options), false)!;
}

/** Changes this close to a window's ends (in tokens) might read differently in the whole documents. */
const WINDOW_CLEARANCE = 16;

/**
 * {@link diffTokens} of a window cut from two token lists, where the `outside` tokens left out
 * (both sides together) are equal, the same number before the window on each side and the same
 * number after it, and every element the window holds a tag of has both its tags in it: the
 * same opcodes and changes as diffTokens of the whole lists would give, in the window's
 * indexes; or undefined when that cannot be promised, and the whole lists must be compared.
 *
 * Why they are the same: the matcher trims the common prefix and suffix first, which takes the
 * whole outside and the window's own equal ends alike, and then sees the same tokens; its work
 * counter starts at what trimming the outside costs, so every budget decision is the same. The
 * refine stages look at a change, its neighbours and the partners of its tags; a change that
 * stays {@link WINDOW_CLEARANCE} tokens from the window's ends, and cannot slide to them, sees
 * nothing the window left out. Only histogram (the default) trims this way; difflib and Myers
 * are compared whole.
 */
export function diffWindow(a: KeyedSide, b: KeyedSide, options: NormalizedOptions, outside: number): TokenDiff | undefined {
  if (options.algorithm !== "default" && options.algorithm !== "histogram") return undefined;
  return refined(a, b, options, (x, y) => windowAlign(x.ids, y.ids, options, outside), true);
}

/**
 * The refine stages over an alignment of the two sides (made from the lesser side to the
 * greater, see {@link precedes}); in a window, undefined when a change comes near its ends.
 */
function refined(a: KeyedSide, b: KeyedSide, options: NormalizedOptions, alignSides: (x: KeyedSide, y: KeyedSide) => Aligned | undefined, window: boolean): TokenDiff | undefined {
  const swap = options.algorithm !== "difflib" && precedes(sideList(b), sideList(a));
  const [x, y] = swap ? [b, a] : [a, b];
  const aligned = alignSides(x, y);
  if (aligned === undefined) return undefined;
  const { opcodes, coarser } = aligned;
  const [listX, listY] = [sideList(x), sideList(y)];
  const slid = slideEdits(rebalanceEdits(opcodes, listX, listY), listX, listY);
  if (window && !clearOfEnds(slid, listX, listY, 1)) return undefined;
  const readable = uncrossWords(uncrossEndTags(foldConfetti(slid, listX, listY), listX, listY), listX, listY);
  const partnersX = partners(listX);
  const partnersY = partners(listY);
  const annotated = pairMarkup(readable, listX, listY, partnersX, partnersY).flatMap((entry) => (entry.pair ? [entry] : splitReindents([entry.code], x, y).map((code) => ({ code }))));
  const inner = (aStart: number, aEnd: number, bStart: number, bEnd: number): Opcode[] => innerAlign(x, y, aStart, aEnd, bStart, bEnd, options);
  const moved = findMoves(annotated, { tokens: listX, ids: x.ids, partners: partnersX }, { tokens: listY, ids: y.ids, partners: partnersY }, inner);
  const codes = moved.ops.map((entry) => entry.code);
  const changes = describeChanges(moved.ops, moved.moves, x, y, partnersX, options, moved.inner);
  const why = coarser ? { coarser } : {};
  if (!swap) return { opcodes: codes, changes, ...why };
  return { opcodes: codes.map(mirrorOpcode), changes: changes.map(mirrorChange), ...why };
}

/**
 * The token alignment of a window (see {@link diffWindow}) with the budget of the whole lists,
 * or undefined when the whole lists would not be aligned token by token (too many tokens, or
 * the budget spent: then lines are matched first, over the whole documents) or a change comes
 * within {@link WINDOW_CLEARANCE} tokens of the window's ends.
 */
function windowAlign(keysX: Int32Array, keysY: Int32Array, options: NormalizedOptions, outside: number): Aligned | undefined {
  const total = keysX.length + keysY.length + outside;
  const budget = workBudget(total, options.maxWork);
  if (total * WORK_PER_TOKEN > budget) return undefined;
  const fine = align(keysX, keysY, options.algorithm, budget, outside);
  if (fine.exhausted || !clearOfEnds(fine.opcodes, null, null, WINDOW_CLEARANCE)) return undefined;
  return fine.fallback ? { opcodes: fine.opcodes, coarser: { reason: "cost-cap", budget } } : { opcodes: fine.opcodes };
}

/**
 * Whether opcodes over a window begin and end with equal runs at least `clearance` tokens
 * long; and, given the tokens, whether neither the first nor the last change is an insertion
 * or deletion that could slide (see slideEdits) all the way to the window's end.
 */
function clearOfEnds(codes: readonly Opcode[], a: TokenList | null, b: TokenList | null, clearance: number): boolean {
  const first = codes[0];
  const last = codes[codes.length - 1];
  if (!first || !last || first.tag !== "equal" || last.tag !== "equal") return false;
  if (codes.length === 1) return true;
  if (first.aEnd - first.aStart < clearance || last.aEnd - last.aStart < clearance) return false;
  if (!a || !b) return true;
  const lead = codes[1]!;
  const trail = codes[codes.length - 2]!;
  return !slidesTo(lead, a, b, "start") && !slidesTo(trail, a, b, "end");
}

/** Whether a pure insertion or deletion could slide to the start (or end) of its token list. */
function slidesTo(code: Opcode, a: TokenList, b: TokenList, edge: "start" | "end"): boolean {
  if (code.tag !== "insert" && code.tag !== "delete") return false;
  const tokens = code.tag === "insert" ? b : a;
  const [start, end] = code.tag === "insert" ? [code.bStart, code.bEnd] : [code.aStart, code.aEnd];
  const length = end - start;
  if (edge === "start") {
    let left = start;
    while (left > 0 && tokens.key(left - 1) === tokens.key(left - 1 + length)) left--;
    return left === 0;
  }
  let right = start;
  while (right + length < tokens.length && tokens.key(right + length) === tokens.key(right)) right++;
  return right + length === tokens.length;
}

/** Work units per token of the two blocks for aligning the halves of a move (histogram or Myers, then the coarse fallback). */
const INNER_WORK_PER_TOKEN = 200;

/**
 * The two blocks of a move aligned with each other, slid and folded like the whole diff, in
 * absolute token indexes. Whitespace compares equal to whitespace: a block moved into another
 * element is usually indented otherwise there, and that is not an edit of it. The work is bounded
 * by {@link INNER_WORK_PER_TOKEN} per token of the two blocks (difflib is not used here: its exact
 * answer is for the whole documents).
 */
function innerAlign(x: KeyedSide, y: KeyedSide, aStart: number, aEnd: number, bStart: number, bEnd: number, options: NormalizedOptions): Opcode[] {
  const xs = sliceList(sideList(x), aStart, aEnd);
  const ys = sliceList(sideList(y), bStart, bEnd);
  const algorithm = options.algorithm === "difflib" ? "default" : options.algorithm;
  const aligned = align(spacesAlike(xs, x.ids.subarray(aStart, aEnd)), spacesAlike(ys, y.ids.subarray(bStart, bEnd)), algorithm, INNER_WORK_PER_TOKEN * (xs.length + ys.length) + 10_000);
  return foldConfetti(slideEdits(aligned.opcodes, xs, ys), xs, ys).map((code) => op(code.tag, code.aStart + aStart, code.aEnd + aStart, code.bStart + bStart, code.bEnd + bStart));
}

/** Key ids with every whitespace token's id the same (-1, which no key has). */
function spacesAlike(tokens: TokenList, ids: Int32Array): Int32Array {
  const out = Int32Array.from(ids);
  for (let t = 0; t < tokens.length; t++) if (tokens.kind(t) === "space") out[t] = -1;
  return out;
}

/**
 * Token keys aligned within the work budget. More tokens than a 25th of the budget are not
 * tried token by token (even similar documents could not finish); otherwise the chosen
 * algorithm runs with the budget, and if it spends it all, the tokens are aligned again by
 * lines and tags ({@link unitDiff}) with a quarter of the budget more. So the matching costs at
 * most 1.25 times the budget, whatever the documents.
 */
function boundedAlign(keysX: Int32Array, keysY: Int32Array, x: Side, y: Side, options: NormalizedOptions): Aligned {
  const budget = workBudget(keysX.length + keysY.length, options.maxWork);
  if ((keysX.length + keysY.length) * WORK_PER_TOKEN <= budget) {
    const fine = align(keysX, keysY, options.algorithm, budget);
    if (!fine.exhausted) return fine.fallback ? { opcodes: fine.opcodes, coarser: { reason: "cost-cap", budget } } : { opcodes: fine.opcodes };
  }
  // The line diff is always coarser than a token diff.
  const coarse = unitDiff(keysX, keysY, unitEnds(x), unitEnds(y), budget * LINE_SHARE);
  return { opcodes: coarse.opcodes, coarser: { reason: "work-budget", budget } };
}

/**
 * Where the units of the line diff end: after the last token of each line, and around every
 * markup token, so that a one-line (minified) document still has many units. A unit is a tag,
 * a comment, or the text between two of them on one line.
 *
 * @example "<p>a b\nc</p>" → units <p> | "a b\n" | "c" | </p> → Int32Array [1, 5, 6, 7]
 */
function unitEnds(side: Side): Int32Array {
  const tokens = sideList(side);
  const source = side.doc.source;
  const ends: number[] = [];
  let newline = source.indexOf("\n");
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens.start(i);
    if (newline !== -1 && newline < start) newline = source.indexOf("\n", start);
    const last = i + 1 === tokens.length;
    if (last || isMarkup(tokens.kind(i)) || isMarkup(tokens.kind(i + 1)) || (newline !== -1 && newline < tokens.start(i + 1))) ends.push(i + 1);
  }
  return Int32Array.from(ends);
}

function isMarkup(kind: TokenKind): boolean {
  return kind !== "word" && kind !== "space" && kind !== "punct";
}

/**
 * A total order on token lists that does not depend on argument order: shorter first, then
 * by the first differing key. Matching always runs from the lesser list to the greater one.
 */
function precedes(x: TokenList, y: TokenList): boolean {
  if (x.length !== y.length) return x.length < y.length;
  for (let i = 0; i < x.length; i++) {
    const kx = x.key(i);
    const ky = y.key(i);
    if (kx !== ky) return kx < ky;
  }
  return false;
}

/** The same opcode seen from the other side. */
function mirrorOpcode(code: Opcode): Opcode {
  const tag = code.tag === "insert" ? "delete" : code.tag === "delete" ? "insert" : code.tag;
  return op(tag, code.bStart, code.bEnd, code.aStart, code.aEnd);
}

/** The same change seen from the other side. */
function mirrorChange(change: Change): Change {
  const kind = change.kind === "insert" ? "delete" : change.kind === "delete" ? "insert" : change.kind;
  const mirrored: Change = { ...change, kind };
  if (change.inner) Object.assign(mirrored, { inner: change.inner.map(mirrorOpcode) });
  if (change.oldName !== undefined) Object.assign(mirrored, { oldName: change.newName, newName: change.oldName });
  if (change.attributes) Object.assign(mirrored, { attributes: change.attributes.map((d) => ({ name: d.name, old: d.new, new: d.old })) });
  return mirrored;
}
