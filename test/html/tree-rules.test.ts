// The tree rules of src/html/ against a browser's parser (parse5), with no renderer in between:
// where movedByBrowser says each start tag stays where our parser put it, parse5, reading the
// events written back with explicit end tags (as the HTML writer writes them), must put the
// elements inside exactly the elements our parser had open.

import fc from "fast-check";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes as P } from "parse5";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { isStrayEndTag } from "../../src/html/elements.js";
import { serializeEvents } from "../../src/html/serialize.js";
import { movedByBrowser, OpenElements } from "../../src/html/tree-rules.js";
import { fcParams } from "../support/arbitraries.js";

/**
 * Start tags that exercise the tree builder's special cases: scopes, lists, tables, selects,
 * formatting, headings. Not `form`: in a table a browser inserts a form and closes it at once, so
 * what our parser nests in it goes before the table, which movedByBrowser does not model (a known
 * gap, docs/tricky-cases.md).
 */
const TAGS = [
  "div",
  "p",
  "span",
  "b",
  "i",
  "a",
  "li",
  "ul",
  "dd",
  "dt",
  "dl",
  "table",
  "tbody",
  "tr",
  "td",
  "th",
  "caption",
  "select",
  "option",
  "button",
  "h1",
  "h2",
  "nobr",
  "em",
  "section",
  "address",
  "pre",
  "center",
];

/**
 * The names of the elements our parser has open at the probe's start tag, outermost first, and
 * whether movedByBrowser said every start tag before it stays (as the HTML writer asks before it
 * writes an element live).
 */
function ourOpenElements(source: string): { open: string[]; allStayed: boolean } {
  const open: string[] = [];
  let allStayed = true;
  for (const event of parseDocument(source).events) {
    if (event.kind === "open") {
      if (event.attrs.some(([n, v]) => n === "id" && v === "probe")) return { open, allStayed };
      if (movedByBrowser(OpenElements.of(open), event.name)) allStayed = false;
      open.push(event.name);
    } else if (event.kind === "close") open.pop();
  }
  throw new Error("no probe");
}

/**
 * The names of the probe's ancestors in parse5's tree, outermost first, or null when parse5 built
 * no probe. Elements a browser made without a tag (a table's tbody) and formatting elements it
 * reopened (a copy of one closed without its end tag, with the same start tag) are left out, as
 * the round-trip check leaves them out.
 */
function browserAncestors(source: string): string[] | null {
  const seen = new Set<number>();
  const reopened = new Set<P.Node>();
  let probe: P.Element | null = null;
  const stack: P.ParentNode[] = [parse(source, { sourceCodeLocationInfo: true })];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ("tagName" in node) {
      const start = node.sourceCodeLocation?.startTag?.startOffset;
      if (start !== undefined && seen.has(start)) reopened.add(node);
      if (start !== undefined) seen.add(start);
      if (node.attrs.some((a) => a.name === "id" && a.value === "probe")) probe = node;
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) if ("childNodes" in node.childNodes[i]!) stack.push(node.childNodes[i] as P.ParentNode);
  }
  if (!probe) return null;
  const names: string[] = [];
  for (let node = probe.parentNode; node && "tagName" in node; node = node.parentNode) if (!reopened.has(node) && node.sourceCodeLocation?.startTag) names.unshift(node.tagName);
  return names;
}

describe("movedByBrowser, against parse5", () => {
  it("holds where it says a start tag stays: parse5 puts the element inside the elements our parser had open", () => {
    const tags = fc.array(fc.constantFrom(...TAGS, ...TAGS.map((t) => `/${t}`)), { maxLength: 12 });
    fc.assert(
      fc.property(tags, fc.constantFrom(...TAGS), (pieces, probe) => {
        const body = pieces.map((t) => `<${t}>`).join("x");
        const source = `<!doctype html><html><head></head><body>${body}<${probe} id="probe">`;
        const { open, allStayed } = ourOpenElements(source);
        if (!allStayed || movedByBrowser(OpenElements.of(open), probe)) return;
        // As the HTML writer writes them: every element with an explicit end tag, and an end tag
        // that closes nothing to our parser out of the way (the writer puts it in a marker).
        const written = serializeEvents(parseDocument(source).events.filter((event) => !isStrayEndTag(event)));
        expect(browserAncestors(written), written).toEqual(open);
      }),
      fcParams(1500),
    );
  });

  it("says a start tag moves where parse5 moves it (examples)", () => {
    for (const [open, name] of [
      [["html", "body", "dl", "dd", "span"], "dd"],
      [["html", "body", "p", "b"], "div"],
      [["html", "body", "table"], "p"],
      [["html", "body", "a"], "a"],
    ] as const) {
      expect(movedByBrowser(OpenElements.of(open), name), `${open.join(">")} + ${name}`).toBe(true);
    }
  });
});
