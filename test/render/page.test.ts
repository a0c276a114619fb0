// The review page: self-contained, a policy that lets only its own script run, summary counts,
// and the compared documents' active content neutralised, while staying lossless.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes as P } from "parse5";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

const HOSTILE = join(import.meta.dirname, "../../fixtures/hostile");
const hostileA = readFileSync(join(HOSTILE, "old.html"), "utf8");
const hostileB = readFileSync(join(HOSTILE, "new.html"), "utf8");

/** Every element a browser would render or run (template content is inert and left out). */
function liveElements(html: string): P.Element[] {
  const out: P.Element[] = [];
  const stack: P.ParentNode[] = [parse(html)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const child of node.childNodes) {
      if ("tagName" in child) {
        out.push(child);
        if (child.tagName !== "template") stack.push(child);
      }
    }
  }
  return out;
}

describe("renderPage", () => {
  const page = renderPage(diffDocuments(hostileA, hostileB), { oldLabel: "a.html", newLabel: "b.html" });
  const live = liveElements(page);

  it("allows only its own script, by hash, and loads nothing", () => {
    const csp = live.find((e) => e.tagName === "meta" && e.attrs.some((a) => a.value === "Content-Security-Policy"))!;
    const policy = csp.attrs.find((a) => a.name === "content")!.value;
    const scripts = live.filter((e) => e.tagName === "script");
    expect(scripts).toHaveLength(1);
    const own = (scripts[0]!.childNodes[0] as P.TextNode).value;
    expect(policy).toContain(`script-src 'sha256-${createHash("sha256").update(own).digest("base64")}'`);
    expect(policy).toMatch(/default-src 'none'/);
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style"));
  });

  it("neutralises the documents' handlers, javascript: URLs, refresh, base, frames and plugins", () => {
    const doc = live.filter((e) => !["html", "head", "body"].includes(e.tagName) && e.sourceCodeLocation);
    for (const element of doc) {
      for (const { name, value } of element.attrs) {
        expect(name, `<${element.tagName} ${name}>`).not.toMatch(/^on/);
        expect(value.replace(/\s/g, "").toLowerCase(), `<${element.tagName} ${name}>`).not.toMatch(/^javascript:/);
      }
    }
    const active = live.filter((e) => ["iframe", "object", "embed", "base", "link", "frame"].includes(e.tagName));
    expect(active.map((e) => e.tagName)).toEqual(["link"]);
    expect(active[0]!.attrs.find((a) => a.name === "href")!.value).toBe("data:,");
    const equiv = live.filter((e) => e.tagName === "meta" && e.attrs.some((a) => a.name === "http-equiv"));
    expect(equiv.map((e) => e.attrs.find((a) => a.name === "http-equiv")!.value)).toEqual(["Content-Security-Policy", "x-dns-prefetch-control"]);
  });

  it("gives back both documents and parses as meant", () => {
    expect(firstEventDifference(accept(page), hostileB, "html")).toBeNull();
    expect(firstEventDifference(reject(page), hostileA, "html")).toBeNull();
    expect(parse5Difference(page)).toBeNull();
  });

  it("counts insertions, deletions, replacements, renames and attribute changes in its summary", () => {
    const long = "<p>The first paragraph says something important.</p>\n";
    const a = `<p>one two three four</p>\n<p>See <b>this</b> here.</p>\n<p><a href=/a>link</a></p>\n${long}<p>end</p>\n<p>gone words here</p>\n`;
    const b = `<p>one two five four</p>\n<p>See <i>this</i> here.</p>\n<p><a href=/b>link</a></p>\n<p>end</p>\n${long}<p>new</p>\n`;
    const summary = renderPage(diffDocuments(a, b));
    const counts = /<ul class="hd-counts">(.*?)<\/ul>/
      .exec(summary)![1]!
      .replace(/<\/?(li|b)( [^>]*)?>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    // The total counts the renamed element once (its start and end tags are two changes of the script).
    expect(counts).toBe("5 changes 1 inserted 2 replaced 1 renamed 1 attributes changed");
  });

  it("counts an element the writer had to replace whole as one replacement, as the page shows it", () => {
    const summary = renderPage(diffDocuments("<p>Run <strong>the example</strong> now.</p>", "<p>Run the example now.</p>"));
    const counts = /<ul class="hd-counts">(.*?)<\/ul>/
      .exec(summary)![1]!
      .replace(/<\/?(li|b)( [^>]*)?>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    // The total is the page's stops (the two tags deleted); the kinds are what the page shows.
    expect(counts).toBe("2 changes 1 replaced");
  });

  it("lists each change on one line: white space runs read as one space, white space alone as visible marks", () => {
    const a = "<p>The NumberFormat constructor takes options.</p>\n<p>x</p>  <p>y</p>\n";
    const b = "<p>The Intl.NumberFormat constructor:</p>\n    <ul>\n      <li>takes options.</li></ul>\n<p>x</p>\t<p>y</p>\n";
    const list = /<details id="htmldiff-list">(.*?)<\/details>/s.exec(renderPage(diffDocuments(a, b)))![1]!;
    const entries = [...list.matchAll(/<li data-change[^>]*>(.*?)<\/li>/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) expect(entry).not.toMatch(/\\[nt]|\s\s|""/);
    expect(list).toContain("constructor:&lt;/p&gt; &lt;ul&gt; &lt;li&gt;");
    expect(list).toContain('"··" → "␉"');
  });

  it("shows XML as its source text, with the same marks", () => {
    const xml = renderPage(diffDocuments("<a><b>1</b></a>", "<a><b>2</b></a>", { mode: "xml" }));
    expect(xml).toContain(
      '<pre class="diff-source" data-diff-view="source">\n<span data-diff-line="1" data-diff-line-old="1"></span>&lt;a&gt;&lt;b&gt;<!--htmldiff:stop:0--><del data-diff-wrap="del">1</del><ins data-diff-wrap="ins">2</ins>',
    );
    expect(accept(xml)).toBe("<a><b>2</b></a>");
    expect(reject(xml)).toBe("<a><b>1</b></a>");
  });
});
