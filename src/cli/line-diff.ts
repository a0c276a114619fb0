// A unified diff of two texts' lines, as `git diff` prints it: for a file that is neither HTML
// nor XML when git calls htmldiff for every file (GIT_EXTERNAL_DIFF).

import { myersDiff } from "../match/myers.js";
import { groupOpcodes, opcodeCounts } from "../match/opcodes.js";
import type { TextFileDiff } from "../render/formats.js";

/** How the parts of a line diff look: the file header, hunk headers, removed and added lines. */
export interface LineTheme {
  readonly header: (text: string) => string;
  readonly hunk: (text: string) => string;
  readonly deleted: (text: string) => string;
  readonly inserted: (text: string) => string;
}

const same = (text: string): string => text;

/** No colour. */
export const plainLineTheme: LineTheme = Object.freeze({ header: same, hunk: same, deleted: same, inserted: same });

/**
 * The unified diff of `oldText` and `newText` line by line (Myers), `context` lines around each
 * change, empty when the texts are equal (a last line without a newline is followed by git's
 * `\ No newline at end of file`); with the lines it adds and removes and the first line of the new
 * text a change touches (1-based; absent when none does), for the one-line formats.
 *
 * @example lineDiff("a\nb\n", "a\nc\n", "a/x.txt", "b/x.txt", 3)
 *   // { diff: "--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", inserted: 1, deleted: 1, firstLine: 2 }
 */
export function lineDiff(oldText: string, newText: string, oldLabel: string, newLabel: string, context: number, theme = plainLineTheme): TextFileDiff {
  const { a, b, opcodes } = lineOpcodes(oldText, newText);
  const { inserted, deleted } = opcodeCounts(opcodes);
  const first = opcodes.find((code) => code.tag !== "equal");
  if (first === undefined) return { diff: "", inserted, deleted };
  const out = [theme.header(`--- ${oldLabel}`), theme.header(`+++ ${newLabel}`)];
  for (const group of groupOpcodes(opcodes, context)) {
    const head = group[0]!;
    const last = group[group.length - 1]!;
    out.push(theme.hunk(`@@ -${range(head.aStart, last.aEnd)} +${range(head.bStart, last.bEnd)} @@`));
    for (const code of group) {
      if (code.tag === "equal") {
        for (const line of a.slice(code.aStart, code.aEnd)) out.push(...row(" ", line, same));
        continue;
      }
      for (const line of a.slice(code.aStart, code.aEnd)) out.push(...row("-", line, theme.deleted));
      for (const line of b.slice(code.bStart, code.bEnd)) out.push(...row("+", line, theme.inserted));
    }
  }
  const diff = `${out.join("\n")}\n`;
  return first.bStart < b.length ? { diff, inserted, deleted, firstLine: first.bStart + 1 } : { diff, inserted, deleted };
}

/** Both texts' lines and their Myers opcodes. */
function lineOpcodes(oldText: string, newText: string): { a: string[]; b: string[]; opcodes: ReturnType<typeof myersDiff>["opcodes"] } {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const keys = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => Int32Array.from(lines, (line) => keys.get(line) ?? keys.set(line, keys.size).get(line)!);
  return { a, b, opcodes: myersDiff(intern(a), intern(b)).opcodes };
}

/** Lines with their newlines kept, so that a missing last newline is a difference. */
function splitLines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** One diff row, and git's note when the line has no newline. */
function row(marker: string, line: string, paint: (text: string) => string): string[] {
  const ended = line.endsWith("\n");
  const shown = paint(`${marker}${ended ? line.slice(0, -1) : line}`);
  return ended ? [shown] : [shown, "\\ No newline at end of file"];
}

/** A hunk range as unified diffs write it: `start,count`, `start` alone for one line, the line before for none. */
function range(start: number, end: number): string {
  const count = end - start;
  if (count === 1) return String(start + 1);
  return `${count === 0 ? start : start + 1},${count}`;
}
