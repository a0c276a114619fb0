import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { normalizeOptions } from "../../src/options.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { renderJson } from "../../src/render/report/json.js";
import { renderText } from "../../src/render/report/text.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";
import { KeyTable } from "../../src/text/intern.js";
import { KIND_CODE, kindCodes, listOf, sideList, tokenEvents, WRITTEN_AS_KEY } from "../../src/text/token-list.js";
import { tokenizePair } from "../../src/text/shared-tokens.js";
import { tagTokens } from "../../src/text/tag-pairs.js";
import type { Token, TokenList } from "../../src/types.js";
import { documentPair, fcParams, TOKEN_OPTION_SETS, htmlDocument } from "../support/arbitraries.js";

/** Every token of a list as its fields read one at a time. */
function fields(list: TokenList): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < list.length; i++) out.push({ kind: list.kind(i), text: list.text(i), key: list.key(i), event: list.event(i), start: list.start(i), end: list.end(i) });
  return out;
}

describe("token columns", () => {
  beforeAll(loadIgnoreEngines);

  it("read each field as the token objects hold it, on both sides of a pair (generated HTML pairs, every option set)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument(60)), fc.constantFrom(...TOKEN_OPTION_SETS), ([a, b], options) => {
        const opts = normalizeOptions(options);
        for (const keyed of tokenizePair(parseDocument(a), parseDocument(b), opts, new KeyTable())) {
          const { columns } = keyed;
          // The text kept as the key is the text written: what the source says under the span.
          for (let i = 0; i < columns.length; i++) expect(columns.text(i)).toBe(columns.source.slice(columns.start(i), columns.end(i)));
          expect(fields(columns)).toEqual(keyed.tokens);
          expect(Array.from({ length: columns.length }, (_, i) => columns.at(i))).toEqual(keyed.tokens);
          expect(fields(listOf(keyed.tokens))).toEqual(keyed.tokens);
          const kinds = keyed.tokens.map((t) => KIND_CODE[t.kind]);
          for (const list of [columns, listOf(keyed.tokens)]) {
            expect(Array.from(kindCodes(list), (code) => code & ~WRITTEN_AS_KEY)).toEqual(kinds);
            expect(Array.from(tokenEvents(list))).toEqual(keyed.tokens.map((t) => t.event));
            expect(Array.from(tagTokens(list))).toEqual(keyed.tokens.flatMap((t, i) => (t.kind === "open" || t.kind === "close" ? [i] : [])));
          }
        }
      }),
      fcParams(300),
    );
  });

  it("are compared and written in every format without making the whole lists' token objects, where edits are everywhere", () => {
    const paragraphs = (edited: boolean) => Array.from({ length: 200 }, (_, i) => `<p>line ${i} ${edited && i % 10 === 0 ? "changed" : "kept"} <b>x</b></p>\n`).join("");
    const script = diffDocuments(paragraphs(false), paragraphs(true));
    expect(script.a.list).toBeDefined();
    expect(script.shared).toEqual({ head: 0, tail: 0 });
    const lists = [vi.spyOn(script.a, "tokens", "get"), vi.spyOn(script.b, "tokens", "get")];
    expect(renderHtml(script)).toContain("changed");
    expect(renderPage(script)).toContain("changed");
    expect(renderText(script)).toContain("changed");
    expect(JSON.stringify(renderJson(script, { old: "a.html", new: "b.html" }))).toContain('"changes":20');
    for (const list of lists) expect(list).not.toHaveBeenCalled();
    expect(sideList(script.b).text(script.opcodes[1]!.bStart)).toBe("changed");
  });
});
