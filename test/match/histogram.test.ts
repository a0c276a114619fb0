// Properties of histogramDiff: valid difflib-shaped opcodes on repetitive random inputs, exact
// answers for single edits among unique tokens, its Myers fallback, and the work budget.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramDiff } from "../../src/match/histogram.js";
import { myersDiff } from "../../src/match/myers.js";
import type { Opcode } from "../../src/types.js";
import { expectValid, lcsLength, random, scatterEdits, smallPair, textLike } from "../support/sequences.js";

// FC_SEED=<n> replays a failing run; fast-check prints the seed of any failure.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal(seed === undefined ? {} : { seed });

/** Deleted plus inserted items of an opcode list. */
function editCount(opcodes: readonly Opcode[]): number {
  let count = 0;
  for (const o of opcodes) if (o.tag !== "equal") count += o.aEnd - o.aStart + o.bEnd - o.bStart;
  return count;
}

/** b derived from a by moving, duplicating and dropping slices: shared runs in a new order. */
const shuffledPair = fc.tuple(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 })), { maxLength: 8 })).map(([x, slices]) => {
  const b: number[] = [];
  for (const [start, length] of slices) {
    const s = x.length ? start % x.length : 0;
    b.push(...x.slice(s, s + length));
  }
  return [Int32Array.from(x), Int32Array.from(b)] as const;
});

describe("histogramDiff on small random inputs", () => {
  it("is valid, and never better than minimal, on repetitive inputs", () => {
    fc.assert(
      fc.property(fc.oneof(smallPair(5, 30), smallPair(40, 60), shuffledPair), ([a, b]) => {
        const { opcodes, fallback } = histogramDiff(a, b);
        expectValid(a, b, opcodes);
        expect(editCount(opcodes)).toBeGreaterThanOrEqual(a.length + b.length - 2 * lcsLength(a, b));
        expect(fallback).toBe(false);
      }),
      { numRuns: 4000 },
    );
  });

  it("finds at least one match whenever the inputs share an element", () => {
    fc.assert(
      fc.property(smallPair(40, 40), ([a, b]) => {
        const shared = a.some((x) => b.includes(x));
        const count = editCount(histogramDiff(a, b).opcodes);
        if (shared) expect(count).toBeLessThanOrEqual(a.length + b.length - 2);
        else expect(count).toBe(a.length + b.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("stays valid when the chain cap, the fallback's cost cap or the work budget is tiny", () => {
    fc.assert(
      fc.property(smallPair(6, 50), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 200 }), ([a, b], maxChainLength, maxCost, budget) => {
        const { opcodes } = histogramDiff(a, b, { maxChainLength, maxCost, budget });
        expectValid(a, b, opcodes);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same answer for keys that are negative or sparse (renumbered internally)", () => {
    fc.assert(
      fc.property(smallPair(8, 40), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), ([a, b], offset) => {
        // An injective map of 0..7 onto scattered int32 values, some negative.
        const scatter = (x: number) => (Math.imul(x + 1, 0x9e3779b1) + offset) | 0;
        expect(histogramDiff(a.map(scatter), b.map(scatter))).toEqual(histogramDiff(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it("reports a fallback when the work budget runs out", () => {
    const a = Int32Array.from({ length: 200 }, (_, k) => (k * 7) % 13);
    const b = Int32Array.from({ length: 200 }, (_, k) => (k * 5) % 11);
    const result = histogramDiff(a, b, { budget: 10 });
    expectValid(a, b, result.opcodes);
    expect(result.fallback).toBe(true);
    expect(histogramDiff(a, b).fallback).toBe(false);
  });

  it("is exactly myersDiff when no element may anchor (chain cap 0)", () => {
    fc.assert(
      fc.property(smallPair(5, 40), ([a, b]) => {
        expect(histogramDiff(a, b, { maxChainLength: 0 })).toEqual(myersDiff(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it("finds exactly the one inserted, deleted or replaced run among unique tokens", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.nat(), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (length, at, removed, added) => {
        const a = Int32Array.from({ length }, (_, k) => k);
        const start = at % (length + 1);
        const end = Math.min(length, start + removed);
        const fresh = Array.from({ length: added }, (_, k) => 1000 + k);
        const b = Int32Array.from([...a.subarray(0, start), ...fresh, ...a.subarray(end)]);
        const expected: Opcode[] = [];
        if (end === start && added === 0) {
          // No edit at all.
          if (length) expected.push({ tag: "equal", aStart: 0, aEnd: length, bStart: 0, bEnd: length });
          expect(histogramDiff(a, b)).toEqual({ opcodes: expected, fallback: false });
          return;
        }
        if (start > 0) expected.push({ tag: "equal", aStart: 0, aEnd: start, bStart: 0, bEnd: start });
        const tag = end === start ? "insert" : added === 0 ? "delete" : "replace";
        expected.push({ tag, aStart: start, aEnd: end, bStart: start, bEnd: start + added });
        if (end < length) expected.push({ tag: "equal", aStart: end, aEnd: length, bStart: start + added, bEnd: b.length });
        expect(histogramDiff(a, b)).toEqual({ opcodes: expected, fallback: false });
      }),
      { numRuns: 2000 },
    );
  });

  it("replaces a large region wholesale when no rare element anchors it and few items could match", () => {
    // Every key of a occurs 120 times (over the chain cap); b shares one item with it.
    const a = Int32Array.from({ length: 12_000 }, (_, k) => k % 100);
    const b = Int32Array.of(3, 1000, 1001);
    expect(histogramDiff(a, b)).toEqual({ opcodes: [{ tag: "replace", aStart: 0, aEnd: 12_000, bStart: 0, bEnd: 3 }], fallback: true });
    // With a cost cap of its own the caller asked for the Myers search: it finds the one match.
    const searched = histogramDiff(a, b, { maxCost: Infinity });
    expectValid(a, b, searched.opcodes);
    expect(editCount(searched.opcodes)).toBe(12_001);
    expect(searched.fallback).toBe(false);
  });

  it("keeps the Myers search for a region where at least one item in eight could match", () => {
    const a = Int32Array.from({ length: 1_200 }, (_, k) => k % 10);
    const b = Int32Array.from({ length: 200 }, (_, k) => 9 - (k % 10));
    expect(histogramDiff(a, b)).toEqual(myersDiff(a, b));
    expect(histogramDiff(a, b).fallback).toBe(false);
  });

  it("anchors on a unique element rather than on frequent ones", () => {
    // The unique 9 is the anchor; Myers matches the three 1s instead (2 edits, not 6).
    const a = Int32Array.of(1, 1, 1, 9);
    const b = Int32Array.of(9, 1, 1, 1);
    expect(histogramDiff(a, b).opcodes).toEqual([
      { tag: "delete", aStart: 0, aEnd: 3, bStart: 0, bEnd: 0 },
      { tag: "equal", aStart: 3, aEnd: 4, bStart: 0, bEnd: 1 },
      { tag: "insert", aStart: 4, aEnd: 4, bStart: 1, bEnd: 4 },
    ]);
    expect(myersDiff(a, b).opcodes).toEqual([
      { tag: "insert", aStart: 0, aEnd: 0, bStart: 0, bEnd: 1 },
      { tag: "equal", aStart: 0, aEnd: 3, bStart: 1, bEnd: 4 },
      { tag: "delete", aStart: 3, aEnd: 4, bStart: 4, bEnd: 4 },
    ]);
  });

  it("tries every occurrence, including one right after a match it just extended", () => {
    // 5 occurs twice; its second occurrence extends to [5, 6], longer and as rare (6 occurs 3 times).
    const a = Int32Array.of(9, 5, 5, 6, 1, 6, 6);
    const b = Int32Array.of(8, 5, 6, 2);
    expect(histogramDiff(a, b).opcodes).toEqual([
      { tag: "replace", aStart: 0, aEnd: 2, bStart: 0, bEnd: 1 },
      { tag: "equal", aStart: 2, aEnd: 4, bStart: 1, bEnd: 3 },
      { tag: "replace", aStart: 4, aEnd: 7, bStart: 3, bEnd: 4 },
    ]);
  });

  it("among equally rare and long candidates, anchors the one nearest the region's middle", () => {
    // 11 and 10 cross; jgit would keep 11 (found first in b), but 10 is nearer the middle.
    const a = Int32Array.of(1, 10, 11, 2);
    const b = Int32Array.of(5, 11, 10, 6, 7, 8, 13, 14);
    expect(histogramDiff(a, b).opcodes).toEqual([
      { tag: "replace", aStart: 0, aEnd: 1, bStart: 0, bEnd: 2 },
      { tag: "equal", aStart: 1, aEnd: 2, bStart: 2, bEnd: 3 },
      { tag: "replace", aStart: 2, aEnd: 4, bStart: 3, bEnd: 8 },
    ]);
  });

  it("finds every match among evenly spaced edits (ties everywhere)", () => {
    // Unique tokens with every third one replaced: all candidates tie, splits must stay exact.
    const a = Int32Array.from({ length: 300 }, (_, k) => k);
    const b = Int32Array.from(a, (x, k) => (k % 3 === 1 ? 1000 + k : x));
    const { opcodes } = histogramDiff(a, b);
    expectValid(a, b, opcodes);
    expect(editCount(opcodes)).toBe(200);
  });
});

describe("histogramDiff on large inputs", () => {
  it("aligns a 1,000,000-token pair with 1% scattered edits without fallback", () => {
    const next = random(23);
    const a = textLike(1_000_000, 20_000, next);
    const { b, cost } = scatterEdits(a, 0.01, 20_000, next);
    const { opcodes, fallback } = histogramDiff(a, b);
    expect(fallback).toBe(false);
    expectValid(a, b, opcodes);
    // Not minimal in general, but it should find nearly the edit script that made b.
    expect(editCount(opcodes)).toBeLessThanOrEqual(cost * 1.05);
  });

  it("gives up gracefully on two unrelated 1,000,000-token inputs", () => {
    // 64 symbols: every one occurs far more often than the chain cap, so no anchor exists.
    const next = random(29);
    const a = Int32Array.from({ length: 1_000_000 }, () => Math.floor(next() * 64));
    const b = Int32Array.from({ length: 1_000_000 }, () => Math.floor(next() * 64));
    const { opcodes, fallback } = histogramDiff(a, b);
    expect(fallback).toBe(true);
    expectValid(a, b, opcodes);
  });
});
