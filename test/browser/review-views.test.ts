// The review page's views, in Debian's chromium: the marked document, the old one, the new one,
// and the two side by side, scrolled together; the source view's old and new line numbers.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { haveChromium, startBrowser, type Browser } from "../support/chromium.js";

/** Per line of the source view: its old and new numbers as the page shows them, and its text. */
function sourceLines(page: Page): Promise<{ old: string; now: string; text: string }[]> {
  return page.evaluate(`(() => {
    const pre = document.querySelector("pre.diff-source");
    const gutters = [...pre.querySelectorAll("[data-diff-line]")];
    const shown = (el, pseudo) => getComputedStyle(el, pseudo).content.replace(/^"|"$/g, "");
    return gutters.map((gutter, i) => {
      const range = document.createRange();
      range.setStartAfter(gutter);
      if (gutters[i + 1]) range.setEndBefore(gutters[i + 1]); else range.setEnd(pre, pre.childNodes.length);
      return { old: shown(gutter, "::before"), now: shown(gutter, "::after"), text: range.toString().replace(/\\n$/, "") };
    });
  })()`) as Promise<{ old: string; now: string; text: string }[]>;
}

describe.skipIf(!haveChromium)("the review page's views", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("numbers a source view's lines in both documents, a deleted line by its old number", async () => {
    const a = `<list>\n  <a>one</a>\n  <b>two</b>\n  <c>three</c>\n  <d>four</d>\n</list>\n`;
    const b = `<list>\n  <a>one</a>\n  <d>four</d>\n  <e>five</e>\n</list>\n`;
    const html = renderPage(diffDocuments(a, b, { mode: "xml" }));
    expect([accept(html), reject(html)]).toEqual([b, a]);
    const { page } = await browser.open("source-old-lines", html);
    const lines = await sourceLines(page);
    const at = (text: string) => lines.find((line) => line.text.includes(text));
    expect(at("<list>")).toMatchObject({ old: "1", now: "1" });
    expect(at("one")).toMatchObject({ old: "2", now: "2" });
    expect(at("two")).toMatchObject({ old: "3", now: "" });
    expect(at("three")).toMatchObject({ old: "4", now: "" });
    expect(at("four")).toMatchObject({ old: "5", now: "3" });
    expect(at("five")).toMatchObject({ old: "", now: "4" });
    expect(at("</list>")).toMatchObject({ old: "6", now: "5" });
  });
});
