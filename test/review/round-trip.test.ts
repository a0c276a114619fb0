// Property: for random documents and random mutations of them, the HTML output and the review
// page give back both documents exactly (accept → new, reject → old, as event streams), carry a
// mark (so that --accept tells them from any page) and a browser (parse5) builds exactly the tree
// the renderer wrote.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject, restoreSide } from "../../src/review/accept.js";
import { fcParams } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

describe("HTML output of random documents and mutations (property)", () => {
  it("round-trips both ways, carries a mark and parses as meant, for html, fragment-free and page output", () => {
    fc.assert(
      // A document against itself, too: output without differences must still be known for output.
      fc.property(
        fc.oneof(
          documentAndMutation(),
          documentAndMutation().map(({ a }) => ({ a, b: a })),
        ),
        ({ a, b }) => {
          const script = diffDocuments(a, b);
          for (const [format, output] of [
            ["html", renderHtml(script)],
            ["page", renderPage(script)],
          ] as const) {
            expect(restoreSide(output, "new").marked, `${format}: marked`).toBe(true);
            expect(firstEventDifference(accept(output), b, "html"), `${format}: accept`).toBeNull();
            expect(firstEventDifference(reject(output), a, "html"), `${format}: reject`).toBeNull();
            expect(parse5Difference(output), `${format}: parse5`).toBeNull();
          }
        },
      ),
      fcParams(1000),
    );
  });

  it("keeps the fragment's body content parseable as meant", () => {
    fc.assert(
      fc.property(documentAndMutation(), ({ a, b }) => {
        expect(parse5Difference(renderHtml(diffDocuments(a, b), { fragment: true }))).toBeNull();
      }),
      fcParams(200),
    );
  });
});
