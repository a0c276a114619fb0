// Reads markup inside replaced runs: a start tag whose attributes changed is paired with its
// new self (an attribute change), and an element whose name changed is paired with its renamed
// self, start and end tag (a tag change), instead of the whole run being deleted and re-inserted.

import { myersDiff } from "../match/myers.js";
import { op } from "../match/opcodes.js";
import type { Opcode, Token, TokenList } from "../types.js";
import { joined } from "./join-opcodes.js";

/** An opcode and, for a 1↔1 pair of tags, what the pair is. */
export interface AnnotatedOpcode {
  readonly code: Opcode;
  readonly pair?: "attributes" | "tag";
}

/** Replaced runs larger than this (tokens, both sides) are left whole: reading them costs more than it gives. */
const MAX_RUN = 20_000;
/**
 * The tag alignment of a replaced run spends about this many work units at most (a Myers cost
 * cap of this divided by the run's tag count, at least 64): exact for the runs of similar
 * documents, near-greedy and linear for the long runs of unrelated ones.
 */
const PAIRING_WORK = 2_000_000;
const MIN_PAIRING_COST = 64;

/**
 * Splits replaced runs so that paired tags stand alone: same-named start tags whose attributes
 * differ become `attributes` pairs; elements renamed at both their start and end tag become
 * `tag` pairs. Everything else in the run stays replaced, inserted or deleted. The result still
 * tiles both token lists.
 *
 * @example `<a href="/cart">the cart</a>` -> `<a href="/basket">the basket</a>`:
 *   [attributes <a …>↔<a …>] [equal "the "] [replace cart↔basket] [equal </a>]
 */
export function pairMarkup(opcodes: readonly Opcode[], a: TokenList, b: TokenList, partnersA: Int32Array, partnersB: Int32Array): AnnotatedOpcode[] {
  const out: AnnotatedOpcode[] = [];
  for (const code of opcodes) {
    if (code.tag !== "replace" || code.aEnd - code.aStart + code.bEnd - code.bStart > MAX_RUN) out.push({ code });
    else out.push(...splitReplace(code, a, b));
  }
  return joinPlain(dropBrokenRenames(out, partnersA, partnersB));
}

/**
 * A replaced run aligned again on its tags alone, keyed by name, then read pair by pair. Only
 * the tags are aligned: the first alignment already judged the text, and matching it again
 * would bring back the confetti that the clean-up folded. (Aligning the whole run with text
 * tokens that match nothing finds the same number of tag pairs, at a cost that grows with the
 * text: seconds on the long runs of unrelated documents.)
 */
function splitReplace(code: Opcode, a: TokenList, b: TokenList): AnnotatedOpcode[] {
  const tagsA = tagPositions(a, code.aStart, code.aEnd);
  const tagsB = tagPositions(b, code.bStart, code.bEnd);
  const ids = new Map<string, number>();
  const keys = (tokens: TokenList, tags: readonly number[]): Int32Array =>
    Int32Array.from(tags, (i) => {
      const token = tokens.at(i);
      const key = `${token.kind === "open" ? "<" : "</"}${tagName(token)}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  const maxCost = Math.max(MIN_PAIRING_COST, Math.floor(PAIRING_WORK / Math.max(1, tagsA.length + tagsB.length)));
  const sub = myersDiff(keys(a, tagsA), keys(b, tagsB), { maxCost }).opcodes;
  const out: AnnotatedOpcode[] = [];
  // Between two aligned tags (and at the run's ends) what is left is replaced, inserted or deleted.
  let i = code.aStart;
  let j = code.bStart;
  for (const s of sub) {
    if (s.tag !== "equal") continue;
    for (let k = 0; k < s.aEnd - s.aStart; k++) {
      const x = tagsA[s.aStart + k]!;
      const y = tagsB[s.bStart + k]!;
      out.push(...between(a, b, i, x, j, y), pairOf(a, b, x, y));
      i = x + 1;
      j = y + 1;
    }
  }
  out.push(...between(a, b, i, code.aEnd, j, code.bEnd));
  return out;
}

/** The opcodes for `a[aStart:aEnd]` → `b[bStart:bEnd]`, where no tag was aligned: none, an insertion, a deletion or a replacement read by position. */
function between(a: TokenList, b: TokenList, aStart: number, aEnd: number, bStart: number, bEnd: number): AnnotatedOpcode[] {
  if (aStart === aEnd && bStart === bEnd) return [];
  if (aStart === aEnd) return [{ code: op("insert", aStart, aEnd, bStart, bEnd) }];
  if (bStart === bEnd) return [{ code: op("delete", aStart, aEnd, bStart, bEnd) }];
  return pairByPosition(a, b, aStart, aEnd, bStart, bEnd);
}

/** The tag name within a markup token's key (`<a href="x">` -> `a`). */
function tagName(token: Token): string {
  // Only ASCII whitespace ends a tag name: `<p\u00a0x>` is an element named "p\u00a0x".
  const match = /^<\/?([^ \t\n\f\r>]+)/.exec(token.key);
  return match?.[1] ?? "";
}

/** Two tokens that line up: equal, or a pair of tags that differ in attributes or in name. */
function pairOf(a: TokenList, b: TokenList, i: number, j: number): AnnotatedOpcode {
  const x = a.at(i);
  const y = b.at(j);
  if (x.key === y.key) return { code: op("equal", i, i + 1, j, j + 1) };
  const markup = (x.kind === "open" || x.kind === "close") && x.kind === y.kind;
  if (!markup) return { code: op("replace", i, i + 1, j, j + 1) };
  return { code: op("replace", i, i + 1, j, j + 1), pair: tagName(x) === tagName(y) ? "attributes" : "tag" };
}

/**
 * A replaced run whose two sides have the same shape of tags (the same sequence of start and end
 * tags) pairs its tags in order, and the text between them segment by segment; any other run stays whole.
 */
function pairByPosition(a: TokenList, b: TokenList, aStart: number, aEnd: number, bStart: number, bEnd: number): AnnotatedOpcode[] {
  const tagsA = tagPositions(a, aStart, aEnd);
  const tagsB = tagPositions(b, bStart, bEnd);
  const sameShape = tagsA.length > 0 && tagsA.length === tagsB.length && tagsA.every((i, k) => a.kind(i) === b.kind(tagsB[k]!));
  if (!sameShape) return [{ code: op("replace", aStart, aEnd, bStart, bEnd) }];
  const out: AnnotatedOpcode[] = [];
  let i = aStart;
  let j = bStart;
  for (let k = 0; k <= tagsA.length; k++) {
    const ti = tagsA[k] ?? aEnd;
    const tj = tagsB[k] ?? bEnd;
    if (ti > i || tj > j) out.push({ code: segment(a, b, i, ti, j, tj) });
    if (k < tagsA.length) out.push(pairOf(a, b, ti, tj));
    i = ti + 1;
    j = tj + 1;
  }
  return out;
}

function tagPositions(tokens: TokenList, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (tokens.kind(i) === "open" || tokens.kind(i) === "close") out.push(i);
  return out;
}

/** The opcode for two runs of text that stand between the same pair of tags. */
function segment(a: TokenList, b: TokenList, aStart: number, aEnd: number, bStart: number, bEnd: number): Opcode {
  if (aStart === aEnd) return op("insert", aStart, aEnd, bStart, bEnd);
  if (bStart === bEnd) return op("delete", aStart, aEnd, bStart, bEnd);
  const same = aEnd - aStart === bEnd - bStart && sameKeys(a, aStart, b, bStart, aEnd - aStart);
  return op(same ? "equal" : "replace", aStart, aEnd, bStart, bEnd);
}

/** A rename stands only when the start tags and the end tags of the element were both renamed, to each other. */
export function dropBrokenRenames(ops: readonly AnnotatedOpcode[], partnersA: Int32Array, partnersB: Int32Array): AnnotatedOpcode[] {
  const renamedTo = new Map<number, number>();
  for (const { code, pair } of ops) if (pair === "tag") renamedTo.set(code.aStart, code.bStart);
  return ops.map((entry) => {
    if (entry.pair !== "tag") return entry;
    const i = entry.code.aStart;
    const j = entry.code.bStart;
    const pi = partnersA[i]!;
    const pj = partnersB[j]!;
    return pi >= 0 && pj >= 0 && renamedTo.get(pi) === pj ? entry : { code: entry.code };
  });
}

/** Joins neighbouring plain opcodes of the same sort; paired tags stay on their own. */
export function joinPlain(ops: readonly AnnotatedOpcode[]): AnnotatedOpcode[] {
  const out: AnnotatedOpcode[] = [];
  for (const entry of ops) {
    const { code } = entry;
    if (code.aStart === code.aEnd && code.bStart === code.bEnd) continue;
    const last = out[out.length - 1];
    if (last && !last.pair && !entry.pair && (last.code.tag === "equal") === (code.tag === "equal")) {
      out[out.length - 1] = { code: joined(last.code, code) };
    } else out.push(entry);
  }
  return out;
}

/** Whether `a`'s `size` tokens from `i` have the keys of `b`'s from `j`. */
function sameKeys(a: TokenList, i: number, b: TokenList, j: number, size: number): boolean {
  for (let k = 0; k < size; k++) if (a.key(i + k) !== b.key(j + k)) return false;
  return true;
}
