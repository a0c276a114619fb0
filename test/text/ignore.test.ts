// The ignore options through the library (diffDocuments): symmetric (swapping the sides swaps
// insertions and deletions), and the HTML output still gives the new document back exactly.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type DiffOptions, normalizeOptions, OptionError } from "../../src/options.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { parseDocument } from "../../src/events/parse.js";
import { ignoreEngines, loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { KeyTable } from "../../src/text/intern.js";
import { TextTokens, tokenizeKeyed } from "../../src/text/tokens.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

/** Three selectors, a selector-scoped attribute, a text and a value pattern: every ignore at once. */
const IGNORES: DiffOptions = {
  ignoreElements: ["b", "li:nth-child(2)", "div.x > a"],
  ignoreAttributes: ["a@href", "data-*"],
  ignoreText: ["wor\\w+", "\\d+"],
  ignoreValues: ["[0-9]"],
};

// The library's entry loads the engines; these tests import the pipeline's modules themselves.
beforeAll(async () => {
  await loadIgnoreEngines();
});

describe("ignore options (library)", () => {
  it("swap insertions and deletions when the sides swap (property)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([a, b]) => {
        const forward = diffDocuments(a, b, IGNORES);
        const backward = diffDocuments(b, a, IGNORES);
        expect([backward.stats.inserted, backward.stats.deleted, backward.stats.unchanged]).toEqual([forward.stats.deleted, forward.stats.inserted, forward.stats.unchanged]);
        expect(backward.identical).toBe(forward.identical);
      }),
      fcParams(300),
    );
  });

  it("keep the round trip of html and page output exact, ignored parts included (property)", () => {
    fc.assert(
      fc.property(documentAndMutation(), ({ a, b }) => {
        const script = diffDocuments(a, b, { ...IGNORES, ignoreElements: ["b", "li:nth-child(2)", "td:first-child", "p:has(i)"] });
        for (const [format, output] of [
          ["html", renderHtml(script)],
          ["page", renderPage(script)],
        ] as const) {
          expect(firstEventDifference(accept(output), b, "html"), `${format}: accept`).toBeNull();
          expect(firstEventDifference(reject(output), a, "html"), `${format}: reject`).toBeNull();
          expect(parse5Difference(output), `${format}: parse5`).toBeNull();
        }
      }),
      fcParams(300),
    );
  });

  it("give back each side's own ignored element, attribute and text, though none of them counts", () => {
    const a = '<p>one <span class="d">May 1</span> two <a href="/x">3 items</a></p><p>three</p>';
    const b = '<p>one <span class="d">June 12</span> two <a href="/y">45 items</a></p><p>four</p>';
    const script = diffDocuments(a, b, { ignoreElements: [".d"], ignoreAttributes: ["a@href"], ignoreText: ["\\d+"] });
    expect(script.changes.map((c) => c.kind)).toEqual(["replace"]);
    for (const output of [renderHtml(script), renderPage(script)]) {
      expect(firstEventDifference(accept(output), b, "html")).toBeNull();
      expect(firstEventDifference(reject(output), a, "html")).toBeNull();
    }
  });

  it("name the option, the selector or pattern and the column of a bad one", () => {
    expect(() => normalizeOptions({ ignoreElements: ["p", "a[x"] })).toThrow(OptionError);
    expect(() => normalizeOptions({ ignoreText: ["[a-"] })).toThrow("ignoreText: bad pattern '[a-' at column 4: Unterminated character class");
    expect(() => normalizeOptions({ ignoreAttributes: ["p:foo@id"] })).toThrow("ignoreAttributes: bad selector 'p:foo' at column 2: Unknown pseudo-class :foo");
  });

  it("compare a one-sided ignored element, and matches of one text pattern, as equal", () => {
    expect(diffDocuments("<ul><li>a</li></ul>", "<ul><li>a</li><li>ad</li></ul>", { ignoreElements: ["li:nth-child(2)"] }).identical).toBe(true);
    expect(diffDocuments("<p>build 12 of x</p>", "<p>build 345 of x</p>", { ignoreText: ["\\d+"] }).identical).toBe(true);
    expect(diffDocuments("<p>build 12 of x</p>", "<p>build twelve of x</p>", { ignoreText: ["\\d+"] }).identical).toBe(false);
    expect(diffDocuments('<a href="/x" title="t1">', '<a href="/y" title="t2">', { ignoreAttributes: ["a@href"], ignoreValues: ["\\d"] }).identical).toBe(true);
  });
});

describe("the ignore options' engines", () => {
  it("are loaded by the library's entry, and a run without ignore options never needs them", async () => {
    const { needsIgnoreEngines } = await import("../../src/text/ignore-engines.js");
    expect(needsIgnoreEngines({ ignoreAttributes: ["data-*", "*@id"] })).toBe(false);
    expect(needsIgnoreEngines({ ignoreAttributes: ["link@href"] })).toBe(true);
    expect(needsIgnoreEngines({ ignoreElements: ["footer"] })).toBe(true);
    expect(needsIgnoreEngines({ ignoreText: ["\\d+"] })).toBe(true);
    expect(ignoreEngines().selectors.parseSelector("meta[name=generator]")).toHaveLength(1);
  });
});

describe("texts met again, with elements ignored", () => {
  /** A memo that never finds a text: every text is split afresh. */
  class Forgetful extends TextTokens {
    override get(): undefined {
      return undefined;
    }
  }

  it("get the tokens a text split afresh gets, spaces before an ignored element taken back (property)", () => {
    // Few texts, met many times, with white space before the ignored elements.
    const piece = fc.constantFrom("a ", "a", " ", "\n  ", "x y\n", "<b>b</b>", "<b> </b>", " <b>c</b>\n", "<p>", "</p>", "<pre>a b</pre>", "<i>a </i>");
    const options = fc.constantFrom<DiffOptions>({ ignoreElements: ["b"] }, { ignoreElements: ["b", "i"], ignoreWhitespace: true }, { ignoreElements: ["b"], ignoreCase: true });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), options, (pieces, option) => {
        const doc = parseDocument(pieces.join(""));
        const opts = normalizeOptions(option);
        const keyed = (texts: TextTokens) => {
          const made = tokenizeKeyed(doc, opts, new KeyTable(), 0, doc.events.length, texts);
          return made.tokens.map((t, i) => ({ ...t, id: made.ids[i] }));
        };
        expect(keyed(new TextTokens())).toEqual(keyed(new Forgetful()));
      }),
      fcParams(1000),
    );
  });
});

describe("compiled selectors", () => {
  it("are compiled once per selectors and mode, and one test serves every document", async () => {
    const { buildTree, compileSelectors, parseSelector } = ignoreEngines().selectors;
    const { eventTable } = await import("../../src/events/event-table.js");
    const test = compileSelectors([parseSelector("ul > li:nth-child(2)"), parseSelector("b")], "html");
    expect(compileSelectors([parseSelector("ul > li:nth-child(2)"), parseSelector("b")], "html")).toBe(test);
    expect(compileSelectors([parseSelector("ul > li:nth-child(2)"), parseSelector("b")], "xml")).not.toBe(test);
    // Siblings and children are read from each element's own tree.
    const matched = (source: string) => {
      const tree = buildTree(eventTable(parseDocument(source)));
      return tree.elements.filter(test).map((e) => `${e.name}@${e.index}`);
    };
    expect(matched("<ul><li>a</li><li>b</li></ul>")).toEqual(["li@4"]);
    expect(matched("<p><b>x</b></p><ul><li>a</li></ul><ol><li>a</li><li>b</li></ol>")).toEqual(["b@1"]);
  });
});
