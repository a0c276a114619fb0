// Every row of the text report shows text of the lines its gutter names: the old text on a row
// (unchanged, deleted, moved away) is a piece of its old line, the new text (unchanged,
// inserted, moved here) a piece of its new line, and a row without a side's number shows none
// of that side's own text. Moved and edited blocks are where this is easy to get wrong.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../../src/pipeline.js";
import { displayLines, hunks } from "../../../src/render/report/lines.js";
import { renderText, type Theme } from "../../../src/render/report/text.js";
import { documentPair, fcParams, htmlDocument } from "../../support/arbitraries.js";

/** Marks each kind of part apart: what no generated document contains. */
const theme: Theme = {
  deleted: (s) => `⟦-${s}-⟧`,
  inserted: (s) => `⟦+${s}+⟧`,
  movedFrom: (s) => `⟦<${s}<⟧`,
  movedTo: (s) => `⟦>${s}>⟧`,
  reindented: (s) => `⟦~${s}~⟧`,
  meta: (s) => `⟪${s}⟫`,
};

/** A part's mark; `cut` stands for text left out of an excerpt. */
type Kind = "equal" | "-" | "+" | "<" | ">" | "~" | "cut";
interface Row {
  readonly oldLine: number | null;
  readonly newLine: number | null;
  readonly parts: readonly { kind: Kind; text: string }[];
  readonly source: string;
}

/** The rows of a report made with {@link theme}: gutter numbers and the marked parts (notes and control pictures left out). */
function rowsOf(report: string): Row[] {
  return report
    .split("\n")
    .filter((row) => row && !row.startsWith("⟪@@"))
    .map((source) => {
      const gutter = /^⟪ *(\d*) +(\d*) │⟫ /.exec(source);
      if (!gutter) throw new Error(`no gutter: ${source}`);
      // A long line is shown as excerpts, each headed by its column, unchanged text cut with "…".
      const body = source
        .slice(gutter[0].length)
        .replace(/^⟪\[col [^⟫]*⟫ /, "")
        .replace(/⟪[^⟫]*⟫/g, "");
      const parts: { kind: Kind; text: string }[] = [];
      for (const m of body.matchAll(/⟦([-+<>~])([^⟧]*)\1⟧|[^⟦…]+|…/g)) {
        const part = m[1] ? { kind: m[1] as Kind, text: m[2]! } : m[0] === "…" ? { kind: "cut" as const, text: "" } : { kind: "equal" as const, text: m[0] };
        const text = part.text.replace(/^(\u240d?\u240a)$/, "");
        if (text || part.kind === "cut") parts.push({ ...part, text });
      }
      const num = (s: string): number | null => (s ? Number(s) : null);
      return { oldLine: num(gutter[1]!), newLine: num(gutter[2]!), parts, source };
    });
}

const OLD_KINDS: ReadonlySet<Kind> = new Set(["equal", "-", "<"]);
/** The old side's own parts: unchanged text is shown from the new document, which may spell it otherwise (`&lt;` for `<`, `</P>` for `</p>`, an implied end tag). */
const OLD_ONLY_KINDS: ReadonlySet<Kind> = new Set(["-", "<"]);
const NEW_KINDS: ReadonlySet<Kind> = new Set(["equal", "+", ">", "~"]);

/**
 * Whether the texts appear in `line` in order, each after the one before, and right after it
 * when `adjacent[k]` (nothing of the other side stood between them on the row).
 */
function piecesOf(line: string, texts: readonly string[], adjacent: readonly boolean[], from = 0, k = 0): boolean {
  if (k === texts.length) return true;
  const text = texts[k]!;
  if (k > 0 && adjacent[k]) return line.startsWith(text, from) && piecesOf(line, texts, adjacent, from + text.length, k + 1);
  for (let at = line.indexOf(text, from); at >= 0; at = line.indexOf(text, at + 1)) {
    if (piecesOf(line, texts, adjacent, at + text.length, k + 1)) return true;
  }
  return false;
}

/** What is wrong with one side of a row, or undefined. */
function sideProblem(row: Row, kinds: ReadonlySet<Kind>, number: number | null, lines: readonly string[], side: string): string | undefined {
  const texts: string[] = [];
  const adjacent: boolean[] = [];
  let previousMine = false;
  for (const part of row.parts) {
    const mine = kinds.has(part.kind);
    if (mine) {
      texts.push(part.text);
      adjacent.push(previousMine);
    }
    previousMine = mine;
  }
  if (number === null) {
    // Only the side's own text (not unchanged white space) would need a number.
    const own = row.parts.filter((p) => kinds.has(p.kind) && p.kind !== "equal" && /\S/.test(p.text));
    return own.length ? `${side} text with no ${side} line number` : undefined;
  }
  const line = (lines[number - 1] ?? "").replace(/\r$/, "");
  return piecesOf(line, texts, adjacent) ? undefined : `${side} text is not from ${side} line ${number}: ${JSON.stringify(line)}`;
}

/** Every row's problems, as `row: problem`; unchanged text checked against the old line too when `sameSpelling`. */
function rowProblems(a: string, b: string, sameSpelling = true): string[] {
  const report = renderText(diffDocuments(a, b), { theme, context: 2 });
  const [aLines, bLines] = [a.split("\n"), b.split("\n")];
  const problems: string[] = [];
  for (const row of rowsOf(report)) {
    for (const problem of [sideProblem(row, sameSpelling ? OLD_KINDS : OLD_ONLY_KINDS, row.oldLine, aLines, "old"), sideProblem(row, NEW_KINDS, row.newLine, bLines, "new")]) {
      if (problem) problems.push(`${row.source}\n    ${problem}`);
    }
  }
  return problems;
}

/**
 * Whether every token of both documents is text of its own and the tokens reach the documents'
 * ends. Text the parser drops at the end (an unfinished tag) is shown as unchanged new text,
 * whatever the old document has there; an old tag matched to a tag the new document implies
 * (no text) is shown as nothing, its deleted neighbours joined.
 */
function ownTokens(a: string, b: string): boolean {
  const script = diffDocuments(a, b);
  return (["a", "b"] as const).every((side) => {
    const tokens = script[side].tokens;
    const end = tokens.length ? tokens[tokens.length - 1]!.end : 0;
    return tokens.every((t) => t.end > t.start) && !/\S/.test(script[side].doc.source.slice(end));
  });
}

const word = fc.stringMatching(/^[a-z]{3,8}$/);

/** Paragraphs of unique words over a few lines, one moved elsewhere with some words changed, added, removed or broken onto another line. */
const movedAndEdited = fc
  .record({
    paras: fc.array(fc.array(word, { minLength: 6, maxLength: 14 }), { minLength: 3, maxLength: 7 }),
    moved: fc.array(word, { minLength: 6, maxLength: 14 }),
    from: fc.nat(),
    to: fc.nat(),
    edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom("replace", "insert", "delete", "break", "join"), word), { maxLength: 4 }),
    lineEvery: fc.integer({ min: 3, max: 8 }),
    // Paragraphs one after the other on a line, so that halves of moves meet on a line.
    between: fc.constantFrom("\n", "", " "),
  })
  .map(({ paras, moved, from, to, edits, lineEvery, between }) => {
    const unique = paras.map((words, p) => words.map((w, k) => `${w}${p}x${k}`));
    const block = moved.map((w, k) => `${w}mx${k}`);
    const at = from % unique.length;
    // Anywhere but where it was.
    const there = (at + 1 + (to % unique.length)) % (unique.length + 1);
    const text = (words: string[], breaks: ReadonlySet<number>): string => words.map((w, k) => (k === 0 ? w : `${breaks.has(k) ? "\n" : " "}${w}`)).join("");
    const breaksOf = (words: string[]): Set<number> => new Set(words.map((_, k) => k).filter((k) => k > 0 && k % lineEvery === 0));
    const edited = [...block];
    const breaks = breaksOf(block);
    for (const [where, kind, w] of edits) {
      const k = where % edited.length;
      if (kind === "replace") edited[k] = `${w}zz`;
      else if (kind === "insert") edited.splice(k, 0, `${w}yy`);
      else if (kind === "delete" && edited.length > 3) edited.splice(k, 1);
      else if (kind === "break") breaks.add(k || 1);
      else breaks.delete(k);
    }
    const render = (ps: string[]): string => `${ps.map((p) => `<p>${p}</p>`).join(between)}\n`;
    const paraTexts = unique.map((words) => text(words, breaksOf(words)));
    const a = render([...paraTexts.slice(0, at), text(block, breaksOf(block)), ...paraTexts.slice(at)]);
    const b = render([...paraTexts.slice(0, there), text(edited, breaks), ...paraTexts.slice(there)]);
    return [a, b] as [string, string];
  });

describe("rows of the text report", () => {
  it("give each half of a move rows of its own, and an edited block where it arrived the old line of its edits", () => {
    const alpha = "<p>alpha beta gamma delta epsilon zeta eta theta</p>";
    const omega = "<p>omega psi chi phi upsilon tau sigma rho</p>";
    const middle = "<p>one two three four five six seven eight nine ten</p>\n<p>kept words stay here for anchoring</p>\n";
    const a = `<h1>Title</h1>\n${alpha}\n${middle}${omega}<p>end of it all</p>\n`;
    const b = `<h1>Title</h1>\n${omega}\n${middle}${alpha.replace("gamma", "kappa")}<p>end of it all</p>\n`;
    expect(renderText(diffDocuments(a, b)).split("\n")).toEqual([
      "@@ -1,5 +1,5 @@",
      "1 1 │ <h1>Title</h1>",
      "2   │ [-<p>alpha beta gamma delta epsilon zeta eta theta</p>-]  (moved to new line 5, edited)",
      "  2 │ <p>omega psi chi phi upsilon tau sigma rho</p>  (moved from old line 5)",
      "3 3 │ <p>one two three four five six seven eight nine ten</p>",
      "4 4 │ <p>kept words stay here for anchoring</p>",
      "5   │ [-<p>omega psi chi phi upsilon tau sigma rho</p>-]  (moved to new line 2)",
      "2 5 │ <p>alpha beta [-gamma-]{+kappa+} delta epsilon zeta eta theta</p>  (moved from old line 2, edited)",
      "5 5 │ <p>end of it all</p>",
    ]);
  });

  it("show text of the lines their numbers name (property, generated documents)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([a, b]) => {
        fc.pre(ownTokens(a, b));
        expect(rowProblems(a, b, false)).toEqual([]);
      }),
      fcParams(300),
    );
  });

  it("show text of the lines their numbers name (property, paragraphs moved and edited)", () => {
    fc.assert(
      fc.property(movedAndEdited, ([a, b]) => {
        expect(rowProblems(a, b)).toEqual([]);
      }),
      fcParams(300),
    );
  });

  it("keep each side's line numbers in order, and hunk ranges over them (property, paragraphs moved and edited)", () => {
    fc.assert(
      fc.property(movedAndEdited, fc.nat(3), ([a, b], context) => {
        const lines = displayLines(diffDocuments(a, b));
        const inOrder = (numbers: (number | null)[]): void => {
          const shown = numbers.filter((n): n is number => n !== null);
          expect(shown).toEqual([...shown].sort((x, y) => x - y));
        };
        inOrder(lines.map((l) => (l.oldElsewhere ? null : l.oldLine)));
        inOrder(lines.map((l) => l.newLine));
        // An edit shown where a moved block arrived names an old line shown where the block was.
        const inPlace = new Set(lines.filter((l) => !l.oldElsewhere).map((l) => l.oldLine));
        for (const line of lines.filter((l) => l.oldElsewhere)) expect(inPlace.has(line.oldLine)).toBe(true);
        let [oldEnd, newEnd] = [0, 0];
        for (const hunk of hunks(lines, context)) {
          const olds = hunk.lines.filter((l) => !l.oldElsewhere && l.oldLine !== null).map((l) => l.oldLine!);
          const news = hunk.lines.filter((l) => l.newLine !== null).map((l) => l.newLine!);
          if (olds.length) expect([hunk.oldStart, hunk.oldStart + hunk.oldCount - 1]).toEqual([olds[0], olds[olds.length - 1]]);
          if (news.length) expect([hunk.newStart, hunk.newStart + hunk.newCount - 1]).toEqual([news[0], news[news.length - 1]]);
          // A range of no lines starts at the line before its place.
          expect(hunk.oldStart).toBeGreaterThanOrEqual(oldEnd + (hunk.oldCount ? 1 : 0));
          expect(hunk.newStart).toBeGreaterThanOrEqual(newEnd + (hunk.newCount ? 1 : 0));
          [oldEnd, newEnd] = [hunk.oldStart + hunk.oldCount - 1, hunk.newStart + hunk.newCount - 1];
        }
      }),
      fcParams(200),
    );
  });
});
