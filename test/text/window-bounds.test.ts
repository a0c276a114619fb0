import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_CODE, eventTable, KIND_MASK } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { balancedBounds } from "../../src/text/window-bounds.js";
import { fcParams, htmlDocument } from "../support/arbitraries.js";

/** For each tag its partner's index (-1 for other events), pairing with a stack over the whole document; undefined when a tag has none. */
function partnersOf(codes: Uint8Array): Int32Array | undefined {
  const out = new Int32Array(codes.length).fill(-1);
  const open: number[] = [];
  for (let e = 0; e < codes.length; e++) {
    const kind = codes[e]! & KIND_MASK;
    if (kind === EVENT_CODE.open) open.push(e);
    else if (kind === EVENT_CODE.close) {
      const o = open.pop();
      if (o === undefined) return undefined;
      out[o] = e;
      out[e] = o;
    }
  }
  return open.length ? undefined : out;
}

/** The reference: every tag's partner found first, then the window widened by them until it holds all of them. */
function referenceBounds(x: Uint8Array, y: Uint8Array, from: number, after: number) {
  const pairsX = partnersOf(x);
  const pairsY = partnersOf(y);
  if (!pairsX || !pairsY) return undefined;
  let lo = from;
  let keep = after;
  for (let changed = true; changed;) {
    changed = false;
    for (const [codes, pairs] of [
      [x, pairsX],
      [y, pairsY],
    ] as const) {
      const end = codes.length - keep;
      let low = lo;
      let high = end;
      for (let e = lo; e < end; e++) {
        const partner = pairs[e]!;
        if (partner === -1) continue;
        if (partner < low) low = partner;
        if (partner >= high) high = partner + 1;
      }
      if (low < lo || high > end) {
        lo = low;
        keep = codes.length - high;
        changed = true;
      }
    }
  }
  return { from: lo, endA: x.length - keep, endB: y.length - keep };
}

const codesOf = (source: string) => eventTable(parseDocument(source)).allCodes();

describe("balancedBounds", () => {
  it("widens a window to the partners of its tags", () => {
    expect(balancedBounds(codesOf("<p>a</p><p>b</p>"), codesOf("<p>a</p><p>c</p>"), 4, 0)).toEqual({ from: 3, endA: 6, endB: 6 });
    expect(balancedBounds(codesOf("<p>a</p><p>b</p>"), codesOf("<p>a</p><p>c</p>"), 4, 1)).toEqual({ from: 4, endA: 5, endB: 5 });
  });

  it("gives what widening by every tag's partner gives: parsed documents, shared ends (property)", () => {
    const pair = fc.tuple(htmlDocument(30), htmlDocument(8), htmlDocument(8), htmlDocument(30), fc.nat(), fc.nat());
    fc.assert(
      fc.property(pair, ([head, x, y, tail, i, j]) => {
        const a = codesOf(head + x + tail);
        const b = codesOf(head + y + tail);
        const shorter = Math.min(a.length, b.length);
        const from = i % (shorter + 1);
        const after = j % (shorter - from + 1);
        const expected = referenceBounds(a, b, from, after);
        expect(balancedBounds(a, b, from, after)).toEqual(expected);
        // Parsed documents are balanced: the same without counting.
        expect(balancedBounds(a, b, from, after, true)).toEqual(expected);
      }),
      fcParams(1000),
    );
  });

  it("gives what widening by every tag's partner gives: any event codes, unbalanced ones too (property)", () => {
    // Mostly tags, so that deep nesting and tags without partners both come up.
    const kinds = fc.array(fc.constantFrom(0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 0x0a, 0x12), { maxLength: 60 });
    const balancedish = fc.array(fc.constantFrom("<b>", "</b>", "x", "<i>", "</i>"), { maxLength: 30 }).map((parts) => codesOf(parts.join("")));
    const codes = fc.oneof(
      kinds.map((k) => Uint8Array.from(k)),
      balancedish,
    );
    fc.assert(
      fc.property(codes, codes, fc.nat(), fc.nat(), (a, b, i, j) => {
        const shorter = Math.min(a.length, b.length);
        const from = i % (shorter + 1);
        const after = j % (shorter - from + 1);
        expect(balancedBounds(a, b, from, after)).toEqual(referenceBounds(a, b, from, after));
      }),
      fcParams(3000),
    );
  });
});
