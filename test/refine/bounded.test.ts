// The work budget of diffDocuments (DiffOptions.maxWork): past it the documents are matched by
// lines and tags first; the script stays valid and symmetric and says so (unit, fallback).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { workBudget } from "../../src/refine/refine.js";
import type { EditScript } from "../../src/edit-script.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";

/** Checks that the opcodes tile both token lists, that equal runs are equal, and that applying them to A gives B. */
function expectValidScript(script: EditScript): void {
  const a = script.a.tokens.map((t) => t.key);
  const b = script.b.tokens.map((t) => t.key);
  const rebuilt: string[] = [];
  let i = 0;
  let j = 0;
  for (const op of script.opcodes) {
    expect([op.aStart, op.bStart]).toEqual([i, j]);
    if (op.tag === "equal") expect(a.slice(op.aStart, op.aEnd)).toEqual(b.slice(op.bStart, op.bEnd));
    rebuilt.push(...(op.tag === "equal" ? a.slice(op.aStart, op.aEnd) : b.slice(op.bStart, op.bEnd)));
    i = op.aEnd;
    j = op.bEnd;
  }
  expect([i, j, rebuilt]).toEqual([a.length, b.length, b]);
}

const page = (word: string): string =>
  `<html>\n<body>\n<h1>Title</h1>\n<p>The first paragraph says nothing.</p>\n<p>The second one says ${word} things.</p>\n<p>The last one ends it.</p>\n</body>\n</html>\n`;

describe("diffDocuments with a work budget", () => {
  it("compares token by token within the default budget", () => {
    const script = diffDocuments(page("new"), page("old"));
    expect([script.unit, script.fallback]).toEqual(["token", false]);
  });

  it("matches by lines and tags past the budget, and still finds the changed word inside its line", () => {
    const script = diffDocuments(page("new"), page("old"), { maxWork: 1000 });
    expect([script.unit, script.fallback]).toEqual(["line", true]);
    expect(script.changes).toHaveLength(1);
    const code = script.opcodes[script.changes[0]!.op]!;
    expect(script.a.tokens.slice(code.aStart, code.aEnd).map((t) => t.text)).toEqual(["new"]);
  });

  it("stays valid and symmetric under any budget (html and xml, property)", () => {
    for (const doc of [htmlDocument(), xmlDocument()]) {
      fc.assert(
        fc.property(documentPair(doc), fc.integer({ min: 1, max: 3000 }), ([a, b], maxWork) => {
          const forward = diffDocuments(a, b, { maxWork });
          const backward = diffDocuments(b, a, { maxWork });
          expectValidScript(forward);
          expect(backward.stats).toEqual({ inserted: forward.stats.deleted, deleted: forward.stats.inserted, unchanged: forward.stats.unchanged });
          expect(backward.unit).toBe(forward.unit);
          if (forward.unit === "line") expect(forward.fallback).toBe(true);
          const tokens = forward.a.tokens.length + forward.b.tokens.length;
          if (tokens * 25 > maxWork) expect(forward.unit).toBe("line");
        }),
        fcParams(500),
      );
    }
  });

  it("has a default budget of 200,000,000 + 100 per token, at most 1,000,000,000", () => {
    expect(workBudget(0, undefined)).toBe(200_000_000);
    expect(workBudget(1_000_000, undefined)).toBe(300_000_000);
    expect(workBudget(50_000_000, undefined)).toBe(1_000_000_000);
    expect(workBudget(50_000_000, 42)).toBe(42);
  });

  it("refuses a budget below 1", () => {
    expect(() => diffDocuments("a", "b", { maxWork: 0 })).toThrow(RangeError);
    expect(() => diffDocuments("a", "b", { maxWork: Number.NaN })).toThrow(RangeError);
  });
});
