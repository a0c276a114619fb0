// Work budgets of the matchers (Myers, histogram, difflib's SequenceMatcher, align) and the
// coarse unit diff used past them: always a valid diff, `exhausted` when the budget ran out,
// and the very same answer as without a budget when it did not force a fallback.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/match/align.js";
import { histogramDiff } from "../../src/match/histogram.js";
import { myersDiff } from "../../src/match/myers.js";
import { SequenceMatcher } from "../../src/match/sequence-matcher.js";
import { unitDiff } from "../../src/match/line-diff.js";
import type { AlgorithmName } from "../../src/types.js";
import { fcParams } from "../support/arbitraries.js";
import { expectValid, random, smallPair, textLike } from "../support/sequences.js";

const ALGORITHMS: readonly AlgorithmName[] = ["default", "myers", "histogram", "difflib"];

/** Unit ends for a sequence: cuts after each position where `cuts` says so, and at the end. */
function endsOf(length: number, cuts: readonly boolean[]): Int32Array {
  const ends: number[] = [];
  for (let i = 0; i < length; i++) if (i === length - 1 || cuts[i % Math.max(1, cuts.length)]) ends.push(i + 1);
  return Int32Array.from(ends);
}

describe("work budgets of the matchers", () => {
  it("any budget gives a valid diff, for every algorithm; without a fallback it is the unbudgeted answer (property)", () => {
    fc.assert(
      fc.property(smallPair(6, 60), fc.integer({ min: 1, max: 400 }), fc.constantFrom(...ALGORITHMS), ([a, b], budget, algorithm) => {
        const bounded = align(a, b, algorithm, budget);
        expectValid(a, b, bounded.opcodes);
        if (bounded.exhausted) expect(bounded.fallback).toBe(true);
        if (!bounded.fallback) expect(bounded).toEqual(align(a, b, algorithm, Infinity));
      }),
      fcParams(3000),
    );
  });

  it("says exhausted when two unrelated 100,000-item inputs meet a small budget, and not with the default one", () => {
    const next = random(7);
    const a = textLike(100_000, 5_000, next);
    const b = textLike(100_000, 5_000, next);
    for (const result of [myersDiff(a, b, { budget: 1_000_000 }), histogramDiff(a, b, { budget: 1_000_000 }), align(a, b, "difflib", 1_000_000)]) {
      expectValid(a, b, result.opcodes);
      expect(result).toMatchObject({ fallback: true, exhausted: true });
    }
    expect(histogramDiff(a, b).exhausted).toBeUndefined();
  });

  it("lets SequenceMatcher stop early with real matches, and says so", () => {
    const sm = new SequenceMatcher({ a: "the quick brown fox", b: "the quick red fox", maxWork: 5 });
    expect(sm.exhausted).toBe(true);
    for (const block of sm.getMatchingBlocks()) expect("the quick brown fox".slice(block.a, block.a + block.size)).toBe("the quick red fox".slice(block.b, block.b + block.size));
    const unlimited = new SequenceMatcher({ a: "the quick brown fox", b: "the quick red fox" });
    expect(unlimited.exhausted).toBe(false);
    expect(new SequenceMatcher({ a: "the quick brown fox", b: "the quick red fox", maxWork: 1e6 }).getOpcodes()).toEqual(unlimited.getOpcodes());
  });
});

describe("unitDiff", () => {
  it("gives a valid diff for any units and any budget, and says fallback (property)", () => {
    fc.assert(
      fc.property(smallPair(5, 60), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 2000 }), ([a, b], cuts, budget) => {
        const result = unitDiff(a, b, endsOf(a.length, cuts), endsOf(b.length, cuts), budget);
        expectValid(a, b, result.opcodes);
        expect(result.fallback).toBe(true);
      }),
      fcParams(3000),
    );
  });

  // Units [1 2 3] [4 5 8] [6 7] → [1 2 3] [9 5 10] [6 7].
  const a = Int32Array.of(1, 2, 3, 4, 5, 8, 6, 7);
  const b = Int32Array.of(1, 2, 3, 9, 5, 10, 6, 7);
  const ends = Int32Array.of(3, 6, 8);

  it("matches equal units whole and diffs items only inside changed ones", () => {
    expect(unitDiff(a, b, ends, ends, 1000).opcodes).toEqual([
      { tag: "equal", aStart: 0, aEnd: 3, bStart: 0, bEnd: 3 },
      { tag: "replace", aStart: 3, aEnd: 4, bStart: 3, bEnd: 4 },
      { tag: "equal", aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 },
      { tag: "replace", aStart: 5, aEnd: 6, bStart: 5, bEnd: 6 },
      { tag: "equal", aStart: 6, aEnd: 8, bStart: 6, bEnd: 8 },
    ]);
  });

  it("replaces changed units whole when no budget is left for the items inside them", () => {
    expect(unitDiff(a, b, ends, ends, 0).opcodes).toEqual([
      { tag: "equal", aStart: 0, aEnd: 3, bStart: 0, bEnd: 3 },
      { tag: "replace", aStart: 3, aEnd: 6, bStart: 3, bEnd: 6 },
      { tag: "equal", aStart: 6, aEnd: 8, bStart: 6, bEnd: 8 },
    ]);
  });
});
