// The corpus check shared by the corpus test files: each pair's HTML output and review page give
// back both documents exactly (HTML: the same text, so the same bytes once encoded; the XML
// source view: the new source text, and the old one's events) and parse as meant.

import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { corpusPresent, corpusShare, readPair } from "./corpus.js";
import { eventLines, firstEventDifference, parse5Checker } from "./html-check.js";

/** Where two texts first differ, with a little of each around it, or null when they are the same. */
function firstTextDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 40), i + 40));
  return `offset ${i}: got ${around(actual)}, expected ${around(expected)}`;
}

/** Declares the round-trip tests for share `index` of `count`; says so, visibly, when the corpus is absent. */
export function describeCorpusRoundTrips(index: number, count: number): void {
  if (!corpusPresent) console.warn("SKIPPED: corpus round trips: ../shared/corpus is absent");
  describe(`corpus pairs, share ${index + 1} of ${count}: round trips through HTML output, parsed as meant`, () => {
    it.skipIf(!corpusPresent)("has pairs to check", () => {
      expect(corpusShare(index, count).length).toBeGreaterThan(0);
    });
    for (const { name, mode } of corpusShare(index, count)) {
      it.skipIf(!corpusPresent)(
        `${name} (${mode})`,
        () => {
          const { a, b } = readPair(name, mode);
          // The script goes out of scope once both outputs exist: these documents are large.
          const outputs = ((script) =>
            [
              ["html", renderHtml(script)],
              ["page", renderPage(script)],
            ] as const)(diffDocuments(a, b, { mode }));
          const check = parse5Checker({ a, b });
          const [linesA, linesB] = [eventLines(a, mode), eventLines(b, mode)];
          for (const [format, output] of outputs) {
            const [accepted, rejected] = [accept(output), reject(output)];
            if (mode === "xml") expect(accepted, `${format}: accept`).toBe(b);
            else {
              expect(firstEventDifference(accepted, linesB, mode), `${format}: accept`).toBeNull();
              expect(firstTextDifference(accepted, b), `${format}: accept, byte for byte`).toBeNull();
              expect(firstTextDifference(rejected, a), `${format}: reject, byte for byte`).toBeNull();
            }
            expect(firstEventDifference(rejected, linesA, mode), `${format}: reject`).toBeNull();
            expect(check(output), `${format}: parse5`).toBeNull();
          }
        },
        300_000,
      ); // A guard, not a timing: the largest pairs take about a minute here, several under load.
    }
  });
}
