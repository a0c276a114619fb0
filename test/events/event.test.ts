import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameAttributes } from "../../src/events/event.js";
import type { Attribute } from "../../src/types.js";
import { fcParams } from "../support/arbitraries.js";

/** Attribute lists from a few names and values, so that equal lists come up often. */
const attributeList = fc.array(fc.tuple(fc.constantFrom("a", "b", "class"), fc.constantFrom("", "1", "x y")), { maxLength: 3 }) as fc.Arbitrary<Attribute[]>;

describe("sameAttributes", () => {
  it("holds exactly when the names and values are equal pair by pair, in order", () => {
    fc.assert(
      fc.property(attributeList, attributeList, (x, y) => {
        expect(sameAttributes(x, y)).toBe(JSON.stringify(x) === JSON.stringify(y));
        expect(sameAttributes(x, x)).toBe(true);
      }),
      fcParams(500),
    );
  });
});
