import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { EditScript } from "../../src/edit-script.js";
import { parseDocument, type ParsedDocument } from "../../src/events/parse.js";
import { normalizeOptions, type DiffOptions } from "../../src/options.js";
import { diffDocuments } from "../../src/pipeline.js";
import { diffAroundChanges } from "../../src/refine/around-changes.js";
import { diffTokens } from "../../src/refine/refine.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { renderJson } from "../../src/render/report/json.js";
import { renderText } from "../../src/render/report/text.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { KeyTable } from "../../src/text/intern.js";
import { tokenizePair } from "../../src/text/shared-tokens.js";
import { fcParams, htmlDocument } from "../support/arbitraries.js";

/** The edit script of the whole token lists: what diffAroundChanges must give, byte for byte. */
function whole(a: ParsedDocument, b: ParsedDocument, options: DiffOptions): EditScript {
  const opts = normalizeOptions(options);
  const [x, y] = tokenizePair(a, b, opts, new KeyTable());
  const diff = diffTokens({ doc: a, tokens: x.tokens, ids: x.ids }, { doc: b, tokens: y.tokens, ids: y.ids }, opts);
  return new EditScript({ doc: a, tokens: x.tokens }, { doc: b, tokens: y.tokens }, diff.opcodes, diff.changes, diff.coarser);
}

/** What a reader of the script sees: opcodes, changes, counts, the text and JSON reports. */
function seen(script: EditScript) {
  const names = { old: "a.html", new: "b.html" };
  return {
    opcodes: script.opcodes,
    changes: script.changes,
    stats: script.stats,
    fallback: script.fallback,
    unit: script.unit,
    coarser: script.coarser,
    counts: [script.tokenCount("a"), script.tokenCount("b")],
    text: renderText(script, { granularity: "char" }),
    json: JSON.stringify(renderJson(script, names)),
    html: renderHtml(script),
    fragment: renderHtml(script, { fragment: true }),
    page: renderPage(script, { oldLabel: names.old, newLabel: names.new }),
  };
}

/**
 * Runs of text and markup repeated many times around the edited part, so that most of both
 * documents is shared; repeated words and elements let a change slide a long way.
 */
const FILLERS = ["a ", "<p>one two</p>\n", "<li>x", "<br>", "\n  <b>b</b> ", "x x <i>y</i>", "<div><p>same</p></div>\n"];
const OPTION_SETS: DiffOptions[] = [{}, {}, {}, { ignoreCase: true, ignoreComments: true }, { algorithm: "histogram" }, { algorithm: "myers" }, { ignoreText: ["\\d+"] }];

/** Pieces that leave no element open (an open one is closed at the end of the document, which widens the window to it). */
const BALANCED = ["a ", "one", " two", "<p>one two</p>", "<b>b</b>", "<li>x</li>", "<br>", "\n", "<div><p>same</p></div>", "<!-- c -->", "x x <i>y</i>", "It's"];
const balancedDocument = fc.array(fc.constantFrom(...BALANCED), { maxLength: 16 }).map((pieces) => pieces.join(""));
const anyDocument = fc.oneof({ arbitrary: balancedDocument, weight: 6 }, { arbitrary: htmlDocument(16), weight: 1 });

const editedInShared = fc.record({
  before: anyDocument,
  after: anyDocument,
  filler: fc.constantFrom(...FILLERS),
  repeats: fc.integer({ min: 60, max: 150 }),
  // The edited part: pieces, some cut out and a document put in their place (at piece boundaries, or anywhere).
  edited: fc.tuple(fc.array(fc.constantFrom(...BALANCED), { maxLength: 16 }), anyDocument, fc.nat(), fc.nat(), fc.boolean()),
  // Small margins leave changes near the window's ends, where the result must be refused or still the same.
  margins: fc.constantFrom([0], [1], [3], [16], [16], [16], [16, 512]),
  options: fc.constantFrom(...OPTION_SETS),
});

describe("diffAroundChanges", () => {
  beforeAll(loadIgnoreEngines);

  it("gives what comparing the whole token lists gives, or nothing (generated edits inside long shared runs)", () => {
    let windowed = 0;
    fc.assert(
      fc.property(editedInShared, ({ before, after, filler, repeats, edited: [pieces, y, i, j, anywhere], margins, options }) => {
        const units = anywhere ? [...pieces.join("")] : pieces;
        const at = units.length ? i % units.length : 0;
        const cut = units.length ? j % (units.length - at + 1) : 0;
        const x = units.join("");
        const changed = units.slice(0, at).join("") + y + units.slice(at + cut).join("");
        const around = filler.repeat(repeats);
        const a = parseDocument(before + around + x + around + after);
        const b = parseDocument(before + around + changed + around + after);
        const script = diffAroundChanges(a, b, normalizeOptions(options), margins);
        if (script === undefined) return;
        windowed++;
        const reference = whole(a, b, options);
        expect(seen(script)).toEqual(seen(reference));
        expect(script.a.tokens).toEqual(reference.a.tokens);
        expect(script.b.tokens).toEqual(reference.b.tokens);
      }),
      fcParams(500),
    );
    // The property says something only if the window was used often.
    expect(windowed).toBeGreaterThan(100);
  });

  const repeated = (unit: string, n: number): string => unit.repeat(n);
  const EXAMPLES: [string, string, string][] = [
    ["one more of a repeated element (it could slide to either end)", repeated("<p>one two</p>\n", 200), repeated("<p>one two</p>\n", 201)],
    [
      "one more of a repeated element inside a longer document (the window's ends would score as the document's ends)",
      repeated("<p>start</p>", 300) + repeated("<b>a</b>", 300) + repeated("<p>end</p>", 300),
      repeated("<p>start</p>", 300) + repeated("<b>a</b>", 301) + repeated("<p>end</p>", 300),
    ],
    ["one more repeated word", `<p>${repeated("a ", 300)}</p>`, `<p>${repeated("a ", 301)}</p>`],
    ["an element split in two (its tags pair with ones far away)", `<div>${repeated("<p>x</p>", 100)}</div>`, `<div>${repeated("<p>x</p>", 50)}</div><div>${repeated("<p>x</p>", 50)}</div>`],
    ["an element renamed around a long run", `<b>${repeated("<i>x</i> ", 200)}</b>`, `<strong>${repeated("<i>x</i> ", 200)}</strong>`],
    ["a word changed near the start", `<p>a b</p>${repeated("<p>c</p>", 300)}`, `<p>a z</p>${repeated("<p>c</p>", 300)}`],
    ["a word changed near the end", `${repeated("<p>c</p>", 300)}<p>a b</p>`, `${repeated("<p>c</p>", 300)}<p>a z</p>`],
    [
      "a line re-indented inside repeated lines",
      repeated("<li>x</li>\n  ", 150) + "<li>y</li>\n" + repeated("<li>x</li>\n  ", 150),
      repeated("<li>x</li>\n  ", 150) + "  <li>y</li>\n" + repeated("<li>x</li>\n  ", 150),
    ],
  ];

  it.each(EXAMPLES)("gives what comparing the whole token lists gives, or nothing: %s", (_, x, y) => {
    const [a, b] = [parseDocument(x), parseDocument(y)];
    const reference = seen(whole(a, b, {}));
    for (const margins of [[0], [1], [2], [3], [5], [8], [16], [16, 512]]) {
      const script = diffAroundChanges(a, b, normalizeOptions({}), margins);
      if (script) expect(seen(script)).toEqual(reference);
    }
  });

  it("is not used where it cannot promise the whole lists' answer: Myers, difflib, patterns, selectors", () => {
    const around = "<p>one two three</p>\n".repeat(100);
    const a = parseDocument(`${around}<p>typo</p>${around}`);
    const b = parseDocument(`${around}<p>typos</p>${around}`);
    expect(diffAroundChanges(a, b, normalizeOptions({}))).toBeDefined();
    for (const options of [{ algorithm: "myers" }, { algorithm: "difflib" }, { ignoreText: ["t\\w+"] }, { ignoreWhitespace: true }] as DiffOptions[]) {
      expect(diffAroundChanges(a, b, normalizeOptions(options))).toBeUndefined();
    }
  });
});

describe("diffDocuments around a small change in a large document", () => {
  const around = "<tr><td>one</td><td>two words</td></tr>\n".repeat(400);
  const a = `<table>${around}<tr><td>Bugs</td></tr>${around}</table>`;
  const b = `<table>${around}<tr><td>Bug's</td></tr>${around}</table>`;

  it("splits only the window into words: the rest is known shared, and tokens are made one at a time on demand", () => {
    const script = diffDocuments(a, b);
    expect(script.shared.head).toBeGreaterThan(3000);
    expect(script.shared.tail).toBeGreaterThan(3000);
    expect(script.changes).toEqual([{ kind: "replace", op: 1 }]);
    const code = script.opcodes[1]!;
    expect([script.token("a", code.aStart).text, script.token("b", code.bStart).text]).toEqual(["Bugs", "Bug's"]);
    expect(script.token("b", script.tokenCount("b") - 1).text).toBe("</table>");
  });

  it("is written as HTML and as the review page without making the whole token lists", () => {
    const script = diffDocuments(a, b);
    const lists = [vi.spyOn(script.a, "tokens", "get"), vi.spyOn(script.b, "tokens", "get")];
    expect(renderHtml(script)).toContain("Bug's");
    expect(renderHtml(script, { fragment: true })).toContain("Bug's");
    expect(renderPage(script)).toContain("Bug's");
    for (const list of lists) expect(list).not.toHaveBeenCalled();
  });

  it("gives every token on demand, the same as tokenizing both documents whole", () => {
    const script = diffDocuments(a, b);
    const reference = whole(parseDocument(a), parseDocument(b), {});
    expect(script.a.tokens).toEqual(reference.a.tokens);
    expect(script.b.tokens).toEqual(reference.b.tokens);
    expect([0, 7, 4000, script.tokenCount("b") - 1].map((i) => script.token("b", i))).toEqual([0, 7, 4000, reference.b.tokens.length - 1].map((i) => reference.b.tokens[i]));
    expect(seen(script)).toEqual(seen(reference));
  });
});
