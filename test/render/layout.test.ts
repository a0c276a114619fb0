// The layout's runs of unchanged kept items: what the writer and the page skip whole.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { BOTH, keptRunEnd, layoutOf, type LayoutItems } from "../../src/render/html/layout.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";

/** The runs read item by item: each longest run of kept items of no change. */
function runsByItem(items: LayoutItems): number[] {
  const runs: number[] = [];
  for (let k = 0; k < items.length; k++) {
    if (items.side[k] !== BOTH || items.change[k] !== -1) continue;
    const start = k;
    while (k + 1 < items.length && items.side[k + 1] === BOTH && items.change[k + 1] === -1) k++;
    runs.push(start, k + 1);
  }
  return runs;
}

describe("kept runs", () => {
  it("are the longest runs of unchanged kept items, their tokens following each other", () => {
    const page = (body: string): string => `<html><body>${"<p>same text here</p>".repeat(3)}${body}${"<p>and here</p>".repeat(3)}</body></html>`;
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([a, b]) => {
        for (const [x, y] of [
          [a, b],
          [page(a), page(b)],
        ] as const) {
          const { items } = layoutOf(diffDocuments(x, y, { mode: "html" }));
          expect([...items.keptRuns]).toEqual(runsByItem(items));
          for (let k = 0; k < items.length; k++) {
            const end = keptRunEnd(items, k);
            expect(end > k).toBe(items.side[k] === BOTH && items.change[k] === -1);
            if (end > k + 1) expect([items.token[k + 1]! - items.token[k]!, items.aToken[k + 1]! - items.aToken[k]!]).toEqual([1, 1]);
          }
        }
      }),
      fcParams(200),
    );
  });
});
