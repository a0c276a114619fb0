// The review page: self-contained, a policy that lets only its own script run, summary counts,
// and the compared documents' active content neutralised, while staying lossless.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes as P } from "parse5";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderPage } from "../../src/render/html/page.js";
import { summarize } from "../../src/render/report/json.js";
import { accept, reject } from "../../src/review/accept.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

const HOSTILE = join(import.meta.dirname, "../../fixtures/hostile");
const hostileA = readFileSync(join(HOSTILE, "old.html"), "utf8");
const hostileB = readFileSync(join(HOSTILE, "new.html"), "utf8");

/** The header's counts as text: "5 changes 1 inserted …". */
function headerText(page: string): string {
  return /<ul class="hd-counts">(.*?)<\/ul>/
    .exec(page)![1]!
    .replace(/<\/?span( [^>]*)?>/g, "")
    .replace(/<\/?(li|b)( [^>]*)?>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The header's total and its parts by label, each the number before the label. */
function headerParts(page: string): { total: number; parts: Map<string, number> } {
  const header = /<ul class="hd-counts">(.*?)<\/ul>/.exec(page)![1]!;
  const [total, ...parts] = [...header.matchAll(/<li[^>]*><b>(\d+)<\/b> ([a-z ]+)/g)].map((m) => [m[2]!.trim(), Number(m[1])] as const);
  return { total: total![1], parts: new Map(parts) };
}

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
    // The total counts the renamed element once (its start and end tags are two changes of the script).
    expect(headerText(renderPage(diffDocuments(a, b)))).toBe("5 changes 1 inserted 2 replaced 1 renamed 1 attributes changed");
  });

  it("counts each change of an element the writer had to replace whole, as the page marks and stops at it", () => {
    // The page shows the paragraph deleted and inserted whole, but marks and stops at the two deleted tags.
    expect(headerText(renderPage(diffDocuments("<p>Run <strong>the example</strong> now.</p>", "<p>Run the example now.</p>")))).toBe("2 changes 2 deleted");
  });

  it("counts a move's two halves, where it left and where it arrived", () => {
    const moved = "<p>This paragraph is long enough to be found moved elsewhere.</p>";
    const page = renderPage(diffDocuments(`${moved}<p>kept</p>`, `<p>kept</p>${moved}`));
    expect(headerText(page)).toBe("2 changes 2 moved (1 away, 1 here)");
  });

  it("says how many lines were re-indented alone, apart from the changes it marks and counts", () => {
    const page = renderPage(diffDocuments("<div>\n  <p>one</p>\n  <p>two</p>\n</div>\n", "<section>\n<div>\n    <p>one</p>\n    <p>two</p>\n</div>\n</section>\n"));
    expect(headerText(page)).toMatch(/^\d+ changes? .*also 2 re-indented lines, not marked$/);
  });

  it("has header parts that add up to its total and count as -f stat and -f json do (a renamed element once)", () => {
    const LABELS = { insert: "inserted", delete: "deleted", replace: "replaced", move: "moved", tag: "renamed", attributes: "attributes changed" } as const;
    const check = (a: string, b: string): void => {
      const script = diffDocuments(a, b);
      const { total, parts } = headerParts(renderPage(script));
      const { kinds } = summarize(script);
      const renamedTwice = script.changes.filter((c) => c.kind === "tag" && c.partner !== undefined).length / 2;
      expect([...parts.values()].reduce((sum, n) => sum + n, 0)).toBe(total);
      // With the renamed elements' end tags and the unmarked re-indented lines, the header accounts for every change -f stat counts.
      const reindented = Number(/also (\d+) re-indented/.exec(renderPage(script))?.[1] ?? 0);
      expect(total + renamedTwice + reindented).toBe(script.changes.length);
      for (const [kind, label] of Object.entries(LABELS)) expect(parts.get(label) ?? 0, label).toBe(kinds[kind as keyof typeof LABELS] - (kind === "tag" ? renamedTwice : 0));
    };
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([a, b]) => check(a, b)),
      fcParams(150),
    );
    fc.assert(
      fc.property(documentAndMutation(), ({ a, b }) => check(a, b)),
      fcParams(100),
    );
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
