import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChangeRuns } from "../../src/render/html/layout.js";
import { fcParams } from "../support/arbitraries.js";

/** The change of each token, painted range after range: the later change holds a token two hold. */
function oracle(length: number, ranges: readonly number[]): number[] {
  const of = new Array<number>(length).fill(-1);
  for (let r = 0; r < ranges.length; r += 3) for (let t = ranges[r]!; t < ranges[r + 1]!; t++) of[t] = ranges[r + 2]!;
  return of;
}

describe("change runs", () => {
  it("give each token the change whose range holds it, for ranges in order, empty, overlapping or out of order", () => {
    const length = 40;
    const range = fc.tuple(fc.nat(length), fc.nat(length)).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);
    // Tiled in order (as the pipeline's changes are), or anywhere.
    const tiled = fc.array(fc.nat(6), { maxLength: 12 }).map((sizes) => {
      let at = 0;
      return sizes.flatMap((size, change) => {
        const start = at;
        at = Math.min(length, at + size + (change % 2));
        return [start, Math.min(length, start + size), change];
      });
    });
    const anywhere = fc.array(range, { maxLength: 8 }).map((ranges) => ranges.flatMap(([start, end], change) => [start, end, change]));
    fc.assert(
      fc.property(fc.oneof(tiled, anywhere), (ranges) => {
        const runs = new ChangeRuns(length, ranges);
        expect(Array.from({ length }, (_, t) => runs.at(t))).toEqual(oracle(length, ranges));
        // Asked in order (some tokens skipped, some asked twice), the same.
        const inOrder = runs.inOrder();
        const asked = Array.from({ length }, (_, t) => t).filter((t) => t % 3 !== 1);
        expect(asked.flatMap((t) => [inOrder(t), inOrder(t)])).toEqual(asked.flatMap((t) => [oracle(length, ranges)[t], oracle(length, ranges)[t]]));
      }),
      fcParams(300),
    );
  });
});
