// The review page as a reviewer uses it, in Debian's chromium: every change is a stop, the
// tooltip, the panel of changes the page cannot show, caps on unsized pictures, a second cue
// beyond colour, the whitespace toggle, deep links. Browser-side code is given as text: this
// project's TypeScript has no DOM types.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { haveChromium, startBrowser, type Browser, CHROMIUM } from "../support/chromium.js";
import { runCli } from "../support/cli.js";
import { join } from "node:path";

const HOSTILE = join(import.meta.dirname, "../../fixtures/hostile");

if (!haveChromium) console.warn(`SKIPPED: review page tests: ${CHROMIUM} is missing (.ci/run installs it)`);

/** The navigator's text and the header's count of changes. */
function counts(page: Page): Promise<{ position: string; total: string }> {
  return page.evaluate(`({ position: document.getElementById("htmldiff-position").textContent, total: document.querySelector("#htmldiff-total b").textContent })`) as Promise<{
    position: string;
    total: string;
  }>;
}

/** The text of the elements of the current stop, and whether the first is inside the window. */
function current(page: Page): Promise<{ texts: string[]; visible: boolean }> {
  return page.evaluate(`(() => {
    const els = [...document.querySelectorAll(".htmldiff-current")];
    const box = els[0] && els[0].getBoundingClientRect();
    return { texts: els.map((el) => el.textContent.trim()), visible: !!box && box.top >= 0 && box.top < innerHeight };
  })()`) as Promise<{ texts: string[]; visible: boolean }>;
}

/** The header's total and the sum of its parts (each part's leading number), as the page shows them now. */
function header(page: Page): Promise<{ total: number; parts: number; text: string }> {
  return page.evaluate(`(() => {
    const items = [...document.querySelectorAll("#htmldiff-bar .hd-counts li")].filter((li) => !li.hidden);
    const number = (li) => Number(li.querySelector("b").textContent);
    const parts = items.filter((li) => li.id !== "htmldiff-total").reduce((sum, li) => sum + number(li), 0);
    return { total: number(document.getElementById("htmldiff-total")), parts, text: items.map((li) => li.textContent).join(" \u00b7 ") };
  })()`) as Promise<{ total: number; parts: number; text: string }>;
}

describe.skipIf(!haveChromium)("the review page for a reviewer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("stops at each change, a container's attribute change included, and counts them as the header does", async () => {
    const a = `<!DOCTYPE html><html class="no-js"><head><title>T</title></head><body>\n<p>one two three</p>\n<p>four five six</p>\n</body></html>`;
    const b = `<!DOCTYPE html><html class="js"><head><title>T</title></head><body>\n<p>one TWO three</p>\n<p>four five SIX</p>\n</body></html>`;
    const { page } = await browser.open("stops", renderPage(diffDocuments(a, b)));
    expect(await counts(page)).toEqual({ position: "– / 3", total: "3" });
    const seen: string[][] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("n");
      seen.push((await current(page)).texts);
    }
    expect(seen[1]).toEqual(["two", "TWO"]);
    expect(seen[2]).toEqual(["six", "SIX"]);
    // The container's change is a badge at its start, not a box the size of the page.
    await page.keyboard.press("n");
    const badge = (await page.evaluate(
      `(() => { const el = document.querySelector(".htmldiff-current"); return { shadow: getComputedStyle(el).boxShadow, badge: getComputedStyle(el, "::before").content }; })()`,
    )) as { shadow: string; badge: string };
    expect(badge.shadow).toBe("none");
    expect(badge.badge).not.toBe("none");
  });

  it("shows the document's own old and new values near the pointer, never the page's classes", async () => {
    const paragraphs = Array.from({ length: 80 }, (_, i) => `<p>paragraph ${i}</p>`).join("\n");
    const a = `<div class="no-js" id="x">\n${paragraphs}\n</div><p class="a">short</p>`;
    const b = `<div id="x">\n${paragraphs}\n</div><p class="b">short</p>`;
    const { page } = await browser.open("tooltip", renderPage(diffDocuments(a, b)));
    const tip = () =>
      page.evaluate(
        `(() => { const t = document.getElementById("htmldiff-tip"); const r = t.getBoundingClientRect(); return { hidden: t.hidden, text: t.textContent, left: r.left, top: r.top, bottom: r.bottom }; })()`,
      ) as Promise<{ hidden: boolean; text: string; left: number; top: number; bottom: number }>;
    await page.hover("p.diff-attrs");
    expect((await tip()).text).toBe('class: "a" \u2192 "b"');
    // The tall container: hovered at its start (the badge), the tip is next to the pointer, inside the window.
    await page.evaluate("scrollTo(0, 0)");
    const start = (await page.evaluate(`(() => { const r = document.querySelector("div.diff-attrs").getBoundingClientRect(); return { x: r.left + 4, y: r.top + 6 }; })()`)) as {
      x: number;
      y: number;
    };
    await page.mouse.move(start.x, start.y);
    const shown = await tip();
    expect(shown.hidden).toBe(false);
    expect(shown.text).toBe('class: "no-js" \u2192 (removed)');
    expect(shown.bottom).toBeLessThanOrEqual(760);
    expect(Math.abs(shown.top - start.y)).toBeLessThan(60);
    expect(Math.abs(shown.left - start.x)).toBeLessThan(60);
  });

  it("lists what the page cannot show in a panel, each a stop that says what it is", async () => {
    const a = `<html><head><title>Old title</title><meta name="description" content="old words"></head><body>\n<p>alpha beta</p>\n<p>gamma</p>\n</body></html>`;
    const b = `<html><head><title>New title</title><meta name="description" content="new words"></head><body>\n<p>alpha BETA</p>\n\n<p>gamma</p>\n</body></html>`;
    const { page } = await browser.open("hidden", renderPage(diffDocuments(a, b)));
    const panel = (await page.evaluate(
      `(() => { const p = document.getElementById("htmldiff-hidden"); return { hidden: p.hidden, summary: p.querySelector("summary").textContent, items: [...p.querySelectorAll("li")].map((li) => li.textContent) }; })()`,
    )) as { hidden: boolean; summary: string; items: string[] };
    expect(panel.hidden).toBe(false);
    expect(panel.summary).toBe("not shown on the page: 3");
    expect(panel.items.join("\n")).toContain('in <title> "Old" \u2192 "New"');
    expect(panel.items.join("\n")).toContain('content: "old words" \u2192 "new words"');
    expect(await counts(page)).toEqual({ position: "– / 4", total: "4" });
    const notes: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("n");
      notes.push((await page.evaluate(`(() => { const n = document.getElementById("htmldiff-note"); return n.hidden ? "" : n.textContent; })()`)) as string);
    }
    expect(notes.filter((n) => n.startsWith("not shown on the page")).length).toBe(3);
  });

  it("caps unsized pictures and keeps sized ones", async () => {
    const svg = `<svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>`;
    const a = `<p>${svg}<svg width="200" height="300" viewBox="0 0 2 3"><path d="M0 0h2v3H0z"/></svg><video></video></p><p>old</p>`;
    const b = a.replace("old", "new");
    const { page } = await browser.open("caps", renderPage(diffDocuments(a, b)));
    const sizes = (await page.evaluate(
      `[...document.querySelectorAll("#htmldiff-doc svg, #htmldiff-doc video")].map((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; })`,
    )) as [number, number][];
    expect(sizes[0]![1]).toBeLessThanOrEqual(64);
    expect(sizes[0]![0]).toBeLessThanOrEqual(64);
    expect(sizes[1]).toEqual([200, 300]);
    expect(sizes[2]![1]).toBeLessThanOrEqual(160);
  });

  it("marks inserted and deleted blocks with a bar whose shape differs, beyond their colours", async () => {
    const a = `<ul><li>one</li><li>two</li></ul><p>kept</p>`;
    const b = `<ul><li>one</li></ul><p>kept</p><p>added paragraph</p>`;
    const { page } = await browser.open("cues", renderPage(diffDocuments(a, b)));
    const bar = (selector: string) =>
      page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('${selector}')); return s.borderLeftStyle + " " + s.borderLeftWidth; })()`) as Promise<string>;
    const inserted = await bar('ins[data-diff-wrap="ins"]');
    const deleted = await bar('li[data-diff~="del"]');
    expect(inserted).not.toMatch(/^none/);
    expect(deleted).not.toMatch(/^none/);
    expect(inserted.split(" ")[0]).not.toBe(deleted.split(" ")[0]);
  });

  it("hides whitespace-only changes with a toggle, in the marks, the navigator and the header", async () => {
    const a = `<p>alpha beta</p>\n<p>gamma  delta</p>`;
    const b = `<p>alpha BETA</p>\n<p>gamma delta</p>`;
    const { page } = await browser.open("whitespace", renderPage(diffDocuments(a, b)));
    expect(await counts(page)).toEqual({ position: "– / 2", total: "2" });
    expect(await page.textContent("#htmldiff-total")).toBe("2 changes");
    await page.check("#htmldiff-ws");
    expect(await counts(page)).toEqual({ position: "– / 1", total: "1" });
    expect(await page.textContent("#htmldiff-total")).toBe("1 change");
    const shown = (await page.evaluate(`[...document.querySelectorAll("#htmldiff-doc del[data-diff-wrap]")].filter((el) => el.getClientRects().length > 0).map((el) => el.textContent)`)) as string[];
    expect(shown).toEqual(["beta"]);
    await page.uncheck("#htmldiff-ws");
    expect(await counts(page)).toEqual({ position: "– / 2", total: "2" });
  });

  it("shows a change of white space that takes room on the page with visible signs, the text as it is", async () => {
    const a = `<p>Price:&nbsp;10 EUR</p>\n<p>Two  spaces, a\ttab.</p>\n<pre>one\ntwo</pre>`;
    const b = `<p>Price: 10 EUR</p>\n<p>Two spaces, a tab.</p>\n<pre>one two</pre>`;
    const html = renderPage(diffDocuments(a, b));
    const { page } = await browser.open("signs", html);
    const marks = () =>
      page.evaluate(
        `[...document.querySelectorAll("#htmldiff-doc :is(ins, del)[data-diff-wrap]")].map((el) => el.localName + " " + JSON.stringify(el.textContent) + " " + (el.getClientRects().length ? getComputedStyle(el, "::before").content : "hidden"))`,
      ) as Promise<string[]>;
    expect(await marks()).toEqual([
      'del "\u00a0" "\u237d"',
      'ins " " "\u00b7"',
      'del "  " "\u00b7\u00b7"',
      'ins " " "\u00b7"',
      'del "\\t" "\u2192"',
      'ins " " "\u00b7"',
      'del "\\n" "\u21b5"',
      'ins " " "\u00b7"',
    ]);
    // Shown on the page, so not in the panel of what it cannot show; each a stop that is highlighted.
    expect(await page.evaluate(`document.getElementById("htmldiff-hidden").hidden`)).toBe(true);
    await page.keyboard.press("n");
    expect([(await counts(page)).position, (await current(page)).texts.length]).toEqual(["1 / 4", 2]);
    expect(await page.evaluate(`document.getElementById("htmldiff-note").textContent`)).not.toMatch(/^not shown/);
    await page.check("#htmldiff-ws");
    expect((await marks()).filter((mark) => !mark.endsWith(" none") && !mark.endsWith(" hidden"))).toEqual([]);
    expect([accept(html), reject(html)]).toEqual([b, a]);
  });

  it("goes to the change a #change-N link names, and names the current change in the address", async () => {
    const a = `<p>one</p><p>two</p><p>three</p>`;
    const b = `<p>ONE</p><p>TWO</p><p>THREE</p>`;
    const { page } = await browser.open("links", renderPage(diffDocuments(a, b)), "#change-2");
    expect((await counts(page)).position).toBe("2 / 3");
    expect((await current(page)).texts).toEqual(["two", "TWO"]);
    await page.keyboard.press("n");
    // Read in the page: Playwright learns of a replaceState some time after the key press.
    expect(await page.evaluate("location.hash")).toBe("#change-3");
  });

  it("neutralises the documents' scripts in --fragment output as the page does, and keeps them with --keep-scripts", async () => {
    const host = (fragment: string) => `<!DOCTYPE html><html><head><title>host</title></head><body>${fragment}</body></html>`;
    const pair = [join(HOSTILE, "old.html"), join(HOSTILE, "new.html")];
    const safe = await runCli(["-f", "html", "--fragment", ...pair]);
    expect(safe.status).toBe(1);
    const { page, requests } = await browser.open("fragment-safe", host(safe.stdout));
    await page.click(".diff >> text=click");
    await page.waitForTimeout(300);
    expect(await page.evaluate('Object.keys(window).filter((key) => key.startsWith("ran"))')).toEqual([]);
    expect(requests).toEqual([]);
    const kept = await runCli(["-f", "html", "--fragment", "--keep-scripts", ...pair]);
    const opened = await browser.open("fragment-kept", host(kept.stdout));
    await opened.page.waitForTimeout(300);
    expect(await opened.page.evaluate('Object.keys(window).filter((key) => key.startsWith("ran"))')).toContain("ranSvgScript");
  });

  it("shows an SVG pair's old and new pictures side by side above the marked source, loading nothing", async () => {
    const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/><image href="http://example.invalid/x.png"/></svg>`;
    const { page, requests } = await browser.open("pictures", renderPage(diffDocuments(svg("red"), svg("blue"), { mode: "xml" })));
    const pictures = (await page.evaluate(`[...document.querySelectorAll("#htmldiff-doc figure img")].map((img) => [img.naturalWidth, img.closest("figure").textContent.trim()])`)) as [
      number,
      string,
    ][];
    expect(pictures).toEqual([
      [40, "old"],
      [40, "new"],
    ]);
    expect(await page.evaluate(`document.querySelector("#htmldiff-doc figure").getBoundingClientRect().top < document.querySelector("pre.diff-source").getBoundingClientRect().top`)).toBe(true);
    expect(requests).toEqual([]);
  });

  it("filters the stops by kind with the legend's chips, counting in the header what it stops at", async () => {
    const a = `<p>one <a href="/x">two</a> three</p><p>kept words</p>`;
    const b = `<p>one <a href="/y">two</a> three four</p><p>kept</p>`;
    const { page } = await browser.open("chips", renderPage(diffDocuments(a, b)));
    expect(await counts(page)).toEqual({ position: "– / 3", total: "3" });
    await page.click('#htmldiff-bar button[data-kind="attributes"]');
    expect(await counts(page)).toEqual({ position: "– / 2", total: "2" });
    expect(await page.getAttribute('#htmldiff-bar button[data-kind="attributes"]', "aria-pressed")).toBe("false");
    await page.click('#htmldiff-bar button[data-kind="insert"]');
    expect(await counts(page)).toEqual({ position: "– / 1", total: "1" });
    await page.keyboard.press("n");
    expect((await current(page)).texts).toEqual(["words"]);
  });

  it("counts in the header's parts each change its total counts, also as chips and the white-space toggle take some out", async () => {
    const moved = "<p>This paragraph is long enough to be found moved elsewhere.</p>";
    const kept = "<p>A long kept paragraph that stays where it is, with many words in it, more than the moved one has.</p>";
    const a = `${moved}${kept}<p>one <a href="/x">two</a> three</p><p>kept words</p><p>gone  here</p><p><b>bold</b> text</p><p>Run <strong>the example</strong> now.</p>${kept}`;
    const b = `${kept}<p>one <a href="/y">two</a> three four</p><p>kept</p><p>gone here</p><p><i>bold</i> text</p><p>Run the example now.</p>${kept}${moved}`;
    const { page } = await browser.open("header", renderPage(diffDocuments(a, b)));
    const seen = [await header(page)];
    for (const kind of ["attributes", "insert", "move", "tag"]) {
      await page.click(`#htmldiff-bar button[data-kind="${kind}"]`);
      seen.push(await header(page));
    }
    await page.check("#htmldiff-ws");
    seen.push(await header(page));
    for (const shown of seen) expect(shown.parts, shown.text).toBe(shown.total);
    expect(seen[0]!.text).toBe("9 changes \u00b7 1 inserted \u00b7 3 deleted \u00b7 1 replaced \u00b7 2 moved (1 away, 1 here) \u00b7 1 renamed \u00b7 1 attributes changed");
    expect(seen.map((shown) => shown.total)).toEqual([9, 8, 7, 5, 4, 3]);
  });

  it("opens the list of changes on its first item, with no blank space between items", async () => {
    const a = Array.from({ length: 60 }, (_, i) => `<p>paragraph ${i} says old words</p>`).join("\n");
    const b = Array.from({ length: 60 }, (_, i) => `<p>paragraph ${i} says new words</p>`).join("\n");
    const { page } = await browser.open("list", renderPage(diffDocuments(a, b)));
    await page.click("#htmldiff-list summary");
    const list = (await page.evaluate(`(() => {
      const ol = document.querySelector("#htmldiff-list ol");
      const box = ol.getBoundingClientRect();
      const items = [...ol.querySelectorAll("li")].map((li) => li.getBoundingClientRect());
      const gaps = items.slice(1).map((item, i) => item.top - items[i].bottom);
      return { count: items.length, boxTop: box.top, boxBottom: box.bottom, firstTop: items[0].top, firstBottom: items[0].bottom, widestGap: Math.max(...gaps), scrollHeight: ol.scrollHeight, itemsHeight: items.reduce((sum, item) => sum + item.height, 0) };
    })()`)) as { count: number; boxTop: number; boxBottom: number; firstTop: number; firstBottom: number; widestGap: number; scrollHeight: number; itemsHeight: number };
    expect(list.count).toBe(60);
    expect(list.firstTop).toBeGreaterThanOrEqual(list.boxTop);
    expect(list.firstBottom).toBeLessThanOrEqual(list.boxBottom);
    expect(list.firstTop - list.boxTop).toBeLessThan(4);
    expect(list.widestGap).toBeLessThan(1);
    // Nothing but the items fills the panel: its scrolled height is theirs.
    expect(list.scrollHeight).toBeLessThan(list.itemsHeight + 4);
  });

  it("numbers the lines of a source view and folds long unchanged runs, giving both documents back", async () => {
    const lines = (changed: string) => Array.from({ length: 60 }, (_, i) => `  <item n="${i + 2}">${i === 38 ? changed : `line ${i + 2}`}</item>`).join("\n");
    const [a, b] = [`<list>\n${lines("old words")}\n</list>\n`, `<list>\n${lines("new words")}\n</list>\n`];
    const html = renderPage(diffDocuments(a, b, { mode: "xml" }));
    expect([accept(html), reject(html)]).toEqual([b, a]);
    const { page } = await browser.open("source-lines", html);
    const state = () =>
      page.evaluate(`(() => {
      const ins = document.querySelector("pre.diff-source ins");
      const numbers = [...document.querySelectorAll("pre.diff-source [data-diff-line]")];
      const before = numbers.filter((n) => n.compareDocumentPosition(ins) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
      const folded = [...document.querySelectorAll("pre.diff-source [data-diff-fold]")];
      return { line: before && before.getAttribute("data-diff-line"), folds: folded.map((f) => f.getClientRects().length > 0), label: (document.querySelector(".hd-fold") || { getAttribute: () => null }).getAttribute("data-label") };
    })()`) as Promise<{ line: string; folds: boolean[]; label: string }>;
    const shown = await state();
    expect(shown.line).toBe("40");
    expect(shown.folds).toEqual([false, false]);
    expect(shown.label).toMatch(/^\d+ unchanged lines$/);
    await page.click(".hd-fold");
    expect((await state()).folds[0]).toBe(true);
  });
});
