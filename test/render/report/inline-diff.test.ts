// Inline diffs inside one change: the pieces always rebuild both texts, words stay whole, and
// only a long shared start or end of a replaced word is split off.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Piece, wordDiff } from "../../../src/render/report/inline-diff.js";
import { fcParams } from "../../support/arbitraries.js";

/** The old and the new text that pieces describe. */
function sides(pieces: readonly Piece[]): [string, string] {
  return [
    pieces
      .filter(([k]) => k !== "insert")
      .map(([, t]) => t)
      .join(""),
    pieces
      .filter(([k]) => k !== "delete")
      .map(([, t]) => t)
      .join(""),
  ];
}

describe("wordDiff", () => {
  it("rebuilds both texts, with no empty piece and no two neighbours of one kind", () => {
    const text = fc.array(fc.constantFrom("a", "b", "ab", " ", "=", '"', "x".repeat(40), "x".repeat(40) + "y"), { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, text, (x, y) => {
        const pieces = wordDiff(x, y);
        expect(sides(pieces)).toEqual([x, y]);
        for (const [i, [kind, piece]] of pieces.entries()) {
          expect(piece).not.toBe("");
          expect(kind).not.toBe(pieces[i - 1]?.[0]);
        }
      }),
      fcParams(500),
    );
  });

  it("keeps short words whole", () => {
    expect(wordDiff('<a href="/cart">', '<a href="/card">')).toEqual([
      ["equal", '<a href="/'],
      ["delete", "cart"],
      ["insert", "card"],
      ["equal", '">'],
    ]);
  });

  it("splits a long shared start and end off a replaced word (a data URI, a long value)", () => {
    const [head, tail] = ["A".repeat(100), "B".repeat(100)];
    expect(wordDiff(`src="${head}x${tail}"`, `src="${head}yz${tail}"`)).toEqual([
      ["equal", `src="${head}`],
      ["delete", "x"],
      ["insert", "yz"],
      ["equal", `${tail}"`],
    ]);
    expect(wordDiff(`t="${head}"`, `t="${head}w"`)).toEqual([
      ["equal", `t="${head}`],
      ["insert", "w"],
      ["equal", '"'],
    ]);
  });
});
