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

  it("shows the old or the new document alone, and both side by side, scrolled together", async () => {
    const paragraphs = (edit: (i: number) => string | null) =>
      Array.from({ length: 80 }, (_, i) => edit(i))
        .filter((p) => p !== null)
        .join("\n");
    const a = `<h1>Title</h1>\n${paragraphs((i) => `<p id="p${i}">paragraph ${i} ${i === 5 ? "old words here" : "as it was"}</p>`)}`;
    const b = `<h1>Title</h1>\n${paragraphs((i) => (i === 20 ? null : `<p id="p${i}">paragraph ${i} ${i === 5 ? "new words here" : "as it was"}</p>${i === 40 ? `\n<p>an inserted paragraph</p>` : ""}`))}`;
    const { page } = await browser.open("views", renderPage(diffDocuments(a, b)));
    /** Which of these texts are shown (have a box) in the element a selector names. */
    const shown = (root: string, texts: string[]) =>
      page.evaluate(`(() => {
        const root = document.querySelector(${JSON.stringify(root)});
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const found = new Set();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          if (range.getClientRects().length) for (const text of ${JSON.stringify(texts)}) if (node.data.includes(text)) found.add(text);
        }
        return [...found].sort();
      })()`) as Promise<string[]>;
    const texts = ["old", "new", "paragraph 20 as", "an inserted paragraph"];
    expect(await shown("#htmldiff-doc", texts)).toEqual(texts.slice().sort());
    await page.click('#htmldiff-views button[data-view="old"]');
    expect(await shown("#htmldiff-doc", texts)).toEqual(["old", "paragraph 20 as"]);
    await page.click('#htmldiff-views button[data-view="new"]');
    expect(await shown("#htmldiff-doc", texts)).toEqual(["an inserted paragraph", "new"]);
    await page.click('#htmldiff-views button[data-view="split"]');
    expect(await page.getAttribute('#htmldiff-views button[data-view="split"]', "aria-pressed")).toBe("true");
    expect(await shown(".hd-pane-old", texts)).toEqual(["old", "paragraph 20 as"]);
    expect(await shown(".hd-pane-new", texts)).toEqual(["an inserted paragraph", "new"]);
    const boxes = (await page.evaluate(`[".hd-pane-old", ".hd-pane-new"].map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.width]; })`)) as number[][];
    expect(boxes[0]![0]).toBeLessThan(boxes[1]![0]!);
    expect(Math.abs(boxes[0]![1]! - boxes[1]![1]!)).toBeLessThan(2);
    // Scrolled in either pane, the other follows: the same paragraph stands at the same height in both.
    const top = (pane: string, id: string) => page.evaluate(`document.querySelector("${pane} #${id}").getBoundingClientRect().top`) as Promise<number>;
    for (const [from, id] of [
      [".hd-pane-new", "p60"],
      [".hd-pane-old", "p30"],
      [".hd-pane-new", "p10"],
    ] as const) {
      await page.evaluate(
        `(() => { const pane = document.querySelector("${from}"); pane.scrollTop += document.querySelector("${from} #${id}").getBoundingClientRect().top - pane.getBoundingClientRect().top; })()`,
      );
      // The other pane follows on the next frame (the page's policy allows no waitForFunction).
      for (let tries = 0; tries < 100 && Math.abs((await top(".hd-pane-old", id)) - (await top(".hd-pane-new", id))) >= 3; tries++) await page.waitForTimeout(20);
      expect(Math.abs((await top(".hd-pane-old", id)) - (await top(".hd-pane-new", id)))).toBeLessThan(3);
    }
    // The changes are still stops: a deletion is shown where the old pane has it.
    await page.keyboard.press("n");
    await page.keyboard.press("n");
    const marked = (await page.evaluate(
      `[...document.querySelectorAll(".htmldiff-current")].filter((el) => el.getClientRects().length).map((el) => [el.closest(".hd-pane").className, el.textContent.trim()])`,
    )) as string[][];
    expect(marked).toContainEqual(["hd-pane hd-pane-old", expect.stringContaining("paragraph 20")]);
    await page.click('#htmldiff-views button[data-view="marked"]');
    expect(await shown("#htmldiff-doc", texts)).toEqual(texts.slice().sort());
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
