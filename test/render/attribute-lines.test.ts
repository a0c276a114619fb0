// A start tag whose attributes each stand on their own line (common in SVG, XML and formatted
// HTML): an attribute line deleted or added reads as one deleted or inserted row, as under
// diff(1), whatever white space the lines end with, and white space that is the same on both
// sides is never marked.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, renderText } from "../../src/index.js";
import { fcParams } from "../support/arbitraries.js";

/** One row of text output: its old and new line numbers (null where blank) and its text. */
interface Row {
  readonly old: number | null;
  readonly new: number | null;
  readonly text: string;
}

/** The rows of the plain text report of `a` against `b` (XML), hunk heads left out. */
function rows(a: string, b: string): Row[] {
  const number = (s: string): number | null => (s.trim() ? Number(s) : null);
  return renderText(diffDocuments(a, b, { mode: "xml" }), { context: 100 })
    .split("\n")
    .filter((line) => line.includes(" │ "))
    .map((line) => {
      const [numbers, text] = line.split(" │ ") as [string, string];
      const width = (numbers.length - 1) / 2;
      return { old: number(numbers.slice(0, width)), new: number(numbers.slice(width + 1)), text };
    });
}

/** The rows as `old new │ text` strings, for exact expectations. */
function shown(a: string, b: string): string[] {
  return rows(a, b).map((r) => `${r.old ?? "-"} ${r.new ?? "-"} │ ${r.text}`);
}

describe("a changed tag with attributes on their own lines (text output)", () => {
  it("shows a deleted attribute line as one deleted row, whatever the lines end with", () => {
    const a = '<g id="g" \n   aria-label="battery"\n   aria-flowto="switch-1" \n   transform="t" >x</g>\n';
    const b = '<g id="g" \n   aria-label="battery"\n   transform="t" >x</g>\n';
    expect(shown(a, b)).toEqual(['1 1 │ <g id="g" ', '2 2 │    aria-label="battery"', '3 - │ [-   aria-flowto="switch-1" -]', '4 3 │    transform="t" >x</g>']);
  });

  it("shows a deleted first or middle line as a deleted row, with `>` on the last line or its own", () => {
    for (const end of [">", "\n>"]) {
      const a = `<g\n   a="1" \n   b="2"\n   c="3"${end}x</g>\n`;
      expect(shown(a, `<g\n   b="2"\n   c="3"${end}x</g>\n`).slice(0, 3)).toEqual(["1 1 │ <g", '2 - │ [-   a="1" -]', '3 2 │    b="2"']);
      expect(shown(a, `<g\n   a="1" \n   c="3"${end}x</g>\n`).slice(0, 4)).toEqual(["1 1 │ <g", '2 2 │    a="1" ', '3 - │ [-   b="2"-]', '4 3 │    c="3"' + (end === ">" ? ">x</g>" : "")]);
    }
  });

  it("shows a deleted last line as a deleted row when `>` stands on its own line", () => {
    const a = '<g\n   a="1"\n   b="2" \n   c="3" \n>x</g>\n';
    expect(shown(a, '<g\n   a="1"\n   b="2" \n>x</g>\n')).toEqual(["1 1 │ <g", '2 2 │    a="1"', '3 3 │    b="2" ', '4 - │ [-   c="3" -]', "5 4 │ >x</g>"]);
  });

  it("deletes the last attribute's line with its line break, the tag's `>` kept unmarked", () => {
    const a = '<g\n   a="1"\n   b="2" \n   c="3" >x</g>\n';
    expect(shown(a, '<g\n   a="1"\n   b="2" >x</g>\n')).toEqual(["1 1 │ <g", '2 2 │    a="1"', '3 3 │    b="2" [-␊-]', '4 3 │ [-   c="3" -]>x</g>']);
  });

  it("shows added attribute lines as inserted rows, a split line keeping its own white space", () => {
    const a = '<path class="wire" d="M"/>\n';
    const b = '<path id="w" role="r"\n   aria-label="w"\n   class="wire" d="M" />\n';
    expect(shown(a, b)).toEqual(['1 1 │ <path {+id="w" role="r"+}', '- 2 │ {+   aria-label="w"+}', '1 3 │ {+   +}class="wire" d="M"{+ +}/>']);
    const c = '<g\n   a="1" \n   c="3" >x</g>\n';
    const d = '<g\n   a="1" \n   b="2"\n   c="3" >x</g>\n';
    expect(shown(c, d)).toEqual(["1 1 │ <g", '2 2 │    a="1" ', '- 3 │ {+   b="2"+}', '3 4 │    c="3" >x</g>']);
  });

  it("shows attribute lines replaced by others as deleted rows then inserted rows", () => {
    const a = '<g\n   a="1"\n   b="2"\n   c="3"\n   t="4">x</g>\n';
    const b = '<g\n   a="1"\n   d="5" \n   t="4">x</g>\n';
    expect(shown(a, b)).toEqual(["1 1 │ <g", '2 2 │    a="1"', '3 - │ [-   b="2"-]', '4 - │ [-   c="3"-]', '- 3 │ {+   d="5" +}', '5 4 │    t="4">x</g>']);
  });

  it("keeps blank lines inside a tag unmarked around a deleted attribute line", () => {
    const a = '<g\n   a="1"\n\n   b="2"\n\n   c="3">x</g>\n';
    expect(shown(a, '<g\n   a="1"\n\n\n   c="3">x</g>\n')).toEqual(["1 1 │ <g", '2 2 │    a="1"', "3 3 │ ", '4 - │ [-   b="2"-]', "5 4 │ ", '6 5 │    c="3">x</g>']);
  });

  it("marks a renamed attribute on its line inside the line, its indentation unmarked", () => {
    const a = '<g\n   a="1"\n   b="2"\n   c="3">x</g>\n';
    expect(shown(a, '<g\n   a="1"\n   d="2"\n   c="3">x</g>\n')).toEqual(["1 1 │ <g", '2 2 │    a="1"', '3 3 │    [-b="2"-]{+d="2"+}', '4 4 │    c="3">x</g>']);
    expect(shown('<g a="1" b="2">x</g>\n', '<g a="1" d="2">x</g>\n')).toEqual(['1 1 │ <g a="1" [-b="2"-]{+d="2"+}>x</g>']);
  });
});

/** A start tag `<g` with attribute lines `n="v"`, each indented and ending with its own white space. */
interface AttrLine {
  readonly name: string;
  readonly indent: string;
  readonly trail: string;
}

const attrLines: fc.Arbitrary<AttrLine[]> = fc.uniqueArray(
  fc.record({ name: fc.constantFrom("a", "b", "id", "role", "aria-label", "transform", "d", "class"), indent: fc.constantFrom("  ", "    ", "\t"), trail: fc.constantFrom("", " ", "  ") }),
  { selector: (l) => l.name, minLength: 1, maxLength: 7 },
);

/** The tag's source: `<g` alone on the first line, then the attribute lines, then `>` on its own line or the last. */
function tagSource(list: readonly AttrLine[], closeAlone: boolean): string {
  const body = list.map((l) => `\n${l.indent}${l.name}="${l.name}-v"${l.trail}`).join("");
  return `<r>\n<g${body}${closeAlone ? "\n" : ""}>text</g>\n</r>\n`;
}

/** The deleted and inserted texts that touch each other in a row of text output, as [deleted, inserted] pairs. */
function touching(row: string): [string, string][] {
  const marks = [...row.matchAll(/\[-(.*?)-\]|\{\+(.*?)\+\}|[^[{]+/g)];
  const pairs: [string, string][] = [];
  for (let i = 1; i < marks.length; i++) {
    const [x, y] = [marks[i - 1]!, marks[i]!];
    if (x[1] !== undefined && y[2] !== undefined) pairs.push([x[1], y[2]]);
    if (x[2] !== undefined && y[1] !== undefined) pairs.push([y[1], x[2]]);
  }
  return pairs;
}

describe("attribute lines (property)", () => {
  it("deleting k attribute lines gives exactly k deleted rows, no insert marks, every other row numbered on both sides", () => {
    fc.assert(
      fc.property(attrLines, fc.boolean(), fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), (list, closeAlone, drop) => {
        // With `>` on the last attribute's line, that line stays (its `>` is on both sides).
        const gone = list.map((_, i) => drop[i]! && (closeAlone || i < list.length - 1));
        const kept = list.filter((_, i) => !gone[i]);
        const k = gone.filter(Boolean).length;
        fc.pre(k > 0 && kept.length > 0);
        const table = rows(tagSource(list, closeAlone), tagSource(kept, closeAlone));
        const report = table.map((r) => `${r.old ?? "-"} ${r.new ?? "-"} │ ${r.text}`).join("\n");
        expect(
          table.filter((r) => r.text.includes("{+")),
          report,
        ).toEqual([]);
        const deleted = table.filter((r) => r.text.includes("[-"));
        expect(deleted.length, report).toBe(k);
        for (const row of deleted) expect([row.new, row.text.startsWith("[-") && row.text.endsWith("-]")], report).toEqual([null, true]);
        for (const row of table.filter((r) => !r.text.includes("[-"))) expect(row.old !== null && row.new !== null, report).toBe(true);
      }),
      fcParams(300),
    );
  });

  it("never marks the same white space deleted and inserted next to each other (both starting with it, or both nothing else), nor numbers a row by a side it shows nothing of", () => {
    fc.assert(
      fc.property(attrLines, attrLines, fc.boolean(), fc.boolean(), (x, y, closeX, closeY) => {
        const table = rows(tagSource(x, closeX), tagSource(y, closeY));
        const report = table.map((r) => `${r.old ?? "-"} ${r.new ?? "-"} │ ${r.text}`).join("\n");
        for (const [deleted, inserted] of table.flatMap((r) => touching(r.text))) {
          const blank = (t: string): boolean => /^[\t ]+$/.test(t);
          const sameStart = /^[\t ]/.test(deleted) && deleted[0] === inserted[0];
          const sameEnd = blank(deleted) && blank(inserted) && deleted.at(-1) === inserted.at(-1);
          expect(sameStart || sameEnd, `[-${deleted}-] next to {+${inserted}+} in\n${report}`).toBe(false);
        }
        for (const row of table) {
          // A row's text without the other side's marks: the side shows something there (or the row is blank).
          const oldText = row.text.replace(/\{\+.*?\+\}/g, "");
          const newText = row.text.replace(/\[-.*?-\]/g, "");
          if (row.old !== null) expect(/\S/.test(oldText.replace(/[[\]{}+-]/g, "")) || !/\S/.test(row.text), report).toBe(true);
          if (row.new !== null) expect(/\S/.test(newText.replace(/[[\]{}+-]/g, "")) || !/\S/.test(row.text), report).toBe(true);
        }
      }),
      fcParams(300),
    );
  });
});
