// The review page in Debian's chromium (driven by playwright-core, never a downloaded browser):
// insertions and deletions look different, `n` moves to the next change, a hostile document runs no
// script and requests nothing; a Latin-1 page's output and the page --accept gives back show its text. UPDATE_SCREENSHOTS=1 also saves the
// README's screenshots in docs/ (two review pages, and the terminal output drawn from its colours).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { runCli } from "../support/cli.js";
import { type Browser, CHROMIUM, haveChromium, startBrowser } from "../support/chromium.js";
import { corpusPresent, readPair } from "../support/corpus.js";

const DOCS = join(import.meta.dirname, "../../docs");
const HOSTILE = join(import.meta.dirname, "../../fixtures/hostile");

if (!haveChromium) console.warn(`SKIPPED: browser tests: ${CHROMIUM} is missing (.ci/run installs it)`);
if (!corpusPresent) console.warn("SKIPPED: browser test of a corpus page: ../shared/corpus is absent");

describe.skipIf(!haveChromium)("the review page in chromium", () => {
  /** A folder for the documents and outputs the tests write (the browser keeps its own). */
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-page-"));
  let browser: Browser;

  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page written to a file, recording every request other than the page itself. */
  const open = (name: string, html: string) => browser.open(name, html);

  it.skipIf(!corpusPresent)("shows insertions and deletions differently and moves to the next change with n", async () => {
    const { a, b } = readPair("ant-zip-examples-moved", "html");
    const { page } = await open("corpus", renderPage(diffDocuments(a, b), { oldLabel: "a.html", newLabel: "b.html" }));
    const style = (selector: string) =>
      page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('${selector}')); return { background: s.backgroundColor, decoration: s.textDecorationLine }; })()`) as Promise<{
        background: string;
        decoration: string;
      }>;
    const inserted = await style('ins[data-diff-wrap="ins"]');
    const deleted = await style('del[data-diff-wrap="del"]');
    expect(inserted.decoration).toBe("underline");
    expect(deleted.decoration).toBe("line-through");
    expect(inserted.background).not.toBe(deleted.background);
    // Browser-side code is given as text: this project's TypeScript has no DOM types.
    const current = () =>
      page.evaluate(`(() => {
        const el = document.querySelector(".htmldiff-current");
        const box = el && el.getBoundingClientRect();
        return { text: el ? el.textContent.slice(0, 40) : null, visible: !!box && box.top >= 0 && box.bottom <= innerHeight, position: document.getElementById("htmldiff-position").textContent };
      })()`) as Promise<{ text: string | null; visible: boolean; position: string }>;
    await page.keyboard.press("n");
    const first = await current();
    await page.keyboard.press("n");
    const second = await current();
    expect(first.position).toMatch(/^1 \/ \d+$/);
    expect(second.position).toMatch(/^2 \/ \d+$/);
    expect(second.visible).toBe(true);
    expect(second.text).not.toBeNull();
    await page.keyboard.press("p");
    expect((await current()).position).toBe(first.position);
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.keyboard.press("n");
      await page.screenshot({ path: join(DOCS, "page-html.png") });
    }
  });

  it("shows old attribute values on hover, and dark colours in a dark scheme", async () => {
    const fixture = join(import.meta.dirname, "../../fixtures/attribute-change");
    const html = renderPage(diffDocuments(readFileSync(join(fixture, "old.html"), "utf8"), readFileSync(join(fixture, "new.html"), "utf8")));
    const { page } = await open("attributes", html);
    await page.hover("a.diff-attrs");
    expect(await page.textContent("#htmldiff-tip")).toBe('href: "/cart" \u2192 "/basket"');
    const background = () => page.evaluate("getComputedStyle(document.getElementById('htmldiff-bar')).backgroundColor");
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).not.toBe(light);
  });

  it("runs none of a hostile document's scripts and requests nothing", async () => {
    const html = renderPage(diffDocuments(readFileSync(join(HOSTILE, "old.html"), "utf8"), readFileSync(join(HOSTILE, "new.html"), "utf8")), { oldLabel: "a.html", newLabel: "b.html" });
    const { page, requests } = await open("hostile", html);
    await page.click("#htmldiff-doc >> text=click");
    await page.waitForTimeout(300);
    const ran = await page.evaluate('Object.keys(window).filter((key) => key.startsWith("ran"))');
    expect(ran).toEqual([]);
    expect(await page.title()).toBe("htmldiff: a.html → b.html");
    expect(page.url()).toMatch(/^file:/);
    expect(requests).toEqual([]);
    // The page's own script did run: it numbered the changes.
    expect(await page.textContent("#htmldiff-position")).toMatch(/\/ \d+$/);
  });

  it("reads a Latin-1 page's -f html output, and the page --accept gives back, as Lévy", async () => {
    const latin1 = (version: string) =>
      Buffer.from(`<!DOCTYPE html>\n<html><head><meta charset=ISO-8859-1><title>Cr\xe9dits</title></head>\n<body><p>Merci \xe0 L\xe9vy, ${version}.</p></body></html>\n`, "latin1");
    const [a, b, accepted] = [join(dir, "latin1-a.html"), join(dir, "latin1-b.html"), join(dir, "latin1-accepted.html")];
    writeFileSync(a, latin1("1.9.6"));
    writeFileSync(b, latin1("1.9.7"));
    const output = await runCli(["-f", "html", a, b]);
    const shown = async (page: Page) => page.evaluate("[document.characterSet, document.body.textContent.trim()]") as Promise<[string, string]>;
    const { page } = await open("latin1-output", output.stdout);
    expect(await shown(page)).toEqual(["UTF-8", "Merci à Lévy, 1.9.61.9.7."]);
    writeFileSync(join(dir, "latin1-output.html"), output.stdout);
    expect((await runCli(["--accept", join(dir, "latin1-output.html"), "-o", accepted])).status).toBe(0);
    await page.goto(pathToFileURL(accepted).href);
    expect(await shown(page)).toEqual(["windows-1252", "Merci à Lévy, 1.9.7."]);
  });

  it("shows elements left out by --ignore as unchanged context, new side's version, and gives both documents back", async () => {
    const a = '<ul>\n  <li>one</li>\n  <li>ad <i>old</i></li>\n  <li>three</li>\n</ul>\n<p>Built <span class="date">May 1</span> by us.</p>\n<p>kept <b>same</b> word</p>\n<p>x</p>\n';
    const b = '<ul>\n  <li>one</li>\n  <li>AD <i>new</i></li>\n  <li>three</li>\n</ul>\n<p>Built <span class="date">June 12, 2026</span> by us.</p>\n<p>kept <b>same</b> word</p>\n<p>y</p>\n';
    const [oldFile, newFile] = [join(dir, "ignored-a.html"), join(dir, "ignored-b.html")];
    writeFileSync(oldFile, a);
    writeFileSync(newFile, b);
    for (const format of ["page", "html"]) {
      const output = join(dir, `ignored.${format}.html`);
      const diff = await runCli(["-f", format, "-o", output, "--ignore", "li:nth-child(2)", "--ignore", "span.date, b", oldFile, newFile]);
      expect(diff.status, format).toBe(1);
      expect((await runCli(["--accept", output])).stdout, `${format}: accept`).toBe(b);
      expect((await runCli(["--reject", output])).stdout, `${format}: reject`).toBe(a);
      const { page } = await open(`ignored-${format}`, readFileSync(output, "utf8"));
      // What a reader sees: the new side's text of every ignored element, where it stands, in no change's colours.
      const seen = (await page.evaluate(`(() => {
        const root = document.querySelector('[data-diff-view="document"]') || document.body;
        const shown = (el) => { const s = getComputedStyle(el); return { text: el.innerText, decoration: s.textDecorationLine, background: s.backgroundColor, inChange: !!el.closest("ins, del, [data-diff]") }; };
        return { text: root.innerText.replace(/\\s+/g, " ").trim(), items: [...root.querySelectorAll("li")].map((li) => li.innerText), date: shown(root.querySelector("span.date")), bold: shown(root.querySelector("b")), paragraph: getComputedStyle(root.querySelector("p")).backgroundColor };
      })()`)) as {
        text: string;
        items: string[];
        date: { text: string; decoration: string; background: string; inChange: boolean };
        bold: { text: string; decoration: string; background: string; inChange: boolean };
        paragraph: string;
      };
      expect(seen.items, format).toEqual(["one", "AD new", "three"]);
      expect(seen.text, format).toContain("Built June 12, 2026 by us. kept same word");
      expect(seen.text, format).not.toMatch(/May 1|ad old/);
      for (const element of [seen.date, seen.bold]) {
        expect(element, format).toMatchObject({ decoration: "none", inChange: false });
        expect(element.background, format).toBe(seen.paragraph);
      }
      if (format === "page") {
        // Only the one real change (x → y) is a stop for n and p.
        await page.keyboard.press("n");
        expect(await page.textContent("#htmldiff-position")).toBe("1 / 1");
      }
    }
  });

  it.skipIf(!corpusPresent || !process.env.UPDATE_SCREENSHOTS)("saves a screenshot of an XML pair's page", async () => {
    const { a, b } = readPair("aria-graphics-circuit-diagram", "xml");
    const { page } = await open("xml", renderPage(diffDocuments(a, b, { mode: "xml" }), { oldLabel: "circuit-diagram.svg (old)", newLabel: "circuit-diagram.svg (new)" }));
    // At the top: the old and new pictures above the marked source.
    await page.screenshot({ path: join(DOCS, "page-xml.png") });
  });

  it.skipIf(!process.env.UPDATE_SCREENSHOTS)("saves a screenshot of the terminal output", async () => {
    const root = join(import.meta.dirname, "../..");
    let ansi = "";
    for (const pair of ["tag-rename", "moved-paragraph"]) ansi += (await runCli(["--color", "always", `fixtures/${pair}/old.html`, `fixtures/${pair}/new.html`], { cwd: root })).stdout;
    const html = `<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;background:#262626"><pre style="margin:0;padding:12px 14px;font:15px/1.35 'DejaVu Sans Mono',monospace;color:#dcdcdc">${terminalHtml(ansi)}</pre></body>`;
    const { page } = await open("terminal", html);
    await page.setViewportSize({ width: 1000, height: 470 });
    await page.screenshot({ path: join(DOCS, "terminal.png") });
  });
});

/** The colours of a dark terminal for the SGR codes the terminal output uses. */
const SGR_COLOURS: Readonly<Record<number, string>> = { 31: "#f0716e", 32: "#8fd18a", 33: "#e5c07b", 34: "#6fa8ff", 35: "#d08ae6", 36: "#5fc8d4" };

/** Terminal output with SGR escapes (colour, dim, bold, strike, underline) as HTML, for the README's screenshot. */
function terminalHtml(ansi: string): string {
  const state = { colour: "", dim: false, bold: false, strike: false, underline: false };
  let out = "";
  for (const piece of ansi.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(piece);
    if (!sgr) {
      if (!piece) continue;
      const text = piece.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const style = [
        state.colour && `color:${state.colour}`,
        state.dim && "opacity:0.6",
        state.bold && "font-weight:bold",
        (state.strike || state.underline) && `text-decoration:${state.strike ? "line-through" : "underline"}`,
      ]
        .filter(Boolean)
        .join(";");
      out += style ? `<span style="${style}">${text}</span>` : text;
      continue;
    }
    for (const code of (sgr[1] || "0").split(";").map(Number)) {
      if (code === 0) Object.assign(state, { colour: "", dim: false, bold: false, strike: false, underline: false });
      else if (code === 1) state.bold = true;
      else if (code === 2) state.dim = true;
      else if (code === 22) state.dim = state.bold = false;
      else if (code === 9) state.strike = true;
      else if (code === 29) state.strike = false;
      else if (code === 4) state.underline = true;
      else if (code === 24) state.underline = false;
      else if (code === 39) state.colour = "";
      else if (SGR_COLOURS[code >= 90 && code <= 97 ? code - 60 : code]) state.colour = SGR_COLOURS[code >= 90 && code <= 97 ? code - 60 : code]!;
    }
  }
  return out;
}
