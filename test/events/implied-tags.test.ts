// Start tags a browser implies are no difference (issue 17): a page that leaves out html, head,
// body, tbody or colgroup tags (where HTML allows it) compares equal to one that writes them,
// and a real change inside such a page is marked word by word in every format.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accept, diffDocuments, reject, renderHtml, renderPage } from "../../src/index.js";
import { displayLines } from "../../src/render/report/lines.js";
import { renderJson } from "../../src/render/report/json.js";
import { fcParams } from "../support/arbitraries.js";
import { runCli } from "../support/cli.js";
import { parse5Checker } from "../support/html-check.js";

const WORDS = ["alpha", "beta", "gamma", "delta", "epsilon"];

/** The content of a body: paragraphs and tables (each table with or without a column group). */
type Block = { readonly p: string[] } | { readonly rows: string[][]; readonly cols: number };

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ p: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    rows: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    cols: fc.nat(2),
  }),
);

/** Which omissible tags a page writes: each start and end tag on its own. */
const written = fc.record({
  html: fc.boolean(),
  htmlEnd: fc.boolean(),
  head: fc.boolean(),
  headEnd: fc.boolean(),
  body: fc.boolean(),
  bodyEnd: fc.boolean(),
  tbody: fc.boolean(),
  tbodyEnd: fc.boolean(),
  colgroup: fc.boolean(),
  colgroupEnd: fc.boolean(),
});
type Written = typeof written extends fc.Arbitrary<infer T> ? T : never;

/** A page with `blocks`, writing the omissible tags `w` says (nowhere does HTML forbid leaving them out here). */
function page(blocks: readonly Block[], w: Written, title: boolean): string {
  const tag = (on: boolean, text: string): string => (on ? text : "");
  const content = blocks.map((b) => {
    if ("p" in b) return `<p>${b.p.join(" ")}</p>`;
    const cols = b.cols ? `${tag(w.colgroup, "<colgroup>")}${"<col>".repeat(b.cols)}${tag(w.colgroupEnd, "</colgroup>")}` : "";
    const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
    return `<table>${cols}${tag(w.tbody, "<tbody>")}${rows}${tag(w.tbodyEnd, "</tbody>")}</table>`;
  });
  return (
    `<!DOCTYPE html>${tag(w.html, "<html>")}${tag(w.head, "<head>")}${title ? "<title>T</title>" : ""}${tag(w.headEnd, "</head>")}` +
    `${tag(w.body, "<body>")}${content.join("")}${tag(w.bodyEnd, "</body>")}${tag(w.htmlEnd, "</html>")}`
  );
}

/** The blocks with their `n`-th word (counting round) replaced by "CHANGED". */
function changeWord(blocks: readonly Block[], n: number): { blocks: Block[]; word: string } {
  const all = blocks.flatMap((b) => ("p" in b ? b.p : b.rows.flat()));
  let k = n % all.length;
  const word = all[k]!;
  const swap = (words: string[]): string[] => words.map((x) => (k-- === 0 ? "CHANGED" : x));
  return { blocks: blocks.map((b) => ("p" in b ? { p: swap(b.p) } : { rows: b.rows.map(swap), cols: b.cols })), word };
}

const pages = fc.record({ blocks: fc.array(block, { minLength: 1, maxLength: 4 }), x: written, y: written, title: fc.boolean(), n: fc.nat() });

describe("omissible start tags", () => {
  it("leaving them out or writing them never changes the verdict", () => {
    fc.assert(
      fc.property(pages, ({ blocks, x, y, title }) => {
        const script = diffDocuments(page(blocks, x, title), page(blocks, y, title));
        expect(script.identical).toBe(true);
      }),
      fcParams(300),
    );
  });

  it("leaving them out or writing them never changes the marks of a real change, in any format", () => {
    fc.assert(
      fc.property(pages, ({ blocks, x, y, title, n }) => {
        const changed = changeWord(blocks, n);
        const a = page(blocks, x, title);
        const b = page(changed.blocks, y, title);
        const script = diffDocuments(a, b);
        const marks = displayLines(script).flatMap((l) => l.parts.filter((p) => p.kind !== "equal").map((p) => [p.kind, p.text]));
        expect(marks).toEqual([
          ["delete", changed.word],
          ["insert", "CHANGED"],
        ]);
        const json = renderJson(script, { old: "a", new: "b" }) as { changes: { kind: string }[] };
        expect(json.changes.map((c) => c.kind)).toEqual(["replace"]);
        for (const html of [renderHtml(script), renderPage(script)]) {
          expect(html).toContain(`<del data-diff-wrap="del">${changed.word}</del><ins data-diff-wrap="ins">CHANGED</ins>`);
          expect(html.match(/data-diff-wrap="(del|ins)"|diff-(del|ins)/g)).toHaveLength(2);
        }
        const check = parse5Checker({ a, b });
        for (const output of [renderHtml(script), renderPage(script)]) {
          expect([accept(output), reject(output)]).toEqual([b, a]);
          expect(check(output)).toBeNull();
        }
      }),
      fcParams(300),
    );
  });

  it("the issue's pair is identical through the CLI, and a changed word in such a page is one change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-implied-"));
    const file = (name: string, text: string): string => (writeFileSync(join(dir, name), text), join(dir, name));
    const whole = file("whole.html", "<html><body><p>same</p></body></html>");
    const short = file("short.html", "<html><p>same</p></html>");
    const edited = file("edited.html", "<p>other</p>");
    expect((await runCli([whole, short])).status).toBe(0);
    const { status, stdout } = await runCli(["-f", "text", whole, edited]);
    expect([status, stdout.trimEnd().split("\n").slice(3)]).toEqual([1, ["1 1 │ <p>[-same-]{+other+}</p>"]]);
  });
});
