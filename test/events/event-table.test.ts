import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { EventTable, eventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { parsePair, takenEvents } from "../../src/events/shared-parse.js";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { renderPage } from "../../src/render/html/page.js";
import { renderJson } from "../../src/render/report/json.js";
import { renderStat } from "../../src/render/report/stat.js";
import { renderText } from "../../src/render/report/text.js";
import type { DocEvent, OpenEvent, ParseMode } from "../../src/types.js";
import { documentPair, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";
import { loadIgnoreEngines } from "../../src/text/ignore-engines.js";

/** Event `i` of a table as its fields read one at a time. */
function fields(table: EventTable, i: number): DocEvent {
  const [kind, start, end] = [table.kindAt(i), table.startAt(i), table.endAt(i)];
  switch (kind) {
    case "open":
      return { kind, start, end, name: table.nameAt(i), attrs: table.attrsAt(i), selfClosing: table.flagAt(i) };
    case "close":
      return { kind, start, end, name: table.nameAt(i), implied: table.flagAt(i) };
    case "instruction":
      return { kind, start, end, name: table.nameAt(i), data: table.dataAt(i) };
    default:
      return { kind, start, end, text: table.textAt(i) };
  }
}

describe("event tables", () => {
  it("read each field as the event objects hold it, and make each object once (generated pairs parsed together and apart)", () => {
    fc.assert(
      fc.property(fc.oneof(documentPair(htmlDocument(60)), documentPair(xmlDocument(40))), fc.constantFrom<ParseMode>("html", "xml"), fc.boolean(), ([a, b], mode, objectsFirst) => {
        for (const doc of [...parsePair(a, b, { mode }), parseDocument(b, { mode })]) {
          const table = eventTable(doc);
          // Single events made before or after the whole array are the same objects.
          const single = objectsFirst ? [] : Array.from({ length: table.length }, (_, i) => table.event(i));
          const events = doc.events;
          expect(table.length).toBe(events.length);
          for (let i = 0; i < table.length; i++) {
            expect(fields(table, i)).toEqual(events[i]);
            expect(table.event(i)).toBe(events[i]);
            // An attribute list found when read is the one list of its tag's text.
            if (table.kindAt(i) === "open") expect(table.attrsAt(i)).toBe((events[i] as OpenEvent).attrs);
            if (!objectsFirst) expect(single[i]).toBe(events[i]);
          }
        }
      }),
      fcParams(400),
    );
  });

  it("read the runs a new document took from its old one as the new document parsed apart reads", () => {
    // Long shared ends, so that parsePair takes the head and, past a rejoin point, the moved tail.
    const sharedEnds = (doc: fc.Arbitrary<string>) =>
      fc.tuple(doc, doc, doc, doc, fc.integer({ min: 1, max: 80 })).map(([start, x, y, end, k]) => [start.repeat(k) + x + end.repeat(k), start.repeat(k) + y + end.repeat(k)] as const);
    let tails = 0;
    fc.assert(
      fc.property(fc.oneof(sharedEnds(htmlDocument(30)), sharedEnds(xmlDocument(30))), fc.constantFrom<ParseMode>("html", "xml"), ([a, b], mode) => {
        const [docA, docB] = parsePair(a, b, { mode });
        if (takenEvents(docA, docB)?.tail) tails++;
        const [table, apart] = [eventTable(docB), eventTable(parseDocument(b, { mode }))];
        expect(table.length).toBe(apart.length);
        expect(table.allCodes()).toEqual(apart.allCodes());
        for (let i = 0; i < table.length; i++) {
          expect(table.codeAt(i)).toBe(apart.codeAt(i));
          expect(fields(table, i)).toEqual(fields(apart, i));
          expect(table.event(i)).toEqual(apart.event(i));
        }
        expect(docB.events).toEqual(apart.all());
      }),
      fcParams(300),
    );
    // The moved tail must be read at all for this test to mean something.
    expect(tails).toBeGreaterThan(0);
  });

  it("give every span in two arrays as startAt and endAt read them, runs taken included, and those of any range", () => {
    const sharedEnds = fc.tuple(htmlDocument(30), htmlDocument(10), htmlDocument(10), htmlDocument(30), fc.integer({ min: 1, max: 80 }), fc.nat(), fc.nat());
    let runs = 0;
    fc.assert(
      fc.property(sharedEnds, ([start, x, y, end, k, p, q]) => {
        const [docA, docB] = parsePair(start.repeat(k) + x + end.repeat(k), start.repeat(k) + y + end.repeat(k));
        if (takenEvents(docA, docB)?.tail) runs++;
        for (const table of [eventTable(docA), eventTable(docB)]) {
          const { starts, ends } = table.allSpans();
          expect([starts.length, ends.length]).toEqual([table.length, table.length]);
          for (let i = 0; i < table.length; i++) expect([starts[i], ends[i]]).toEqual([table.startAt(i), table.endAt(i)]);
          const [from, to] = [p % (table.length + 1), q % (table.length + 1)].sort((m, n) => m - n) as [number, number];
          const range = table.spansIn(from, to);
          expect([range.starts.length, range.ends.length]).toEqual([to - from, to - from]);
          for (let i = from; i < to; i++) expect([range.starts[i - from], range.ends[i - from]]).toEqual([table.startAt(i), table.endAt(i)]);
        }
      }),
      fcParams(200),
    );
    expect(runs).toBeGreaterThan(0);
  });

  it("keep their promise of balanced tags: every table the parser writes, alone or with its old document (property)", () => {
    const bits = fc.constantFrom(
      "<p>",
      "</p>",
      "<b>",
      "</b>",
      "<table>",
      "<td>",
      "</tr>",
      "<svg>",
      "</svg>",
      "<br>",
      "</br>",
      "<x/>",
      "</x>",
      "<li>",
      "<script>",
      "</script>",
      "<!--",
      "<![CDATA[",
      "<?x ?>",
      "<",
      "a",
      " ",
      "</",
      "<a",
      "'",
      "<template>",
      "<plaintext>",
    );
    const doc = fc.oneof(
      htmlDocument(40),
      xmlDocument(40),
      fc.array(bits, { maxLength: 40 }).map((parts) => parts.join("")),
    );
    const balanced = (table: EventTable) => {
      let depth = 0;
      for (let i = 0; i < table.length && depth >= 0; i++) depth += table.kindAt(i) === "open" ? 1 : table.kindAt(i) === "close" ? -1 : 0;
      return depth === 0;
    };
    fc.assert(
      fc.property(doc, doc, fc.constantFrom<ParseMode>("html", "xml"), (x, y, mode) => {
        const [a, b] = parsePair(x.repeat(3), x + y + x, { mode });
        for (const table of [eventTable(parseDocument(y, { mode })), eventTable(a), eventTable(b)]) {
          expect(table.balanced).toBe(true);
          expect(balanced(table)).toBe(true);
        }
      }),
      fcParams(1000),
    );
    expect(eventTable({ source: "", mode: "html", events: [] }).balanced).toBe(false);
  });

  it("read the events of a document built by hand as they are", () => {
    const events: DocEvent[] = [
      { kind: "open", start: 0, end: 3, name: "p", attrs: [], selfClosing: false },
      { kind: "text", start: 3, end: 5, text: "hi" },
      { kind: "close", start: 5, end: 9, name: "p", implied: false },
    ];
    const table = eventTable({ source: "<p>hi</p>", mode: "html", events });
    expect(Array.from({ length: table.length }, (_, i) => fields(table, i))).toEqual(events);
    expect(table.event(1)).toBe(events[1]);
  });

  it("are never made into event objects for a text, JSON or stat report of a long pair edited in one place", () => {
    const page = (word: string) => `<!doctype html><h1 id=top>Title</h1>\n${Array.from({ length: 400 }, (_, i) => `<p id=p${i}>line ${i} ${i === 200 ? word : "kept"} <b>x</b></p>\n`).join("")}`;
    const all = vi.spyOn(EventTable.prototype, "all");
    try {
      const script = diffDocuments(page("before"), page("after"));
      expect(renderText(script)).toContain("after");
      expect(JSON.stringify(renderJson(script, { old: "a.html", new: "b.html" }))).toContain("after");
      expect(renderStat(script, { old: "a.html", new: "b.html" })).toContain("1");
      expect(all).not.toHaveBeenCalled();
    } finally {
      all.mockRestore();
    }
  });

  it("are never made into event objects for the inline HTML or the page of a long pair edited in one place", () => {
    const page = (word: string) =>
      `<!doctype html><html><head><title>T</title></head><body><h1 id=top>Title</h1>\n${Array.from({ length: 400 }, (_, i) => `<p id=p${i}>line ${i} ${i === 200 ? word : "kept"} <b>x</b><!-- c --></p>\n`).join("")}</body></html>`;
    const all = vi.spyOn(EventTable.prototype, "all");
    try {
      const script = diffDocuments(page("before"), page("after"));
      expect(renderHtml(script)).toContain("after");
      expect(renderHtml(script, { fragment: true })).toContain("after");
      expect(renderPage(script, { oldLabel: "a.html", newLabel: "b.html" })).toContain("after");
      expect(all).not.toHaveBeenCalled();
    } finally {
      all.mockRestore();
    }
  });

  it("are never made into event objects when selector ignore options pick elements and attributes", async () => {
    await loadIgnoreEngines();
    const page = (word: string, stamp: string) =>
      `<!doctype html><meta name=generator content="${stamp}">\n${Array.from({ length: 300 }, (_, i) => `<p id=p${i} data-t=${stamp}>line ${i} ${i === 150 ? word : "kept"} <b>x</b></p>\n`).join("")}`;
    const all = vi.spyOn(EventTable.prototype, "all");
    try {
      const script = diffDocuments(page("before", "v1"), page("after", "v2"), { ignoreElements: ["meta[name=generator]"], ignoreAttributes: ["p@data-t"] });
      expect(script.changes.length).toBe(1);
      expect(renderText(script)).toContain("after");
      expect(renderHtml(script)).toContain("after");
      expect(all).not.toHaveBeenCalled();
    } finally {
      all.mockRestore();
    }
  });
});
