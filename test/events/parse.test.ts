import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChunks, parseDocument } from "../../src/events/parse.js";
import { decodeText } from "../../src/events/references.js";
import type { DocEvent, ParseMode } from "../../src/types.js";
import { anyText, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";

/** Checks that an event's span slices back to the source text that produced it. */
function expectSpanMatches(event: DocEvent, source: string, mode: ParseMode): void {
  const slice = source.slice(event.start, event.end);
  switch (event.kind) {
    case "open":
      if (slice !== "") expect(slice.toLowerCase().startsWith(`<${event.name.toLowerCase()}`)).toBe(true);
      break;
    case "close":
      if (event.implied) expect(slice).toBe("");
      else expect(slice).toMatch(/^<\//);
      break;
    case "text":
      expect(slice.length).toBeGreaterThan(0);
      expect(event.text === slice || decodeText(slice, mode).text === event.text).toBe(true);
      break;
    case "comment":
      expect(slice.startsWith("<")).toBe(true);
      expect(slice.includes(event.text)).toBe(true);
      break;
    case "cdata":
      expect(slice).toBe(`<![CDATA[${event.text}]]>`);
      break;
    case "instruction":
      expect(slice.startsWith("<")).toBe(true);
      expect(slice.includes(event.data)).toBe(true);
      break;
  }
}

function expectWellFormedSpans(source: string, mode: ParseMode): void {
  const { events } = parseDocument(source, { mode });
  let last = 0;
  for (const event of events) {
    expect(Object.isFrozen(event)).toBe(true);
    // Attribute lists are shared between tags written alike: they must be frozen too, pairs and all.
    if (event.kind === "open") expect([event.attrs, ...event.attrs].every((x) => Object.isFrozen(x))).toBe(true);
    expect(event.start).toBeGreaterThanOrEqual(last);
    expect(event.end).toBeGreaterThanOrEqual(event.start);
    expect(event.end).toBeLessThanOrEqual(source.length);
    expectSpanMatches(event, source, mode);
    last = event.end;
  }
}

/** The texts of the text events, in order. */
function textsOf(events: readonly DocEvent[]): string[] {
  return events.flatMap((e) => (e.kind === "text" ? [e.text] : []));
}

/** Splits a string at the given cut points (taken modulo its length). */
function splitAt(source: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => (source.length ? c % (source.length + 1) : 0)))].sort((x, y) => x - y);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(source.slice(from, p));
    from = p;
  }
  chunks.push(source.slice(from));
  return chunks;
}

describe("parseDocument", () => {
  it("turns markup into open, text, close events with exact spans", () => {
    const source = '<p class="a">Hi &amp; bye</p>';
    const { events } = parseDocument(source);
    expect(events.map((e) => e.kind)).toEqual(["open", "text", "close"]);
    expect(events[0]).toMatchObject({ name: "p", attrs: [["class", "a"]], start: 0, end: 13 });
    expect(events[1]).toMatchObject({ text: "Hi & bye", start: 13, end: 25 });
    expect(source.slice(events[2]!.start, events[2]!.end)).toBe("</p>");
  });

  it("gives implied end tags an empty span where they are implied", () => {
    const source = "<p>one<p>two";
    const { events } = parseDocument(source);
    const closes = events.filter((e) => e.kind === "close");
    expect(closes.map((e) => [e.start, e.end, e.kind === "close" && e.implied])).toEqual([
      [6, 6, true],
      [12, 12, true],
    ]);
  });

  it("knows void elements and raw text elements in HTML", () => {
    const { events } = parseDocument("<br><script>a &amp;&& b<c</script>");
    expect(events.map((e) => e.kind)).toEqual(["open", "close", "open", "text", "close"]);
    expect(events[3]).toMatchObject({ text: "a &amp;&& b<c" });
  });

  it("keeps case, prefixes, CDATA, instructions and self-closing tags in XML", () => {
    const { events } = parseDocument('<?xml version="1.0"?><a:B x:y="1"/><c><![CDATA[<raw>]]></c>', { mode: "xml" });
    expect(events.map((e) => e.kind)).toEqual(["instruction", "open", "close", "open", "cdata", "close"]);
    expect(events[1]).toMatchObject({ name: "a:B", attrs: [["x:y", "1"]], selfClosing: true });
    expect(events[4]).toMatchObject({ text: "<raw>" });
  });

  it("keeps an end tag that closes nothing as an instruction named after it, as written, and declaration names as written", () => {
    const events = parseDocument("<!DOCTYPE html><p>a</td>b</SPAN\u00a0x></p>").events;
    expect(events.map((e) => [e.kind, "name" in e ? e.name : e.text, e.start, e.end])).toEqual([
      ["instruction", "!DOCTYPE", 0, 15],
      ["open", "p", 15, 18],
      ["text", "a", 18, 19],
      ["instruction", "/td", 19, 24],
      ["text", "b", 24, 25],
      ["instruction", "/span\u00a0x", 25, 34],
      ["close", "p", 34, 38],
    ]);
  });

  it("keeps </> as an instruction named /, as a browser ignores it, but not inside a title", () => {
    const events = parseDocument("<p>a</>b</p><title>x</>y</title>").events;
    expect(events.map((e) => ("name" in e ? `${e.kind} ${e.name}` : `${e.kind} ${e.text}`))).toEqual([
      "open p",
      "text a",
      "instruction /",
      "text b",
      "close p",
      "open title",
      "text x</>y",
      "close title",
    ]);
  });

  it("ends <!> and <!-> at their own >, as a browser does", () => {
    const events = parseDocument("<p>a<!><b>b</b><!->c</p>").events;
    expect(events.map((e) => [e.kind, "name" in e ? e.name : e.text, e.start, e.end])).toEqual([
      ["open", "p", 0, 3],
      ["text", "a", 3, 4],
      ["instruction", "!", 4, 7],
      ["open", "b", 7, 10],
      ["text", "b", 10, 11],
      ["close", "b", 11, 15],
      ["instruction", "!-", 15, 19],
      ["text", "c", 19, 20],
      ["close", "p", 20, 24],
    ]);
  });

  it("ends script, style, title and textarea at their end tag followed by a slash, as a browser does", () => {
    for (const name of ["script", "style", "title", "textarea", "xmp"]) {
      const source = `<${name}>a</${name.toUpperCase()}/x>b<i>c</i>`;
      const events = parseDocument(source).events;
      expect(
        events.map((e) => [e.kind, "name" in e ? e.name : e.text, e.start, e.end]),
        name,
      ).toEqual([
        ["open", name, 0, name.length + 2],
        ["text", "a", name.length + 2, name.length + 3],
        ["close", name, name.length + 3, 2 * name.length + 8],
        ["text", "b", 2 * name.length + 8, 2 * name.length + 9],
        ["open", "i", 2 * name.length + 9, 2 * name.length + 12],
        ["text", "c", 2 * name.length + 12, 2 * name.length + 13],
        ["close", "i", 2 * name.length + 13, 2 * name.length + 17],
      ]);
    }
  });

  it("reads </ followed by whitespace as a comment up to the next >, as a browser does", () => {
    for (const [source, data] of [
      ["<p></ >x</p>", " "],
      ["<p></\tq r>x</p>", "\tq r"],
      ["<svg></\n></svg>", "\n"],
    ] as const) {
      const events = parseDocument(source).events;
      const comment = events.find((e) => e.kind === "comment") as { text: string; start: number; end: number } | undefined;
      expect(comment && [comment.text, comment.start, comment.end], source).toEqual([data, source.indexOf("</"), source.indexOf("</") + data.length + 3]);
      expect(textsOf(events).join(""), source).not.toMatch(/</);
    }
  });

  it("reads the content of style, script, title and textarea in svg and math as markup, as a browser does (they are foreign elements there)", () => {
    const names = (source: string): string[] => parseDocument(source).events.map((e) => ("name" in e ? `${e.kind} ${e.name}` : `${e.kind} ${e.text}`));
    expect(names("<svg><style><![CDATA[x]]></style><title><b>y</b></title></svg>")).toEqual([
      "open svg",
      "open style",
      "comment [CDATA[x]]",
      "close style",
      "open title",
      "open b",
      "text y",
      "close b",
      "close title",
      "close svg",
    ]);
    expect(names("<math><textarea><i>z</i></textarea></math>")).toEqual(["open math", "open textarea", "open i", "text z", "close i", "close textarea", "close math"]);
    // There references are decoded as in any markup.
    expect(names("<svg><script><b>&lt;x</b></script></svg>")).toContain("text <x");
    // A slash before the > changes nothing in HTML content.
    expect(names("<title/>a<b>c</b></title><script x/>d<i></script>")).toEqual(["open title", "text a<b>c</b>", "close title", "open script", "text d<i>", "close script"]);
    // A tag that leaves svg content (ul) makes what follows in it HTML again.
    expect(names("<svg><ul></ul><style><b></style></svg>")).toEqual(["open svg", "open ul", "close ul", "open style", "text <b>", "close style", "close svg"]);
    // After an svg closed by its parent's end tag, a script holds text again.
    expect(names("<div><svg></div><script>a<b</script>")).toEqual(["open div", "open svg", "close svg", "close div", "open script", "text a<b", "close script"]);
    // In an HTML integration point (foreignObject) and in HTML itself they hold text.
    expect(names("<svg><foreignObject><title><b>y</b></title></foreignObject></svg><style><i></style>")).toEqual([
      "open svg",
      "open foreignobject",
      "open title",
      "text <b>y</b>",
      "close title",
      "close foreignobject",
      "close svg",
      "open style",
      "text <i>",
      "close style",
    ]);
  });

  it("does not end a script at </script> inside <!--<script>, as a browser does not (double-escaped script data)", () => {
    const texts = (source: string): string[] => textsOf(parseDocument(source).events);
    expect(texts("<script><!--<script></script>x</script>y")).toEqual(["<!--<script></script>x", "y"]);
    expect(texts("<script><!--<SCRIPT/>a--></script>b")).toEqual(["<!--<SCRIPT/>a-->", "b"]);
    // Not double-escaped: a comment closed first, a name that only starts with script, no comment at all.
    expect(texts("<script><!-- a --><script></script>x")).toEqual(["<!-- a --><script>", "x"]);
    expect(texts("<script><!--<scripts></script>x")).toEqual(["<!--<scripts>", "x"]);
    expect(texts("<script><!--></script>x")).toEqual(["<!-->", "x"]);
    // A style has no such state.
    expect(texts("<style><!--<script></style>x")).toEqual(["<!--<script>", "x"]);
  });

  it("drops a start tag cut off by the end of the input after its slash, as any cut-off tag", () => {
    for (const source of ["</>x<f><p/", "y<a/", "<b>y</b>z<p/"]) {
      const events = parseDocument(source).events;
      expect(
        events.every((e) => e.start >= 0 && e.end <= source.length),
        source,
      ).toBe(true);
      expect(textsOf(events).join(""), source).not.toMatch(/</);
    }
  });

  it("drops any start tag cut off by the end of the input, and keeps other cut-off markup as text from its <, with implied tags or not", () => {
    const texts = (source: string, implied?: ReadonlySet<string>): string =>
      parseDocument(source, implied ? { implied } : {})
        .events.map((e) => (e.kind === "text" ? source.slice(e.start, e.end) : ""))
        .join("");
    // htmlparser2 reports a name that may begin a raw-text element (`s`, `t`, `x`) as text from after its `<`.
    for (const [source, kept] of [
      ["<p><s", ""],
      ["<head> <scr", " "],
      ["x <t", "x "],
      ["<p>a<x", "a"],
      ["<head> <!x", " <!x"],
      ["<p><?x", "<?x"],
      ["<head> </1x", " </1x"],
    ]) {
      for (const implied of [undefined, new Set(["html", "head", "body"])]) expect(texts(source!, implied), `${source} ${implied ? "implied" : ""}`).toBe(kept);
    }
  });

  it("reports start tags where they end, and the ones the parser implies before their end tag, with their spans", () => {
    const source = 'a</p>b</br>c<svg><rect x="1"/><g/></svg><br/><img src=x /><div/>d<p class="x';
    const events = parseDocument(source).events.map((e) => [e.kind, "name" in e ? e.name : "", e.start, e.end, e.kind === "close" ? e.implied : e.kind === "open" ? e.attrs : null]);
    expect(events).toEqual([
      ["text", "", 0, 1, null],
      ["open", "p", 1, 1, []],
      ["close", "p", 1, 5, false],
      ["text", "", 5, 6, null],
      ["open", "br", 6, 6, []],
      ["close", "br", 6, 11, false],
      ["text", "", 11, 12, null],
      ["open", "svg", 12, 17, []],
      ["open", "rect", 17, 30, [["x", "1"]]],
      ["close", "rect", 30, 30, true],
      ["open", "g", 30, 34, []],
      ["close", "g", 34, 34, true],
      ["close", "svg", 34, 40, false],
      ["open", "br", 40, 45, []],
      ["close", "br", 45, 45, true],
      ["open", "img", 45, 58, [["src", "x"]]],
      ["close", "img", 58, 58, true],
      ["open", "div", 58, 64, []],
      ["text", "", 64, 65, null],
      ["close", "div", 68, 68, true],
    ]);
  });

  it("merges adjacent text into one event", () => {
    const { events } = parseDocument("a &lt; b &#65; c");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "text", text: "a < b A c" });
  });

  it("parses 100,000 nested elements without overflowing the stack", () => {
    for (const mode of ["html", "xml"] as const) {
      const depth = 100_000;
      const source = "<div>".repeat(depth) + "x" + "</div>".repeat(depth);
      const { events } = parseDocument(source, { mode });
      expect(events).toHaveLength(2 * depth + 1);
    }
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as const) {
    it(`gives the same events written one character at a time (${mode}, property)`, () => {
      fc.assert(
        fc.property(arb, (source) => {
          expect(parseChunks([...source], { mode })).toEqual(parseDocument(source, { mode }));
        }),
        fcParams(300),
      );
    });

    it(`gives the same events for any split of the input (${mode}, property)`, () => {
      fc.assert(
        fc.property(fc.oneof(arb, anyText()), fc.array(fc.nat(), { maxLength: 6 }), (source, cuts) => {
          expect(parseChunks(splitAt(source, cuts), { mode })).toEqual(parseDocument(source, { mode }));
        }),
        fcParams(500),
      );
    });

    it(`slices every span back to its event (${mode}, property)`, () => {
      fc.assert(
        fc.property(fc.oneof(arb, anyText()), (source) => expectWellFormedSpans(source, mode)),
        fcParams(500),
      );
    });
  }
});
