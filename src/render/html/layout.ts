// Lays an edit script out as one sequence that nests like a tree, for HTML output: each token kept,
// old or new. Matches that cannot nest are demoted to old + new: a kept tag whose partner changed,
// anything kept inside an inserted or deleted element, an atomic element with any change inside.

import { KIND_CODE, kindCodes, listOf, WRITTEN_AS_KEY } from "../../text/token-list.js";
import { sideTokens } from "./side-tokens.js";
import type { EditScript } from "../../edit-script.js";
import { partners, tagTokens } from "../../text/tag-pairs.js";
import type { EventReader, Token, TokenList } from "../../types.js";
import { EVENT_CODE, eventTable, type EventTable, KIND_MASK } from "../../events/event-table.js";
import { ATOMIC, renameKeepsContent } from "../../html/elements.js";

/** Where a laid-out token belongs: to both documents ({@link BOTH}), only the old one ({@link OLD}), or only the new one ({@link NEW}). */
export type LayoutSide = typeof BOTH | typeof OLD | typeof NEW;
/** A token of both documents. */
export const BOTH = 0;
/** A token of the old document only. */
export const OLD = 1;
/** A token of the new document only. */
export const NEW = 2;

/**
 * The laid-out tokens, item by item in parallel arrays (one object per token would be a
 * million objects for a 5 MB pair).
 */
export interface LayoutItems {
  readonly length: number;
  /** Where each item belongs: {@link BOTH}, {@link OLD} or {@link NEW}. */
  readonly side: Uint8Array;
  /** The token on its own side: the new document's for both and new, the old one's for old. */
  readonly token: Int32Array;
  /** For both: the old document's token (else -1). */
  readonly aToken: Int32Array;
  /** The change it belongs to (an index into `script.changes`), or -1. */
  readonly change: Int32Array;
  /**
   * The runs of items kept unchanged (both, change -1), each as long as it goes, in order: start and end
   * (exclusive) of each. Within one, both sides' tokens follow each other item by item.
   */
  readonly keptRuns: Int32Array;
}

/**
 * The end (exclusive) of the run of unchanged kept items that holds item `k`
 * ({@link LayoutItems.keptRuns}), or `k` when it is in none.
 */
export function keptRunEnd(items: LayoutItems, k: number): number {
  const runs = items.keptRuns;
  let low = 0;
  let high = runs.length >> 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[2 * mid + 1]! <= k) low = mid + 1;
    else high = mid;
  }
  return low < runs.length >> 1 && runs[2 * low]! <= k ? runs[2 * low + 1]! : k;
}

/** Runs of unchanged kept items ({@link LayoutItems.keptRuns}) collected in order, one that starts where the last ends joining it. */
class KeptRuns {
  private readonly bounds: number[] = [];

  add(start: number, end: number): void {
    if (end <= start) return;
    const bounds = this.bounds;
    if (bounds.length > 0 && bounds[bounds.length - 1] === start) bounds[bounds.length - 1] = end;
    else bounds.push(start, end);
  }

  done(): Int32Array {
    return Int32Array.from(this.bounds);
  }
}

/** The layout and the element partners of both token lists. */
export interface Layout {
  readonly items: LayoutItems;
  readonly partnersA: Int32Array;
  readonly partnersB: Int32Array;
}

/** Layouts made, by script: each output written from a script (HTML, page) uses the one layout. */
const LAYOUTS = new WeakMap<EditScript, Layout>();

/** The {@link layout} of a script, made once per script. */
export function layoutOf(script: EditScript): Layout {
  let made = LAYOUTS.get(script);
  if (!made) LAYOUTS.set(script, (made = layout(script)));
  return made;
}

/**
 * The edit script as a sequence in which old tokens keep the old document's order, new tokens the
 * new one's, and every element opens and closes at one level: an inserted or deleted element
 * holds only inserted or deleted content, and a kept element's start and end tags are both kept.
 * Between two kept tokens, old tokens come before new ones (a deletion before its insertion).
 *
 * @example `<p>a <b>c</b></p>` -> `<p>a <i>c</i></p>`: both <p>, both "a", both " ", both <i>(renamed), both "c", …
 */
export function layout(script: EditScript): Layout {
  return windowLayout(script) ?? wholeLayout(script);
}

/** The layout made over the whole token lists. */
function wholeLayout(script: EditScript): Layout {
  const [a, b] = [sideTokens(script, "a"), sideTokens(script, "b")];
  const [partnersA, partnersB] = [partners(a), partners(b)];
  return { items: laidOut(script, a, b, partnersA, partnersB, 0).merge(), partnersA, partnersB };
}

/**
 * The layout of a script whose sides make their tokens on demand, made over the tokens between
 * the ones it shares at both ends ({@link EditScript.shared}) alone: those are kept as they are
 * (equal, at the same place on both sides, every element they hold a tag of either whole among
 * them or around all the others), so nothing there is demoted but the content of an atomic element
 * around a change, where this gives up (undefined), as it does when the script changed anything
 * among them or a tag stands alone.
 */
function windowLayout(script: EditScript): Layout | undefined {
  const { head, tail } = script.shared;
  const [firstA, firstB] = [script.a.firstTokens, script.b.firstTokens];
  if (head + tail === 0 || firstA === undefined || firstB === undefined) return undefined;
  const [na, nb] = [script.tokenCount("a"), script.tokenCount("b")];
  const eventsB = eventTable(script.b.doc);
  const partnersA = tagPartners(eventTable(script.a.doc), firstA);
  const partnersB = tagPartners(eventsB, firstB);
  if (!partnersA || !partnersB || (script.b.doc.mode === "html" && atomicAround(eventsB, firstB, head))) return undefined;
  for (const code of script.opcodes) if (code.tag !== "equal" && (code.aStart < head || code.bStart < head || code.aEnd > na - tail || code.bEnd > nb - tail)) return undefined;
  const core = (side: "a" | "b", count: number, pairs: Int32Array): { tokens: Token[]; partners: Int32Array } | undefined => {
    const tokens: Token[] = [];
    const own = new Int32Array(count - tail - head);
    for (let t = head; t < count - tail; t++) {
      tokens.push(script.token(side, t));
      const partner = pairs[t]!;
      if (partner >= 0 && (partner < head || partner >= count - tail)) return undefined;
      own[t - head] = partner < 0 ? -1 : partner - head;
    }
    return { tokens, partners: own };
  };
  const [coreA, coreB] = [core("a", na, partnersA), core("b", nb, partnersB)];
  if (!coreA || !coreB) return undefined;
  const inner = laidOut(script, listOf(coreA.tokens), listOf(coreB.tokens), coreA.partners, coreB.partners, head).merge();
  const length = head + inner.length + tail;
  const runs = new KeptRuns();
  runs.add(0, head);
  for (let r = 0; r < inner.keptRuns.length; r += 2) runs.add(head + inner.keptRuns[r]!, head + inner.keptRuns[r + 1]!);
  runs.add(head + inner.length, length);
  const items = { length, side: new Uint8Array(length), token: new Int32Array(length), aToken: new Int32Array(length), change: new Int32Array(length).fill(-1), keptRuns: runs.done() };
  for (let k = 0; k < head; k++) items.token[k] = items.aToken[k] = k;
  for (let k = 0; k < inner.length; k++) {
    items.side[head + k] = inner.side[k]!;
    items.token[head + k] = inner.token[k]! + head;
    items.aToken[head + k] = inner.aToken[k]! < 0 ? -1 : inner.aToken[k]! + head;
    items.change[head + k] = inner.change[k]!;
  }
  for (let x = 0; x < tail; x++) {
    items.token[head + inner.length + x] = nb - tail + x;
    items.aToken[head + inner.length + x] = na - tail + x;
  }
  return { items, partnersA, partnersB };
}

/**
 * The matching of tokens `a` and `b` (the whole lists' from `offset` on, with their partners),
 * demoted until it nests: {@link layout}.
 */
function laidOut(script: EditScript, a: TokenList, b: TokenList, partnersA: Int32Array, partnersB: Int32Array, offset: number): Matching {
  const html = script.b.doc.mode === "html";
  const ranges = (side: "a" | "b"): number[] =>
    script.changes.flatMap((change, index) => {
      const code = script.opcodes[change.op]!;
      return side === "a" ? [code.aStart - offset, code.aEnd - offset, index] : [code.bStart - offset, code.bEnd - offset, index];
    });
  const state = new Matching(a, b, partnersA, partnersB, new ChangeRuns(a.length, ranges("a")), new ChangeRuns(b.length, ranges("b")));
  for (const code of script.opcodes) {
    if (code.tag !== "equal") continue;
    // The part of the equal run that falls among the tokens laid out on both sides.
    const shift = code.bStart - code.aStart;
    const from = Math.max(code.aStart, offset, offset - shift);
    const to = Math.min(code.aEnd, offset + a.length, offset + b.length - shift);
    if (from < to) state.matchRun(from - offset, from + shift - offset, to - from);
  }
  script.changes.forEach((change, index) => {
    const code = script.opcodes[change.op]!;
    const renameFits = change.kind !== "tag" || !html || renameKeepsContent(change.oldName ?? "", change.newName ?? "");
    if ((change.kind === "attributes" || change.kind === "tag") && renameFits) state.match(code.aStart - offset, code.bStart - offset);
  });
  state.realignPartners();
  state.demoteCrossing();
  if (html) state.demoteChangedAtomic(eventTable(script.b.doc));
  state.demoteWrapped();
  return state;
}

/**
 * The partners of a side's tag tokens (see {@link partners}), from its events and each event's
 * first token; undefined when a tag event has not one token.
 */
function tagPartners(events: EventTable, first: Int32Array): Int32Array | undefined {
  const out = new Int32Array(first[events.length]!).fill(-1);
  const open: number[] = [];
  const codes = events.allCodes();
  for (let e = 0; e < codes.length; e++) {
    const kind = codes[e]! & KIND_MASK;
    if (kind !== EVENT_CODE.open && kind !== EVENT_CODE.close) continue;
    if (first[e + 1]! - first[e]! !== 1) return undefined;
    if (kind === EVENT_CODE.open) open.push(e);
    else {
      const o = open.pop();
      if (o !== undefined) {
        out[first[o]!] = first[e]!;
        out[first[e]!] = first[o]!;
      }
    }
  }
  return out;
}

/** Whether an atomic element is open after a side's first `head` tokens (its events before the one token `head` starts). */
function atomicAround(events: EventReader, first: Int32Array, head: number): boolean {
  const open: string[] = [];
  for (let e = 0; e < events.length && first[e]! < head; e++) {
    const kind = events.kindAt(e);
    if (kind === "open") open.push(events.nameAt(e));
    else if (kind === "close") open.pop();
  }
  return open.some((name) => ATOMIC.has(name));
}

/**
 * Which change holds each token of a side (-1: none), as runs of tokens: a change's range per
 * change, not a number per token (two arrays as long as the sides, on a 5 MB pair 3.8 MB, were
 * held beside the matching's own).
 */
export class ChangeRuns {
  /** Start, end (exclusive) and change of each run, in order, the runs apart. */
  private readonly runs: Int32Array;

  /**
   * `ranges`: start, end (exclusive) and change, three numbers per change in the changes' order;
   * where two hold one token, the later change holds it.
   *
   * @example new ChangeRuns(5, [1, 3, 0, 3, 3, 1]).at(2) // 0; .at(3) // -1
   */
  constructor(length: number, ranges: readonly number[]) {
    const runs: number[] = [];
    for (let r = 0; r < ranges.length; r += 3) {
      const [start, end] = [ranges[r]!, ranges[r + 1]!];
      if (start >= end) continue;
      // Out of order or overlapping (never so in a script the pipeline made): painted token by token.
      if (runs.length > 0 && start < runs[runs.length - 2]!) {
        this.runs = Int32Array.from(painted(length, ranges));
        return;
      }
      runs.push(start, end, ranges[r + 2]!);
    }
    this.runs = Int32Array.from(runs);
  }

  /**
   * The change that holds each token, asked in order: a function of `t` for `t` that never goes
   * down from call to call, which walks the runs once (no search per token).
   *
   * @example const at = runs.inOrder(); at(0); at(1); at(5)
   */
  inOrder(): (t: number) => number {
    const { runs } = this;
    let r = 0;
    return (t) => {
      while (r < runs.length && runs[r + 1]! <= t) r += 3;
      return r < runs.length && runs[r]! <= t ? runs[r + 2]! : -1;
    };
  }

  /** The change that holds token `t`, or -1. */
  at(t: number): number {
    const { runs } = this;
    let low = 0;
    let high = runs.length / 3;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (runs[3 * mid + 1]! <= t) low = mid + 1;
      else high = mid;
    }
    return low < runs.length / 3 && runs[3 * low]! <= t ? runs[3 * low + 2]! : -1;
  }
}

/** Runs (start, end, change) of ranges that overlap, each token given to the last range that holds it. */
function painted(length: number, ranges: readonly number[]): number[] {
  const of = new Int32Array(length).fill(-1);
  for (let r = 0; r < ranges.length; r += 3) of.fill(ranges[r + 2]!, ranges[r]!, ranges[r + 1]!);
  const runs: number[] = [];
  for (let t = 0; t < length;) {
    let end = t + 1;
    while (end < length && of[end] === of[t]) end++;
    if (of[t]! >= 0) runs.push(t, end, of[t]!);
    t = end;
  }
  return runs;
}

/** A token's kind code without {@link WRITTEN_AS_KEY}. */
const KIND_BITS = ~WRITTEN_AS_KEY;
const OPEN = KIND_CODE.open;
const CLOSE = KIND_CODE.close;

/** Which token is matched to which, with the demotions that make the matching nest. */
class Matching {
  readonly matchA: Int32Array;
  readonly matchB: Int32Array;
  /** Each side's kind codes (see kindCodes): the passes over every token look at its tags alone. */
  private readonly kindsA: Uint8Array;
  private readonly kindsB: Uint8Array;
  /** Each side's start and end tag tokens (see tagTokens), in order. */
  private readonly tagsA: Int32Array;
  private readonly tagsB: Int32Array;
  /**
   * Per side, the ranges (start, end, …) of tokens that {@link matchRun} left unmatched, then
   * the tokens unmatched without their elements queued (see realignPartners): where
   * {@link demoteWrapped} looks for unmatched tokens, instead of among all of them.
   */
  private readonly gaps: [number[], number[]] = [[], []];
  private readonly loose: [number[], number[]] = [[], []];
  /** Per side, the first token after the last run matched. */
  private readonly matchedTo = [0, 0];
  /** Elements (by start tag) whose content must be demoted: [side (0 old, 1 new), start tag]. */
  private readonly queue: [number, number][] = [];

  constructor(
    private readonly a: TokenList,
    private readonly b: TokenList,
    readonly partnersA: Int32Array,
    readonly partnersB: Int32Array,
    private readonly changeA: ChangeRuns,
    private readonly changeB: ChangeRuns,
  ) {
    this.matchA = new Int32Array(a.length).fill(-1);
    this.matchB = new Int32Array(b.length).fill(-1);
    this.kindsA = kindCodes(a);
    this.kindsB = kindCodes(b);
    this.tagsA = tagTokens(a);
    this.tagsB = tagTokens(b);
  }

  match(i: number, j: number): void {
    this.matchA[i] = j;
    this.matchB[j] = i;
  }

  /** Matches `length` tokens from `i` on to as many from `j` on; runs come in order on both sides, before any other change to the matching. */
  matchRun(i: number, j: number, length: number): void {
    const { matchA, matchB, gaps, matchedTo } = this;
    if (matchedTo[0]! < i) gaps[0].push(matchedTo[0]!, i);
    if (matchedTo[1]! < j) gaps[1].push(matchedTo[1]!, j);
    for (let k = 0; k < length; k++) {
      matchA[i + k] = j + k;
      matchB[j + k] = i + k;
    }
    matchedTo[0] = i + length;
    matchedTo[1] = j + length;
  }

  /** Unmatches a pair and queues the elements on both sides whose content can no longer be kept. */
  private unmatch(i: number, j: number): void {
    this.matchA[i] = -1;
    this.matchB[j] = -1;
    this.queueElement(0, i);
    this.queueElement(1, j);
  }

  private queueElement(side: number, token: number): void {
    const kind = (side === 0 ? this.kindsA : this.kindsB)[token]! & KIND_BITS;
    if (kind === OPEN) this.queue.push([side, token]);
    else if (kind === CLOSE) {
      const open = (side === 0 ? this.partnersA : this.partnersB)[token]!;
      if (open >= 0) this.queue.push([side, open]);
    }
  }

  /**
   * Where a kept start tag's end tag was matched to an equal end tag further on, across nothing
   * but inserted (or deleted) tokens, the match moves to the element's own end tag: a row that
   * gained a cell just before an inserted row stays one kept row with an inserted cell.
   */
  realignPartners(): void {
    const { matchA, kindsA, tagsA } = this;
    for (let n = 0; n < tagsA.length; n++) {
      const i = tagsA[n]!;
      const j = matchA[i]!;
      if (j < 0 || (kindsA[i]! & KIND_BITS) !== OPEN) continue;
      const p = this.partnersA[i]!;
      const q = this.partnersB[j]!;
      if (p < 0 || q < 0 || this.matchA[p] === q) continue;
      const x = this.matchA[p]!;
      const y = this.matchB[q]!;
      if (x >= 0 && y < 0 && this.b.key(x) === this.b.key(q) && this.unmatchedBetween(this.matchB, q, x)) {
        this.matchB[x] = -1;
        this.loose[1].push(x);
        this.match(p, q);
      } else if (y >= 0 && x < 0 && this.a.key(y) === this.a.key(p) && this.unmatchedBetween(this.matchA, p, y)) {
        this.matchA[y] = -1;
        this.loose[0].push(y);
        this.match(p, q);
      }
    }
  }

  /** Whether every token strictly between two positions of one side is unmatched. */
  private unmatchedBetween(match: Int32Array, from: number, to: number): boolean {
    for (let t = Math.min(from, to) + 1; t < Math.max(from, to); t++) if (match[t]! >= 0) return false;
    return true;
  }

  /** A kept tag stays kept only when its partner tag is kept and matched to its counterpart's partner. */
  demoteCrossing(): void {
    const { matchA, tagsA } = this;
    for (let n = 0; n < tagsA.length; n++) {
      const i = tagsA[n]!;
      const j = matchA[i]!;
      if (j < 0) continue;
      const p = this.partnersA[i]!;
      const q = this.partnersB[j]!;
      if (p >= 0 && q >= 0 && this.matchA[p] === q) continue;
      this.unmatch(i, j);
      if (p >= 0 && this.matchA[p]! >= 0) this.unmatch(p, this.matchA[p]!);
      if (q >= 0 && this.matchB[q]! >= 0) this.unmatch(this.matchB[q]!, q);
    }
  }

  /** An atomic element is kept only when everything inside it is kept unchanged, token for token. */
  demoteChangedAtomic(events: EventReader): void {
    const { matchB, kindsB, tagsB } = this;
    for (let n = 0; n < tagsB.length; n++) {
      const j = tagsB[n]!;
      const i = matchB[j]!;
      if ((kindsB[j]! & KIND_BITS) !== OPEN || i < 0) continue;
      const e = this.b.event(j);
      if (events.kindAt(e) !== "open" || !ATOMIC.has(events.nameAt(e))) continue;
      const q = this.partnersB[j]!;
      const p = this.partnersA[i]!;
      let same = q - j === p - i;
      // Matched and unchanged: a pair of tags whose attributes or name changed does not count.
      for (let k = 1; same && k < q - j; k++) same = this.matchB[j + k] === i + k && this.changeB.at(j + k) < 0;
      if (!same) {
        this.unmatch(i, j);
        this.unmatch(p, q);
      } else while (n + 1 < tagsB.length && tagsB[n + 1]! <= q) n++;
    }
  }

  /** Inserted and deleted elements hold only inserted and deleted content: what was kept inside is demoted, and so on outwards. */
  demoteWrapped(): void {
    // Every unmatched token's element: those unmatched by unmatch() are queued already, the others
    // lie in the gaps between the runs matched or were let go by realignPartners.
    for (const side of [0, 1] as const) {
      const match = side === 0 ? this.matchA : this.matchB;
      const gaps = this.gaps[side];
      gaps.push(this.matchedTo[side]!, match.length);
      for (let g = 0; g < gaps.length; g += 2) for (let t = gaps[g]!; t < gaps[g + 1]!; t++) if (match[t]! < 0) this.queueElement(side, t);
      for (const t of this.loose[side]) if (match[t]! < 0) this.queueElement(side, t);
    }
    const done = [new Uint8Array(this.a.length), new Uint8Array(this.b.length)] as const;
    for (let next = this.queue.pop(); next; next = this.queue.pop()) {
      const [side, open] = next;
      const seen = done[side]!;
      if (seen[open]) continue;
      const match = side === 0 ? this.matchA : this.matchB;
      const partnersOf = side === 0 ? this.partnersA : this.partnersB;
      const end = partnersOf[open]!;
      for (let t = open; t <= end; t++) {
        if (t > open && seen[t]) {
          t = Math.max(t, partnersOf[t]!);
          continue;
        }
        seen[t] = 1;
        const other = match[t]!;
        if (other >= 0) side === 0 ? this.unmatch(t, other) : this.unmatch(other, t);
      }
    }
  }

  /** Old, new and kept tokens in one sequence: between two kept tokens, the old ones first. */
  merge(): LayoutItems {
    const { matchA, matchB } = this;
    const [changeA, changeB] = [this.changeA.inOrder(), this.changeB.inOrder()];
    const na = this.a.length;
    const nb = this.b.length;
    // One item per token, a matched pair making one: the matching pairs tokens in order on both sides.
    let pairs = 0;
    for (let i = 0; i < na; i++) if (matchA[i]! >= 0) pairs++;
    const length = na + nb - pairs;
    const side = new Uint8Array(length);
    const token = new Int32Array(length);
    const aToken = new Int32Array(length);
    const change = new Int32Array(length);
    const runs = new KeptRuns();
    let k = 0;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
      if (i < na && matchA[i]! < 0) {
        side[k] = OLD;
        token[k] = aToken[k] = i;
        change[k++] = changeA(i++);
      } else if (j < nb && matchB[j]! < 0) {
        side[k] = NEW;
        token[k] = j;
        aToken[k] = -1;
        change[k++] = changeB(j++);
      } else {
        // A run of matched pairs (side BOTH is 0, as made), its unchanged ones noted as they come.
        let plainFrom = -1;
        do {
          const c = changeB(j);
          if (c !== -1 && plainFrom >= 0) {
            runs.add(plainFrom, k);
            plainFrom = -1;
          } else if (c === -1 && plainFrom < 0) plainFrom = k;
          token[k] = j++;
          aToken[k] = i++;
          change[k++] = c;
        } while (i < na && j < nb && matchA[i]! >= 0 && matchB[j]! >= 0);
        if (plainFrom >= 0) runs.add(plainFrom, k);
      }
    }
    return { length, side, token, aToken, change, keptRuns: runs.done() };
  }
}
