// diffForHunks reads two documents only up to a cut some way into the text they share at their
// end: its text reports must be the ones the whole documents give, whatever lies past the cut.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiffOptions } from "../src/options.js";
import { diffDocuments, diffForHunks } from "../src/pipeline.js";
import { renderText } from "../src/render/report/text.js";
import { loadIgnoreEngines } from "../src/text/ignore-engines.js";
import { fcParams, htmlDocument } from "./support/arbitraries.js";

/** Runs repeated around the edited part, so that most of both documents is shared and a change may slide a long way. */
const FILLERS = ["a ", "<p>one two</p>\n", "<li>x", "<br>", "\n  <b>b</b> ", "x x <i>y</i>\n", "<div><p>same</p></div>\n", "<tr><td>1</td></tr>\n"];
/** Pieces of an edit that leave no element open (an element left open is closed at the end of each document, which widens the window to it). */
const EDIT_PIECES = ["a ", "one", " two", "<p>one two</p>", "<b>b</b>", "<li>x</li>", "<br>", "\n", "<div><p>same</p></div>", "<!-- c -->", "It's", "<h2>Title</h2>"];
/** Pieces around the shared runs: also tags a browser implies when left out, which the whole documents may write past the cut and their heads not. */
const CONTEXT_PIECES = [...EDIT_PIECES, "<div>", "</div>", "<table>", "<col>", "<tr><td>c</td></tr>", "<tbody>", "<body>", "<colgroup>"];
const editPieces = fc.array(fc.constantFrom(...EDIT_PIECES), { maxLength: 16 });
const editDocument = fc.oneof({ arbitrary: editPieces.map((p) => p.join("")), weight: 6 }, { arbitrary: htmlDocument(16), weight: 1 });
const contextDocument = fc.oneof({ arbitrary: fc.array(fc.constantFrom(...CONTEXT_PIECES), { maxLength: 16 }).map((p) => p.join("")), weight: 4 }, { arbitrary: htmlDocument(16), weight: 1 });
const OPTION_SETS: DiffOptions[] = [
  {},
  {},
  {},
  { ignoreCase: true, ignoreComments: true },
  { ignoreWhitespace: true },
  { algorithm: "histogram" },
  { algorithm: "myers" },
  { ignoreText: ["\\d+"] },
  { ignoreElements: ["b"] },
];

const editedBeforeSharedEnd = fc.record({
  before: contextDocument,
  after: contextDocument,
  filler: fc.constantFrom(...FILLERS),
  aroundChars: fc.integer({ min: 5_000, max: 20_000 }),
  edited: fc.tuple(editPieces, editDocument, fc.nat(), fc.nat()),
  options: fc.constantFrom(...OPTION_SETS),
  // Small cuts, so that generated documents are long enough to be cut, and some fall near the changes
  // (the new document's parse may rejoin the old one's every 4,096 characters of their shared end).
  cut: fc.record({ margin: fc.constantFrom(0, 100, 600, 4500, 9000), minRest: fc.constantFrom(0, 50) }),
  context: fc.constantFrom(0, 1, 3, 8),
  granularity: fc.constantFrom("word", "char") as fc.Arbitrary<"word" | "char">,
});

describe("diffForHunks", () => {
  beforeAll(loadIgnoreEngines);

  it("gives the text report of the whole documents (generated edits before a long shared end)", () => {
    let cut = 0;
    fc.assert(
      fc.property(editedBeforeSharedEnd, ({ before, after, filler, aroundChars, edited: [units, y, i, j], options, cut: headCut, context, granularity }) => {
        const at = units.length ? i % units.length : 0;
        const removed = units.length ? j % (units.length - at + 1) : 0;
        const x = units.join("");
        const changed = units.slice(0, at).join("") + y + units.slice(at + removed).join("");
        const around = filler.repeat(Math.ceil(aroundChars / filler.length));
        const a = before + around + x + around + after;
        const b = before + around + changed + around + after;
        const whole = diffDocuments(a, b, options);
        const heads = diffForHunks(a, b, options, headCut);
        if (heads.tokenCount("a") < whole.tokenCount("a")) cut++;
        expect(heads.identical).toBe(whole.identical);
        expect([heads.stats.inserted, heads.stats.deleted, heads.changes]).toEqual([whole.stats.inserted, whole.stats.deleted, whole.changes]);
        expect(renderText(heads, { context, granularity })).toBe(renderText(whole, { context, granularity }));
      }),
      fcParams(400),
    );
    // The property says something only if the documents were often cut.
    expect(cut).toBeGreaterThan(30);
  });

  it("gives the hunk's label the words of a heading that goes on past the cut", () => {
    const paragraphs = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `<p>Paragraph ${from + i} alpha beta</p>\n`).join("");
    // Tags with no text between them, so that the heading's words before the cut stay short of a label's length.
    const filler = "<span\n></span\n>".repeat(700);
    const page = (word: string): string => `${paragraphs(0, 200)}<h2>Intro${"<span\n></span\n>".repeat(50)}<b class=x>${word}</b>${filler} Chapter Title</h2>\n${paragraphs(200, 300)}`;
    const [a, b] = [page("old"), page("new")];
    const cut = { margin: 5_000, minRest: 0 };
    expect(renderText(diffForHunks(a, b, {}, cut))).toBe(renderText(diffDocuments(a, b)));
    expect(renderText(diffDocuments(a, b))).toContain("Chapter Title");
  });

  it("reads the whole documents under a work budget given: the heads' shorter lists could stay within one the whole lists exceed", () => {
    const around = "<p>one two</p>\n".repeat(2_000);
    const [a, b] = [`${around}<p>old</p>${around}`, `${around}<p>new</p>${around}`];
    const cut = { margin: 5_000, minRest: 0 };
    expect(diffForHunks(a, b, {}, cut).tokenCount("a")).toBeLessThan(diffDocuments(a, b).tokenCount("a"));
    expect(diffForHunks(a, b, { maxWork: 500_000_000 }, cut).tokenCount("a")).toBe(diffDocuments(a, b).tokenCount("a"));
  });

  it("reads the whole documents when they share little at their end", () => {
    const a = "<p>one</p>".repeat(50) + "<p>two</p>";
    const b = "<p>one</p>".repeat(50) + "<p>three</p>";
    expect(diffForHunks(a, b, {}, { margin: 0, minRest: 0 }).tokenCount("a")).toBe(diffDocuments(a, b).tokenCount("a"));
  });
});
