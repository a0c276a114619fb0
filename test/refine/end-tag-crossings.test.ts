// An optional end tag written in one document and left to the parser in the other (`<li>One</li>`
// against `<li>One`) compares equal, but the white space after it then stands inside the element
// on one side and after it on the other: the tag and the white space cross. The edit script keeps
// the tags matched and moves the white space, so no element whose text is unchanged reads as
// deleted and inserted again, in any output.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accept, diffDocuments, myersDiff, reject, renderHtml, renderPage } from "../../src/index.js";
import { uncrossEndTags } from "../../src/refine/end-tag-crossings.js";
import { listOf } from "../../src/text/token-list.js";
import type { Opcode, Token } from "../../src/types.js";
import { renderJson } from "../../src/render/report/json.js";
import { renderText, plainTheme } from "../../src/render/report/text.js";
import { fcParams } from "../support/arbitraries.js";
import { parse5Checker } from "../support/html-check.js";

/**
 * An element whose end tag HTML lets a page leave out, its words (or child elements), which
 * documents write its end tag, and which of its words the new document changes (-1: none). An
 * element keeps a word unchanged: with all its words changed, the alignment has only tags and
 * white space to go by, and a longest common subsequence may match an end tag with the next
 * element's (a matter of the matcher, not of a crossing).
 */
interface Node {
  readonly name: string;
  readonly words: number;
  readonly children: readonly Node[];
  readonly end: "old" | "new" | "both" | "neither";
  readonly edit: number;
}

/** A container (always closed) holding elements of optional end tags, written one per line. */
interface Block {
  readonly name: string;
  readonly children: readonly Node[];
}

const end = fc.constantFrom("old", "new", "old", "new", "both", "neither") as fc.Arbitrary<Node["end"]>;
const edit = fc.oneof({ arbitrary: fc.constant(-1), weight: 3 }, { arbitrary: fc.nat(1), weight: 1 });
const leaf = (name: string): fc.Arbitrary<Node> =>
  fc
    .record({ name: fc.constant(name), words: fc.integer({ min: 1, max: 3 }), children: fc.constant([]), end, edit })
    .map((node) => ({ ...node, edit: node.words > 1 && node.edit < node.words ? node.edit : -1 }));
const leaves = (name: string): fc.Arbitrary<Node[]> => fc.array(leaf(name), { minLength: 1, maxLength: 4 });

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ name: fc.constantFrom("ul", "ol"), children: leaves("li") }),
  fc.record({ name: fc.constant("div"), children: leaves("p") }),
  fc.record({ name: fc.constant("select"), children: leaves("option") }),
  fc.record({ name: fc.constant("dl"), children: fc.array(fc.oneof(leaf("dt"), leaf("dd")), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    name: fc.constant("table"),
    children: fc.array(fc.record({ name: fc.constant("tr"), words: fc.constant(0), children: leaves("td"), end, edit: fc.constant(-1) }), { minLength: 1, maxLength: 3 }),
  }),
);

/** A document's blocks and its indentation step. */
const documents = fc.record({ blocks: fc.array(block, { minLength: 1, maxLength: 3 }), indent: fc.constantFrom("", " ", "  ", "    ", "\t") });

/** The source of one side: unique words `w0`, `w1`, … (an edited one `e0`, `e1`, … in the new document), each element on its own line (a row's end tag too, when written). */
function source(blocks: readonly Block[], indent: string, side: "old" | "new"): string {
  let word = 0;
  const words = (node: Node): string =>
    Array.from({ length: node.words }, (_, i) => {
      const k = word++;
      return side === "new" && i === node.edit ? `e${k}` : `w${k}`;
    }).join(" ");
  const element = (node: Node, depth: number): string => {
    const pad = "\n" + indent.repeat(depth);
    const written = node.end === side || node.end === "both";
    const inner = node.children.length ? node.children.map((child) => element(child, depth + 1)).join("") + (written ? pad : "") : words(node);
    return `${pad}<${node.name}>${inner}${written ? `</${node.name}>` : ""}`;
  };
  return blocks.map((b) => `<${b.name}>${b.children.map((child) => element(child, 1)).join("")}\n</${b.name}>\n`).join("");
}

/** The words an edit changed, as they read in either document. */
function editedWords(a: string, b: string): string[] {
  const [x, y] = [a.match(/\b[we]\d+\b/g) ?? [], b.match(/\b[we]\d+\b/g) ?? []];
  return x.flatMap((w, i) => (w === y[i] ? [] : [w, y[i]!]));
}

/** What the test reads of a change of the JSON report. */
interface JsonChange {
  readonly old: { readonly excerpt: string };
  readonly new: { readonly excerpt: string };
}

/** The text other than white space of each change of the JSON report, old side then new, in pieces split at white space. */
function changedText(a: string, b: string): string[][] {
  const json = renderJson(diffDocuments(a, b), { old: "a", new: "b" }) as { changes: JsonChange[] };
  return json.changes.map((c) => `${c.old.excerpt} ${c.new.excerpt}`.split(/\s+/).filter(Boolean));
}

/**
 * The changes of `a` to `b` that hold text other than the words an edit changed: markup, or words
 * only (unchanged words may join a changed one, see foldConfetti) without a changed one.
 */
function misleadingChanges(a: string, b: string, edited: ReadonlySet<string>): string[][] {
  return changedText(a, b).filter((text) => !text.every((piece) => /^[we]\d+$/.test(piece)) || (text.length > 0 && !text.some((word) => edited.has(word))));
}

/** Whether opcodes tile both token lists in order, equal runs over equal keys; and how many tokens they keep. */
function keptTokens(codes: readonly Opcode[], a: readonly Token[], b: readonly Token[]): number {
  let [i, j, kept] = [0, 0, 0];
  for (const code of codes) {
    expect([code.aStart, code.bStart]).toEqual([i, j]);
    if (code.tag === "equal") {
      expect(a.slice(code.aStart, code.aEnd).map((t) => t.key)).toEqual(b.slice(code.bStart, code.bEnd).map((t) => t.key));
      kept += code.aEnd - code.aStart;
    }
    [i, j] = [code.aEnd, code.bEnd];
  }
  expect([i, j]).toEqual([a.length, b.length]);
  return kept;
}

const O7 = "<ul>\n  <li>One</li>\n  <li>Two</li>\n  <li>Three</li>\n</ul>\n";
const N7 = "<ul>\n  <li>One\n  <li>Two\n  <li>Three\n</ul>\n";

describe("end tags written on one side only", () => {
  it("keeps a list's end tags matched and moves the white space across them", () => {
    const script = diffDocuments(O7, N7);
    expect(changedText(O7, N7).flat()).toEqual([]);
    expect(renderHtml(script)).not.toMatch(/diff-(del|ins)/);
    const report = renderText(script, { theme: plainTheme });
    expect(report.split("\n").slice(1)).toEqual(["1 1 │ <ul>", "2 2 │   <li>One[-</li>-]", "3 3 │   <li>Two[-</li>-]", "4 4 │   <li>Three[-</li>-]", "5 5 │ </ul>"]);
    expect(changedText(N7, O7).flat()).toEqual([]);
  });

  it("keeps a cell whose end tag both documents write, on either side of a line break", () => {
    const [a, b] = ["<table>\n<tr>\n<td>June 2014</td>\n</tr>\n</table>\n", "<table>\n<tr>\n<td><p>June 2014</p>\n</td></tr>\n</table>\n"];
    const report = renderText(diffDocuments(a, b), { theme: plainTheme });
    expect(report.split("\n").slice(3, 5)).toEqual(["3 3 │ <td>{+<p>+}June 2014{+</p>+}", "3 4 │ </td>[-␊-]"]);
    expect(renderHtml(diffDocuments(a, b))).not.toMatch(/diff-(del|ins)/);
  });

  it("marks no unchanged text as deleted or inserted, in lists, paragraphs, cells, dt/dd and options (property)", () => {
    fc.assert(
      fc.property(documents, ({ blocks, indent }) => {
        const [a, b] = [source(blocks, indent, "old"), source(blocks, indent, "new")];
        const edited = new Set(editedWords(a, b));
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          expect(misleadingChanges(x, y, edited)).toEqual([]);
          expect(
            new Set(
              changedText(x, y)
                .flat()
                .filter((word) => edited.has(word)),
            ),
          ).toEqual(edited);
          const script = diffDocuments(x, y);
          const check = parse5Checker({ a: x, b: y });
          for (const output of [renderHtml(script), renderPage(script)]) {
            expect([accept(output), reject(output)]).toEqual([y, x]);
            // An option holds text only (a browser drops an `<ins>` in a select): any change inside one, white space too, marks it whole.
            expect(output).not.toMatch(/<(?!option)\w+ class="diff-(del|ins)/);
            expect(check(output)).toBeNull();
          }
        }
      }),
      fcParams(200),
    );
  });

  it("re-pairs a minimal alignment into one that tiles both sides, with no more changes, and leaves its own result as it is (property)", () => {
    fc.assert(
      fc.property(documents, ({ blocks, indent }) => {
        const script = diffDocuments(source(blocks, indent, "old"), source(blocks, indent, "new"));
        const [a, b] = [script.a.tokens, script.b.tokens];
        const keys = new Map<string, number>();
        const ids = (tokens: readonly Token[]): Int32Array => Int32Array.from(tokens, (t) => keys.get(t.key) ?? (keys.set(t.key, keys.size), keys.size - 1));
        const minimal = myersDiff(ids(a), ids(b)).opcodes;
        const out = uncrossEndTags(minimal, listOf(a), listOf(b));
        expect(keptTokens(out, a, b)).toBeLessThanOrEqual(keptTokens(minimal, a, b));
        expect(out.filter((code) => code.tag !== "equal").length).toBeLessThanOrEqual(minimal.filter((code) => code.tag !== "equal").length);
        expect(uncrossEndTags(out, listOf(a), listOf(b))).toBe(out);
        expect(uncrossEndTags(script.opcodes, listOf(a), listOf(b))).toBe(script.opcodes);
      }),
      fcParams(200),
    );
  });
});
