// The text report reads only what its hunks need (line breaks up to the furthest line shown,
// events back to the nearest heading, the lines around each change); these properties check
// that it finds what a walk over the whole document finds.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/events/parse.js";
import { diffDocuments } from "../../../src/pipeline.js";
import { type DisplayLine, displayLines, hunks } from "../../../src/render/report/lines.js";
import { Outline, WholeOutline } from "../../../src/render/report/outline.js";
import { LineIndex } from "../../../src/render/report/positions.js";
import type { ParseMode } from "../../../src/types.js";
import { fcParams } from "../../support/arbitraries.js";
import { documentAndMutation } from "../../support/documents.js";

/** The line of every offset and the start of every line, counted from the start for each. */
function naiveLines(source: string): { line: (offset: number) => number; lineStart: (line: number) => number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return {
    line: (offset) => starts.filter((s) => s <= offset).length,
    lineStart: (line) => (line - 1 < starts.length ? starts[Math.max(0, line - 1)]! : starts[starts.length - 1]!),
  };
}

/** Markup with headings (nested, unclosed, in any case), ids, xml:ids, text and line breaks. */
const OUTLINE_PIECES = [
  "<h1>",
  "</h1>",
  "<H2 class=a>",
  "</H2>",
  "<h3 id=s3>",
  "</h3>",
  "<h6>",
  "<h7>",
  "<section id=one>",
  "</section>",
  '<div id="two words">',
  "</div>",
  '<x:note xml:id="n">',
  "</x:note>",
  "<p>",
  "</p>",
  "<b id=>",
  "</b>",
  "<pre>",
  "</pre>",
  "Intro",
  "  spaced   words ",
  "a long heading text that goes on and on for more than eighty characters in all, surely",
  "\n",
  "\n\n",
  "\r\n",
  " ",
  "<!-- c -->",
  "</x>",
];

/** Start tags a comparison may add where a document leaves them out (zero-width events). */
const IMPLIED: ReadonlySet<string> = new Set(["html", "head", "body", "tbody", "colgroup"]);

const outlineDocument = (mode: ParseMode) =>
  fc
    .tuple(fc.array(fc.constantFrom(...OUTLINE_PIECES), { maxLength: 60 }), fc.boolean())
    .map(([pieces, implied]) => parseDocument(pieces.join(""), mode === "html" && implied ? { mode, implied: IMPLIED } : { mode }));

describe("LineIndex", () => {
  it("gives the lines and line starts of counting every line break, asked in any order", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "\r", " "), maxLength: 60 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 70 })), { maxLength: 20 }), (source, asks) => {
        const index = new LineIndex(source);
        const naive = naiveLines(source);
        for (const [isLine, n] of asks) {
          if (isLine) expect(index.lineStart(n)).toBe(naive.lineStart(n));
          else expect(index.line(n)).toBe(naive.line(n));
        }
      }),
      fcParams(500),
    );
  });
});

describe("Outline", () => {
  it("labels each offset as a walk over the whole document does (a fresh outline per offset, HTML and XML)", () => {
    fc.assert(
      fc.property(outlineDocument("html"), outlineDocument("xml"), (html, xml) => {
        for (const doc of [html, xml]) {
          const whole = new WholeOutline(doc);
          for (let offset = 0; offset <= doc.source.length; offset++) expect(new Outline(doc).labelBefore(offset)).toBe(whole.labelBefore(offset));
        }
      }),
      fcParams(200),
    );
  });

  it("labels offsets asked in any order with one outline, also once it has read too far and walks the whole document", () => {
    fc.assert(
      fc.property(outlineDocument("html"), fc.array(fc.nat(), { maxLength: 80 }), (doc, asks) => {
        const whole = new WholeOutline(doc);
        const outline = new Outline(doc);
        for (const ask of asks) {
          const offset = ask % (doc.source.length + 1);
          expect(outline.labelBefore(offset)).toBe(whole.labelBefore(offset));
        }
      }),
      fcParams(300),
    );
  });

  it("labels every hunk of generated documents and their mutations as the whole walk does", () => {
    fc.assert(
      fc.property(documentAndMutation(), ({ a }) => {
        const doc = parseDocument(a);
        const whole = new WholeOutline(doc);
        const outline = new Outline(doc);
        for (let offset = 0; offset <= doc.source.length; offset += 7) expect(outline.labelBefore(offset)).toBe(whole.labelBefore(offset));
      }),
      fcParams(100),
    );
  });
});

/** The greatest old and new line numbers of some display lines. */
function greatest(lines: readonly DisplayLine[]): [number, number] {
  return [Math.max(0, ...lines.map((l) => l.oldLine ?? 0)), Math.max(0, ...lines.map((l) => l.newLine ?? 0))];
}

/** Unchanged lines around a document, so that long unchanged stretches are left out. */
const framed = (lines: number, body: string): string => `${"<p>same line</p>\n".repeat(lines)}${body}${"\n<p>same end</p>".repeat(lines)}\n`;

/** Two documents one after the other with `lines` unchanged lines between. */
const apart = (lines: number, first: string, second: string): string => `${first}\n${"<p>between</p>\n".repeat(lines)}${second}`;

describe("display lines around the changes", () => {
  it("give the hunks and greatest line numbers of every display line", () => {
    fc.assert(
      fc.property(documentAndMutation(), documentAndMutation(), fc.nat(30), fc.nat(12), fc.nat(4), fc.constantFrom("word" as const, "char" as const), (x, y, frame, between, context, granularity) => {
        const script = diffDocuments(framed(frame, apart(between, x.a, y.a)), framed(frame, apart(between, x.b, y.b)));
        const all = displayLines(script, granularity);
        const kept = displayLines(script, granularity, { keep: context + 1 });
        expect(hunks(kept, context)).toEqual(hunks(all, context));
        expect(greatest(kept)).toEqual(greatest(all));
      }),
      fcParams(200),
    );
  });

  it("leave out the unchanged lines far from any change", () => {
    const script = diffDocuments(framed(100, "<p>old</p>"), framed(100, "<p>new</p>"));
    expect(displayLines(script, "word", { keep: 4 }).length).toBeLessThan(20);
    expect(displayLines(script).length).toBeGreaterThan(200);
  });
});
