import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AttributeSpans } from "../../src/events/attribute-spans.js";
import { eventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { parsePair, takenEvents } from "../../src/events/shared-parse.js";
import { fcParams } from "../support/arbitraries.js";

/** Block `index` of `store` as the numbers it holds (the count, then the spans). */
function block(store: AttributeSpans, index: number): number[] {
  const chunk = store.chunkOf(index);
  const at = store.offsetOf(index);
  return Array.from(chunk.subarray(at, at + chunk[at]! + 1));
}

describe("attribute spans", () => {
  it("keep every block as added, relative to its tag, across chunks and in chunks of their own", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1_000_000), fc.integer({ min: 0, max: 6000 })), { maxLength: 60 }), (tags) => {
        const store = new AttributeSpans();
        const copies = new AttributeSpans();
        const added = tags.map(([start, attributes]) => {
          // Odd attributes have no value (−1 and the raw end, kept as given).
          const spans = Array.from({ length: attributes }, (_, k) => (k % 2 ? [start + 2 + k, start + 3 + k, -1, 7] : [start + 2 + k, start + 3 + k, start + 4 + k, start + 9 + k])).flat();
          const expected = [spans.length, ...spans.map((n, k) => ((k % 4 === 2 && n < 0) || (k % 4 === 3 && spans[k - 1]! < 0) ? n : n - start))];
          return { index: store.add(start, spans, spans.length), expected };
        });
        const copied = added.map(({ index }) => copies.copy(store, index));
        added.forEach(({ index, expected }, k) => {
          expect(block(store, index)).toEqual(expected);
          expect(block(copies, copied[k]!)).toEqual(expected);
        });
      }),
      fcParams(30),
    );
  });

  it("give a tag the new document copies from the old one its attributes where it stands there", () => {
    // Thousands of tags with attributes: their blocks fill several chunks of the pair's store.
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
