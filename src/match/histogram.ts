// jgit-style histogram diff over interned integer keys: anchors on the rarest common elements,
// splits around them with an explicit stack, and hands the hard regions to the bounded Myers diff.

import type { Alignment } from "../types.js";
import { defaultMaxCost, MyersEngine } from "./myers.js";
import { RegionStack } from "./region-stack.js";

/** Options of {@link histogramDiff}. */
export interface HistogramOptions {
  /** An element occurring more often than this in a region's `a` side never anchors it (default 64, as jgit). */
  readonly maxChainLength?: number;
  /** The cost cap of the Myers fallback (default: {@link defaultMaxCost} of the region's size). */
  readonly maxCost?: number;
  /**
   * Total work units (items trimmed, indexed, scanned and compared, Myers steps; default 200M +
   * 100 per item). Anchoring stops at four fifths of it, the rest is for a cheap Myers pass over
   * what is left, and once all is spent the remaining regions are replaced wholesale.
   */
  readonly budget?: number;
  /**
   * Work units already spent before this run (default 0): the counter starts there. A diff of
   * a window cut from longer sequences whose items outside it are all equal passes what
   * trimming those items would have cost, so that every budget decision is the same as for
   * the whole sequences.
   */
  readonly spent?: number;
}

/** jgit's cap on occurrence chains. */
const MAX_CHAIN_LENGTH = 64;
/** Default budget: this many work units per item (similar inputs need 10–25), plus BUDGET_BASE. */
const BUDGET_PER_ITEM = 100;
/** Lets small and medium inputs spend a full default Myers fallback (~C·(n + m) ≈ 200M units). */
const BUDGET_BASE = 200_000_000;
/** Myers cost cap once anchoring has used its share of the budget: near-greedy, linear time. */
const DEGRADED_COST = 8;

/**
 * A region that no rare element anchors is replaced wholesale, without a Myers search, when
 * the search would cost more than this many work units by the lower bound below and at most
 * one in {@link DISSIMILAR_SHARE} of its items could match at all.
 */
const DISSIMILAR_WORK = 1_000_000;
const DISSIMILAR_SHARE = 8;

/** What {@link HistogramRun.findAnchor} found: an anchor, or why there is none. */
type Scan = typeof ANCHORED | typeof NOTHING_COMMON | typeof TOO_FREQUENT | typeof OUT_OF_BUDGET;
const ANCHORED = 0;
const NOTHING_COMMON = 1;
const TOO_FREQUENT = 2;
const OUT_OF_BUDGET = 3;

/**
 * A diff of `a` and `b` by jgit's histogram algorithm, as difflib opcodes. Not minimal, but
 * it lines up rare elements (unique words, distinctive tags) instead of frequent ones (spaces,
 * `the`), which reads better, and it is near-linear on similar inputs.
 *
 * See {@link HistogramRun} for the algorithm. `fallback` is true when the work budget cut
 * anchoring short or ran out, or when a Myers fallback hit its cost cap.
 *
 * @example histogramDiff(Int32Array.of(1, 1, 9), Int32Array.of(9, 1, 1)).opcodes
 *   // [delete 0-2/0-0, equal 2-3/0-1, insert 3-3/1-3]: anchored on the unique 9
 */
export function histogramDiff(a: Int32Array, b: Int32Array, options: HistogramOptions = {}): Alignment {
  const keys = denseKeys(a, b);
  const run = new HistogramRun(
    keys.a,
    keys.b,
    keys.size,
    Math.max(0, Math.floor(options.maxChainLength ?? MAX_CHAIN_LENGTH)),
    options.maxCost,
    options.budget ?? BUDGET_BASE + BUDGET_PER_ITEM * (a.length + b.length),
  );
  run.engine.work = options.spent ?? 0;
  run.run();
  return run.engine.alignment();
}

/**
 * One histogram diff, region by region.
 *
 * Algorithm (jgit's HistogramDiff). A region is trimmed of its common prefix and suffix, then
 * its `a` side is indexed: for every element, its number of occurrences and the chain of its
 * positions. The `b` side is scanned; each element that occurs in `a` at most `limit` times
 * (initially the chain cap of 64) is tried at each of its positions in `a`, and the match is
 * extended both ways. The anchor is the candidate whose rarest element is rarest, then the
 * longest; finding one lowers `limit` to its count, so later candidates must be as rare. The
 * anchor is a match; the regions left and right of it go on an explicit stack (no recursion,
 * so millions of regions cannot overflow the call stack).
 *
 * Chain cap and fallback. An element occurring more than 64 times in `a` is too common to
 * anchor on (and walking its chain would cost too much). A region whose common elements are
 * all that frequent goes to the Myers engine (minimal unless its cost cap is hit); a region
 * with no common element at all is replaced wholesale, which is exact.
 *
 * Similarity gate. Before that Myers search, the scan has counted how many items the two sides
 * share at most (the multiset intersection: an upper bound on the matches, so n + m − 2·shared
 * is a lower bound on the edits D). Myers costs about (n + m)·D; a region where that bound
 * exceeds 1M work units and at most one item in eight could match is replaced wholesale (with
 * `fallback`) unless a `maxCost` was given. Unrelated documents leave such regions between chance
 * anchors, often lopsided (12,341 items against 2 on the 1 MB unrelated pair), where the search
 * took 25M units to find one match; similar documents do not (none in the benchmark's pairs).
 *
 * Work budget. Every item trimmed, indexed or scanned, every extension step and every Myers
 * step counts; similar inputs need 10–25 units per item, the default budget is 200M + 100 per
 * item. Adversarial inputs can make the splitting quadratic (e.g. runs of decreasing length:
 * the longest is always first, and each scan peels one off), so anchoring stops at four fifths
 * of the budget and the regions left go to Myers with a cost cap of 8: each capped search costs
 * ~64 steps plus its snakes and advances past them, so that pass is linear and still matches
 * long runs. Once the whole budget is spent (Myers fallbacks of unrelated inputs can take it),
 * remaining regions are trimmed and replaced wholesale. Any of this sets `fallback`.
 *
 * Performance tricks. Keys are dense small integers (remapped once if they are not), so the
 * index is three flat Int32Arrays addressed by key instead of a hash table; entries carry the
 * number of the region that wrote them, so nothing is cleared between regions. Positions chain
 * through one Int32Array over `a`, built backwards so each chain is in increasing order and the
 * scan can skip occurrences inside a match it just extended; the scan of `b` jumps past each
 * extended match. Among equally rare and long candidates the one nearest the region's middle
 * wins (jgit keeps the first), so evenly spaced edits split regions in halves, not one by one.
 * Change marks and the Myers fallback are shared with {@link MyersEngine}, so anchors cost
 * nothing to record and opcodes are built once at the end.
 */
class HistogramRun {
  /** The change marks, the work counter and the Myers fallback. */
  readonly engine: MyersEngine;
  private readonly stamp: Int32Array;
  private readonly count: Int32Array;
  /** Per key, occurrences in the region's `a` side not yet paired with one in `b` (for {@link shared}). */
  private readonly unpaired: Int32Array;
  /** Items of `b` the last scan could pair with an equal item of `a`: the multiset intersection. */
  private shared = 0;
  /** Whether the last scan met an item of `b` that occurs in the region's `a` side. */
  private common = false;
  /** Whether the last scan stopped before the end of `b` for want of budget. */
  private cut = false;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private region = 0;
  /** Regions still to split (the engine has its own stack for the Myers fallback). */
  private readonly regions = new RegionStack();
  private anchorA = 0;
  private anchorB = 0;
  private anchorLength = 0;
  /** Anchoring stops when the work counter reaches this: four fifths of the budget. */
  private readonly anchorBudget: number;

  /** A run over `a` and `b`, whose keys are all in [0, keyCount). */
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    keyCount: number,
    private readonly maxChainLength: number,
    private readonly maxCost: number | undefined,
    private readonly budget: number,
  ) {
    this.engine = new MyersEngine(a, b);
    this.stamp = new Int32Array(keyCount);
    this.count = new Int32Array(keyCount);
    this.unpaired = new Int32Array(keyCount);
    this.head = new Int32Array(keyCount);
    this.next = new Int32Array(a.length);
    // Not budget - budget / 5: that is NaN for an unlimited (Infinity) budget, which stopped all anchoring.
    this.anchorBudget = (budget * 4) / 5;
  }

  /** Diffs the whole of `a` and `b` into the engine's change marks. */
  run(): void {
    const { a, b, engine, budget, regions } = this;
    regions.push(0, a.length, 0, b.length);
    while (!regions.empty) {
      const at = regions.pop();
      const stack = regions.data;
      let aLo = stack[at]!;
      let aHi = stack[at + 1]!;
      let bLo = stack[at + 2]!;
      let bHi = stack[at + 3]!;
      const size = aHi - aLo + bHi - bLo;
      while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) (aLo++, bLo++);
      while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) (aHi--, bHi--);
      engine.work += size - (aHi - aLo + bHi - bLo);
      if (aLo === aHi || bLo === bHi) {
        engine.replace(aLo, aHi, bLo, bHi);
        continue;
      }
      const scan = engine.work < this.anchorBudget ? this.findAnchor(aLo, aHi, bLo, bHi) : OUT_OF_BUDGET;
      if (scan === ANCHORED) {
        const { anchorA: x, anchorB: y, anchorLength: length } = this;
        regions.push(x + length, aHi, y + length, bHi);
        regions.push(aLo, x, bLo, y);
      } else if (scan === NOTHING_COMMON) {
        engine.replace(aLo, aHi, bLo, bHi);
      } else if (scan === TOO_FREQUENT) {
        const n = aHi - aLo + bHi - bLo;
        if (this.maxCost === undefined && (n - 2 * this.shared) * n > DISSIMILAR_WORK && this.shared * DISSIMILAR_SHARE < n) {
          engine.fallback = true;
          engine.replace(aLo, aHi, bLo, bHi);
        } else engine.diff(aLo, aHi, bLo, bHi, this.maxCost ?? defaultMaxCost(n), budget);
      } else {
        engine.fallback = true;
        engine.diff(aLo, aHi, bLo, bHi, DEGRADED_COST, budget);
      }
    }
  }

  /**
   * Indexes `a[aLo:aHi]`, scans `b[bLo:bHi]` and leaves the best anchor in anchorA, anchorB,
   * anchorLength. The region is trimmed: both sides non-empty.
   *
   * The two loops are methods of their own ({@link index}, {@link scan}) whose code after the
   * loop reads and writes no property: V8 compiles a long first loop on the stack (OSR) before
   * the code after it has ever run, and reused that code in every later call, each of which then
   * left it (deoptimized) where the code after the loop needed the type feedback it lacked. In
   * one loop with the scan after it, both loops ran so, deoptimized twice per region (855 times
   * on the 1 MB benchmark pair), and mostly unoptimized.
   */
  private findAnchor(aLo: number, aHi: number, bLo: number, bHi: number): Scan {
    const region = ++this.region;
    this.index(aLo, aHi, region);
    this.anchorA = -1;
    this.anchorLength = 0;
    this.shared = 0;
    this.common = false;
    this.cut = false;
    this.engine.work = this.scan(aLo, aHi, bLo, bHi, region, this.engine.work + (aHi - aLo));
    // Exact when no anchor was found: no candidate was extended, so every item of b was scanned.
    if (this.cut) this.engine.fallback = true;
    if (this.anchorA !== -1) return ANCHORED;
    if (this.cut) return OUT_OF_BUDGET;
    return this.common ? TOO_FREQUENT : NOTHING_COMMON;
  }

  /** Indexes `a[aLo:aHi]` as region number `region`: counts and chains of positions per key. */
  private index(aLo: number, aHi: number, region: number): void {
    const { a, stamp, count, unpaired, head, next } = this;
    // Backwards, so each chain lists positions in increasing order.
    for (let p = aHi - 1; p >= aLo; p--) {
      const key = a[p]!;
      if (stamp[key] === region) {
        count[key] = count[key]! + 1;
        next[p] = head[key]!;
      } else {
        stamp[key] = region;
        count[key] = 1;
        next[p] = -1;
      }
      unpaired[key] = count[key]!;
      head[key] = p;
    }
  }

  /**
   * Scans `b[bLo:bHi]` against the region indexed as `region`, counting from `work` work units
   * spent; returns the units spent then. Writes as it goes (see {@link findAnchor}): the best
   * anchor (anchorA −1 for none), `shared`, `common` (some item of b occurs in the region's a),
   * `cut` (the budget ran out before the end of b).
   */
  private scan(aLo: number, aHi: number, bLo: number, bHi: number, region: number, work: number): number {
    const { a, b, count, stamp, unpaired, head, next, anchorBudget: budget } = this;
    let limit = this.maxChainLength;
    let bestLength = 0;
    let bestSkew = 0;
    let bp = bLo;
    for (;;) {
      if (bp >= bHi) return work;
      if (work >= budget) {
        this.cut = true;
        return work;
      }
      let bNext = bp + 1;
      const key = b[bp]!;
      work++;
      if (stamp[key] === region) {
        this.common = true;
        if (unpaired[key]! > 0) {
          unpaired[key] = unpaired[key]! - 1;
          this.shared++;
        }
        const occurrences = count[key]!;
        for (let p = occurrences <= limit ? head[key]! : -1; p !== -1;) {
          // Extend the match a[p] = b[bp] both ways; rarity is the count of its rarest element.
          let as = p;
          let bs = bp;
          let ae = p + 1;
          let be = bp + 1;
          let rarity = occurrences;
          while (as > aLo && bs > bLo && a[as - 1] === b[bs - 1]) {
            as--;
            bs--;
            if (rarity > 1) rarity = Math.min(rarity, count[a[as]!]!);
          }
          while (ae < aHi && be < bHi && a[ae] === b[be]) {
            if (rarity > 1) rarity = Math.min(rarity, count[a[ae]!]!);
            ae++;
            be++;
          }
          work += ae - as;
          if (bNext < be) bNext = be;
          const length = ae - as;
          // Rarer wins; then longer; then (instead of jgit's first found) nearer the middle.
          if (rarity < limit || length >= bestLength) {
            const skew = Math.abs(as + ae - aLo - aHi) + Math.abs(bs + be - bLo - bHi);
            if (rarity < limit || length > bestLength || skew < bestSkew) {
              this.anchorA = as;
              this.anchorB = bs;
              this.anchorLength = bestLength = length;
              bestSkew = skew;
              limit = rarity;
            }
          }
          // Occurrences inside the match just extended would only find a part of it again.
          p = next[p]!;
          while (p !== -1 && p < ae) ((p = next[p]!), work++);
        }
      }
      bp = bNext;
    }
  }
}

/**
 * `a` and `b` with keys in [0, size): as they are when they already are small non-negative
 * integers (interned keys are), otherwise renumbered through an open-addressing hash table.
 */
function denseKeys(a: Int32Array, b: Int32Array): { a: Int32Array; b: Int32Array; size: number } {
  let min = 0;
  let max = -1;
  for (const seq of [a, b]) {
    for (let i = 0; i < seq.length; i++) {
      const key = seq[i]!;
      if (key < min) min = key;
      if (key > max) max = key;
    }
  }
  const total = a.length + b.length;
  if (min >= 0 && max < total + 1024) return { a, b, size: max + 1 };
  let capacity = 1024;
  while (capacity < 2 * total) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Int32Array(capacity);
  const ids = new Int32Array(capacity).fill(-1);
  let size = 0;
  const renumber = (seq: Int32Array): Int32Array => {
    const out = new Int32Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      const key = seq[i]!;
      let slot = Math.imul(key, 0x9e3779b1) & mask;
      while (ids[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
      if (ids[slot] === -1) {
        keys[slot] = key;
        ids[slot] = size++;
      }
      out[i] = ids[slot]!;
    }
    return out;
  };
  return { a: renumber(a), b: renumber(b), size };
}
