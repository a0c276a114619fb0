// The review page as fine as the terminal: where the HTML content model makes the page delete
// and insert a whole element again (a paragraph split into a list), the words that changed
// inside it are marked word by word, as `-f text` marks them.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { haveChromium, startBrowser, type Browser } from "../support/chromium.js";
import { corpusPresent, readPair } from "../support/corpus.js";
import { runCli } from "../support/cli.js";
import { join } from "node:path";
import { CORPUS } from "../support/corpus.js";

/**
 * Goes through every stop with `n`; per stop, the marks it highlights that read as deleted or
 * inserted (struck through or underlined; a replaced element's calm box is neither): their
 * tag name and text.
 */
async function marksPerStop(page: Page): Promise<{ tag: string; text: string }[][]> {
  const total = Number(await page.evaluate(`document.querySelector("#htmldiff-total b").textContent`));
  const seen: { tag: string; text: string }[][] = [];
  for (let i = 0; i < total; i++) {
    await page.keyboard.press("n");
    seen.push(
      (await page.evaluate(`[...document.querySelectorAll(".htmldiff-current")]
        .filter((el) => /line-through|underline/.test(getComputedStyle(el).textDecorationLine))
        .map((el) => ({ tag: el.localName, text: el.textContent }))`)) as { tag: string; text: string }[],
    );
  }
  return seen;
}

/** Text without markup and white space (and the terminal's ␊ for an inserted line break), to compare what the page and the terminal mark. */
const bare = (text: string): string => text.replace(/<[^>]*>/g, "").replace(/[\s\u240a]+/g, "");

describe.skipIf(!haveChromium)("the review page marks words inside an element it had to replace whole", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!corpusPresent)("marks the words of paragraphs split into lists as the terminal does (ecma402-numberformat-lists)", async () => {
    const name = "ecma402-numberformat-lists";
    const { a, b } = readPair(name, "html");
    const text = await runCli(["-f", "text", "-U", "0", join(CORPUS, name, "a.html"), join(CORPUS, name, "b.html")]);
    const pieces = (open: string, close: string): string => [...text.stdout.matchAll(new RegExp(`${open}([\\s\\S]*?)${close}`, "g"))].map((m) => m[1]).join("");
    const [deleted, inserted] = [bare(pieces("\\[-", "-\\]")), bare(pieces("\\{\\+", "\\+\\}"))];
    expect(deleted.length).toBeGreaterThan(20);
    const { page } = await browser.open(name, renderPage(diffDocuments(a, b)));
    const stops = await marksPerStop(page);
    const shown = (tag: string): string => bare(stops.flatMap((marks) => marks.filter((m) => m.tag === tag).map((m) => m.text)).join(""));
    // Each stop's marks hold its own words, not the whole paragraph they stand in.
    expect(shown("del")).toBe(deleted);
    expect(shown("ins")).toBe(inserted);
    // The words kept inside the replaced paragraph read as kept: not struck through.
    const kept = (await page.evaluate(`(() => {
      const walker = document.createTreeWalker(document.getElementById("htmldiff-doc"), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data.includes("Behaviour common to all service constructor")) return getComputedStyle(node.parentElement).textDecorationLine;
      }
      return "missing";
    })()`)) as string;
    expect(kept).toBe("none");
  });

  it("shows each change of a paragraph that had to be replaced whole on its own words", async () => {
    const a = `<p>One long paragraph. It is split in two.</p>`;
    const b = `<p>One long sentence.</p>\n<p>It is split in three.</p>`;
    const script = diffDocuments(a, b);
    const html = renderPage(script);
    expect([accept(html), reject(html)]).toEqual([b, a]);
    const { page } = await browser.open("split", html);
    const stops = await marksPerStop(page);
    expect(stops.map((marks) => marks.map((m) => `${m.tag}:${m.text}`).join(" "))).toContain("del:paragraph ins:sentence");
    expect(stops.map((marks) => marks.map((m) => `${m.tag}:${m.text}`).join(" "))).toContain("del:two ins:three");
    expect(await page.evaluate(`document.getElementById("htmldiff-hidden").hidden`)).toBe(true);
    // Each stop says which change it is.
    const notes = new Set<string>();
    for (let i = 0; i < script.changes.length; i++) {
      await page.keyboard.press("n");
      notes.add((await page.evaluate(`document.getElementById("htmldiff-note").textContent`)) as string);
    }
    expect(notes.size).toBe(script.changes.length);
  });
});
