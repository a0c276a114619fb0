// The segments every text format is drawn from give back both documents, and a whole-line
// insertion or deletion is shown from a line's start to its end (issue 17).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/index.js";
import { segmentsOf } from "../../src/render/report/segments.js";
import { fcParams } from "../support/arbitraries.js";

/** Indented XML elements, each on its own lines. */
const lines = fc.array(fc.constantFrom("  <a/>", '  <b x="1"/>', "    <c>text</c>", '  <d\n    y="2"/>', '  <d\n    y="3"/>'), { maxLength: 12 });

/** A document of those elements, with a blank line after each. */
const page = (list: readonly string[]): string => `<r>\n${list.map((l) => `${l}\n\n`).join("")}</r>\n`;

describe("segments of a comparison", () => {
  it("give back the old document (kept and deleted) and the new one (kept and inserted)", () => {
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const [a, b] = [page(x), page(y)];
        const segments = segmentsOf(diffDocuments(a, b, { mode: "xml" }), "word");
        expect(
          segments
            .filter((s) => s.kind !== "insert")
            .map((s) => s.text)
            .join(""),
        ).toBe(a);
        expect(
          segments
            .filter((s) => s.kind !== "delete")
            .map((s) => s.text)
            .join(""),
        ).toBe(b);
      }),
      fcParams(300),
    );
  });

  it("show lines inserted or deleted whole from the line's start to its end", () => {
    fc.assert(
      fc.property(lines, fc.nat(), (list, n) => {
        // One element is deleted, and the one after it changes an attribute (then no unchanged token follows the deletion).
        const gone = n % Math.max(1, list.length);
        const kept = list.flatMap((l, i) => (i === gone ? [] : i === gone + 1 ? [l.replace(/"(\d)"/, '"$1$1"')] : [l]));
        const [a, b] = [page(list), page(kept)];
        const segments = segmentsOf(diffDocuments(a, b, { mode: "xml" }), "word");
        for (const [i, s] of segments.entries()) {
          if (s.kind === "equal" || !s.text.trimStart().startsWith("<")) continue;
          expect(segments[i - 1]?.text.endsWith("\n"), JSON.stringify(segments)).toBe(true);
          expect(s.text.endsWith("\n"), JSON.stringify(segments)).toBe(true);
        }
      }),
      fcParams(300),
    );
  });
});
