// serializeEvents: the markup it writes for a document's events must parse back to those events
// (accept and reject write their result with it).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { serializeEvents } from "../../src/html/serialize.js";
import { fcParams, htmlDocument } from "../support/arbitraries.js";
import { firstEventDifference } from "../support/html-check.js";

/** Pieces that leave a script's text in each state of a browser's tokenizer, cut off or not. */
const SCRIPT_PIECES = ["<script>", "</script>", "<!--", "-->", "<script ", "x", "\n"];

/** HTML documents with scripts in every escape state, often cut off by the end of the file. */
const withScripts = fc.array(fc.oneof(htmlDocument(4), fc.constantFrom(...SCRIPT_PIECES)), { maxLength: 12 }).map((pieces) => pieces.join(""));

/** The first difference between a document's events and those of the markup serializeEvents writes for them, or null. */
const roundTrip = (source: string): string | null => firstEventDifference(serializeEvents(parseDocument(source, { mode: "html" }).events), source, "html");

describe("serializeEvents", () => {
  it("writes a script cut off by the end of the file inside <!--<script> without end tags, which would be its text", () => {
    for (const source of ["<p>x<script><!--<script>", "<div><script><!--<script>a</script>b", "<script><!--<SCRIPT>"]) {
      expect(roundTrip(source), source).toBeNull();
    }
  });

  it("writes markup that parses back to the same events (HTML with scripts, property)", () => {
    fc.assert(
      fc.property(withScripts, (source) => {
        expect(roundTrip(source), source).toBeNull();
      }),
      fcParams(1000),
    );
  });
});
