// Fuzzing the command line with seeded fast-check runs: random bytes, random HTML-like text
// (broken on purpose) and mutations of the corpus documents, in every format and with random
// options. Every run must end with status 0 or 1 (for binary input diff's answer, Binary files …
// differ) and at most a few warning lines, never an internal error; HTML output must round-trip through --accept and
// --reject and parse in a browser (parse5) as written. FUZZ_CASES=N (npm run fuzz: 100,000).

import fc from "fast-check";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FORMATS } from "../../src/render/formats.js";
import { decodeBytes } from "../../src/read/decode.js";
import { accept, reject } from "../../src/review/accept.js";
import { fcParams, htmlDocument, xmlDocument } from "../support/arbitraries.js";
import { runBinary, runCli } from "../support/cli.js";
import { CORPUS } from "../support/corpus.js";
import { firstEventDifference, parse5Checker } from "../support/html-check.js";

/** Cases of the whole run: FUZZ_CASES, else a quick run for `npm test`. */
const CASES = Number(process.env.FUZZ_CASES ?? 1200);
/** How the cases are shared: random bytes, HTML-like text, corpus mutations (the slowest), and a few through the binary. */
const RUNS = {
  bytes: Math.ceil(CASES * 0.4),
  markup: Math.ceil(CASES * 0.45),
  corpus: Math.ceil(CASES * 0.15),
  binary: Math.max(6, Math.ceil(CASES / 2000)),
  roundTrip: Math.ceil(CASES * 0.1),
  sourceTrip: Math.ceil(CASES * 0.05),
};
/** A generous time per case (corpus windows take the longest), so that a long run is not cut short. */
const timeout = (runs: number): number => 60_000 + runs * 100;

const dir = mkdtempSync(join(tmpdir(), "htmldiff-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces of broken markup: unclosed and stray tags, cut attributes, bare `<` and `&`, comments and CDATA cut short. */
const BROKEN = [
  "<",
  ">",
  "&",
  "&#",
  "&#x",
  "&#xZZ;",
  "&amp",
  "&#1114112;",
  "&#0;",
  "</",
  "</>",
  "<>",
  "<!",
  "<!-",
  "<!--",
  "-->",
  "--!>",
  "<![CDATA[",
  "]]>",
  "<?",
  "?>",
  "<?xml version='1.0' encoding='",
  '<a href="',
  "<a href='x",
  "<b class=x y='",
  "<img src=x/",
  "<p",
  "<p/",
  "</p",
  "</p >",
  "<div =x>",
  "<x:y:z>",
  "<:a>",
  "<script>",
  "</script",
  "<style>",
  "<textarea>",
  "<title>",
  "<plaintext>",
  "<svg><![CDATA[",
  "<math><mi>",
  "<table><tr><td>",
  "<template>",
  "<select><option>",
  "\r",
  "\r\n",
  "\uFEFF",
  "\uD800",
  "\u2028",
  "<meta charset=",
  "<meta charset=latin1>",
  "é",
  "日本",
  " ",
  "\n",
  "\t",
  "word",
];

/** The formats fuzzed here; the HTML ones (html, page) have their own round-trip property. */
const LINE_FORMATS = FORMATS.filter((format) => format !== "html" && format !== "page");

/** The matching options: an algorithm, and sometimes a tiny work budget. */
const matching = fc
  .record({
    algorithm: fc.constantFrom("default", "myers", "histogram", "difflib"),
    maxWork: fc.option(fc.integer({ min: 1, max: 5000 }), { freq: 4 }),
  })
  .map(({ algorithm, maxWork }) => ["--algorithm", algorithm, ...(maxWork === null ? [] : ["--max-work", String(maxWork)])]);

/** The ignore options, each drawn or not: white space, comments, case, attributes, selectors, patterns. */
const IGNORES = ["-w", "--ignore-comments", "--ignore-case", "--ignore-attr=class", "--ignore=b, li:nth-child(2)", "--ignore-attr=a@href", "--ignore-text=[0-9]+", "--ignore-value=[a-f]"];

/** Any subset of the ignore options. */
const ignoring = fc.subarray(IGNORES);

/** Safe random options for the line formats: a format, the ignore options, the matching options, a granularity. */
const lineOptions = fc
  .tuple(fc.constantFrom(...LINE_FORMATS), ignoring, matching, fc.constantFrom("word", "char"))
  .map(([format, ignore, match, granularity]) => ["-f", format, ...ignore, ...match, "--granularity", granularity]);

/** The options of the HTML round trip: the matching options and any of the ignore options, whose ignored parts still come back. */
const roundTripOptions = fc.tuple(matching, ignoring).map(([match, ignore]) => [...match, ...ignore]);

/** A name ending that picks the parse mode: by extension, or by sniffing when there is none. */
const extension = fc.constantFrom(".html", ".xml", ".svg", "");

/** Random bytes: anything, no zero bytes, or markup-like bytes with stray high bytes and byte order marks. */
const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.uint8Array({ min: 1, maxLength: 400 }),
  fc
    .tuple(
      fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
      fc.array(fc.constantFrom(...Buffer.from("<>/=\"'&;#!-[]?x p\n\r\t"), 0x80, 0xbf, 0xc3, 0xe9, 0xff, 0x00), { maxLength: 400 }),
    )
    .map(([bom, body]) => Uint8Array.from([...bom, ...body])),
);

/** Random HTML-like or XML-like text, broken on purpose. */
const markup = fc.array(fc.oneof(fc.constantFrom(...BROKEN), htmlDocument(6), xmlDocument(6), fc.string({ maxLength: 6 })), { maxLength: 50 }).map((p) => p.join(""));

/** One case: the bytes of both sides, the name ending, the options. */
interface Case {
  readonly a: Uint8Array;
  readonly b: Uint8Array;
  readonly ext: string;
  readonly args: readonly string[];
}

/** Two random byte strings, with `options`. */
const bytesCase = (options: fc.Arbitrary<string[]>): fc.Arbitrary<Case> => fc.record({ a: randomBytes, b: randomBytes, ext: extension, args: options });

/** Two texts, with `options`: unrelated, or the second a mutation of the first (a piece inserted, cut or replaced). */
const markupCase = (options: fc.Arbitrary<string[]>): fc.Arbitrary<Case> =>
  fc
    .record({ a: markup, insert: markup, at: fc.nat(), cut: fc.nat(20), unrelated: fc.boolean(), other: markup, ext: extension, args: options })
    .map(({ a, insert, at, cut, unrelated, other, ext, args }) => {
      const i = a.length ? at % (a.length + 1) : 0;
      const b = unrelated ? other : a.slice(0, i) + insert + a.slice(i + cut);
      return { a: Buffer.from(a), b: Buffer.from(b), ext, args };
    });

/** The corpus documents (both versions of each pair), as bytes with their name ending, when the corpus is here. */
const corpusDocs: { name: string; bytes: Buffer; ext: string }[] = [];
if (existsSync(join(CORPUS, "MANIFEST.tsv"))) {
  const [header, ...rows] = readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n");
  const nameAt = header!.split("\t").indexOf("name");
  for (const row of rows) {
    const folder = join(CORPUS, row.split("\t")[nameAt]!);
    for (const file of readdirSync(folder).sort()) {
      corpusDocs.push({ name: join(row.split("\t")[nameAt]!, file), bytes: readFileSync(join(folder, file)), ext: file.slice(file.lastIndexOf(".")) });
    }
  }
} else {
  console.warn(`SKIPPED: fuzzing with corpus mutations needs the corpus at ${CORPUS} (../shared/corpus)`);
}

/** A byte-level mutation: a range deleted, duplicated or replaced by broken markup, a byte changed, or the end cut off. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat(300) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.nat(300) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), piece: fc.constantFrom(...BROKEN) }),
  fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), value: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

/** One of the mutations {@link mutation} generates. */
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** `bytes` with `edits` applied in turn; positions wrap around the current length. */
function mutate(bytes: Buffer, edits: readonly Mutation[]): Buffer {
  let out = bytes;
  for (const edit of edits) {
    const at = out.length ? edit.at % out.length : 0;
    switch (edit.kind) {
      case "delete":
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + edit.length)]);
        break;
      case "duplicate":
        out = Buffer.concat([out.subarray(0, at + edit.length), out.subarray(at)]);
        break;
      case "insert":
        out = Buffer.concat([out.subarray(0, at), Buffer.from(edit.piece), out.subarray(at)]);
        break;
      case "byte":
        out = Buffer.from(out);
        if (out.length) out[at] = edit.value;
        break;
      case "truncate":
        out = out.subarray(0, at);
        break;
    }
  }
  return out;
}

/**
 * A window of up to 16 KB of a corpus document (cut anywhere, even inside a tag or a character)
 * and a mutation of it, with `options`. The case prints as the document's name, the window and the edits, not
 * as 16 KB of bytes, so that a failure report stays readable.
 */
const corpusCase = (options: fc.Arbitrary<string[]>): fc.Arbitrary<Case> =>
  fc.record({ doc: fc.nat(), offset: fc.nat(), edits: fc.array(mutation, { minLength: 1, maxLength: 4 }), args: options }).map(({ doc, offset, edits, args }) => {
    const { name, bytes, ext } = corpusDocs[doc % corpusDocs.length]!;
    const start = bytes.length > 16_384 ? offset % (bytes.length - 16_384) : 0;
    const a = bytes.subarray(start, start + 16_384);
    const described = { document: name, window: [start, start + a.length], edits, args };
    return Object.assign({ a, b: mutate(a, edits), ext, args }, { [fc.toStringMethod]: () => fc.stringify(described) });
  });

/** Binary, by the rule of docs/robustness.md: a NUL byte, or a NUL character in text with a UTF-16 byte order mark. */
function isBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) return bytes.includes(0);
  const text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2));
  return text.includes("\u0000");
}

/** Writes a case's two sides to files and returns the arguments for them. */
function argsOf(c: Case): string[] {
  const a = join(dir, `old${c.ext}`);
  const b = join(dir, `new${c.ext}`);
  writeFileSync(a, c.a);
  writeFileSync(b, c.b);
  return [...c.args, a, b];
}

/**
 * What every run of a line format must do: when a side is binary, diff's answer (status 1, or 0
 * for the same bytes) and nothing on stderr; else status 0 or 1 with at most one warning line per
 * side (decoding) and one for a fallback.
 */
function expectSane(c: Case, result: { status: number | null; stderr: string }): void {
  const lines = result.stderr.split("\n").filter(Boolean);
  if (isBinary(c.a) || isBinary(c.b)) {
    expect([result.status, result.stderr]).toEqual([Buffer.from(c.a).equals(c.b) ? 0 : 1, ""]);
    return;
  }
  expect(result.stderr).not.toMatch(/internal error|Error:|\n\s+at /);
  expect([0, 1]).toContain(result.status);
  expect(lines.length).toBeLessThanOrEqual(3);
  for (const line of lines) expect(line).toMatch(/^htmldiff: warning: /);
}

describe("fuzzing the CLI (seeded; FC_SEED replays a failure)", () => {
  it(
    `random bytes: ${RUNS.bytes} pairs in-process`,
    async () => {
      await fc.assert(
        fc.asyncProperty(bytesCase(lineOptions), async (c) => expectSane(c, await runCli(argsOf(c)))),
        fcParams(RUNS.bytes),
      );
    },
    timeout(RUNS.bytes),
  );

  it(
    `random HTML-like and XML-like text, broken on purpose: ${RUNS.markup} pairs in-process`,
    async () => {
      await fc.assert(
        fc.asyncProperty(markupCase(lineOptions), async (c) => expectSane(c, await runCli(argsOf(c)))),
        fcParams(RUNS.markup),
      );
    },
    timeout(RUNS.markup),
  );

  it.runIf(corpusDocs.length > 0)(
    `mutations of corpus documents: ${RUNS.corpus} pairs in-process`,
    async () => {
      await fc.assert(
        fc.asyncProperty(corpusCase(lineOptions), async (c) => expectSane(c, await runCli(argsOf(c)))),
        fcParams(RUNS.corpus),
      );
    },
    timeout(RUNS.corpus),
  );

  it(
    `html and page output round-trip (--accept gives NEW, --reject gives OLD) and parse5 builds the tree written: ${RUNS.roundTrip} HTML pairs`,
    async () => {
      const kinds = [bytesCase(roundTripOptions), markupCase(roundTripOptions), ...(corpusDocs.length ? [corpusCase(roundTripOptions)] : [])];
      const htmlCase = fc.oneof(...kinds).filter((c) => c.ext === ".html" && !isBinary(c.a) && !isBinary(c.b));
      await fc.assert(
        fc.asyncProperty(htmlCase, async (c) => {
          const [a, b] = [decodeBytes(c.a).text, decodeBytes(c.b).text];
          const check = parse5Checker({ a, b });
          const [oldFile, newFile] = argsOf({ ...c, args: [] });
          for (const format of ["html", "page"]) {
            const output = join(dir, `review.${format}.html`);
            const command = ["-f", format, ...c.args].join(" ");
            const diff = await runCli(["-f", format, "-o", output, ...c.args, oldFile!, newFile!]);
            expect(diff.stderr, command).not.toMatch(/internal error/);
            expectSane(c, diff);
            const written = readFileSync(output, "utf8");
            expect(firstEventDifference((await runCli(["--accept", output])).stdout, b, "html"), `${command}, then --accept`).toBeNull();
            expect(firstEventDifference((await runCli(["--reject", output])).stdout, a, "html"), `${command}, then --reject`).toBeNull();
            expect(check(written.replace(/^\uFEFF/, "")), `${command}: parse5`).toBeNull();
          }
        }),
        fcParams(RUNS.roundTrip),
      );
    },
    timeout(RUNS.roundTrip * 5),
  );

  it(
    `the source view (XML input, --view source) gives both texts back exactly (--accept NEW, --reject OLD): ${RUNS.sourceTrip} pairs`,
    async () => {
      const kinds = [bytesCase(roundTripOptions), markupCase(roundTripOptions), ...(corpusDocs.length ? [corpusCase(roundTripOptions)] : [])];
      const sourceCase = fc.oneof(...kinds).filter((c) => !isBinary(c.a) && !isBinary(c.b));
      await fc.assert(
        fc.asyncProperty(sourceCase, async (c) => {
          const [a, b] = [decodeBytes(c.a).text, decodeBytes(c.b).text];
          const [oldFile, newFile] = argsOf({ ...c, args: [] });
          for (const format of ["html", "page"]) {
            const output = join(dir, `source.${format}.html`);
            const command = ["-f", format, "--view", "source", ...c.args].join(" ");
            expectSane(c, await runCli(["-f", format, "--view", "source", "-o", output, ...c.args, oldFile!, newFile!]));
            const written = readFileSync(output, "utf8");
            expect(accept(written), `${command}, then accept`).toBe(b);
            expect(reject(written), `${command}, then reject`).toBe(a);
          }
        }),
        fcParams(RUNS.sourceTrip),
      );
    },
    timeout(RUNS.sourceTrip * 5),
  );

  it(
    `any of them through the real binary: ${RUNS.binary} pairs`,
    () => {
      const kinds = [bytesCase(lineOptions), markupCase(lineOptions), ...(corpusDocs.length ? [corpusCase(lineOptions)] : [])];
      const any = fc.oneof(...kinds);
      fc.assert(
        fc.property(any, (c) => expectSane(c, runBinary(argsOf(c)))),
        fcParams(RUNS.binary),
      );
    },
    timeout(RUNS.binary * 10),
  );
});
