// Myers' O(ND) difference algorithm over interned integer keys: linear space, no recursion,
// and a cost cap (xdiff's "too expensive" cut-off) that bounds the time on unrelated inputs.

import type { Alignment, MatchingBlock } from "../types.js";
import { opcodesFromBlocks } from "./opcodes.js";

/** Options of {@link myersDiff}. */
export interface MyersOptions {
  /**
   * The most edit steps one middle-snake search may take in each direction before it settles for
   * the furthest-reaching point found so far (default: {@link defaultMaxCost} of n + m).
   * `Infinity` always gives a minimal diff, in O((n + m)·D) time.
   */
  readonly maxCost?: number;
}

/** Work units (diagonal visits plus snake steps) the default cap lets unrelated inputs spend: about a second. */
const WORK_TARGET = 500_000_000;
/** The cap never drops below this, so small scattered changes in huge inputs stay minimal. */
const MIN_COST = 256;
/** Largest value a backward V entry can hold; the sentinel just past its range. */
const FAR = 0x7fffffff;

/**
 * The default cost cap for inputs of `size` = n + m items: `WORK_TARGET / size`, at least
 * 256. With cap C the search spends about C·(n + m) work units on unrelated inputs (each
 * capped search costs ~C² and advances ~C items), so the product, not the cap, is held
 * constant: 100,000-token documents get C = 2,500, enough to stay minimal with 1% of tokens
 * edited (a middle snake needs C ≥ D/2), while a 1,000,000-token pair gets 256.
 *
 * @example defaultMaxCost(200_000) // 2500
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
 * hits `maxCost`; then the region is split at the furthest point reached, the result stays a
 * valid diff, and `fallback` is true.
 *
 * @example myersDiff(Int32Array.of(1, 2, 3), Int32Array.of(1, 3)).opcodes
 *   // [equal 0-1/0-1, delete 1-2/1-1, equal 2-3/1-2]
 */
export function myersDiff(a: Int32Array, b: Int32Array, options: MyersOptions = {}): Alignment {
  const engine = new MyersEngine(a, b);
  engine.diff(0, a.length, 0, b.length, options.maxCost ?? defaultMaxCost(a.length + b.length), Infinity);
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
 * out mid-search), it stops and splits at whichever forward or backward point got furthest
 * from its corner, as xdiff and GNU diff do; the halves are diffed on, the result is valid but
 * maybe not minimal, and {@link fallback} becomes true. Once `work` reaches the budget, every
 * remaining region is trimmed and then replaced wholesale.
 *
 * Performance. The hot loop reads only Int32Arrays, with diagonals stored at an offset (no
 * bounds checks besides the region box, sentinels of −1 / FAR beyond the diagonal range instead
 * of extra conditions). A side of length 1 is answered by a linear scan instead of a search.
 */
export class MyersEngine {
  /** 1 for each item of `a` the script deletes. */
  readonly deleted: Uint8Array;
  /** 1 for each item of `b` the script inserts. */
  readonly inserted: Uint8Array;
  /** True once a cost cap or the work budget made some region coarser than minimal. */
  fallback = false;
  /** Work units spent so far: region items trimmed or scanned, diagonals visited, snake steps. */
  work = 0;

  private forward = new Int32Array(0);
  private backward = new Int32Array(0);
  private stack = new Int32Array(256);
  private splitX = 0;
  private splitY = 0;

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
    const { a, b } = this;
    const cap = Math.max(1, Math.floor(maxCost));
    let sp = this.push(0, aLo, aHi, bLo, bHi);
    while (sp > 0) {
      sp -= 4;
      const stack = this.stack;
      let xLo = stack[sp]!;
      let xHi = stack[sp + 1]!;
      let yLo = stack[sp + 2]!;
      let yHi = stack[sp + 3]!;
      const size = xHi - xLo + yHi - yLo;
      while (xLo < xHi && yLo < yHi && a[xLo] === b[yLo]) xLo++, yLo++;
      while (xLo < xHi && yLo < yHi && a[xHi - 1] === b[yHi - 1]) xHi--, yHi--;
      this.work += size - (xHi - xLo + yHi - yLo);
      if (xLo === xHi || yLo === yHi || this.work >= budget) {
        if (xLo < xHi && yLo < yHi) this.fallback = true;
        this.replace(xLo, xHi, yLo, yHi);
      } else if (xHi - xLo === 1) {
        this.single(b, yLo, yHi, a[xLo]!, this.inserted, this.deleted, xLo);
      } else if (yHi - yLo === 1) {
        this.single(a, xLo, xHi, b[yLo]!, this.deleted, this.inserted, yLo);
      } else {
        if (!this.split(xLo, xHi, yLo, yHi, cap, budget)) this.fallback = true;
        const x = this.splitX;
        const y = this.splitY;
        if ((x === xLo && y === yLo) || (x === xHi && y === yHi)) {
          // Cannot happen (a split point is at least one step from both corners); never loop on it.
          this.fallback = true;
          this.replace(xLo, xHi, yLo, yHi);
          continue;
        }
        sp = this.push(sp, x, xHi, y, yHi);
        sp = this.push(sp, xLo, x, yLo, y);
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
    let i = deleted.indexOf(0);
    let j = inserted.indexOf(0);
    while (i !== -1 && j !== -1) {
      // Uint8Array.indexOf is a native scan: whole runs are skipped at memchr speed.
      const iEnd = deleted.indexOf(1, i);
      const jEnd = inserted.indexOf(1, j);
      const size = Math.min(iEnd === -1 ? n - i : iEnd - i, jEnd === -1 ? m - j : jEnd - j);
      blocks.push({ a: i, b: j, size });
      i = deleted.indexOf(0, i + size);
      j = inserted.indexOf(0, j + size);
    }
    if (i !== j) throw new Error("internal error: unbalanced change marks");
    blocks.push({ a: n, b: m, size: 0 });
    return { opcodes: opcodesFromBlocks(blocks), fallback: this.fallback };
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

  /** Pushes a region at stack pointer `sp`, growing the stack if needed; returns the new pointer. */
  private push(sp: number, aLo: number, aHi: number, bLo: number, bHi: number): number {
    if (sp + 4 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    const stack = this.stack;
    stack[sp] = aLo;
    stack[sp + 1] = aHi;
    stack[sp + 2] = bLo;
    stack[sp + 3] = bHi;
    return sp + 4;
  }

  /**
   * Finds where to split a trimmed region (both sides non-empty, first items and last items
   * different) into {@link splitX}, {@link splitY}. Returns true for a middle snake (the split
   * is on a minimal path), false when the cap or the budget forced the furthest point instead.
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
    // Diagonal k = x − y lives at vf[k + off]; diagonals run from dmin to dmax, plus one sentinel each side.
    const off = bHi - aLo + 1;
    const dmin = aLo - bHi;
    const dmax = aHi - bLo;
    const fmid = aLo - bLo;
    const bmid = aHi - bHi;
    const odd = ((fmid - bmid) & 1) !== 0;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    // The region is trimmed, so no snake leaves either corner.
    vf[fmid + off] = aLo;
    vb[bmid + off] = aHi;
    let work = this.work;

    for (let d = 1; ; d++) {
      // Forward: widen the diagonal range by one each side, or narrow it at the region's edge
      // (keeping parity); the neighbour beyond the range gets a sentinel that loses every comparison.
      if (fmin > dmin) vf[--fmin - 1 + off] = -1;
      else ++fmin;
      if (fmax < dmax) vf[++fmax + 1 + off] = -1;
      else --fmax;
      for (let k = fmax; k >= fmin; k -= 2) {
        const lo = vf[k - 1 + off]!;
        const hi = vf[k + 1 + off]!;
        // One more deletion from diagonal k − 1, or one more insertion from k + 1.
        let x = lo >= hi ? lo + 1 : hi;
        // A step out of the box: the box's last point on this diagonal is reachable as cheaply.
        if (x > aHi) x = aHi;
        if (x - k > bHi) x = bHi + k;
        let y = x - k;
        const x0 = x;
        while (x < aHi && y < bHi && a[x] === b[y]) x++, y++;
        work += x - x0 + 1;
        vf[k + off] = x;
        if (odd && k >= bmin && k <= bmax && vb[k + off]! <= x) {
          this.splitX = x;
          this.splitY = y;
          this.work = work;
          return true;
        }
      }

      // Backward, the mirror image: smallest x reached from the end corner.
      if (bmin > dmin) vb[--bmin - 1 + off] = FAR;
      else ++bmin;
      if (bmax < dmax) vb[++bmax + 1 + off] = FAR;
      else --bmax;
      for (let k = bmax; k >= bmin; k -= 2) {
        const lo = vb[k - 1 + off]!;
        const hi = vb[k + 1 + off]!;
        let x = lo < hi ? lo : hi - 1;
        if (x < aLo) x = aLo;
        if (x - k < bLo) x = bLo + k;
        let y = x - k;
        const x0 = x;
        while (x > aLo && y > bLo && a[x - 1] === b[y - 1]) x--, y--;
        work += x0 - x + 1;
        vb[k + off] = x;
        if (!odd && k >= fmin && k <= fmax && x <= vf[k + off]!) {
          this.splitX = x;
          this.splitY = y;
          this.work = work;
          return true;
        }
      }

      if (d >= maxCost || work >= budget) {
        this.work = work;
        // Too expensive: take the point furthest from its own corner, by x + y.
        let fBest = -1;
        let fx = aLo;
        for (let k = fmax; k >= fmin; k -= 2) {
          const x = vf[k + off]!;
          if (2 * x - k > fBest) {
            fBest = 2 * x - k;
            fx = x;
          }
        }
        let bBest = FAR;
        let bx = aHi;
        for (let k = bmax; k >= bmin; k -= 2) {
          const x = vb[k + off]!;
          if (2 * x - k < bBest) {
            bBest = 2 * x - k;
            bx = x;
          }
        }
        if (aHi + bHi - bBest < fBest - (aLo + bLo)) {
          this.splitX = fx;
          this.splitY = fBest - fx;
        } else {
          this.splitX = bx;
          this.splitY = bBest - bx;
        }
        return false;
      }
    }
  }
}
