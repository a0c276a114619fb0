// Text the HTML writer copies from the source as it stands: writtenAsIs must say so exactly
// when textOf gives the text back unchanged (the writer copies kept text by the first).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textOf, writtenAsIs } from "../../src/render/html/verbatim.js";
import { fcParams } from "../support/arbitraries.js";

const source = fc.array(fc.constantFrom("<", "a", "Z", "/", "!", "?", " ", "-", ">", "&", "\uFEFF", "é"), { maxLength: 24 }).map((chars) => chars.join(""));

describe("writtenAsIs", () => {
  it("is true exactly where textOf writes the text as it stands", () => {
    fc.assert(
      fc.property(source, fc.nat(), fc.nat(), (text, x, y) => {
        const start = x % (text.length + 1);
        const end = start + (y % (text.length - start + 1));
        const asIs = textOf(text, start, end) === text.slice(start, end);
        expect(writtenAsIs(text, start, end, text.includes("\uFEFF"))).toBe(asIs);
      }),
      fcParams(2000),
    );
  });

  it.each([
    ["a < b", 0, 5, true],
    ["a <b", 0, 4, false],
    ["x<", 0, 2, false],
    ["x<<p>", 0, 2, true],
    ["x<p>", 0, 1, true],
    ["a</", 0, 3, false],
  ] as const)("%j from %i to %i: %s", (text, start, end, asIs) => {
    expect(writtenAsIs(text, start, end, false)).toBe(asIs);
  });
});
