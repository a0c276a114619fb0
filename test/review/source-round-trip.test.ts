// The source view (XML input, `--view source`) gives both documents back byte for byte with
// accept and reject, also where an ignore option left out of the comparison old text that differs
// from the new side's (comments, white space, elements, case): the old text is carried unseen, and
// an ignored difference shows nothing on the page.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiffOptions } from "../../src/options.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";
import { runCli } from "../support/cli.js";

/** The source view's outputs of a pair: inline HTML and the review page. */
const outputs = (a: string, b: string, options: DiffOptions): [string, string][] => {
  const script = diffDocuments(a, b, options);
  const view = { view: "source" } as const;
  return [
    ["html", renderHtml(script, view)],
    ["page", renderPage(script, view)],
  ];
};

const expectRoundTrip = (a: string, b: string, options: DiffOptions): void => {
  for (const [format, output] of outputs(a, b, options)) {
    expect(accept(output), `${format}: accept`).toBe(b);
    expect(reject(output), `${format}: reject`).toBe(a);
  }
};

/** The `<pre>` of the source view, as written. */
const sourcePre = (output: string): string => /<pre class="diff-source"[\s\S]*<\/pre>/.exec(output)![0];

/** The text a browser (parse5) shows in the source view's `<pre>`. */
const shownSource = (output: string): string => {
  const textOf = (node: DefaultTreeAdapterTypes.ChildNode): string => ("value" in node ? node.value : "childNodes" in node ? node.childNodes.map(textOf).join("") : "");
  const find = (node: DefaultTreeAdapterTypes.ParentNode): DefaultTreeAdapterTypes.ChildNode | undefined =>
    node.childNodes.find((child) => child.nodeName === "pre") ?? node.childNodes.map((child) => ("childNodes" in child ? find(child) : undefined)).find(Boolean);
  return textOf(find(parse(output))!);
};

beforeAll(loadIgnoreEngines);

describe("source view round trip with ignore options", () => {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-srcgap-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["an ignored comment before a doctype, nothing new", '<!-- c --><!DOCTYPE r [<!ENTITY e "v">]>', "", { ignoreComments: true }],
    ["an ignored comment before the root", "<!-- c --><r/>", "<r/>", { ignoreComments: true }],
    ["an ignored comment after the root", "<r/><!-- c -->", "<r/>\n", { ignoreComments: true }],
    ["an ignored comment before a deletion", "<r><!-- c --><a/><b/></r>", "<r><b/></r>", { ignoreComments: true }],
    ["an ignored comment before a replacement", "<r>x<!-- c --><a/></r>", "<r>x<b/><!-- d --></r>", { ignoreComments: true }],
    ["an ignored comment after a change at the end", "<a/><!-- c -->", "<b/>", { ignoreComments: true }],
    ["white space between kept tags", "<r>\n  <a/>\n  <b/>\n</r>", "<r><a/> <b/></r>", { ignoreWhitespace: true, mode: "xml" }],
    ["an ignored element", "<r><x>1</x><a/><y/></r>", "<r><a/><x>2</x></r>", { ignoreElements: ["x", "y"], mode: "xml" }],
    ["case", "<R><A>Text</A></R>", "<r><a>text</a></r>", { ignoreCase: true, mode: "xml" }],
    ["a tag written otherwise that compared alike", "<svg><path/>\n</svg>", "<svg><path />\n<g/></svg>", {}],
  ] as const)("gives both documents back: %s", (_, a, b, options) => {
    expectRoundTrip(a, b, { mode: "xml", ...options });
    expectRoundTrip(a, b, { mode: "html", ...options });
  });

  it("shows nothing on the page for an ignored difference: no mark, no stop, no count", () => {
    for (const [format, output] of outputs("<!-- c --><r>\n  <a/></r>", "<r> <a/></r>", { mode: "xml", ignoreComments: true, ignoreWhitespace: true })) {
      expect(sourcePre(output), format).not.toMatch(/<(ins|del)\b|htmldiff:stop/);
    }
    expect(renderPage(diffDocuments("<!-- c --><r/>", "<r/>", { mode: "xml", ignoreComments: true }))).toContain("<b>0</b> changes");
  });

  it("gives the old document back through the command line (--reject), and the new one (--accept)", async () => {
    const cases = [
      ['<!-- c --><!DOCTYPE r [<!ENTITY e "v">]>', ""],
      ["<!-- c --><r/>", "<r/>"],
    ];
    for (const [k, [a, b]] of cases.entries()) {
      const [oldFile, newFile, output] = [join(dir, `${k}-old.xml`), join(dir, `${k}-new.xml`), join(dir, `${k}.html`)];
      writeFileSync(oldFile, a!);
      writeFileSync(newFile, b!);
      await runCli(["-f", "html", "--ignore-comments", "-o", output, oldFile, newFile]);
      expect((await runCli(["--reject", output])).stdout).toBe(a);
      expect((await runCli(["--accept", output])).stdout).toBe(b);
    }
  });
});

/** Any of the ignore options that leave source out of the comparison or compare it loosely. */
const ignoring: fc.Arbitrary<DiffOptions> = fc.record(
  {
    ignoreComments: fc.boolean(),
    ignoreWhitespace: fc.boolean(),
    ignoreElements: fc.constantFrom(["a"], ["f", "d"], ["a > f"]),
    ignoreCase: fc.boolean(),
    ignoreAttributes: fc.constant(["x"]),
    ignoreText: fc.constant(["[0-9]+"]),
  },
  { requiredKeys: [] },
);

describe("source view round trip (property)", () => {
  it("gives both documents back byte for byte for random XML pairs under ignore options", () => {
    fc.assert(
      fc.property(documentPair(xmlDocument(30)), ignoring, ([a, b], options) => expectRoundTrip(a, b, { mode: "xml", ...options })),
      fcParams(600),
    );
  });

  it("gives both documents back byte for byte for random HTML pairs in the source view", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument(30)), ignoring, ([a, b], options) => expectRoundTrip(a, b, { mode: "html", ...options })),
      fcParams(300),
    );
  });

  it("shows the new text alone, unmarked, where the only differences are ignored", () => {
    fc.assert(
      fc.property(documentPair(xmlDocument(30)), ignoring, ([a, b], options) => {
        const script = diffDocuments(a, b, { mode: "xml", ...options });
        fc.pre(script.changes.length === 0);
        const output = renderHtml(script);
        expect(sourcePre(output)).not.toMatch(/<(ins|del)\b/);
        expect(shownSource(output)).toBe(b);
      }),
      fcParams(300),
    );
  });
});
