// Myers' O(ND) difference algorithm over interned integer keys: linear space, no recursion,
// and a cost cap (xdiff's "too expensive" cut-off) that bounds the time on unrelated inputs.

import type { Alignment, MatchingBlock } from "../types.js";
import { opcodesFromBlocks } from "./opcodes.js";
import { RegionStack } from "./region-stack.js";

/** Options of {@link myersDiff}. */
export interface MyersOptions {
  /**
   * The most edit steps one middle-snake search may take in each direction before it settles for
   * the furthest-reaching point found so far (default: {@link defaultMaxCost} of n + m).
   * `Infinity` always gives a minimal diff, in O((n + m)·D) time.
   */
  readonly maxCost?: number;
  /**
   * Total work units (items trimmed or scanned, diagonals visited, snake steps) the diff may
   * spend (default: unlimited); once spent, every region left is replaced wholesale and the
   * result says `exhausted`.
   */
  readonly budget?: number;
}

/** Work units (diagonal visits plus snake steps) the default cap lets unrelated inputs spend. */
const WORK_TARGET = 200_000_000;
/** The cap never drops below this, so a few scattered changes in huge inputs stay minimal. */
const MIN_COST = 64;
/** Largest value a backward V entry can hold; the sentinel just past its range. */
const FAR = 0x7fffffff;

/**
 * The default cost cap for inputs of `size` = n + m items: 200,000,000 / size, at least 64.
 * With cap C, unrelated inputs cost about C·(n + m) work units (each capped search costs
 * ~C² and advances ~2C items; the pieces it cuts off cost ~C² more to solve exactly), so the
 * product, not the cap, is held constant: 100,000-token documents get C = 1,000, enough to stay
 * minimal with 1% of tokens edited (a middle snake needs C ≥ D/2, about 700 there), while a
 * 1,000,000-token pair gets C = 100 and finishes in a couple of seconds.
 *
 * @example defaultMaxCost(200_000) // 1000
 */
export function defaultMaxCost(size: number): number {
  return Math.max(MIN_COST, Math.floor(WORK_TARGET / Math.max(1, size)));
}

/**
 * The shortest edit script from `a` to `b` by Myers' O(ND) algorithm, as difflib opcodes.
 *
 * The work happens in a {@link MyersEngine}: it trims the common prefix and suffix of each
 * region, finds the middle snake of what is left with two V vectors that are allocated once,
 * and pushes the two halves on an explicit stack. The edit count is minimal unless a search
 * hits `maxCost`; then the region is split at the furthest points reached, the result stays a
 * valid diff, and `fallback` is true.
 *
 * @example myersDiff(Int32Array.of(1, 2, 3), Int32Array.of(1, 3)).opcodes
 *   // [equal 0-1/0-1, delete 1-2/1-1, equal 2-3/1-2]
 */
export function myersDiff(a: Int32Array, b: Int32Array, options: MyersOptions = {}): Alignment {
  const engine = new MyersEngine(a, b);
  engine.diff(0, a.length, 0, b.length, options.maxCost ?? defaultMaxCost(a.length + b.length), options.budget ?? Infinity);
  return engine.alignment();
}

/**
 * Linear-space Myers diff over regions of `a` and `b`, recording its answer as change marks.
 *
 * Algorithm. A region is first trimmed of its common prefix and suffix (cheap, and most
 * regions of similar documents are mostly that). If one side is then empty the other is all
 * insertions or deletions. Otherwise the middle snake is searched: V vectors hold, for every
 * diagonal k = x − y, the furthest x reached from the region's start (forward) and the
 * smallest x reached from its end (backward) with d edits; both grow one step at a time until
 * a forward and a backward path meet on a diagonal. Because the edit distance of prefixes
 * never decreases along a diagonal, the meeting point splits the region into two halves whose
 * minimal scripts add up to a minimal script; both halves go on an explicit stack (no
 * recursion, so a million regions cannot overflow the call stack). Memory is two V vectors of
 * n + m + 3 entries, one change flag per item, and a small stack.
 *
 * Results as marks. Instead of collecting snakes in order, each item of `a` deleted and each
 * item of `b` inserted is flagged; the unflagged items of both sides pair up in order, which
 * is the matching. Regions can therefore be processed in any order, and the histogram diff
 * can use the same marks for the regions it hands over.
 *
 * Cost cap. When a search reaches `maxCost` steps in each direction (or the work budget runs
 * out mid-search), it stops, as xdiff and GNU diff do, and takes the forward point furthest
 * from the start corner and the backward point furthest from the end corner (by x + y). When
 * they are in order they cut the region in three, so both searches count as progress (xdiff
 * keeps one and redoes the other next time; cutting in three measured 30% less work);
 * otherwise the better one cuts it in two. The pieces are diffed on; the result is valid but
 * maybe not minimal, and {@link fallback} becomes true. Each capped search costs ~C² and
 * advances at least ~2C items, so unrelated inputs cost O(C·(n + m)). Once `work` reaches the
 * budget (only the histogram diff sets one), every remaining region is trimmed and then
 * replaced wholesale.
 *
 * Performance. V vectors are Int32Arrays allocated once and reused by every region; a
 * diagonal is addressed by its index (k plus a per-region offset), and the bound y ≤ bHi is
 * folded into one x limit per diagonal, so a snake step costs one comparison and two reads
 * (40% faster per step, measured). The slots just beyond the diagonal range hold sentinels
 * (−1 forward, FAR backward) that lose every comparison, instead of extra conditions; a step
 * that would leave the box is clamped to the box's last point on that diagonal, which is
 * reachable as cheaply. Recording marks instead of snakes needs no sorting and no objects until
 * the end. A side of length 1 is answered by a linear scan instead of a search.
 */
export class MyersEngine {
  /** 1 for each item of `a` the script deletes. */
  readonly deleted: Uint8Array;
  /** 1 for each item of `b` the script inserts. */
  readonly inserted: Uint8Array;
  /** True once a cost cap or the work budget made some region coarser than minimal. */
  fallback = false;
  /** True once the work budget ran out and a region with items on both sides was replaced wholesale. */
  exhausted = false;
  /** Work units spent so far: region items trimmed or scanned, diagonals visited, snake steps. */
  work = 0;

  private forward = new Int32Array(0);
  private backward = new Int32Array(0);
  /** Regions still to diff; empty between calls of {@link diff}. */
  private readonly regions = new RegionStack();
  // Where split() cuts a region: start corner → (splitX, splitY) → (splitX2, splitY2) → end corner.
  private splitX = 0;
  private splitY = 0;
  private splitX2 = 0;
  private splitY2 = 0;

  /** An engine over `a` and `b` with nothing marked yet. */
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
  ) {
    this.deleted = new Uint8Array(a.length);
    this.inserted = new Uint8Array(b.length);
  }

  /**
   * Marks a script for `a[aLo:aHi]` → `b[bLo:bHi]`: minimal unless a middle-snake search needs
   * more than `maxCost` steps per direction or {@link work} reaches `budget`.
   */
  diff(aLo: number, aHi: number, bLo: number, bHi: number, maxCost: number, budget: number): void {
    const { a, b, regions } = this;
    const cap = Math.max(1, Math.floor(maxCost));
    regions.push(aLo, aHi, bLo, bHi);
    while (!regions.empty) {
      const at = regions.pop();
      const stack = regions.data;
      let xLo = stack[at]!;
      let xHi = stack[at + 1]!;
      let yLo = stack[at + 2]!;
      let yHi = stack[at + 3]!;
      const size = xHi - xLo + yHi - yLo;
      while (xLo < xHi && yLo < yHi && a[xLo] === b[yLo]) (xLo++, yLo++);
      while (xLo < xHi && yLo < yHi && a[xHi - 1] === b[yHi - 1]) (xHi--, yHi--);
      this.work += size - (xHi - xLo + yHi - yLo);
      if (xLo === xHi || yLo === yHi || this.work >= budget) {
        if (xLo < xHi && yLo < yHi) {
          this.fallback = true;
          if (this.work >= budget) this.exhausted = true;
        }
        this.replace(xLo, xHi, yLo, yHi);
      } else if (xHi - xLo === 1) {
        this.single(b, yLo, yHi, a[xLo]!, this.inserted, this.deleted, xLo);
      } else if (yHi - yLo === 1) {
        this.single(a, xLo, xHi, b[yLo]!, this.deleted, this.inserted, yLo);
      } else {
        if (!this.split(xLo, xHi, yLo, yHi, cap, budget)) this.fallback = true;
        const { splitX: x, splitY: y, splitX2: x2, splitY2: y2 } = this;
        const whole = x === xLo && y === yLo && x2 === xHi && y2 === yHi;
        if (whole || (x === xHi && y === yHi) || (x2 === xLo && y2 === yLo)) {
          // Cannot happen (split points are at least one step from the corners); never loop on it.
          this.fallback = true;
          this.replace(xLo, xHi, yLo, yHi);
          continue;
        }
        regions.push(x2, xHi, y2, yHi);
        if (x < x2 || y < y2) regions.push(x, x2, y, y2);
        regions.push(xLo, x, yLo, y);
      }
    }
  }

  /** Marks all of `a[aLo:aHi]` deleted and all of `b[bLo:bHi]` inserted. */
  replace(aLo: number, aHi: number, bLo: number, bHi: number): void {
    this.deleted.fill(1, aLo, aHi);
    this.inserted.fill(1, bLo, bHi);
  }

  /** The marked script as difflib opcodes: unmarked items of `a` and `b` pair up in order. */
  alignment(): Alignment {
    const { deleted, inserted } = this;
    const n = deleted.length;
    const m = inserted.length;
    const blocks: MatchingBlock[] = [];
    let i = 0;
    let j = 0;
    for (;;) {
      // Uint8Array.indexOf is a native scan: runs of changes are skipped at memchr speed.
      i = deleted.indexOf(0, i);
      j = inserted.indexOf(0, j);
      if (i === -1 || j === -1) break;
      const start = i;
      const bStart = j;
      while (i < n && j < m && deleted[i] === 0 && inserted[j] === 0) (i++, j++);
      blocks.push({ a: start, b: bStart, size: i - start });
    }
    if (i !== j) throw new Error("internal error: unbalanced change marks");
    blocks.push({ a: n, b: m, size: 0 });
    const opcodes = opcodesFromBlocks(blocks);
    return this.exhausted ? { opcodes, fallback: true, exhausted: true } : { opcodes, fallback: this.fallback };
  }

  /**
   * One item `item` (at `otherAt` on its side) against `seq[lo:hi]`: it matches its first
   * occurrence there, everything else is changed. Minimal, and linear rather than a search.
   */
  private single(seq: Int32Array, lo: number, hi: number, item: number, seqMarks: Uint8Array, otherMarks: Uint8Array, otherAt: number): void {
    seqMarks.fill(1, lo, hi);
    const at = seq.subarray(lo, hi).indexOf(item);
    if (at === -1) otherMarks[otherAt] = 1;
    else seqMarks[lo + at] = 0;
    this.work += hi - lo;
  }

  /**
   * Finds where to split a trimmed region (both sides non-empty, first items and last items
   * different). Returns true for a middle snake: one point on a minimal path, in both split
   * points. Returns false when the cap or the budget stopped the search: then the furthest
   * forward point and the furthest backward point cut the region in three when they are in
   * order (both searches count as progress), otherwise the better of them cuts it in two.
   */
  private split(aLo: number, aHi: number, bLo: number, bHi: number, maxCost: number, budget: number): boolean {
    const { a, b } = this;
    const need = aHi - aLo + bHi - bLo + 3;
    if (this.forward.length < need) {
      // Grown on demand: sub-regions of a region always fit, so this happens once per call of diff().
      this.forward = new Int32Array(need);
      this.backward = new Int32Array(need);
    }
    const vf = this.forward;
    const vb = this.backward;
    // Diagonal k = x − y is stored at index i = k + off: the region's diagonals aLo − bHi …
    // aHi − bLo take indices 1 … need − 2, with a sentinel slot at each end. On diagonal i,
    // y = x + off − i.
    const off = bHi - aLo + 1;
    const iMax = need - 2;
    const fMid = aLo - bLo + off;
    const bMid = aHi - bHi + off;
    const odd = ((fMid - bMid) & 1) !== 0;
    let fMin = fMid;
    let fMax = fMid;
    let bMin = bMid;
    let bMax = bMid;
    // The region is trimmed, so no snake leaves either corner.
    vf[fMid] = aLo;
    vb[bMid] = aHi;
    let work = this.work;

    for (let d = 1; ; d++) {
      // Forward: widen the diagonal range by one each side, or narrow it at the region's edge
      // (keeping parity); the neighbour beyond the range gets a sentinel that loses every comparison.
      if (fMin > 1) vf[--fMin - 1] = -1;
      else ++fMin;
      if (fMax < iMax) vf[++fMax + 1] = -1;
      else --fMax;
      // y ≤ bHi on diagonal i means x ≤ bHi + i − off: one bound per diagonal, one test per snake step.
      let yBound = bHi + fMax - off;
      for (let i = fMax; i >= fMin; i -= 2, yBound -= 2) {
        const lo = vf[i - 1]!;
        const hi = vf[i + 1]!;
        // One more deletion from diagonal i − 1, or one more insertion from i + 1.
        let x = lo >= hi ? lo + 1 : hi;
        const xEnd = yBound < aHi ? yBound : aHi;
        // A step out of the box: the box's last point on this diagonal is reachable as cheaply.
        if (x > xEnd) x = xEnd;
        const shift = off - i;
        const x0 = x;
        while (x < xEnd && a[x] === b[x + shift]) x++;
        work += x - x0 + 1;
        vf[i] = x;
        if (odd && i >= bMin && i <= bMax && vb[i]! <= x) {
          this.splitX = this.splitX2 = x;
          this.splitY = this.splitY2 = x + shift;
          this.work = work;
          return true;
        }
      }

      // Backward, the mirror image: smallest x reached from the end corner.
      if (bMin > 1) vb[--bMin - 1] = FAR;
      else ++bMin;
      if (bMax < iMax) vb[++bMax + 1] = FAR;
      else --bMax;
      let yFloor = bLo + bMax - off;
      for (let i = bMax; i >= bMin; i -= 2, yFloor -= 2) {
        const lo = vb[i - 1]!;
        const hi = vb[i + 1]!;
        let x = lo < hi ? lo : hi - 1;
        const xStart = yFloor > aLo ? yFloor : aLo;
        if (x < xStart) x = xStart;
        const shift = off - i;
        const x0 = x;
        while (x > xStart && a[x - 1] === b[x - 1 + shift]) x--;
        work += x0 - x + 1;
        vb[i] = x;
        if (!odd && i >= fMin && i <= fMax && x <= vf[i]!) {
          this.splitX = this.splitX2 = x;
          this.splitY = this.splitY2 = x + shift;
          this.work = work;
          return true;
        }
      }

      if (d >= maxCost || work >= budget) {
        this.work = work;
        // Too expensive: take the points furthest from their own corners, by x + y.
        let fBest = -1;
        let fx = aLo;
        for (let i = fMax; i >= fMin; i -= 2) {
          const sum = 2 * vf[i]! + off - i;
          if (sum > fBest) {
            fBest = sum;
            fx = vf[i]!;
          }
        }
        let bBest = FAR;
        let bx = aHi;
        for (let i = bMax; i >= bMin; i -= 2) {
          const sum = 2 * vb[i]! + off - i;
          if (sum < bBest) {
            bBest = sum;
            bx = vb[i]!;
          }
        }
        const fy = fBest - fx;
        const by = bBest - bx;
        if (fx <= bx && fy <= by) {
          this.splitX = fx;
          this.splitY = fy;
          this.splitX2 = bx;
          this.splitY2 = by;
        } else if (aHi + bHi - bBest < fBest - (aLo + bLo)) {
          this.splitX = this.splitX2 = fx;
          this.splitY = this.splitY2 = fy;
        } else {
          this.splitX = this.splitX2 = bx;
          this.splitY = this.splitY2 = by;
        }
        return false;
      }
    }
  }
}
