import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { parsePair, takenEvents } from "../../src/events/shared-parse.js";
import type { RunSearch } from "../../src/events/shared-runs.js";
import { sharedEvents } from "../../src/text/shared-tokens.js";
import { omittedTagsToImply } from "../../src/html/implied-tags.js";
import type { ParseMode } from "../../src/types.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";

/** Both documents parsed apart: what parsePair must give. */
function apart(a: string, b: string, mode: ParseMode) {
  return [parseDocument(a, { mode }), parseDocument(b, { mode })];
}

/** A document and a copy with `middle` in place of `cut` characters at `at`, around a shared start and end. */
const sharedEnds = (doc: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> => fc.tuple(doc, doc, doc, doc).map(([start, middleA, middleB, end]) => [start + middleA + end, start + middleB + end]);

/** A search for shared runs that finds many, short and often at wrong places: each one tests the parse's checks before it copies. */
const EAGER: RunSearch = { minLength: 6, probe: 3, reach: 48, tries: 6 };

/** A document of `pieces`, and a copy with some pieces replaced, dropped or added in between: edits spread through it. */
const spreadEdits = (doc: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> =>
  fc.array(fc.tuple(doc, fc.option(doc, { freq: 3 })), { minLength: 2, maxLength: 8 }).map((pieces) => [pieces.map(([x]) => x).join(""), pieces.map(([x, edit]) => edit ?? x).join("")]);

describe("parsePair", () => {
  it("gives the events of parsing each document apart when it copies the runs shared between differences (generated HTML and XML)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          spreadEdits(htmlDocument(12)),
          documentPair(htmlDocument(60)),
          documentAndMutation().map(({ a, b }): [string, string] => [a, b]),
        ),
        ([a, b]) => {
          expect(parsePair(a, b, { mode: "html" }, EAGER)).toEqual(apart(a, b, "html"));
        },
      ),
      fcParams(2000),
    );
    fc.assert(
      fc.property(spreadEdits(xmlDocument(12)), ([a, b]) => {
        expect(parsePair(a, b, { mode: "xml" }, EAGER)).toEqual(apart(a, b, "xml"));
      }),
      fcParams(600),
    );
  });

  it("copies the runs shared between differences with omitted html, head, body, tbody and colgroup implied", () => {
    const skeleton = fc.subarray(["<html>", "<head>", "<title>t</title>", "</head>", "<body>", "<table>", "<colgroup>", "<col>", "<tbody>", "<tr><td>"]).map((tags) => tags.join("\n"));
    fc.assert(
      fc.property(skeleton, spreadEdits(htmlDocument(12)), (start, [a, b]) => {
        const [x, y] = [start + a, start + b];
        const implied = omittedTagsToImply([x, y]);
        expect(parsePair(x, y, { mode: "html", implied }, EAGER)).toEqual([parseDocument(x, { mode: "html", implied }), parseDocument(y, { mode: "html", implied })]);
      }),
      fcParams(800),
    );
  });

  it("parses the new document only around its differences: the events of the text it shares with the old one between them are copied", () => {
    const paragraph = (n: number, word: string) => `<p>Some <b>bold</b> and <a href="#x${n}">linked</a> text, ${word}.</p>\n`;
    const section = (n: number, edited: boolean) =>
      `<section id=s${n}>\n<h2>Part ${n}</h2>\n${paragraph(n, "as before").repeat(6)}${paragraph(n, edited ? "changed" : "as before")}${paragraph(n, "as before").repeat(6)}</section>\n`;
    const sections = (edited: (n: number) => boolean) => Array.from({ length: 40 }, (_, n) => section(n, edited(n))).join("");
    const a = `<!DOCTYPE html><title>t</title>${sections(() => false)}`;
    const b = `<!DOCTYPE html><title>t</title>${sections((n) => n % 5 === 2)}`;
    const [docA, docB] = parsePair(a, b);
    expect([docA, docB]).toEqual(apart(a, b, "html"));
    const taken = takenEvents(docA, docB)!;
    // One paragraph edited in every fifth of 40 sections: all but the text around each edit is copied, or taken at the start or end.
    expect(taken.copied).toBeGreaterThan(0.8 * docB.events.length);
    expect(taken.copied + taken.head + taken.tail).toBeGreaterThan(0.9 * docB.events.length);
  });

  it("gives the events of parsing each document apart (generated HTML sharing their start and end)", () => {
    fc.assert(
      fc.property(sharedEnds(htmlDocument(30)), ([a, b]) => {
        expect(parsePair(a, b, { mode: "html" })).toEqual(apart(a, b, "html"));
      }),
      fcParams(1500),
    );
  });

  it("gives the events of parsing each document apart with omitted html, head, body, tbody and colgroup implied", () => {
    const skeleton = fc.subarray(["<html>", "<head>", "<title>t</title>", "</head>", "<body>", "<table>", "<colgroup>", "<col>", "<tbody>", "<tr><td>"]).map((tags) => tags.join("\n"));
    fc.assert(
      fc.property(skeleton, sharedEnds(htmlDocument(30)), skeleton, (start, [a, b], otherStart) => {
        const [x, y] = [start + a, otherStart + b];
        const implied = omittedTagsToImply([x, y]);
        expect(parsePair(x, y, { mode: "html", implied })).toEqual([parseDocument(x, { mode: "html", implied }), parseDocument(y, { mode: "html", implied })]);
        // The same start on both sides: the shared text starts at the document level.
        const [p, q] = [start + a, start + b];
        const both = omittedTagsToImply([p, q]);
        expect(parsePair(p, q, { mode: "html", implied: both })).toEqual([parseDocument(p, { mode: "html", implied: both }), parseDocument(q, { mode: "html", implied: both })]);
      }),
      fcParams(1000),
    );
  });

  it("gives the events of parsing each document apart (generated pairs, XML)", () => {
    fc.assert(
      fc.property(fc.oneof(sharedEnds(xmlDocument(30)), documentPair(xmlDocument(60))), ([a, b]) => {
        expect(parsePair(a, b, { mode: "xml" })).toEqual(apart(a, b, "xml"));
      }),
      fcParams(800),
    );
  });

  it("gives the events of parsing each document apart (edited pairs and documents and their mutations)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          documentPair(htmlDocument(60)),
          documentAndMutation().map(({ a, b }): [string, string] => [a, b]),
        ),
        ([a, b]) => {
          expect(parsePair(a, b, { mode: "html" })).toEqual(apart(a, b, "html"));
        },
      ),
      fcParams(800),
    );
  });

  it("reads the shared start and end once: the new document's events at the start are the old one's", () => {
    const shared = "<ul>\n" + "<li>one <b>two</b> three\n".repeat(200);
    const a = `${shared}<li>typo here\n${shared}</ul>`;
    const b = `${shared}<li>typos here\n${shared}</ul>`;
    const [docA, docB] = parsePair(a, b);
    expect(docB.events[5]).toBe(docA.events[5]);
    expect([docA, docB]).toEqual(apart(a, b, "html"));
  });

  it("gives a start tag written alike in both documents, beyond their shared start, the same attribute list", () => {
    const a = `<p>a</p><div class="x" id=y>old</div>`;
    const b = `<p>b</p><div class="x" id=y>new</div>`;
    const [docA, docB] = parsePair(a, b);
    const div = (events: typeof docA.events) => events.find((e) => e.kind === "open" && e.name === "div");
    const [x, y] = [div(docA.events), div(docB.events)];
    expect(x).not.toBe(y);
    expect(x?.kind === "open" && y?.kind === "open" && x.attrs === y.attrs).toBe(true);
    expect([docA, docB]).toEqual(apart(a, b, "html"));
  });

  it("tells sharedEvents what it read once, which then counts as for documents parsed apart", () => {
    const sharedHtml = sharedEnds(htmlDocument(30));
    const pairs = fc.oneof(
      sharedHtml,
      sharedHtml.map(([a, b]): [string, string] => [`${a}\n${a}`, `${a}\n${b}`]),
      documentPair(htmlDocument(60)),
    );
    fc.assert(
      fc.property(pairs, fc.constantFrom<ParseMode>("html", "xml"), ([a, b], mode) => {
        const [x, y] = apart(a, b, mode);
        expect(sharedEvents(...parsePair(a, b, { mode }))).toEqual(sharedEvents(x!, y!));
      }),
      fcParams(1500),
    );
  });
});
