// From the outside: --accept and --reject write each document in its own encoding (Latin-1 with
// its <meta charset>, UTF-16 with its byte order mark), and -f html / page output is UTF-8 with
// no byte order mark added and a declaration that says so.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "parse5";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/read/decode.js";
import { encodeDocument } from "../../src/read/encode.js";
import { BIN, runCli } from "../support/cli.js";
import { CORPUS, corpusPresent } from "../support/corpus.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-encodings-"));
const LATIN1_A = "<!DOCTYPE html>\n<html><head><meta charset=ISO-8859-1><title>Cr\xe9dits</title></head>\n<body><p>Merci \xe0 L\xe9vy, version 1.9.6.</p></body></html>\n";
const LATIN1_B = LATIN1_A.replace("1.9.6", "1.9.7");

/** Writes `name` with `bytes`; returns its path. */
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** `-f FORMAT -o out` then `--accept` and `--reject` of it into files; returns the bytes of all three. */
async function roundTrip(format: "html" | "page", a: string, b: string, tag: string): Promise<{ output: Buffer; accepted: Buffer; rejected: Buffer }> {
  const output = join(dir, `${tag}-${format}.out`);
  expect((await runCli(["-f", format, "-o", output, a, b])).status).toBe(1);
  const [accepted, rejected] = [join(dir, `${tag}-${format}.new`), join(dir, `${tag}-${format}.old`)];
  expect(await runCli(["--accept", output, "-o", accepted])).toEqual({ status: 0, stdout: "", stderr: "" });
  expect(await runCli(["--reject", output, "-o", rejected])).toEqual({ status: 0, stdout: "", stderr: "" });
  return { output: readFileSync(output), accepted: readFileSync(accepted), rejected: readFileSync(rejected) };
}

/** The text of a page's body as a browser builds it from the bytes: BOM, then the meta charset prescan, then UTF-8. */
function browserText(bytes: Uint8Array): string {
  const body = parse(decodeBytes(bytes).text).childNodes.find((n) => n.nodeName === "html");
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { nodeName: string; value?: string; childNodes?: unknown[]; content?: unknown };
    if (n.nodeName === "#text") texts.push(n.value ?? "");
    for (const child of n.childNodes ?? []) walk(child);
  };
  walk(body);
  return texts.join("");
}

describe("encodings of the documents given back and of HTML output", () => {
  it("--accept and --reject give a Latin-1 page back in Latin-1, byte for byte, from html and page output", async () => {
    const [a, b] = [file("latin1-a.html", Buffer.from(LATIN1_A, "latin1")), file("latin1-b.html", Buffer.from(LATIN1_B, "latin1"))];
    for (const format of ["html", "page"] as const) {
      const { accepted, rejected } = await roundTrip(format, a, b, "latin1");
      expect(accepted.includes(Buffer.from("L\xe9vy", "latin1")), `${format}: accept keeps é as one Latin-1 byte`).toBe(true);
      expect(accepted.equals(readFileSync(b)), `${format}: accept`).toBe(true);
      expect(rejected.equals(readFileSync(a)), `${format}: reject`).toBe(true);
    }
  });

  it("--accept writes the Latin-1 bytes to standard output too", () => {
    const [a, b] = [file("out-a.html", Buffer.from(LATIN1_A, "latin1")), file("out-b.html", Buffer.from(LATIN1_B, "latin1"))];
    const output = join(dir, "out.html");
    expect(spawnSync(process.execPath, [BIN, "-f", "html", "-o", output, a, b]).status).toBe(1);
    const accepted = spawnSync(process.execPath, [BIN, "--accept", output]);
    expect(accepted.status).toBe(0);
    expect(Buffer.compare(accepted.stdout, readFileSync(b))).toBe(0);
  });

  it("--accept and --reject give UTF-16 documents back in UTF-16 with their byte order marks", async () => {
    const utf16 = (text: string, be: boolean): Uint8Array => {
      const le = Buffer.from(`\uFEFF${text}`, "utf16le");
      return be ? Buffer.from(le).swap16() : le;
    };
    for (const be of [false, true]) {
      const a = file(`utf16-${be}-a.html`, utf16("<p>Caf\xe9 \u4e2d\u6587 one</p>\n", be));
      const b = file(`utf16-${be}-b.html`, utf16("<p>Caf\xe9 \u4e2d\u6587 two</p>\n", be));
      const { accepted, rejected } = await roundTrip("html", a, b, `utf16-${be}`);
      expect(accepted.equals(readFileSync(b)), `accept, big-endian ${be}`).toBe(true);
      expect(rejected.equals(readFileSync(a)), `reject, big-endian ${be}`).toBe(true);
    }
  });

  it("--accept and --reject keep a UTF-8 byte order mark where the document had one", async () => {
    const a = file("bom-a.html", Buffer.from("\uFEFF<p>Caf\xe9 one</p>\n", "utf8"));
    const b = file("bom-b.html", Buffer.from("<p>Caf\xe9 two</p>\n", "utf8"));
    const { accepted, rejected } = await roundTrip("page", a, b, "bom");
    expect(rejected.equals(readFileSync(a)), "reject keeps the BOM").toBe(true);
    expect(accepted.equals(readFileSync(b)), "accept adds none").toBe(true);
  });

  it("-f html output has no byte order mark, declares UTF-8 where the page declared Latin-1, and a browser reads Lévy", async () => {
    const [a, b] = [file("decl-a.html", Buffer.from(LATIN1_A, "latin1")), file("decl-b.html", Buffer.from(LATIN1_B, "latin1"))];
    for (const format of ["html", "page"] as const) {
      const { output } = await roundTrip(format, a, b, "decl");
      expect(output.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${format}: no BOM`).toBe(false);
      expect(decodeBytes(output).encoding, `${format}: the declaration a browser finds`).toBe("utf-8");
      expect(output.toString("latin1"), `${format}: no Latin-1 declaration left live`).not.toMatch(/<meta charset=ISO-8859-1>/i);
      expect(browserText(output), format).toContain("Merci à Lévy, version");
    }
  });

  it("reads only a <meta>'s own charset attribute as its declaration, not a mark's (npm run fuzz, seed 1592487386)", async () => {
    // UTF-8 bytes declared Latin-1, against the same bytes with no declaration: the output keeps the old value as data-diff-old-charset.
    const text = "\u65e5\u672c";
    const a = file("fuzz-a.html", Buffer.from(`<meta charset=latin1>${text}`, "utf8"));
    const b = file("fuzz-b.html", Buffer.from(`<meta harset=latin1>${text}`, "utf8"));
    for (const format of ["html", "page"] as const) {
      const { output, accepted, rejected } = await roundTrip(format, a, b, "fuzz");
      expect(decodeBytes(output).encoding, format).toBe("utf-8");
      expect(accepted.equals(readFileSync(b)), `${format}: accept`).toBe(true);
      expect(rejected.equals(readFileSync(a)), `${format}: reject`).toBe(true);
    }
    expect(decodeBytes(Buffer.from('<!-- <meta charset="latin1"> --><meta x-charset="koi8-r" content="charset=koi8-r"><meta charset="iso-8859-2">')).encoding).toBe("iso-8859-2");
  });

  it("adds a byte order mark only where a <meta charset> in raw text would make the output read otherwise (npm run fuzz, seed 696324205)", async () => {
    // Both documents are decoded as windows-1252 by the <meta> in their style, as a browser would; the output is UTF-8.
    const a = file("style-a.html", Buffer.from("<style><meta charset=latin1></style>", "utf8"));
    const b = file("style-b.html", Buffer.from("\u65e5\u672c<style><meta charset=latin1></style>", "utf8"));
    for (const format of ["html", "page"] as const) {
      const { output, accepted, rejected } = await roundTrip(format, a, b, "style");
      expect(decodeBytes(output).encoding, `${format}: read as UTF-8`).toBe("utf-8");
      expect(accepted.equals(readFileSync(b)), `${format}: accept`).toBe(true);
      expect(rejected.equals(readFileSync(a)), `${format}: reject`).toBe(true);
    }
  });

  it("writes characters the encoding cannot hold as numeric character references", () => {
    expect(Buffer.from(encodeDocument("L\xe9vy \u4e2d \u{1F600}", "windows-1252")).toString("latin1")).toBe("L\xe9vy &#20013; &#128512;");
    // The exact inverse of the platform's decoder, byte for byte (which decodeBytes uses).
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const encoding of ["windows-1252", "iso-8859-2", "koi8-r"]) expect(encodeDocument(new TextDecoder(encoding).decode(bytes), encoding), encoding).toEqual(bytes);
    const japanese = "\u65e5\u672c\u8a9e";
    expect(new TextDecoder("shift_jis").decode(encodeDocument(japanese, "shift_jis"))).toBe(japanese);
  });

  it.skipIf(!corpusPresent)("gives the corpus's Latin-1 pair back byte for byte (ant-credits-latin1)", async () => {
    const [a, b] = [join(CORPUS, "ant-credits-latin1/a.html"), join(CORPUS, "ant-credits-latin1/b.html")];
    for (const format of ["html", "page"] as const) {
      const { output, accepted, rejected } = await roundTrip(format, a, b, "corpus-latin1");
      expect(accepted.equals(readFileSync(b)), `${format}: accept`).toBe(true);
      expect(rejected.equals(readFileSync(a)), `${format}: reject`).toBe(true);
      expect(decodeBytes(output).encoding).toBe("utf-8");
      expect(browserText(output)).toContain("Lévy");
    }
  });
});
if (!corpusPresent) console.warn("SKIPPED: the corpus Latin-1 pair: ../shared/corpus is absent");
