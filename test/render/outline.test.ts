// Where a change stands: hunk headers name the nearest heading or element with an id (as git's
// funcname does), and each JSON change carries a CSS-like path of its element.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderJson } from "../../src/render/report/json.js";
import { ElementPaths } from "../../src/render/report/outline.js";
import { renderText } from "../../src/render/report/text.js";
import { buildTree, compileSelectors, parseSelector } from "../../src/text/selectors.js";
import { fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";

const page = (body: string): string => `<html>\n<body>\n<main>\n${body}</main>\n</body>\n</html>\n`;
const filler = (n: number, tag = "p"): string => Array.from({ length: n }, (_, k) => `  <${tag}>line ${k}</${tag}>\n`).join("");

describe("hunk headers", () => {
  it("name the nearest heading before the hunk, with its text", () => {
    const a = page(`  <h2 id="examples">Examples</h2>\n${filler(8)}`);
    const b = a.replace("line 6", "line six");
    expect(renderText(diffDocuments(a, b)).split("\n")[0]).toBe('@@ -8,7 +8,7 @@ <h2 id="examples"> Examples');
  });

  it("name an element with an id only while the hunk is inside it", () => {
    const inside = page(`  <h2>Top</h2>\n  <section id="ci">\n${filler(8)}  </section>\n`);
    expect(renderText(diffDocuments(inside, inside.replace("line 6", "line six"))).split("\n")[0]).toMatch(/@@ <section id="ci">$/);
    const after = page(`  <h2>Top</h2>\n  <section id="ci">\n${filler(2)}  </section>\n${filler(8, "div")}`);
    expect(renderText(diffDocuments(after, after.replace("<div>line 6", "<div>line six"))).split("\n")[0]).toMatch(/@@ <h2> Top$/);
  });

  it("name the section of each excerpt of a one-line (minified) page", () => {
    const words = (n: number): string => Array.from({ length: n }, (_, k) => `w${k}`).join(" ");
    const a = `<html><body><h2 id="alpha">Alpha</h2><p>${words(60)} old1 ${words(60)}</p><h2 id="beta">Beta</h2><p>${words(60)} old2 ${words(60)}</p></body></html>`;
    const b = a.replace("old1", "new1").replace("old2", "new2");
    const rows = renderText(diffDocuments(a, b))
      .split("\n")
      .filter((row) => row.includes("[col "));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/\[col \d+ · <h2 id="alpha"> Alpha\] .*\[-old1-\]\{\+new1\+\}/);
    expect(rows[1]).toMatch(/\[col \d+ · <h2 id="beta"> Beta\] .*\[-old2-\]\{\+new2\+\}/);
  });

  it("name nothing before the first heading", () => {
    const a = page(filler(3));
    expect(renderText(diffDocuments(a, a.replace("line 1", "line one"))).split("\n")[0]).toBe("@@ -2,7 +2,7 @@");
  });
});

describe("JSON paths", () => {
  it("give each change the path of its element", () => {
    const a = `<html><body><main><section id="examples"><p>one</p><p>two</p><p>three</p></section></main></body></html>`;
    const json = renderJson(diffDocuments(a, a.replace("three", "four")), { old: "a", new: "b" }) as { changes: { old: { path: string }; new: { path: string } }[] };
    expect(json.changes.map((c) => [c.old.path, c.new.path])).toEqual([["html > body > main > section#examples > p:nth-of-type(3)", "html > body > main > section#examples > p:nth-of-type(3)"]]);
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as const) {
    it(`name an element that the path selects, alone among its level (${mode}, property)`, () => {
      fc.assert(
        fc.property(arb, (source) => {
          const doc = parseDocument(source, { mode });
          const paths = new ElementPaths(doc);
          const tree = buildTree(eventTable(doc));
          const depth = (e: (typeof tree.elements)[number]): number => (e.parent ? depth(e.parent) + 1 : 0);
          for (const element of tree.elements) {
            const path = paths.of(element.index);
            const test = compileSelectors([parseSelector(path)], mode);
            expect(test(element), `${path} in ${JSON.stringify(source)}`).toBe(true);
            const level = tree.elements.filter((other) => depth(other) === depth(element));
            expect(
              level.filter(test).map((e) => e.index),
              path,
            ).toEqual([element.index]);
          }
        }),
        fcParams(300),
      );
    });
  }
});
