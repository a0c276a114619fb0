import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../src/pipeline.js";
import type { EditScript } from "../src/edit-script.js";
import type { AlgorithmName, ParseMode } from "../src/types.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "./support/arbitraries.js";

/** Checks that the opcodes tile both token lists and that applying them to A gives B. */
function expectValidScript(script: EditScript): void {
  const a = script.a.tokens.map((t) => t.key);
  const b = script.b.tokens.map((t) => t.key);
  let i = 0;
  let j = 0;
  const rebuilt: string[] = [];
  for (const op of script.opcodes) {
    expect([op.aStart, op.bStart]).toEqual([i, j]);
    expect(op.aEnd - op.aStart + op.bEnd - op.bStart).toBeGreaterThan(0);
    if (op.tag === "equal") {
      expect(a.slice(op.aStart, op.aEnd)).toEqual(b.slice(op.bStart, op.bEnd));
      rebuilt.push(...a.slice(op.aStart, op.aEnd));
    } else {
      expect(op.tag).toBe(op.aStart === op.aEnd ? "insert" : op.bStart === op.bEnd ? "delete" : "replace");
      rebuilt.push(...b.slice(op.bStart, op.bEnd));
    }
    i = op.aEnd;
    j = op.bEnd;
  }
  expect([i, j]).toEqual([a.length, b.length]);
  expect(rebuilt).toEqual(b);
}

const ALGORITHMS: AlgorithmName[] = ["default", "myers", "histogram", "difflib"];

describe("diffDocuments", () => {
  it("names the events and source spans behind each opcode", () => {
    const a = "<p>one two</p>";
    const b = "<p>one three</p>";
    const script = diffDocuments(a, b);
    const change = script.opcodes.find((o) => o.tag !== "equal")!;
    const spans = script.spansOf(change);
    expect(a.slice(spans.a.start, spans.a.end)).toBe("two");
    expect(b.slice(spans.b.start, spans.b.end)).toBe("three");
    expect(script.eventsOf(change)).toEqual({ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 });
    expect(script.stats).toEqual({ inserted: 1, deleted: 1, unchanged: 4 });
    expect(script.identical).toBe(false);
  });

  it("folds a space between two changed words into one change", () => {
    const script = diffDocuments("<p>the cat sat</p>", "<p>a dog ran</p>");
    expect(script.opcodes.map((o) => o.tag)).toEqual(["equal", "replace", "equal"]);
  });

  it("honours the ignore options", () => {
    expect(diffDocuments("<p>a  b</p>", "<p>a\n b</p>", { ignoreWhitespace: true }).identical).toBe(true);
    expect(diffDocuments("<p>Hello</p>", "<p>hello</p>", { ignoreCase: true }).identical).toBe(true);
    expect(diffDocuments("<p>a<!--x--></p>", "<p>a<!--y--></p>", { ignoreComments: true }).identical).toBe(true);
    expect(diffDocuments("<p id=a class=b>x</p>", "<p class=b id=a>x</p>").identical).toBe(true);
    expect(diffDocuments("<p data-x=1>x</p>", "<p data-x=2>x</p>", { ignoreAttributes: ["data-*"] }).identical).toBe(true);
  });

  it("diffs 100,000 nested elements in both modes without overflowing the stack", () => {
    for (const mode of ["html", "xml"] as const) {
      const depth = 100_000;
      const a = "<div>".repeat(depth) + "old" + "</div>".repeat(depth);
      const b = "<div>".repeat(depth) + "new" + "</div>".repeat(depth);
      const script = diffDocuments(a, b, { mode });
      expect(script.stats).toEqual({ inserted: 1, deleted: 1, unchanged: 2 * depth });
    }
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as [ParseMode, fc.Arbitrary<string>][]) {
    for (const algorithm of ALGORITHMS) {
      it(`gives opcodes that tile both sides and turn A into B (${mode}, ${algorithm}, property)`, () => {
        fc.assert(
          fc.property(documentPair(arb), ([a, b]) => expectValidScript(diffDocuments(a, b, { mode, algorithm }))),
          fcParams(300),
        );
      });
    }

    it(`finds nothing to change between a document and itself (${mode}, property)`, () => {
      fc.assert(
        fc.property(arb, (x) => {
          const script = diffDocuments(x, x, { mode });
          expect(script.identical).toBe(true);
          expect(script.opcodes.every((o) => o.tag === "equal")).toBe(true);
          expect(script.stats.unchanged).toBe(script.a.tokens.length);
        }),
        fcParams(300),
      );
    });

    it(`swaps insert and delete counts when A and B swap (${mode}, property)`, () => {
      fc.assert(
        fc.property(documentPair(arb), ([a, b]) => {
          const forward = diffDocuments(a, b, { mode }).stats;
          const backward = diffDocuments(b, a, { mode }).stats;
          expect([backward.inserted, backward.deleted, backward.unchanged]).toEqual([forward.deleted, forward.inserted, forward.unchanged]);
        }),
        fcParams(300),
      );
    });
  }
});
