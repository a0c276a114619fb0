import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePair } from "../../src/events/shared-parse.js";
import type { DocEvent, OpenEvent } from "../../src/types.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";

/** The start tags of a document, with their text. */
function startTags(events: readonly DocEvent[], source: string): [OpenEvent, string][] {
  return events.filter((e): e is OpenEvent => e.kind === "open" && e.start < e.end).map((e) => [e, source.slice(e.start, e.end)]);
}

describe("parsePair's shared attribute lists and names", () => {
  it("gives tags written alike in both documents one attribute list, and tags written otherwise their own", () => {
    // Different from the first character on: the new document is parsed whole, with the old one's tables.
    const [a, b] = parsePair('<p class="x" id=y>a</p><i>', '<div><p class="x" id=y>b</p><i title=t>');
    const [pa, pb] = [a.events[0] as OpenEvent, b.events[1] as OpenEvent];
    expect(pb.attrs).toBe(pa.attrs);
    expect(pb.attrs).toEqual([
      ["class", "x"],
      ["id", "y"],
    ]);
    const italics = (events: readonly DocEvent[]) => events.find((e): e is OpenEvent => e.kind === "open" && e.name === "i")!;
    // (One string per name cannot be seen from here: equal strings are `toBe` each other whether shared or not.)
    expect(italics(b.events).attrs).toEqual([["title", "t"]]);
    expect(italics(b.events).attrs).not.toBe(italics(a.events).attrs);
  });

  it("shares a list only between tags written the same (generated pairs)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([x, y]) => {
        const [a, b] = parsePair(x, y);
        const texts = new Map<readonly unknown[], string>();
        for (const [event, text] of [...startTags(a.events, a.source), ...startTags(b.events, b.source)]) {
          if (event.attrs.length === 0) continue;
          const known = texts.get(event.attrs);
          if (known === undefined) texts.set(event.attrs, text);
          else expect(text).toBe(known);
        }
      }),
      fcParams(300),
    );
  });
});
