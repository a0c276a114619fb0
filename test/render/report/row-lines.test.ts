// Every row of the text report shows text of the lines its gutter names: the old text on a row
// (unchanged, deleted, moved away) is a piece of its old line, the new text (unchanged,
// inserted, moved here) a piece of its new line, and a row without a side's number shows none
// of that side's own text. Moved and edited blocks are where this is easy to get wrong, and end
// tags one document writes and the other leaves out (the parser implies them, with no text).

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
 * With every line shown, what is wrong with the rows of a report: each side's text (unchanged and
 * deleted, or unchanged and inserted; a ␊ mark is a line's own break) on the rows that name a
 * line, read in order, must be that line whole, and every line must have a row. A line split
 * over rows (the alignment crossing lines) is read across them; a long line shown as excerpts
 * is checked piece by piece, a re-indented one without its old indentation (not shown). No
 * difference, no rows.
 */
function wholeLineProblems(a: string, b: string): string[] {
  const report = renderText(diffDocuments(a, b), { theme, context: Infinity });
  if (!report) return [];
  const problems: string[] = [];
  const rows = rowsOf(report);
  for (const [kinds, side, source, number] of [
    [OLD_KINDS, "old", a, (row: Row) => row.oldLine],
    [NEW_KINDS, "new", b, (row: Row) => row.newLine],
  ] as const) {
    const lines = source.replace(/\n$/, "").split("\n");
    const shown = new Map<number, string>();
    const excerpts = new Set<number>();
    const reindented = new Set<number>();
    for (const row of rows) {
      const text = row.parts
        .filter((p) => kinds.has(p.kind))
        .map((p) => p.text)
        .join("");
      const at = number(row);
      if (at === null) {
        if (/\S/.test(text)) problems.push(`${row.source}\n    ${side} text with no ${side} line number`);
        continue;
      }
      shown.set(at, (shown.get(at) ?? "") + text);
      if (side === "old" && row.parts.some((p) => p.kind === "~")) reindented.add(at);
      if (!row.parts.some((p) => p.kind === "cut")) continue;
      excerpts.add(at);
      const problem = sideProblem(row, kinds, at, lines, side);
      if (problem) problems.push(`${row.source}\n    ${problem}`);
    }
    lines.forEach((line, k) => {
      const text = shown.get(k + 1);
      const indent = reindented.has(k + 1) ? /^[\t ]*/ : /^/;
      if (text === undefined) problems.push(`${side} line ${k + 1} has no row`);
      else if (text.replace(indent, "") !== line.replace(indent, "") && !excerpts.has(k + 1)) problems.push(`${side} line ${k + 1} is ${JSON.stringify(line)}, its rows show ${JSON.stringify(text)}`);
    });
  }
  return problems;
}

/**
 * Whether the tokens of both documents reach the documents' ends: text the parser drops at the
 * end (an unfinished tag) is shown as unchanged new text, whatever the old document has there.
 */
function tokensReachEnds(a: string, b: string): boolean {
  const script = diffDocuments(a, b);
  return (["a", "b"] as const).every((side) => {
    const tokens = script[side].tokens;
    const end = tokens.length ? tokens[tokens.length - 1]!.end : 0;
    return !/\S/.test(script[side].doc.source.slice(end));
  });
}

const word = fc.stringMatching(/^[a-z]{3,8}$/);

/** The containers whose children's end tags HTML lets a page leave out, and each child's name by its place. */
const OPTIONAL_ENDS: Readonly<Record<string, (k: number) => string>> = {
  ul: () => "li",
  div: () => "p",
  table: () => "tr",
  dl: (k) => (k % 2 ? "dd" : "dt"),
  select: () => "option",
};

/**
 * Two documents laid out alike, line by line: lists, paragraphs, table rows (a cell each),
 * definition lists and selects whose children's end tags (and a row's cell's) each document
 * writes or leaves out on its own, with a word of some children replaced, added or removed.
 */
const optionalEnds = fc
  .record({
    blocks: fc.array(
      fc.record({
        container: fc.constantFrom(...Object.keys(OPTIONAL_ENDS)),
        children: fc.array(
          fc.record({
            words: fc.array(word, { minLength: 1, maxLength: 4 }),
            // Whether each document writes the child's end tag, and a table row's cell's.
            ends: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
            edit: fc.option(fc.tuple(fc.constantFrom("replace", "insert", "delete"), fc.nat(), word), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    // What stands between a container's tags and its children.
    between: fc.constantFrom("\n  ", "\n", " ", ""),
  })
  .map(({ blocks, between }) => {
    const side = (s: 0 | 1): string =>
      blocks
        .map(({ container, children }, c) => {
          const items = children.map(({ words, ends, edit }, k) => {
            // Unique words: no block reads as moved.
            const own = words.map((w, n) => `${w}${c}x${k}x${n}`);
            if (s === 1 && edit) {
              const [kind, where, w] = edit;
              const at = where % own.length;
              if (kind === "replace") own[at] = `${w}${c}z${k}`;
              else if (kind === "insert") own.splice(at, 0, `${w}${c}y${k}`);
              else if (own.length > 1) own.splice(at, 1);
            }
            const name = OPTIONAL_ENDS[container]!(k);
            const [end, cellEnd] = s === 0 ? [ends[0], ends[1]] : [ends[2], ends[3]];
            const text = own.join(" ");
            if (name === "tr") return `<tr><td>${text}${cellEnd ? "</td>" : ""}${end ? "</tr>" : ""}`;
            return `<${name}>${text}${end ? `</${name}>` : ""}`;
          });
          return `<${container}>${between}${items.join(between)}${between}</${container}>`;
        })
        .join("\n") + "\n";
    return [side(0), side(1)] as [string, string];
  });

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

  it("show an end tag one side writes and the other leaves out as deleted or inserted where it is written, the white space around it unchanged", () => {
    const written = "<ul>\n  <li>One</li>\n  <li>Three</li>\n</ul>\n<p>Alpha one two.</p>\n<p>Beta.</p>\n";
    const left = "<ul>\n  <li>One\n  <li>Three\n</ul>\n<p>Alpha one two.\n<p>Beta.</p>\n";
    const rows = (marked: (tag: string) => string): string[] => [
      "@@ -1,6 +1,6 @@",
      "1 1 │ <ul>",
      `2 2 │   <li>One${marked("</li>")}`,
      `3 3 │   <li>Three${marked("</li>")}`,
      "4 4 │ </ul>",
      `5 5 │ <p>Alpha one two.${marked("</p>")}`,
      "6 6 │ <p>Beta.</p>",
    ];
    expect(renderText(diffDocuments(written, left)).split("\n")).toEqual(rows((tag) => `[-${tag}-]`));
    expect(renderText(diffDocuments(left, written)).split("\n")).toEqual(rows((tag) => `{+${tag}+}`));
  });

  it("show an end tag left out of a moved paragraph as an edit where it arrived, with the old line it was on", () => {
    const words = ["Alpha one two three four five.", "Beta six seven eight nine ten.", "Gamma eleven twelve thirteen.", "Delta fourteen fifteen sixteen."];
    const page = (order: number[], open: number): string => order.map((k) => `<p>${words[k]}${k === open ? "" : "</p>"}\n`).join("");
    const [a, b] = [page([0, 1, 2, 3], -1), page([0, 2, 3, 1], 1)];
    expect(renderText(diffDocuments(a, b)).split("\n")).toEqual([
      "@@ -1,4 +1,4 @@",
      "1 1 │ <p>Alpha one two three four five.</p>",
      "2   │ [-<p>Beta six seven eight nine ten.</p>-]  (moved to new line 4, edited)",
      "3 2 │ <p>Gamma eleven twelve thirteen.</p>",
      "4 3 │ <p>Delta fourteen fifteen sixteen.</p>",
      "2 4 │ <p>Beta six seven eight nine ten.[-</p>-]  (moved from old line 2, edited)",
    ]);
    expect(renderText(diffDocuments(b, a)).split("\n")).toEqual([
      "@@ -1,4 +1,4 @@",
      "1 1 │ <p>Alpha one two three four five.</p>",
      "  2 │ <p>Beta six seven eight nine ten.{+</p>+}  (moved from old line 4, edited)",
      "2 3 │ <p>Gamma eleven twelve thirteen.</p>",
      "3 4 │ <p>Delta fourteen fifteen sixteen.</p>",
      "4   │ [-<p>Beta six seven eight nine ten.-]  (moved to new line 2, edited)",
    ]);
  });

  it("count an end tag written on one side only as no change by itself: marked where a hunk shows it, no hunk of its own", () => {
    const lines = Array.from({ length: 8 }, (_, n) => `<p>Line ${n}.</p>\n`).join("");
    const [a, b] = [`<p>a</p><p>b</p>\n${lines}`, `<p>a<p>b</p>\n${lines}`];
    expect(diffDocuments(a, b).identical).toBe(true);
    const script = diffDocuments(`${a}<p>x</p>\n`, `${b}<p>y</p>\n`);
    expect(renderText(script).split("\n")).toEqual(["@@ -7,4 +7,4 @@", " 7  7 │ <p>Line 5.</p>", " 8  8 │ <p>Line 6.</p>", " 9  9 │ <p>Line 7.</p>", "10 10 │ <p>[-x-]{+y+}</p>"]);
    expect(renderText(script, { context: 9 }).split("\n").slice(0, 2)).toEqual(["@@ -1,10 +1,10 @@", " 1  1 │ <p>a[-</p>-]<p>b</p>"]);
  });

  it("show text of the lines their numbers name (property, generated documents)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([a, b]) => {
        fc.pre(tokensReachEnds(a, b));
        expect(rowProblems(a, b, false)).toEqual([]);
      }),
      fcParams(300),
    );
  });

  it("show each line whole on its row where end tags are written on one side and left out on the other (property)", () => {
    fc.assert(
      fc.property(optionalEnds, ([a, b]) => {
        expect(wholeLineProblems(a, b)).toEqual([]);
        expect(wholeLineProblems(b, a)).toEqual([]);
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
