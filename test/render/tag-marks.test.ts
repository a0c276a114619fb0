// Marks inside a changed start tag, in text output, respect the markup (issue 17): each mark
// covers whole attributes (with the space before them, less what both sides share of it) or
// lies inside one attribute's value.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, renderText } from "../../src/index.js";
import { type DisplayLine, displayLines } from "../../src/render/report/lines.js";
import { fcParams } from "../support/arbitraries.js";

interface Attr {
  readonly name: string;
  readonly value: string;
  readonly space: string;
}

const NAMES = ["id", "class", "sex", "ana", "data-tally", "style", "aria-describedby", "aria-labelledby", "x"];
const WORDS = ["UNKNOWN", "MALE", "0.8", "1", "lightbulb-1-label", "lightbulb", "http://example.org/Q6", "background-color:hsl(96,50%,50%)", "a b"];

const attrs: fc.Arbitrary<Attr[]> = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...NAMES),
    value: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(" ")),
    space: fc.constantFrom(" ", " ", "  "),
  }),
  { selector: (a) => a.name, maxLength: 5 },
);

/** A start tag, the offsets where a mark may start or end (in the white space before an attribute, or at its end), and each value's inside. */
function tagOf(list: readonly Attr[]): { text: string; edges: Set<number>; values: [number, number][] } {
  let text = "<el";
  const edges = new Set([text.length]);
  const values: [number, number][] = [];
  for (const { name, value, space } of list) {
    for (let k = 1; k <= space.length; k++) edges.add(text.length + k);
    text += space;
    text += `${name}="`;
    values.push([text.length, text.length + value.length]);
    text += `${value}"`;
    edges.add(text.length);
  }
  return { text: `${text}>`, edges, values };
}

/** The marks of the first display line (the parts text output paints), as ranges of the side they are on. */
function marksOf(lines: readonly DisplayLine[]): ["old" | "new", number, number][] {
  const marks: ["old" | "new", number, number][] = [];
  let old = 0;
  let now = 0;
  for (const { kind, text } of lines[0]?.parts ?? []) {
    if (kind === "delete") marks.push(["old", old, old + text.length]);
    if (kind === "insert") marks.push(["new", now, now + text.length]);
    if (kind !== "insert") old += text.length;
    if (kind !== "delete") now += text.length;
  }
  return marks;
}

describe("marks inside a changed start tag (text output)", () => {
  it("cover whole attributes or lie inside one value", () => {
    fc.assert(
      fc.property(attrs, attrs, (oldAttrs, newAttrs) => {
        const oldTag = tagOf(oldAttrs);
        const newTag = tagOf(newAttrs);
        const script = diffDocuments(`${oldTag.text}same</el>\n`, `${newTag.text}same</el>\n`, { mode: "xml" });
        for (const [side, from, to] of marksOf(displayLines(script))) {
          const tag = side === "old" ? oldTag : newTag;
          if (from >= tag.text.length) continue;
          const inValue = tag.values.some(([s, e]) => s <= from && to <= e);
          const whole = tag.edges.has(from) && (tag.edges.has(to) || to >= tag.text.length - 1);
          expect(inValue || whole, `${side} mark ${from}..${to} in ${renderText(script)}`).toBe(true);
        }
      }),
      fcParams(400),
    );
  });

  it("marks a renamed attribute as removed and added (the space before it kept), and a changed value inside its quotes", () => {
    const script = diffDocuments('<w sex="UNKNOWN" ana="x">a</w>\n', '<w sex="MALE" ana="x" n="1">a</w>\n', { mode: "xml" });
    expect(renderText(script).split("\n")[1]).toContain('<w sex="[-UNKNOWN-]{+MALE+}" ana="x"{+ n="1"+}>');
    const renamed = diffDocuments('<g aria-describedby="l-1">a</g>\n', '<g aria-labelledby="l-1">a</g>\n', { mode: "xml" });
    expect(renderText(renamed).split("\n")[1]).toContain('<g [-aria-describedby="l-1"-]{+aria-labelledby="l-1"+}>');
  });
});
