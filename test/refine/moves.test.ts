// Moves: blocks deleted in one place and inserted in another, identical or edited. An edited
// move carries the alignment of its two blocks (`inner`), shown in every format.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderJson } from "../../src/render/report/json.js";
import { accept, reject } from "../../src/review/accept.js";
import { renderText } from "../../src/render/report/text.js";
import { quickRatio } from "../../src/refine/moves.js";
import type { EditScript } from "../../src/edit-script.js";
import { corpusPresent, readPair } from "../support/corpus.js";
import { fcParams } from "../support/arbitraries.js";

if (!corpusPresent) console.warn("SKIPPED: moves on the corpus pairs that moved blocks: ../shared/corpus is absent");

/** The source text of a token range. */
function textOf(source: string, tokens: EditScript["a"]["tokens"], start: number, end: number): string {
  return start === end ? "" : source.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

/** Pairs of move halves as [old text, new text, edited]. */
function movesOf(script: EditScript): [string, string, boolean][] {
  const out: [string, string, boolean][] = [];
  for (const change of script.changes) {
    const code = script.opcodes[change.op]!;
    if (change.kind !== "move" || code.tag !== "delete") continue;
    const other = script.opcodes[script.changes[change.partner!]!.op]!;
    out.push([textOf(script.a.doc.source, script.a.tokens, code.aStart, code.aEnd).trim(), textOf(script.b.doc.source, script.b.tokens, other.bStart, other.bEnd).trim(), change.inner !== undefined]);
  }
  return out;
}

const word = fc.stringMatching(/^[a-z]{3,8}$/);
const paragraph = fc.array(word, { minLength: 8, maxLength: 14 });

describe("moves", () => {
  it("measures similarity as difflib's quick_ratio", () => {
    expect(quickRatio([1, 2, 3, 4], [2, 3, 4, 5])).toBe(0.75);
    expect(quickRatio([1, 1, 2], [1, 2, 2])).toBeCloseTo(2 / 3);
    expect(quickRatio([], [])).toBe(1);
  });

  it("reads a paragraph moved and edited as one move with its inner edits", () => {
    const a = "<p>Unpack the archive into a folder of your choice and keep the folder name short.</p>\n<p>Make sure Node.js 20 or newer is on your path.</p>\n<p>Run the installer.</p>\n";
    const b = "<p>Make sure Node.js 20 or newer is on your path.</p>\n<p>Run the installer.</p>\n<p>Unpack the downloaded archive into a folder of your choice and keep its name short.</p>\n";
    const script = diffDocuments(a, b);
    expect(movesOf(script)).toEqual([
      ["<p>Unpack the archive into a folder of your choice and keep the folder name short.</p>", "<p>Unpack the downloaded archive into a folder of your choice and keep its name short.</p>", true],
    ]);
    const arrived = script.changes.find((c) => c.kind === "move" && script.opcodes[c.op]!.tag === "insert")!;
    const edits = arrived.inner!.filter((code) => code.tag !== "equal");
    expect(edits.map((code) => [textOf(a, script.a.tokens, code.aStart, code.aEnd), textOf(b, script.b.tokens, code.bStart, code.bEnd)])).toEqual([
      ["", "downloaded "],
      ["the folder", "its"],
    ]);
    // Plain text leaves the moved words unmarked where they arrived, so the edits inside stand out.
    expect(renderText(script)).toContain("<p>Unpack the {+downloaded +}archive into a folder of your choice and keep [-the folder-]{+its+} name short.</p>  (moved from old line 1, edited)");
    const json = renderJson(script, { old: "a", new: "b" }) as { changes: { kind: string; edits?: { kind: string; old: { excerpt: string }; new: { excerpt: string } }[] }[] };
    const withEdits = json.changes.filter((c) => c.edits);
    expect(withEdits).toHaveLength(2);
    expect(withEdits[0]!.edits!.map((e) => [e.kind, e.old.excerpt, e.new.excerpt])).toEqual([
      ["insert", "", "downloaded "],
      ["replace", "the folder", "its"],
    ]);
  });

  it("gives both halves of a move one id in the source view, and its edits inside the arriving half", () => {
    const a = "<r>\n<a>alpha beta gamma delta epsilon zeta eta</a>\n<b>one</b>\n<c>two</c>\n</r>";
    const b = "<r>\n<b>one</b>\n<c>two</c>\n<a>alpha beta gamma delta epsilon zeta theta</a>\n</r>";
    const html = renderHtml(diffDocuments(a, b, { mode: "xml" }));
    const ids = [...html.matchAll(/data-diff-move="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(html).toContain('<del data-diff-wrap="del">eta</del><ins data-diff-wrap="ins">theta</ins>');
    expect([accept(html), reject(html)]).toEqual([b, a]);
  });

  it("does not call a rewrite in place a move", () => {
    const a = "<h1>Title</h1>\n<p>one two three four five six seven eight nine</p>\n<p>end</p>";
    const b = "<h1>Title</h1>\n<p>one two three four five six seven ten eleven</p>\n<p>end</p>";
    expect(movesOf(diffDocuments(a, b))).toEqual([]);
  });

  it("finds a paragraph moved elsewhere with a word changed, and its inner edits turn one block into the other (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 12, maxLength: 16 }), { minLength: 3, maxLength: 7 }),
        paragraph,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        word,
        (others, movedWords, fromSeed, toSeed, at, replacement) => {
          // Unique words per paragraph keep the matcher from pairing the moved block with another one;
          // the moved paragraph is the shortest, so that the matcher keeps the others in place.
          const paras = others.map((words, p) => words.map((w, k) => `${w}${p}x${k}`));
          const block = movedWords.map((w, k) => `${w}mx${k}`);
          const from = fromSeed % (paras.length - 1);
          const to = from + 2 + (toSeed % (paras.length - from - 1));
          const edited = block.map((w, k) => (k === at % block.length ? `${replacement}zz` : w));
          const render = (ps: string[][]) => ps.map((w) => `<p>${w.join(" ")}</p>\n`).join("");
          const a = render([...paras.slice(0, from), block, ...paras.slice(from)]);
          const b = render([...paras.slice(0, to), edited, ...paras.slice(to)]);
          const script = diffDocuments(a, b);
          const moves = script.changes.filter((c) => c.kind === "move");
          expect(moves).toHaveLength(2);
          for (const change of moves) {
            const inner = change.inner!;
            expect(inner.some((code) => code.tag !== "equal")).toBe(true);
            // The inner opcodes tile both blocks and their equal runs have equal keys.
            for (let k = 1; k < inner.length; k++) expect([inner[k]!.aStart, inner[k]!.bStart]).toEqual([inner[k - 1]!.aEnd, inner[k - 1]!.bEnd]);
            for (const code of inner.filter((c) => c.tag === "equal")) {
              for (let t = 0; t < code.aEnd - code.aStart; t++) expect(script.a.tokens[code.aStart + t]!.key).toBe(script.b.tokens[code.bStart + t]!.key);
            }
          }
        },
      ),
      fcParams(200),
    );
  });

  it("finds a paragraph moved as it was although the matcher kept some of its words where it was", () => {
    const moved = "<p>The moved paragraph tells how the parser reads the input stream.</p>";
    const alpha = "<p>Alpha paragraph stays in place with a long sentence of many kept words here for anchoring it.</p>";
    const omega = "<p>Omega paragraph also stays in place with another long sentence of kept words for anchoring.</p>";
    const a = `<h2>Intro</h2>\n\n${alpha}\n\n${moved}\n\n${omega}\n`;
    const b = `<h2>Intro</h2>\n\n${moved}\n\n${alpha}\n\n<p>A new note says how the writer emits the output stream.</p>\n\n${omega}\n`;
    const script = diffDocuments(a, b);
    expect(movesOf(script)).toEqual([[moved, moved, false]]);
    expect(renderText(script)).toContain(`  3 │ ${moved}  (moved from old line 5)`);
  });

  it("reads blocks moved whole, between paragraphs that share phrases, as moves that were not edited (property)", () => {
    const phrase = fc.constantFrom("of the", "in this specification", "the user agent must", "as defined in", "for example", "and then");
    const sentence = fc.array(fc.oneof({ arbitrary: word, weight: 2 }, { arbitrary: phrase, weight: 1 }), { minLength: 8, maxLength: 16 });
    // Words are made unique per paragraph, phrases are shared: the matcher may keep a moved paragraph's phrases where it was.
    const render = (parts: string[], p: number): string => `<p>${parts.map((w, k) => (w.includes(" ") ? w : `${w}${p}x${k}`)).join(" ")}</p>`;
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 4, maxLength: 9 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.array(sentence, { maxLength: 3 }), (texts, picks, fresh) => {
        const paras = texts.map(render);
        // Each pick moves one paragraph to another place, whole; fresh paragraphs land where moved ones were.
        const order = [...paras];
        picks.forEach((pick, k) => {
          const from = pick % order.length;
          const [block] = order.splice(from, 1);
          if (fresh[k]) order.splice(from, 0, render(fresh[k], 100 + k));
          order.splice((pick * 7 + 3) % (order.length + 1), 0, block!);
        });
        const script = diffDocuments(paras.join("\n\n") + "\n", order.join("\n\n") + "\n");
        for (const change of script.changes) if (change.kind === "move") expect(change.inner).toBeUndefined();
      }),
      fcParams(300),
    );
  });

  it.skipIf(!corpusPresent)("shows moves on the corpus pairs that moved blocks", () => {
    for (const [name, mode] of [
      ["ant-zip-examples-moved", "html"],
      ["dita-release-notes-moved", "xml"],
      ["whatwg-html5-source-reorg", "html"],
    ] as const) {
      const pair = readPair(name, mode);
      const script = diffDocuments(pair.a, pair.b, { mode });
      expect(script.changes.filter((c) => c.kind === "move").length, name).toBeGreaterThanOrEqual(2);
      expect(
        script.changes.some((c) => c.kind === "move" && c.inner),
        name,
      ).toBe(true);
    }
  });
});
