import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { omittedTagsToImply } from "../../src/html/implied-tags.js";
import { fcParams } from "../support/arbitraries.js";

/** Every omissible tag name the sources write, from every match. */
function everyName(sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const source of sources) for (const [, name] of source.matchAll(/<\/?(html|head|body|tbody|colgroup)(?=[\t\n\f\r />])/gi)) names.add(name!.toLowerCase());
  return names;
}

describe("omittedTagsToImply", () => {
  it("names each omissible tag either source writes, however many and wherever (property)", () => {
    const piece = fc.constantFrom("<html>", "</HTML>", "<head ", "<body/", "<tbody>", "<COLGROUP\t", "<colgroups>", "<htm>", "x", " ", "<p>", "</body>");
    const source = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(source, { maxLength: 3 }), (sources) => {
        expect(omittedTagsToImply(sources)).toEqual(everyName(sources));
      }),
      fcParams(2000),
    );
  });
});
