import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AttributeSpans } from "../../src/events/attribute-spans.js";
import { eventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { parsePair, takenEvents } from "../../src/events/shared-parse.js";
import { fcParams } from "../support/arbitraries.js";

/** The `size` numbers of block `index` of `store`. */
function block(store: AttributeSpans, index: number, size: number): number[] {
  const at = store.offsetOf(index);
  return Array.from(store.chunkOf(index).subarray(at, at + size));
}

describe("attribute spans", () => {
  it("keep every block and link as added, across chunks and in chunks of their own", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: -1000, max: -1 })), { maxLength: 60 }), (entries) => {
        const store = new AttributeSpans();
        const added = entries.map((entry, n) => {
          // A link, or a tag of `entry` attributes (odd ones with no value: −1 and the raw end).
          if (entry < 0) return { index: store.link(entry), expected: [entry] };
          const spans = Array.from({ length: entry }, (_, k) => (k % 2 ? [n + k, n + k + 1, -1, 7] : [n + k, n + k + 1, n + k + 2, n + k + 9])).flat();
          return { index: store.add(spans, spans.length), expected: [spans.length, ...spans] };
        });
        for (const { index, expected } of added) expect(block(store, index, expected.length)).toEqual(expected);
      }),
      fcParams(30),
    );
  });

  it("give a tag the new document copies from the old one its attributes where it stands there", () => {
    // Thousands of tags with attributes: their blocks (and the links of the copies) fill several chunks.
    const rows = Array.from({ length: 3000 }, (_, k) => `<tr id="r${k}" class="c${k % 7}" data-x='${k}' hidden><td title=t${k}>${k}</td></tr>\n`).join("");
    const a = `<table>${rows}</table><p lang=en>old</p>${rows}`;
    const b = `<table><caption x=1>new</caption>${rows}</table><p lang=fr>new</p>${rows}`;
    const [docA, docB] = parsePair(a, b, { mode: "html" });
    expect(takenEvents(docA, docB)?.copies.length).toBeGreaterThan(0);
    const [alone, tableB] = [eventTable(parseDocument(b, { mode: "html" })), eventTable(docB)];
    expect(tableB.length).toBe(alone.length);
    let tags = 0;
    for (let i = 0; i < alone.length; i++) {
      if (alone.kindAt(i) !== "open" || alone.startAt(i) === alone.endAt(i)) continue;
      // The tags above are simple enough to read with a pattern: an oracle apart from the parser.
      const written = [...b.slice(alone.startAt(i), alone.endAt(i)).matchAll(/\s([a-z-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((m) => [m[1], m[2] ?? m[3] ?? m[4] ?? ""]);
      expect([i, tableB.attrsAt(i)]).toEqual([i, written]);
      expect([i, alone.attrsAt(i)]).toEqual([i, written]);
      tags++;
    }
    expect(tags).toBeGreaterThan(12_000);
  });
});
