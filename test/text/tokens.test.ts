import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/events/parse.js";
import { normalizeOptions, type DiffOptions } from "../../src/options.js";
import { decodeText } from "../../src/events/references.js";
import { KeyTable } from "../../src/text/intern.js";
import { markupKey, textKey } from "../../src/text/keys.js";
import { countTokens, tokenize, tokenizeKeyed } from "../../src/text/tokens.js";
import { countWords, countWordsIn, splitWords, type WordKind } from "../../src/text/words.js";
import { anyText, fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";

function words(text: string): string[] {
  const out: string[] = [];
  splitWords(text, (s, e, kind: WordKind) => out.push(`${kind[0]}:${text.slice(s, e)}`));
  return out;
}

function tokens(source: string, options: DiffOptions = {}) {
  return tokenize(parseDocument(source, { mode: options.mode ?? "html" }), normalizeOptions(options));
}

describe("splitWords", () => {
  it("splits words, spaces and punctuation, keeping apostrophes and decimals inside words", () => {
    expect(words("It's 3.14, ok!")).toEqual(["w:It's", "s: ", "w:3.14", "p:,", "s: ", "w:ok", "p:!"]);
  });

  it("gives one token per character in scripts written without spaces", () => {
    expect(words("日本語です")).toEqual(["w:日", "w:本", "w:語", "w:で", "w:す"]);
    expect(words("ภาษาไทย")).toHaveLength(7);
  });

  it("keeps letters of any script and their combining marks in one word", () => {
    expect(words("naïve cafe\u0301 Привет مرحبا")).toEqual(["w:naïve", "s: ", "w:cafe\u0301", "s: ", "w:Привет", "s: ", "w:مرحبا"]);
  });

  it("keeps emoji sequences and flags whole", () => {
    expect(words("👍🏽👨‍👩‍👧🇫🇷")).toEqual(["p:👍🏽", "p:👨‍👩‍👧", "p:🇫🇷"]);
  });

  it("splits a word or space of ten million characters into bounded tokens instead of overflowing the regex stack", () => {
    for (const text of ["x".repeat(10_000_000), " ".repeat(10_000_000)]) {
      let count = 0;
      let longest = 0;
      splitWords(text, (s, e) => {
        count++;
        longest = Math.max(longest, e - s);
      });
      expect(count).toBe(10_000);
      expect(longest).toBe(1000);
    }
  });

  it("tiles any text and never splits a surrogate pair or a combining sequence (property)", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), fc.string({ unit: "grapheme" })), (text) => {
        let at = 0;
        splitWords(text, (s, e) => {
          expect(s).toBe(at);
          expect(e).toBeGreaterThan(s);
          at = e;
          if (s > 0) {
            const before = text.charCodeAt(s - 1);
            const here = text.charCodeAt(s);
            const splitsPair = before >= 0xd800 && before <= 0xdbff && here >= 0xdc00 && here <= 0xdfff;
            expect(splitsPair).toBe(false);
            expect(/^\p{M}/u.test(text.slice(s)) && !/\s$/u.test(text.slice(0, s))).toBe(false);
          }
        });
        expect(at).toBe(text.length);
      }),
      fcParams(2000),
    );
  });
});

/** The word policy written as one regular expression, the reference for splitWords' ASCII fast path. */
function referenceWords(text: string): string[] {
  const ideographic = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}`;
  const wordChar = String.raw`[[\p{L}\p{N}\p{Pc}]--[${ideographic}]][\p{M}\u200d]{0,100}`;
  const word = String.raw`(?:${wordChar}){1,1000}(?:['\u2019.](?:${wordChar}){1,1000}){0,100}`;
  const ideograph = String.raw`[${ideographic}\u3005\u30fc][\p{M}\u200d\ufe0e\ufe0f]{0,100}`;
  const other = String.raw`\p{RI}\p{RI}|[^](?:[\p{M}\p{Emoji_Modifier}\ufe0e\ufe0f]|\u200d[^]){0,100}`;
  const space = String.raw`[^\S\n]{0,1000}\n|[^\S\n]{1,1000}`;
  const piece = new RegExp(String.raw`(${space})|(${ideograph})|(${word})|${other}`, "gv");
  return [...text.matchAll(piece)].map((m) => `${m[1] !== undefined ? "s" : m[2] !== undefined || m[3] !== undefined ? "w" : "p"}:${m[0]}`);
}

describe("splitWords against the reference expression", () => {
  const pieces = [
    "a",
    "Z",
    "9",
    "_",
    "'",
    ".",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u00a0",
    "\u0301",
    "é",
    "日",
    "’",
    "-",
    "<",
    "&",
    "\u200d",
    "👍",
    "\ufe0f",
    "x".repeat(999),
    " ".repeat(1001),
    "a.".repeat(60),
    "b'".repeat(45),
  ];
  it("gives exactly the same tokens on ASCII-heavy text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const mine: string[] = [];
        splitWords(text, (s, e, kind) => mine.push(`${kind[0]}:${text.slice(s, e)}`));
        expect(mine).toEqual(referenceWords(text));
      }),
      fcParams(3000),
    );
  });
});

describe("tokenize", () => {
  it("makes one token per markup event and word tokens of text, with exact spans", () => {
    const source = '<p id="x">Caf&eacute; &amp; bar</p>';
    const list = tokens(source);
    expect(list.map((t) => t.text)).toEqual(['<p id="x">', "Caf&eacute;", " ", "&amp;", " ", "bar", "</p>"]);
    expect(list.map((t) => t.key)).toEqual(['<p id="x">', "Café", " ", "&", " ", "bar", "</p>"]);
    for (const t of list) expect(source.slice(t.start, t.end)).toBe(t.text);
  });

  it("ignores attribute order, and ignored attributes by glob", () => {
    const [x, y] = [tokens('<a href="/" data-id="1" class="c">'), tokens('<a class="c" data-id="2" href="/">')];
    expect(x[0]!.key).not.toBe(y[0]!.key);
    const opts = { ignoreAttributes: ["data-*"] };
    expect(tokens('<a href="/" data-id="1" class="c">', opts)[0]!.key).toBe(tokens('<a class="c" data-id="2" href="/">', opts)[0]!.key);
  });

  it("folds case, drops whitespace and comments when asked", () => {
    expect(tokens("<p>Hello World</p>", { ignoreCase: true }).map((t) => t.key)).toEqual(["<p>", "hello", " ", "world", "</p>"]);
    expect(tokens("<p>a \n b</p>", { ignoreWhitespace: true }).map((t) => t.key)).toEqual(["<p>", "a", "b", "</p>"]);
    expect(tokens("<p>a<!-- x -->b</p>", { ignoreComments: true }).map((t) => t.key)).toEqual(["<p>", "a", "b", "</p>"]);
  });

  it("does not decode references inside raw text elements", () => {
    expect(tokens("<script>a&amp;b</script>").map((t) => t.key)).toContain("&");
    expect(
      tokens("<script>a&amp;b</script>")
        .map((t) => t.text)
        .join(""),
    ).toBe("<script>a&amp;b</script>");
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as const) {
    it(`slices every token back to its text, and the tokens of a text event tile it (${mode}, property)`, () => {
      fc.assert(
        fc.property(fc.oneof(arb, anyText()), (source) => {
          const doc = parseDocument(source, { mode });
          const list = tokenize(doc, normalizeOptions({ mode }));
          const byEvent = new Map<number, string>();
          for (const t of list) {
            expect(source.slice(t.start, t.end)).toBe(t.text);
            if (t.kind === "word" || t.kind === "space" || t.kind === "punct") byEvent.set(t.event, (byEvent.get(t.event) ?? "") + t.text);
          }
          doc.events.forEach((e, i) => {
            if (e.kind === "text") expect(byEvent.get(i)).toBe(source.slice(e.start, e.end));
          });
        }),
        fcParams(500),
      );
    });
  }
});

describe("tokenizeKeyed", () => {
  const keyed = (sources: string[], options: DiffOptions = {}) => {
    const table = new KeyTable();
    return sources.map((source) => tokenizeKeyed(parseDocument(source, { mode: options.mode ?? "html" }), normalizeOptions(options), table));
  };

  it("gives equal keys equal integers across both documents", () => {
    const [a, b] = keyed(["<p>a b</p>", "<p>b a</p>"]);
    expect(Array.from(a!.ids)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(b!.ids)).toEqual([0, 3, 2, 1, 4]);
  });

  it("shares one string per distinct key, and per markup written alike", () => {
    const [a, b] = keyed(['<p class="x">cat</p>', '<p class="x">cat</p>']);
    for (let i = 0; i < a!.tokens.length; i++) {
      expect(Object.is(a!.tokens[i]!.key, b!.tokens[i]!.key)).toBe(true);
      expect(Object.is(a!.tokens[i]!.text, b!.tokens[i]!.text)).toBe(true);
    }
  });

  for (const [mode, arb] of [
    ["html", htmlDocument()],
    ["xml", xmlDocument()],
  ] as const) {
    it(`keys each token by the key policy and gives equal ids exactly to equal keys, under every option (${mode}, property)`, () => {
      const options = fc.record({ ignoreCase: fc.boolean(), ignoreWhitespace: fc.boolean(), ignoreComments: fc.boolean(), ignoreAttributes: fc.constantFrom([], ["id", "data-*"]) });
      fc.assert(
        fc.property(fc.oneof(arb, anyText()), fc.oneof(arb, anyText()), options, (x, y, opts) => {
          const lists = keyed([x, y], { mode, ...opts });
          const normalized = normalizeOptions({ mode, ...opts });
          const all = lists.flatMap(({ tokens: list, ids }, side) => {
            const source = [x, y][side]!;
            const doc = parseDocument(source, { mode });
            expect(ids.length).toBe(list.length);
            for (const t of list) {
              expect(t.text).toBe(source.slice(t.start, t.end));
              const event = doc.events[t.event]!;
              if (event.kind !== "text") expect(t.key).toBe(markupKey(event, normalized));
              else if (event.text.length === event.end - event.start) expect(t.key).toBe(textKey(t.text, normalized));
              else expect(t.key).toBe(textKey(decodeText(t.text, mode).text, normalized));
            }
            return list.map((t, i) => [t.key, ids[i]!] as const);
          });
          const idOf = new Map<string, number>();
          const keyOf = new Map<number, string>();
          for (const [key, id] of all) {
            expect(idOf.get(key) ?? id).toBe(id);
            expect(keyOf.get(id) ?? key).toBe(key);
            idOf.set(key, id);
            keyOf.set(id, key);
          }
        }),
        fcParams(300),
      );
    });
  }

  it("keys hand-made events that share an attribute list by their own names", () => {
    const attrs = Object.freeze([Object.freeze(["id", "x"] as const)]);
    const source = '<a id="x"><b id="x">';
    const doc = {
      source,
      mode: "html" as const,
      events: [
        { kind: "open" as const, start: 0, end: 10, name: "a", attrs, selfClosing: false },
        { kind: "open" as const, start: 10, end: 20, name: "b", attrs, selfClosing: false },
      ],
    };
    expect(tokenize(doc, normalizeOptions({})).map((t) => t.key)).toEqual(['<a id="x">', '<b id="x">']);
  });

  it("gives a text met again the tokens it gives it alone (repeated texts, HTML and XML, options that look at one event)", () => {
    const sets: DiffOptions[] = [{}, { ignoreCase: true }, { ignoreCase: true, ignoreComments: true }];
    fc.assert(
      fc.property(fc.oneof(htmlDocument(80), xmlDocument(80)), fc.constantFrom(...sets), fc.boolean(), (source, options, xml) => {
        const mode = xml ? "xml" : "html";
        const doc = parseDocument(source, { mode });
        const opts = normalizeOptions({ ...options, mode });
        // Event by event, each call its own memo: no text is met again; one table keeps the ids in order.
        const table = new KeyTable();
        const alone = doc.events.flatMap((_, e) => {
          const keyed = tokenizeKeyed(doc, opts, table, e, e + 1);
          return keyed.tokens.map((t, i) => ({ ...t, id: keyed.ids[i] }));
        });
        const whole = tokenizeKeyed(doc, opts, new KeyTable());
        expect(whole.tokens.map((t, i) => ({ ...t, id: whole.ids[i] }))).toEqual(alone);
      }),
      fcParams(500),
    );
  });

  it("keeps the white space of a text met again inside pre, and ignores it outside", () => {
    const text = (source: string) => tokens(source, { ignoreWhitespace: true }).map((t) => t.text);
    expect(text("<p>a b</p><pre>a b</pre><p>a b</p><pre>a b</pre>")).toEqual(["<p>", "a", "b", "</p>", "<pre>", "a", " ", "b", "</pre>", "<p>", "a", "b", "</p>", "<pre>", "a", " ", "b", "</pre>"]);
  });

  it("keeps the markup of the two parse modes apart", () => {
    const table = new KeyTable();
    const opts = normalizeOptions({});
    const html = tokenizeKeyed(parseDocument("<A>x</A>", { mode: "html" }), opts, table);
    const xml = tokenizeKeyed(parseDocument("<A>x</A>", { mode: "xml" }), opts, table);
    expect(html.tokens.map((t) => t.key)).toEqual(["<a>", "x", "</a>"]);
    expect(xml.tokens.map((t) => t.key)).toEqual(["<A>", "x", "</A>"]);
  });
});

describe("countWords and countTokens", () => {
  it("count what splitWords and tokenizeKeyed make (any text; generated HTML and XML documents)", () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(countWords(text)).toBe(words(text).length);
      }),
      fcParams(500),
    );
    const sets: DiffOptions[] = [{}, { ignoreComments: true, ignoreCase: true }];
    fc.assert(
      fc.property(fc.oneof(htmlDocument(60), xmlDocument(60)), fc.constantFrom(...sets), fc.boolean(), (source, options, xml) => {
        const mode = xml ? "xml" : "html";
        const doc = parseDocument(source, { mode });
        const opts = normalizeOptions({ ...options, mode });
        const counts = new Int32Array(doc.events.length);
        countTokens(doc, opts, 0, doc.events.length, counts);
        const expected = new Int32Array(doc.events.length);
        for (const token of tokenizeKeyed(doc, opts, new KeyTable()).tokens) expected[token.event]!++;
        expect([...counts]).toEqual([...expected]);
      }),
      fcParams(500),
    );
  });

  it("count a stretch of a longer string as splitWords splits its slice (any text around any text)", () => {
    // Also text of few characters, where a word, a joiner or a space run goes on across the stretch's ends.
    // Runs past the longest piece (1,000 characters) too.
    const joined = fc.string({ unit: fc.constantFrom("a", "1", "'", ".", " ", "\n", "\u00e9", "\u4e2d", "\u0301", "-", "a".repeat(333), " ".repeat(333)), maxLength: 12 });
    const text = fc.oneof(anyText(), joined);
    fc.assert(
      fc.property(text, text, text, (before, text, after) => {
        expect(countWordsIn(before + text + after, before.length, before.length + text.length)).toBe(words(text).length);
      }),
      fcParams(500),
    );
    for (const long of ["a".repeat(2500), " ".repeat(2500), `${" ".repeat(1500)}\n`, `x${"a'".repeat(300)}`])
      expect([long, countWordsIn(`<${long}>`, 1, long.length + 1)]).toEqual([long, words(long).length]);
  });

  it("count ASCII text as the reference expression splits it, at and past every limit (property)", () => {
    // Runs of 1,000 word characters or spaces and words of 100 joins, one short and one past;
    // line feeds (after spaces too), \r\n, and neighbours past ASCII that may or may not join.
    const a = (n: number) => "a".repeat(n);
    const joined = (joins: number, part = "a") => part + `.${part}`.repeat(joins);
    const pieces = fc.constantFrom(
      ...["a", "Z", "9", "_", "'", ".", " ", "\t", "\n", "\r\n", "-", "<", "\u00a0", "\u0301", "é", "日", "’", "\u200d"],
      // Past ASCII: spaces, letters, digits and connectors of scripts with and without spaces, marks, symbols, emoji, lone surrogates.
      ...["\u2028", "\u3000", "\ufeff", "ω", "Ж", "한", "ก", "\u0e31", "ー", "々", "²", "١", "‿", "—", "≤", "©", "\ufe0f", "😀", "🇫🇷", "\ud83c", "\udc00"],
      ...[a(999), a(1000), a(1001), " ".repeat(999), " ".repeat(1000), " ".repeat(1001), `${" ".repeat(1000)}\n`],
      ...[joined(99), joined(100), joined(101), joined(100, "ab"), `b'${joined(100)}`, `${a(1000)}.`, `.${a(1000)}`, "ω’".repeat(101), "\u00a0".repeat(1001)],
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.array(pieces, { maxLength: 2 }), fc.array(pieces, { maxLength: 2 }), (parts, before, after) => {
        const text = parts.join("");
        const expected = referenceWords(text).length;
        expect(countWords(text)).toBe(expected);
        const around = before.join("") + text + after.join("");
        const from = before.join("").length;
        expect(countWordsIn(around, from, from + text.length)).toBe(expected);
      }),
      fcParams(2000),
    );
  });

  it("split and count every UTF-16 code unit past ASCII as the reference expression splits it, next to words, joiners, spaces and itself", () => {
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}b ${ch}.${ch}'c${ch}${ch}\n${ch} ${ch}-${ch}`;
      const expected = referenceWords(text);
      if (countWords(text) !== expected.length || words(text).join("|") !== expected.join("|")) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("refuses options that look beyond one event", () => {
    const doc = parseDocument("<p>a b</p>");
    expect(() => countTokens(doc, normalizeOptions({ ignoreWhitespace: true }), 0, 3, new Int32Array(3))).toThrow(/countTokens/);
  });
});
