import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import type { EditScript } from "../../src/edit-script.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";

/** Each change with the source text of its two sides, for readable assertions. */
function readChanges(script: EditScript) {
  return script.changes.map((change) => {
    const spans = script.spansOf(script.opcodes[change.op]!);
    return {
      ...change,
      old: script.a.doc.source.slice(spans.a.start, spans.a.end),
      new: script.b.doc.source.slice(spans.b.start, spans.b.end),
    };
  });
}

describe("changes", () => {
  it("reads a changed attribute as an attribute change, not a replaced tag", () => {
    const changes = readChanges(diffDocuments('<p>see <a href="/cart" id=x>the cart</a></p>', '<p>see <a class=c href="/basket" id=x>the basket</a></p>'));
    expect(changes.map((c) => [c.kind, c.old, c.new])).toEqual([
      ["attributes", '<a href="/cart" id=x>', '<a class=c href="/basket" id=x>'],
      ["replace", "cart", "basket"],
    ]);
    expect(changes[0]!.attributes).toEqual([
      { name: "class", old: null, new: "c" },
      { name: "href", old: "/cart", new: "/basket" },
    ]);
  });

  it("reads a renamed element as one tag change at its start and end tags, linked", () => {
    const changes = readChanges(diffDocuments("<p>foo <b>bar</b> baz</p>", "<p>foo <i>bar</i> baz</p>"));
    expect(changes.map((c) => [c.kind, c.old, c.new, c.oldName, c.newName])).toEqual([
      ["tag", "<b>", "<i>", "b", "i"],
      ["tag", "</b>", "</i>", "b", "i"],
    ]);
    expect([changes[0]!.partner, changes[1]!.partner]).toEqual([1, 0]);
  });

  it("reads a renamed element whose text changed too as a tag change around a replacement", () => {
    const changes = readChanges(diffDocuments("<div><h2>Old title</h2></div>", "<div><h3>New heading</h3></div>"));
    expect(changes.map((c) => c.kind)).toEqual(["tag", "replace", "tag"]);
  });

  it("pairs the tags of a long rewritten run by their names alone, however much text stands between them", () => {
    const words = (seed: number) => Array.from({ length: 1_000 }, (_, k) => `w${seed}x${k}`).join(" ");
    const changes = readChanges(diffDocuments(`<div><h2 id=a>${words(1)}</h2><p>${words(2)}</p></div>`, `<div><h3 id=a>${words(3)}</h3><p class=c>${words(4)}</p></div>`));
    expect(changes.map((c) => [c.kind, c.old.slice(0, 12), c.new.slice(0, 12)])).toEqual([
      ["tag", "<h2 id=a>", "<h3 id=a>"],
      ["replace", "w1x0 w1x1 w1", "w3x0 w3x1 w3"],
      ["tag", "</h2>", "</h3>"],
      ["attributes", "<p>", "<p class=c>"],
      ["replace", "w2x0 w2x1 w2", "w4x0 w4x1 w4"],
    ]);
  });

  it("does not call it a rename when only the start tag changed name", () => {
    const changes = readChanges(diffDocuments("<p><b>x</b> y</p>", "<p><i>x y</i></p>"));
    expect(changes.some((c) => c.kind === "tag")).toBe(false);
  });

  it("reads a paragraph deleted in one place and inserted in another as a move, both halves linked", () => {
    const p1 = "<p>The first paragraph says something.</p>\n";
    const p2 = "<p>The second one says another thing.</p>\n";
    const p3 = "<p>And a third closes the page.</p>\n";
    const changes = readChanges(diffDocuments(p1 + p2 + p3, p2 + p3 + p1));
    expect(changes.map((c) => c.kind)).toEqual(["move", "move"]);
    expect([changes[0]!.partner, changes[1]!.partner]).toEqual([1, 0]);
    expect(changes[0]!.old).toContain("The first paragraph");
    expect(changes[1]!.new).toContain("The first paragraph");
  });

  it("does not call a single moved word a move", () => {
    const changes = readChanges(diffDocuments("<p>alpha beta gamma delta</p>", "<p>beta gamma delta alpha</p>"));
    expect(changes.some((c) => c.kind === "move")).toBe(false);
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as const) {
    it(`names each non-equal opcode once, with partners that point back (${mode}, property)`, () => {
      fc.assert(
        fc.property(documentPair(arb), ([a, b]) => {
          const script = diffDocuments(a, b, { mode });
          const changed = script.opcodes.flatMap((o, i) => (o.tag === "equal" ? [] : [i]));
          expect(script.changes.map((c) => c.op)).toEqual(changed);
          script.changes.forEach((c, i) => {
            const code = script.opcodes[c.op]!;
            if (c.kind === "insert" || c.kind === "delete" || c.kind === "replace") expect(c.kind).toBe(code.tag);
            if (c.kind === "attributes" || c.kind === "tag") expect([code.aEnd - code.aStart, code.bEnd - code.bStart]).toEqual([1, 1]);
            if (c.partner !== undefined) expect(script.changes[c.partner]!.partner).toBe(i);
          });
        }),
        fcParams(300),
      );
    });

    it(`mirrors the changes when A and B swap (${mode}, property)`, () => {
      fc.assert(
        fc.property(documentPair(arb), ([a, b]) => {
          const forward = diffDocuments(a, b, { mode }).changes;
          const backward = diffDocuments(b, a, { mode }).changes;
          const swapKind = (k: string) => (k === "insert" ? "delete" : k === "delete" ? "insert" : k);
          expect(backward.map((c) => swapKind(c.kind))).toEqual(forward.map((c) => c.kind));
          expect(backward.map((c) => c.attributes?.map((d) => [d.name, d.new, d.old]))).toEqual(forward.map((c) => c.attributes?.map((d) => [d.name, d.old, d.new])));
        }),
        fcParams(300),
      );
    });
  }
});
