// Properties of myersDiff: minimal edit count against a dynamic-programming oracle, difflib-shaped
// opcodes, the cost cap's fallback, and the large inputs the linear-space search must survive.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { myersDiff } from "../../src/match/myers.js";
import type { Opcode } from "../../src/types.js";
import { expectValid, lcsLength, random, scatterEdits, smallPair, textLike } from "../support/sequences.js";

// FC_SEED=<n> replays a failing run; fast-check prints the seed of any failure.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal(seed === undefined ? {} : { seed });

/** Deleted and inserted item counts of an opcode list. */
function editCounts(opcodes: readonly Opcode[]): { deleted: number; inserted: number } {
  let deleted = 0;
  let inserted = 0;
  for (const o of opcodes) {
    if (o.tag === "equal") continue;
    deleted += o.aEnd - o.aStart;
    inserted += o.bEnd - o.bStart;
  }
  return { deleted, inserted };
}

describe("myersDiff on small random inputs", () => {
  it("is valid and minimal: deleted + inserted = n + m - 2·LCS", () => {
    fc.assert(
      fc.property(smallPair(5, 30), ([a, b]) => {
        const { opcodes, fallback } = myersDiff(a, b);
        expectValid(a, b, opcodes);
        const { deleted, inserted } = editCounts(opcodes);
        expect(deleted + inserted).toBe(a.length + b.length - 2 * lcsLength(a, b));
        expect(fallback).toBe(false);
      }),
      { numRuns: 4000 },
    );
  });

  it("is valid under any cost cap, and still minimal whenever it reports no fallback", () => {
    fc.assert(
      fc.property(smallPair(5, 40), fc.integer({ min: 1, max: 6 }), ([a, b], maxCost) => {
        const { opcodes, fallback } = myersDiff(a, b, { maxCost });
        expectValid(a, b, opcodes);
        const { deleted, inserted } = editCounts(opcodes);
        const minimal = a.length + b.length - 2 * lcsLength(a, b);
        expect(deleted + inserted).toBeGreaterThanOrEqual(minimal);
        if (!fallback) expect(deleted + inserted).toBe(minimal);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives one equal opcode for identical inputs, none for two empty ones", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }), (items) => {
        const x = Int32Array.from(items);
        const { opcodes, fallback } = myersDiff(x, x.slice());
        expect(opcodes).toEqual(x.length ? [{ tag: "equal", aStart: 0, aEnd: x.length, bStart: 0, bEnd: x.length }] : []);
        expect(fallback).toBe(false);
      }),
    );
  });

  it("swaps deletions and insertions when a and b swap", () => {
    fc.assert(
      fc.property(smallPair(5, 30), ([a, b]) => {
        const forward = editCounts(myersDiff(a, b).opcodes);
        const backward = editCounts(myersDiff(b, a).opcodes);
        expect(backward).toEqual({ deleted: forward.inserted, inserted: forward.deleted });
      }),
      { numRuns: 2000 },
    );
  });

  it("takes up to maxCost edit steps per direction before falling back", () => {
    // Nothing in common: D = 4, the middle snake is found after 2 steps each way.
    const a = Int32Array.of(1, 2);
    const b = Int32Array.of(3, 4);
    expect(myersDiff(a, b, { maxCost: 1 }).fallback).toBe(true);
    expect(myersDiff(a, b, { maxCost: 2 })).toEqual({
      opcodes: [{ tag: "replace", aStart: 0, aEnd: 2, bStart: 0, bEnd: 2 }],
      fallback: false,
    });
  });

  it("handles the empty and one-sided cases", () => {
    const x = Int32Array.of(1, 2, 3);
    const none = new Int32Array(0);
    expect(myersDiff(none, none).opcodes).toEqual([]);
    expect(myersDiff(x, none).opcodes).toEqual([{ tag: "delete", aStart: 0, aEnd: 3, bStart: 0, bEnd: 0 }]);
    expect(myersDiff(none, x).opcodes).toEqual([{ tag: "insert", aStart: 0, aEnd: 0, bStart: 0, bEnd: 3 }]);
    expect(myersDiff(Int32Array.of(1, 2, 3), Int32Array.of(1, 3)).opcodes).toEqual([
      { tag: "equal", aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
      { tag: "delete", aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 },
      { tag: "equal", aStart: 2, aEnd: 3, bStart: 1, bEnd: 2 },
    ]);
  });
});

describe("myersDiff on large inputs", () => {
  it("stays minimal (no fallback) when 1% of 100,000 tokens are edited", () => {
    const next = random(7);
    const a = textLike(100_000, 5000, next);
    const { b, cost } = scatterEdits(a, 0.01, 5000, next);
    const { opcodes, fallback } = myersDiff(a, b);
    expectValid(a, b, opcodes);
    expect(fallback).toBe(false);
    const { deleted, inserted } = editCounts(opcodes);
    expect(deleted + inserted).toBeLessThanOrEqual(cost);
  });

  it("trims a 100,000-token prefix and suffix around a small change exactly", () => {
    const next = random(11);
    const prefix = textLike(100_000, 1000, next);
    const suffix = textLike(100_000, 1000, next);
    const a = Int32Array.from([...prefix, 5001, 5002, ...suffix]);
    const b = Int32Array.from([...prefix, 6001, ...suffix]);
    const result = myersDiff(a, b);
    expect(result.fallback).toBe(false);
    expect(result.opcodes).toEqual([
      { tag: "equal", aStart: 0, aEnd: 100_000, bStart: 0, bEnd: 100_000 },
      { tag: "replace", aStart: 100_000, aEnd: 100_002, bStart: 100_000, bEnd: 100_001 },
      { tag: "equal", aStart: 100_002, aEnd: 200_002, bStart: 100_001, bEnd: 200_001 },
    ]);
  });

  it("matches only the shared prefix and suffix of 200,000-token inputs that share nothing else", () => {
    const next = random(13);
    const shared = textLike(1000, 100, next);
    const a = new Int32Array(200_000);
    const b = new Int32Array(200_000);
    a.set(shared);
    b.set(shared);
    a.set(shared, 199_000);
    b.set(shared, 199_000);
    for (let k = 1000; k < 199_000; k++) {
      a[k] = 1000 + Math.floor(next() * 50_000);
      b[k] = 100_000 + Math.floor(next() * 50_000);
    }
    const { opcodes } = myersDiff(a, b);
    expectValid(a, b, opcodes);
    expect(opcodes).toEqual([
      { tag: "equal", aStart: 0, aEnd: 1000, bStart: 0, bEnd: 1000 },
      { tag: "replace", aStart: 1000, aEnd: 199_000, bStart: 1000, bEnd: 199_000 },
      { tag: "equal", aStart: 199_000, aEnd: 200_000, bStart: 199_000, bEnd: 200_000 },
    ]);
  });

  it("stops at the cost cap on two unrelated 1,000,000-token inputs and still returns a valid diff", () => {
    const next = random(17);
    const a = textLike(1_000_000, 2000, next);
    const b = textLike(1_000_000, 2000, next);
    const { opcodes, fallback } = myersDiff(a, b);
    expect(fallback).toBe(true);
    expectValid(a, b, opcodes);
  });

  it("survives hundreds of thousands of regions without recursion", () => {
    // Every other token differs and a cost cap of 1 splits after every step: ~400,000 regions.
    const a = new Int32Array(400_000);
    const b = new Int32Array(400_000);
    for (let k = 0; k < a.length; k++) {
      a[k] = k % 2 ? 1 : 2 + k;
      b[k] = k % 2 ? 1 : 3 + k + a.length;
    }
    const { opcodes, fallback } = myersDiff(a, b, { maxCost: 1 });
    expectValid(a, b, opcodes);
    expect(fallback).toBe(true);
  });
});
