// How the pairs of -r are shared out between this thread and the workers (src/cli/recursive/batches.ts).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchSize, defaultJobs, MAX_BATCH, Unclaimed } from "../../src/cli/recursive/batches.js";

describe("defaultJobs", () => {
  it("is one less than the cores, at least one: one thread on a 2-core machine", () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores))).toEqual([1, 1, 2, 3, 15]);
  });
});

describe("batchSize", () => {
  it("starts at one pair, doubles, stops at MAX_BATCH, and shrinks to a share of what is left", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((given) => batchSize(given, 1000, 2))).toEqual([1, 2, 4, 8, 16, 16, 16]);
    expect(batchSize(9, 40, 2)).toBe(10);
    expect(batchSize(9, 3, 2)).toBe(1);
  });

  it("is always between 1 and MAX_BATCH, and never more than is left", () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 64 }), (given, left, threads) => {
        const size = batchSize(given, left, threads);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(Math.min(MAX_BATCH, left));
      }),
    );
  });
});

describe("Unclaimed", () => {
  it("gives out every pair exactly once, however single pairs, runs and pairs given back mix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.constant(-1)), { maxLength: 400 }), (total, steps) => {
        const unclaimed = new Unclaimed(total);
        const held: number[] = [];
        const seen: number[] = [];
        for (const step of steps) {
          if (step === 0) {
            const one = unclaimed.one();
            if (one !== undefined) seen.push(one);
          } else if (step > 0) held.push(...unclaimed.run(step));
          else unclaimed.giveBack(held.splice(0));
        }
        unclaimed.giveBack(held.splice(0));
        for (let one = unclaimed.one(); one !== undefined; one = unclaimed.one()) seen.push(one);
        expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(unclaimed.left).toBe(0);
      }),
    );
  });
});
