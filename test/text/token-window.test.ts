import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../src/events/event-table.js";
import { parsePair } from "../../src/events/shared-parse.js";
import { normalizeOptions } from "../../src/options.js";
import { KeyTable } from "../../src/text/intern.js";
import { tokenWindow } from "../../src/text/token-window.js";
import type { Token } from "../../src/types.js";
import { fcParams, htmlDocument } from "../support/arbitraries.js";

/** Per event, the index of its first token (of the next event's where it has none), and the count at the end: from the whole list. */
function firstTokensOf(tokens: readonly Token[], events: number): number[] {
  const first: number[] = [];
  let t = 0;
  for (let e = 0; e <= events; e++) {
    while (t < tokens.length && tokens[t]!.event < e) t++;
    first.push(t);
  }
  return first;
}

describe("tokenWindow", () => {
  it("numbers each event's first token as the whole token lists do, on both sides (property)", () => {
    let windows = 0;
    const pair = fc.tuple(htmlDocument(10), htmlDocument(6), htmlDocument(6), fc.integer({ min: 20, max: 60 }), fc.constantFrom(0, 1, 3, 16));
    fc.assert(
      fc.property(pair, ([filler, x, y, repeats, margin]) => {
        const [a, b] = parsePair(filler.repeat(repeats) + x + filler.repeat(repeats), filler.repeat(repeats) + y + filler.repeat(repeats));
        const w = tokenWindow(a, b, normalizeOptions({}), new KeyTable(), margin);
        if (w === undefined) return;
        windows++;
        expect([...w.a.firstTokens]).toEqual(firstTokensOf(w.a.tokens, eventTable(a).length));
        expect([...w.b.firstTokens]).toEqual(firstTokensOf(w.b.tokens, eventTable(b).length));
        expect([w.a.tokenCount, w.b.tokenCount]).toEqual([w.a.tokens.length, w.b.tokens.length]);
      }),
      fcParams(300),
    );
    expect(windows).toBeGreaterThan(50);
  });
});
