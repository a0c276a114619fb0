// The corpus check shared by the corpus test files: each pair's HTML output and review page give
// back both documents exactly (as event streams; the XML source view as text) and parse as meant.

import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/inline-html.js";
import { renderPage } from "../../src/render/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { corpusPresent, corpusShare, readPair } from "./corpus.js";
import { eventLines, firstEventDifference, parse5Checker } from "./html-check.js";

/** Declares the round-trip tests for share `index` of `count`; says so, visibly, when the corpus is absent. */
export function describeCorpusRoundTrips(index: number, count: number): void {
  if (!corpusPresent) console.warn("SKIPPED: corpus round trips: ../shared/corpus is absent");
  describe(`corpus pairs, share ${index + 1} of ${count}: round trips through HTML output, parsed as meant`, () => {
    it.skipIf(!corpusPresent)("has pairs to check", () => {
      expect(corpusShare(index, count).length).toBeGreaterThan(0);
    });
    for (const { name, mode } of corpusShare(index, count)) {
      it.skipIf(!corpusPresent)(`${name} (${mode})`, () => {
        const { a, b } = readPair(name, mode);
        // The script goes out of scope once both outputs exist: these documents are large.
        const outputs = ((script) => [["html", renderHtml(script)], ["page", renderPage(script)]] as const)(diffDocuments(a, b, { mode }));
        const check = parse5Checker({ a, b });
        const [linesA, linesB] = [eventLines(a, mode), eventLines(b, mode)];
        for (const [format, output] of outputs) {
          if (mode === "xml") expect(accept(output), `${format}: accept`).toBe(b);
          else expect(firstEventDifference(accept(output), linesB, mode), `${format}: accept`).toBeNull();
          expect(firstEventDifference(reject(output), linesA, mode), `${format}: reject`).toBeNull();
          expect(check(output), `${format}: parse5`).toBeNull();
        }
      }, 300_000); // A guard, not a timing: the largest pairs take about a minute here, several under load.
    }
  });
}
