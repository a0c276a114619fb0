// accept() and reject() on the marks that could be confused with a document's own content, and
// with ignore options (what was ignored comes back as the new document has it).

import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

const roundTrip = (a: string, b: string) => {
  for (const output of [renderHtml(diffDocuments(a, b)), renderPage(diffDocuments(a, b))]) {
    expect(firstEventDifference(accept(output), b, "html")).toBeNull();
    expect(firstEventDifference(reject(output), a, "html")).toBeNull();
    expect(parse5Difference(output)).toBeNull();
  }
};

describe("accept and reject", () => {
  it("keep a document's own ins, del, data-diff attributes and htmldiff: comments apart from the marks", () => {
    roundTrip(
      '<p><ins data-diff-wrap="ins">a</ins> <del class="x" data-diff="del">b</del> c<!--htmldiff:del:%3E--></p>',
      '<p><ins data-diff-wrap="ins">a</ins> <del class="y" data-diff="del">b</del> d<!--htmldiff:ins-begin--></p>',
    );
  });

  it("restore a class changed alongside the renderer's own classes, and attributes added or removed", () => {
    roundTrip('<ul><li class="a">x</li></ul><p id="p1" title="t">y</p>', '<ul><li class="a">x</li><li class="">z</li></ul><p id="p2" lang="en">y</p>');
  });

  it("give back whitespace and comments deleted where no element may stand", () => {
    roundTrip("<!DOCTYPE html>\n<table>\n  <tr><td>1</td></tr>\n  <tr><td>2</td></tr>\n</table>", "<table><tr><td>1</td></tr></table>\n<!-- end -->");
  });

  it("give back the new document exactly even with ignore options; the old one as far as it was compared", () => {
    const a = "<p>one  two <!-- c1 --> three</p>\n<p>four</p>";
    const b = "<p>one two<!-- c2 --> THREE</p>\n\n<p>five</p>";
    for (const options of [{ ignoreWhitespace: true }, { ignoreComments: true }, { ignoreCase: true }]) {
      const output = renderHtml(diffDocuments(a, b, options));
      expect(firstEventDifference(accept(output), b, "html")).toBeNull();
      expect(reject(output)).toContain("<p>four</p>");
    }
  });
});
