// On every pair of ../shared/corpus, the review page in chromium stops at every change: the
// navigator counts as many stops as the header counts changes, and as the edit script names.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { isStop } from "../../src/render/html/stops.js";
import { haveChromium, startBrowser, type Browser } from "../support/chromium.js";
import { corpusEntries, corpusPresent, readPair } from "../support/corpus.js";

if (!corpusPresent) console.warn("SKIPPED: stops on the corpus pages: ../shared/corpus is absent");

describe.skipIf(!haveChromium || !corpusPresent)("every change of a corpus pair is a stop of its review page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { name, mode } of corpusEntries()) {
    it(name, { timeout: 180_000 }, async () => {
      const { a, b } = readPair(name, mode);
      const script = diffDocuments(a, b, { mode });
      const expected = script.changes.filter((_, i) => isStop(script.changes, i)).length;
      const { page } = await browser.open(name, renderPage(script));
      const shown = (await page.evaluate(`({ position: document.getElementById("htmldiff-position").textContent, total: document.querySelector("#htmldiff-total b").textContent })`)) as {
        position: string;
        total: string;
      };
      await page.close();
      expect(shown).toEqual({ position: `– / ${expected}`, total: String(expected) });
    });
  }
});
