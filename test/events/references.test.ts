// Character references decoded with a map back to the source: every decoded prefix maps to a raw
// prefix that decodes to exactly it, including legacy references without a semicolon that run
// into letters (`&ampDocument` is `&` then `Document`), where tokens once got wrong spans.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHTML, decodeXML } from "entities/decode";
import { decodeText } from "../../src/events/references.js";
import { fcParams } from "../support/arbitraries.js";

/** Pieces of text: plain letters and spaces, references with and without semicolons, some running into letters or digits. */
const PIECES = ["a", "Doc", " ", ";", "&", "&amp;", "&amp", "&ampDocument", "&notit;", "&not", "&copy2", "&#65", "&#65;", "&#x41x", "&#x1F600;", "&lt;", "&gt", "&unknown;", "&am", "&#", "&#x", "é"];

describe("decodeText's offset map", () => {
  it("maps every decoded prefix to a raw prefix that decodes to exactly it (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.constantFrom("html" as const, "xml" as const), (pieces, mode) => {
        const raw = pieces.join("");
        const decoded = decodeText(raw, mode);
        for (let i = 0; i <= decoded.text.length; i++) {
          // Inside a surrogate pair there is no raw prefix of its own.
          const code = decoded.text.charCodeAt(i - 1);
          if (code >= 0xd800 && code <= 0xdbff) continue;
          expect(decodeText(raw.slice(0, decoded.rawOffset(i)), mode).text, `prefix ${i} of ${JSON.stringify(raw)}`).toBe(decoded.text.slice(0, i));
        }
      }),
      fcParams(500),
    );
  });

  it("splits a legacy reference from the letters after it", () => {
    const decoded = decodeText("&ampDocument", "html");
    expect(decoded.text).toBe("&Document");
    expect([decoded.rawOffset(0), decoded.rawOffset(1), decoded.rawOffset(9)]).toEqual([0, 4, 12]);
  });

  it("decodes as the whole text decodes, texts read in any order and in either mode (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), fc.constantFrom("html" as const, "xml" as const)), { maxLength: 6 }), (texts) => {
        for (const [pieces, mode] of texts) {
          const raw = pieces.join("");
          expect(decodeText(raw, mode).text, JSON.stringify(raw)).toBe(mode === "xml" ? decodeXML(raw) : decodeHTML(raw));
        }
      }),
      fcParams(300),
    );
  });
});
