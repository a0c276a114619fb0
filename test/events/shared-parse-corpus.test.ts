import { describe, expect, it } from "vitest";
import { eventTable, type EventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { parsePair } from "../../src/events/shared-parse.js";
import { RUN_SEARCH, type RunSearch } from "../../src/events/shared-runs.js";
import { omittedTagsToImply } from "../../src/html/implied-tags.js";
import { corpusEntries, corpusPresent, readPair } from "../support/corpus.js";

/** A search that finds many short runs, often at wrong places: each one tests the parse's checks. */
const EAGER: RunSearch = { minLength: 8, probe: 4, reach: 256, tries: 8 };

/** The first event where two tables differ in kind, flags, span, name, text, data or attributes, as a line; null when they hold the same events. */
function firstDifference(x: EventTable, y: EventTable): string | null {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (i >= x.length || i >= y.length) return `event ${i}: one table ends (${x.length} against ${y.length})`;
    const kind = x.kindAt(i);
    const same =
      kind === y.kindAt(i) &&
      x.flagAt(i) === y.flagAt(i) &&
      x.startAt(i) === y.startAt(i) &&
      x.endAt(i) === y.endAt(i) &&
      (kind === "open" || kind === "close" || kind === "instruction" ? x.nameAt(i) === y.nameAt(i) : x.textAt(i) === y.textAt(i)) &&
      (kind !== "instruction" || x.dataAt(i) === y.dataAt(i)) &&
      (kind !== "open" || JSON.stringify(x.attrsAt(i)) === JSON.stringify(y.attrsAt(i)));
    if (!same) return `event ${i}: ${JSON.stringify(x.event(i))} against ${JSON.stringify(y.event(i))}`;
  }
  return null;
}

if (!corpusPresent) console.warn("SKIPPED: parsePair on the corpus pairs: ../shared/corpus is absent");

describe("parsePair on the corpus pairs: the events of parsing each document apart", () => {
  it.skipIf(!corpusPresent)("has pairs to check", () => {
    expect(corpusEntries().length).toBeGreaterThan(0);
  });
  for (const { name, mode } of corpusEntries()) {
    it.skipIf(!corpusPresent)(`${name} (${mode})`, () => {
      const { a, b } = readPair(name, mode);
      const implied = omittedTagsToImply([a, b]);
      const apart = [parseDocument(a, { mode, implied }), parseDocument(b, { mode, implied })].map(eventTable);
      for (const search of [RUN_SEARCH, EAGER]) {
        const pair = parsePair(a, b, { mode, implied }, search).map(eventTable);
        expect(firstDifference(pair[0]!, apart[0]!)).toBeNull();
        expect(firstDifference(pair[1]!, apart[1]!)).toBeNull();
      }
    });
  }
});
