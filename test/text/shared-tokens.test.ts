import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { normalizeOptions, type DiffOptions } from "../../src/options.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { KeyTable } from "../../src/text/intern.js";
import { commonEnds } from "../../src/events/common-ends.js";
import { tokenizePair } from "../../src/text/shared-tokens.js";
import { tokenizeKeyed } from "../../src/text/tokens.js";
import type { ParseMode } from "../../src/types.js";
import { parsePair } from "../../src/events/shared-parse.js";
import { documentPair, EAGER_RUN_SEARCH, fcParams, spreadEdits, TOKEN_OPTION_SETS, htmlDocument, xmlDocument } from "../support/arbitraries.js";
import { documentAndMutation } from "../support/documents.js";

/** Both sides tokenized one after the other, each in full: what tokenizePair must give. */
function separately(a: string, b: string, mode: ParseMode, options: DiffOptions = {}) {
  const opts = normalizeOptions({ ...options, mode });
  const table = new KeyTable();
  const keyedA = tokenizeKeyed(parseDocument(a, { mode }), opts, table);
  const keyedB = tokenizeKeyed(parseDocument(b, { mode }), opts, table);
  return { a: { tokens: keyedA.tokens, ids: [...keyedA.ids] }, b: { tokens: keyedB.tokens, ids: [...keyedB.ids] } };
}

function together(a: string, b: string, mode: ParseMode, options: DiffOptions = {}) {
  const opts = normalizeOptions({ ...options, mode });
  const [keyedA, keyedB] = tokenizePair(parseDocument(a, { mode }), parseDocument(b, { mode }), opts, new KeyTable());
  return { a: { tokens: keyedA.tokens, ids: [...keyedA.ids] }, b: { tokens: keyedB.tokens, ids: [...keyedB.ids] } };
}

/** tokenizePair of the two documents parsed together (`parsePair`, copying many short shared runs). */
function parsedTogether(a: string, b: string, mode: ParseMode, options: DiffOptions = {}) {
  const opts = normalizeOptions({ ...options, mode });
  const [keyedA, keyedB] = tokenizePair(...parsePair(a, b, { mode }, EAGER_RUN_SEARCH), opts, new KeyTable());
  return { a: { tokens: keyedA.tokens, ids: [...keyedA.ids] }, b: { tokens: keyedB.tokens, ids: [...keyedB.ids] } };
}

/** Pieces of documents where ignored elements (`i.x`, `meta`) stand after white space and text, inside and after runs a parse copies. */
const WITH_IGNORED = fc
  .array(fc.constantFrom("<p>", "</p>", " ", "\n  ", "word", "two words ", '<i class="x">gone</i>', '<meta name="generator" content="v1">', "<b>", "</b>", "<!-- c -->"), { maxLength: 14 })
  .map((pieces) => pieces.join(""));

describe("tokenizePair", () => {
  beforeAll(loadIgnoreEngines);

  it("gives the same tokens and ids as tokenizing each side in full where copied runs meet ignored elements (--ignore)", () => {
    const options: DiffOptions = { ignoreElements: ["i.x", "meta"], ignoreComments: true };
    fc.assert(
      fc.property(spreadEdits(WITH_IGNORED), ([a, b]) => {
        expect(parsedTogether(a, b, "html", options)).toEqual(separately(a, b, "html", options));
      }),
      fcParams(1500),
    );
  });

  it("gives the same tokens and ids as tokenizing each side in full where the new side's parse copied runs of the old one's events (every option set)", () => {
    fc.assert(
      fc.property(fc.oneof(spreadEdits(htmlDocument(12)), documentPair(htmlDocument(60))), fc.constantFrom(...TOKEN_OPTION_SETS), ([a, b], options) => {
        expect(parsedTogether(a, b, "html", options)).toEqual(separately(a, b, "html", options));
      }),
      fcParams(1500),
    );
    fc.assert(
      fc.property(spreadEdits(xmlDocument(12)), ([a, b]) => {
        expect(parsedTogether(a, b, "xml")).toEqual(separately(a, b, "xml"));
      }),
      fcParams(400),
    );
  });

  it("gives the same tokens and ids as tokenizing each side in full (generated HTML pairs, every option set)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument(60)), fc.constantFrom(...TOKEN_OPTION_SETS), ([a, b], options) => {
        expect(together(a, b, "html", options)).toEqual(separately(a, b, "html", options));
      }),
      fcParams(600),
    );
  });

  it("gives the same tokens and ids as tokenizing each side in full (generated XML pairs)", () => {
    fc.assert(
      fc.property(documentPair(xmlDocument(60)), ([a, b]) => {
        expect(together(a, b, "xml")).toEqual(separately(a, b, "xml"));
      }),
      fcParams(300),
    );
  });

  it("gives the same tokens and ids as tokenizing each side in full (documents and their mutations)", () => {
    fc.assert(
      fc.property(documentAndMutation(), ({ a, b }) => {
        expect(together(a, b, "html")).toEqual(separately(a, b, "html"));
      }),
      fcParams(300),
    );
  });

  it("tokenizes the shared start and end once: the new side reuses the old side's tokens there", () => {
    const shared = "<p>one two three</p>\n".repeat(50);
    const a = `${shared}<p>typo here</p>${shared}`;
    const b = `${shared}<p>typos here</p>${shared}`;
    const [keyedA, keyedB] = tokenizePair(parseDocument(a), parseDocument(b), normalizeOptions({}), new KeyTable());
    expect(keyedB.tokens[0]).toBe(keyedA.tokens[0]);
    expect(keyedB.tokens[300]).toBe(keyedA.tokens[300]);
    expect(together(a, b, "html")).toEqual(separately(a, b, "html"));
  });
});

describe("commonEnds", () => {
  /** The shared start, and the shared end of what is left, counted a character at a time. */
  function naive(x: string, y: string): { head: number; tail: number } {
    const shortest = Math.min(x.length, y.length);
    let head = 0;
    while (head < shortest && x[head] === y[head]) head++;
    let tail = 0;
    while (tail < shortest - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
    return { head, tail };
  }

  it("counts the same shared start and end as comparing character by character", () => {
    const text = (max: number) => fc.string({ unit: fc.constantFrom("a", "b", "\n", "é", "\ud83d", "\ude00"), maxLength: max });
    fc.assert(
      fc.property(text(3000), text(20), text(20), text(3000), (shared, x, y, end) => {
        const a = shared + x + end;
        const b = shared + y + end;
        expect(commonEnds(a, b)).toEqual(naive(a, b));
        expect(commonEnds(b, a)).toEqual(naive(b, a));
      }),
      fcParams(300),
    );
  });
});
