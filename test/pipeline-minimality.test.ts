// Minimality (issue 17): the refine stage trades a little minimality for readability, never
// much. On 1,000 random pairs, the tokens the edit script changes stay within 5% of an optimal
// (Myers, minimal edit count) alignment of the same tokens, moves counted as changes on both.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, myersDiff } from "../src/index.js";
import type { Token } from "../src/types.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "./support/arbitraries.js";

/** The fewest tokens deleted and inserted that turn `a` into `b`, by their keys. */
function optimalChanges(a: readonly Token[], b: readonly Token[]): number {
  const ids = new Map<string, number>();
  const intern = (tokens: readonly Token[]): Int32Array => Int32Array.from(tokens, (t) => ids.get(t.key) ?? (ids.set(t.key, ids.size), ids.size - 1));
  const x = intern(a);
  const y = intern(b);
  return myersDiff(x, y)
    .opcodes.filter((o) => o.tag !== "equal")
    .reduce((n, o) => n + o.aEnd - o.aStart + o.bEnd - o.bStart, 0);
}

describe("minimality", () => {
  it("changes within 5% of the optimal count of tokens, over 1,000 random pairs", () => {
    let ours = 0;
    let optimal = 0;
    const pairs = fc.oneof(
      documentPair(htmlDocument(60)).map((p) => [p, "html"] as const),
      documentPair(xmlDocument(60)).map((p) => [p, "xml"] as const),
    );
    fc.assert(
      fc.property(pairs, ([[a, b], mode]) => {
        const script = diffDocuments(a, b, { mode });
        const best = optimalChanges(script.a.tokens, script.b.tokens);
        // Never fewer than optimal: the count is a true edit count.
        expect(script.stats.inserted + script.stats.deleted).toBeGreaterThanOrEqual(best);
        ours += script.stats.inserted + script.stats.deleted;
        optimal += best;
      }),
      fcParams(1000),
    );
    console.log(`minimality: ${ours} tokens changed where ${optimal} would do (${((ours / optimal - 1) * 100).toFixed(2)}% more)`);
    expect(ours, `${ours} tokens changed where ${optimal} would do`).toBeLessThanOrEqual(optimal * 1.05);
  });
});
