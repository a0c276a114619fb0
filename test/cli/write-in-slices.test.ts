import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeInSlices } from "../../src/cli/process-io.js";
import { fcParams } from "../support/arbitraries.js";

describe("output written in slices", () => {
  it("gives the text back whole, in slices of at most 65,536 characters, no surrogate pair cut", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.integer({ min: 0, max: 200_000 }), (piece, extra) => {
        // Long enough for several slices, an astral character wherever the cuts fall.
        const text = "x".repeat(extra) + piece.repeat(Math.ceil(150_000 / Math.max(1, piece.length))) + "\u{1F600}".repeat(40_000);
        const slices: string[] = [];
        writeInSlices(text, (slice) => void slices.push(slice));
        expect(slices.join("")).toBe(text);
        for (const slice of slices) {
          expect(slice.length).toBeLessThanOrEqual(65_536);
          expect(slice.length).toBeGreaterThan(0);
          // A slice that ends in a high surrogate would be written as U+FFFD.
          expect(slice.charCodeAt(slice.length - 1) >= 0xd800 && slice.charCodeAt(slice.length - 1) <= 0xdbff && slice !== slices[slices.length - 1]).toBe(false);
        }
      }),
      fcParams(40),
    );
  });

  it("writes nothing for empty text", () => {
    const slices: string[] = [];
    writeInSlices("", (slice) => void slices.push(slice));
    expect(slices).toEqual([]);
  });
});
