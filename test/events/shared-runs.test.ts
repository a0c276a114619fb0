import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commonEnds } from "../../src/events/common-ends.js";
import { RUN_SEARCH, type RunSearch, sharedRuns } from "../../src/events/shared-runs.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";

/** Runs of `a` and `b` between their shared start and end, found with `search`. */
function runsOf(a: string, b: string, search: RunSearch) {
  const { head, tail } = commonEnds(a, b);
  return { head, endA: a.length - tail, endB: b.length - tail, runs: sharedRuns(a, b, head, a.length - tail, b.length - tail, search) };
}

describe("sharedRuns", () => {
  it("finds only text the two sides share, in order on both sides, between their first and last difference", () => {
    const search: RunSearch = { minLength: 4, probe: 3, reach: 32, tries: 5 };
    fc.assert(
      fc.property(documentPair(htmlDocument(80)), ([a, b]) => {
        const { head, endA, endB, runs } = runsOf(a, b, search);
        let [lastA, lastB] = [head, head];
        for (const run of runs) {
          expect(run.length).toBeGreaterThanOrEqual(search.minLength);
          expect(run.a).toBeGreaterThanOrEqual(lastA);
          expect(run.b).toBeGreaterThanOrEqual(lastB);
          expect(run.a + run.length).toBeLessThanOrEqual(endA);
          expect(run.b + run.length).toBeLessThanOrEqual(endB);
          expect(a.slice(run.a, run.a + run.length)).toBe(b.slice(run.b, run.b + run.length));
          [lastA, lastB] = [run.a + run.length, run.b + run.length];
        }
      }),
      fcParams(1500),
    );
  });

  it("finds the text between edits spread through a long document, whether words were replaced, added or removed", () => {
    const words = Array.from({ length: 6000 }, (_, i) => `w${(i * 7919) % 5003}`);
    const paragraphs = (edit: (word: string, i: number) => string) => {
      const out: string[] = [];
      for (let i = 0; i < words.length; i += 40)
        out.push(
          `<p class=c${i % 3}>${words
            .slice(i, i + 40)
            .map((w, k) => edit(w, i + k))
            .join(" ")}</p>\n`,
        );
      return out.join("");
    };
    const a = paragraphs((w) => w);
    // One word in a hundred replaced, doubled or dropped.
    const b = paragraphs((w, i) => (i % 100 !== 50 ? w : i % 300 === 50 ? "new" : i % 300 === 150 ? `${w} ${w}` : ""));
    const { head, endA, runs } = runsOf(a, b, RUN_SEARCH);
    // A run from the first tag after each edit to the next edit: what lies between two runs is one edit and the words after it in its paragraph.
    expect(runs.length).toBe(59);
    const gaps = runs.map((run, i) => run.a - (i === 0 ? head : runs[i - 1]!.a + runs[i - 1]!.length));
    expect(Math.max(...gaps, endA - runs.at(-1)!.a - runs.at(-1)!.length)).toBeLessThan(300);
  });
});
