// --accept and --reject give the documents' own text back, byte for byte, not only the same
// events: for generated documents that follow HTML's content models and their mutations, and for
// broken markup the classes that can be (docs/tricky-cases.md lists those that cannot). The
// corpus pairs are checked byte for byte in test/support/corpus-round-trips.ts.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { accept, reject } from "../../src/review/accept.js";
import { fcParams } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

/** Both outputs of a pair, each with what accept and reject gave back. */
function restored(a: string, b: string): { format: string; accepted: string; rejected: string }[] {
  const script = diffDocuments(a, b);
  return [
    ["html", renderHtml(script)],
    ["page", renderPage(script)],
  ].map(([format, output]) => ({ format: format!, accepted: accept(output!), rejected: reject(output!) }));
}

describe("accept and reject, byte for byte", () => {
  it("give back generated documents and their mutations exactly (property)", () => {
    fc.assert(
      fc.property(documentAndMutation(), ({ a, b }) => {
        for (const { format, accepted, rejected } of restored(a, b)) {
          expect(accepted, `${format}: accept`).toBe(b);
          expect(rejected, `${format}: reject`).toBe(a);
        }
      }),
      fcParams(500),
    );
  });

  it.each([
    ["void elements written <br/>, unquoted and single-quoted values, attribute order", "<p>a<br/>b <a href=x title='t' id=\"i\">one</a></p>", "<p>a<br/>b <a id=\"i\" href=x title='t'>two</a></p>"],
    ["end tags left out, upper-case names, spaces in tags", "<UL><li>one<li>two</UL >\n<P CLASS=x>para", "<UL><li>one<li>three</UL >\n<P CLASS=x>para"],
    ["references kept as written, a bare & and a > in text", "<p>caf&eacute; &amp; &#233; &copy 2024 & 1 > 0</p><p>x", "<p>caf&eacute; &amp; &#233; &copy 2025 & 1 > 0</p><p>x"],
    ["a renamed element and changed attributes, written otherwise on both sides", "<p><b class=a id=x>bold</b></p>", "<p><i id=x class=b>bold</i></p>"],
    [
      "a page's html, head and body tags, with attributes and left out end tags",
      "<html lang=en><head><title>t</title><body class=x><p>one",
      "<html lang=en><head><title>t</title><body class=x><p>two",
    ],
    ["a CDATA section read as a comment, and an end tag of a void element", "<p>a<![CDATA[x]]></p>\n<p>b</br>c", "<p>a<![CDATA[x]]></p>\n<p>b</br>d"],
    [
      "a title and a textarea holding markup (written escaped, recorded as written)",
      "<title>a <b> &amp; c</title><textarea><p>one</textarea>",
      "<title>a <b> &amp; c</title><textarea><p>two</textarea>",
    ],
    ["an end tag that makes a p, against a p the end of the file closed", "x<p>", "x</p>"],
    ["a self-closed svg holding markup in a value, then its own end tag", '<svg viewBox="0 0 1 1"><path d="M0"/></svg><i>', '<svg viewBox="0 0 <table>caf&eacute;</0"/></svg><i>'],
    ["kept text written otherwise on the two sides (a reference against the character)", "<p>caf&eacute; &lt; one</p>", "<p>café < two</p>"],
    ["bogus comments begun by </ and a character that starts no tag name", "<p>a</ <p> b</</ul> c</p>", "<p>a</ <p> b</</ul> d</p>"],
  ])("give back %s", (_, a, b) => {
    for (const { format, accepted, rejected } of restored(a, b)) {
      expect(accepted, `${format}: accept`).toBe(b);
      expect(rejected, `${format}: reject`).toBe(a);
    }
  });

  it("leave the comment recording the encodings out of the browser's view of either document (npm run fuzz, seed 696324205)", () => {
    const doc = " <<meta charset=latin1>";
    const script = diffDocuments(doc, doc);
    const charsets = { old: "windows-1252", new: "windows-1252" };
    for (const output of [renderHtml(script, { charsets }), renderPage(script, { charsets })]) {
      expect(output).toContain("<!--htmldiff:charset:windows-1252 windows-1252-->");
      expect(parse5Difference(output, { a: doc, b: doc })).toBeNull();
      expect([accept(output), reject(output)]).toEqual([doc, doc]);
    }
  });

  it("give back the events of a kept svg that the end of the file cut off in one side (written from its events, not bytes)", () => {
    const [a, b] = ['<div><svg viewBox="0 0 1 1"><path d="M0"/></svg>!', '<div><svg viewBox="0 0 1 1"><path d="M0"/></s<<!'];
    for (const { format, accepted, rejected } of restored(a, b)) {
      expect(firstEventDifference(rejected, a, "html"), `${format}: reject keeps the old end tag`).toBeNull();
      expect(firstEventDifference(accepted, b, "html"), `${format}: accept`).toBeNull();
    }
  });
});
