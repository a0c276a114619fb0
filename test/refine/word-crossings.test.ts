// A paragraph re-wrapped (Prettier, an editor's fill) has the same words with other white space
// between them. A word at a line's end on one side starts the next line on the other: the word
// and the line break cross, and a longest common subsequence may keep the line break and mark
// the word deleted and inserted again. The edit script keeps the words and changes the white
// space instead.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/index.js";
import { renderText, plainTheme } from "../../src/render/report/text.js";
import type { EditScript } from "../../src/edit-script.js";
import { fcParams } from "../support/arbitraries.js";

/** The tokens the script marks changed on either side that are not white space, as "side:text". */
function changedWords(script: EditScript): string[] {
  const words: string[] = [];
  for (const code of script.opcodes) {
    if (code.tag === "equal") continue;
    for (let t = code.aStart; t < code.aEnd; t++) if (script.token("a", t).kind !== "space") words.push(`a:${script.token("a", t).text}`);
    for (let t = code.bStart; t < code.bEnd; t++) if (script.token("b", t).kind !== "space") words.push(`b:${script.token("b", t).text}`);
  }
  return words;
}

const WORDS = ["to", "assist", "in", "conveying", "audio", "information", "the", "user", "a", "role", "of", "menu", "with", "children", "each", "flavor", "x,", "(and)", "it's"];

/** Words joined by white space: a space, or a line break and an indentation, chosen by `breaks`. */
function wrapped(words: readonly string[], breaks: readonly boolean[], indent: string): string {
  return words.map((word, i) => (i === 0 ? word : `${breaks[i] ? `\n${indent}` : " "}${word}`)).join("");
}

describe("words that cross white space", () => {
  it("keeps a word that moved to the next line, the line breaks changed around it", () => {
    const a = "<p>\n  to assist in\n  conveying audio\n</p>";
    const b = "<p>\n  to assist\n  in conveying audio\n</p>";
    const script = diffDocuments(a, b);
    expect(changedWords(script)).toEqual([]);
    expect(renderText(script, { theme: plainTheme })).toContain("{+  +}in");
  });

  it("marks no word of a paragraph re-wrapped in any way (generated paragraphs and line breaks)", () => {
    const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(paragraph, fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean()), fc.constantFrom("  ", "    ", "\t"), (words, x, y, indent) => {
        const breaksA = [...x.take(words.length)];
        const breaksB = [...y.take(words.length)];
        const a = `<section>\n<p>\n${indent}${wrapped(words, breaksA, indent)}\n</p>\n</section>`;
        const b = `<section>\n<p>\n${indent}${wrapped(words, breaksB, indent)}\n</p>\n</section>`;
        expect(changedWords(diffDocuments(a, b))).toEqual([]);
      }),
      fcParams(1500),
    );
  });

  it("leaves alone a change whose words differ, and keeps every change of white space", () => {
    const a = "<p>one two\n  three four</p>";
    const b = "<p>one\n  two three five</p>";
    const script = diffDocuments(a, b);
    expect(changedWords(script)).toEqual(["a:four", "b:five"]);
  });
});
