// Bad, huge and hostile input, one test per case of docs/robustness.md: each gets a diff or a
// one-line error with status 2, never a crash, a hang or a damaged file. runCli and runBinary
// also check after every run that the input files kept their bytes and modification times.

import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, runBinary, runCli, type CliResult } from "../support/cli.js";
import { CORPUS } from "../support/corpus.js";
import { expectInputsUnchanged, snapshotInputs } from "../support/inputs.js";
import { random } from "../support/sequences.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-robust-"));
// About 100 MB of documents and reports: removed at the end, whatever the outcome.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FORMATS = ["term", "text", "json", "stat", "github"];
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
/** Runs the binary as the unprivileged user nobody (for root, who may read and write anything). */
const AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];

/**
 * Why the user nobody cannot run the binary on a file of the test folder, or null when it can.
 * It needs node, bin/htmldiff.js, dist/ and the node_modules it imports, and the test folder
 * (made 0755 by the caller): none of them is in its reach in a clone inside a private folder
 * (mktemp -d makes it 0700), and the check is then reported as NOT CHECKED.
 */
function nobodyCannotRun(): string | null {
  const probe = runBinary(["-q", plain, plain], "", {}, AS_NOBODY);
  if (probe.status === 0) return null;
  return probe.stderr.split("\n").find((line) => /Error/.test(line)) ?? `exit status ${probe.status}`;
}

/** Writes `content` to a new file in the test folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The lines a run wrote to stderr. */
function errLines(result: { stderr: string }): string[] {
  return result.stderr.split("\n").filter(Boolean);
}

/** Asserts a trouble exit: status 2, nothing on stdout, exactly `message` as one line on stderr. */
function expectTrouble(result: CliResult, message: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(errLines(result)).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

const plain = file("plain.html", "<p>plain text</p>\n");

describe("empty, blank and unterminated files, and line ends", () => {
  const empty = file("empty.html", "");
  const blank = file("blank.html", "  \n\t\n");
  const otherBlank = file("other-blank.html", "\n\n  \n");
  const lf = file("lf.html", "<p>one</p>\n<p>two</p>\n");
  const unterminated = file("unterminated.html", "<p>one</p>\n<p>two</p>");
  const crlf = file("crlf.html", "<p>one</p>\r\n<p>two</p>\r\n");
  const crlfEdited = file("crlf-edited.html", "<p>one</p>\r\n<p>three</p>\r\n");

  it("two empty files are the same in every format (JSON still answers, stat says identical)", async () => {
    for (const format of FORMATS) {
      const result = await runCli(["-f", format, empty, empty]);
      expect([result.status, result.stderr]).toEqual([0, ""]);
      if (format === "json") expect(JSON.parse(result.stdout)).toMatchObject({ identical: true, changes: [] });
      else if (format === "stat") expect(result.stdout).toBe(`${empty}: identical\n`);
      else expect(result.stdout).toBe("");
    }
  });

  it("an empty file against a document is all insertion; against /dev/null it is the same", async () => {
    const result = await runCli(["-f", "text", empty, lf]);
    expect([result.status, result.stderr]).toEqual([1, ""]);
    expect(result.stdout).toContain("{+<p>one</p>+}");
    expect(await runCli([empty, "/dev/null"])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("whitespace-only files differ from an empty file and from each other, unless -w", async () => {
    expect((await runCli([empty, blank])).status).toBe(1);
    expect((await runCli([blank, otherBlank])).status).toBe(1);
    expect(await runCli(["-w", empty, blank])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(await runCli(["-w", blank, otherBlank])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("a missing final newline is a difference (one changed line end, shown as ␊), and none with -w", async () => {
    const result = await runCli(["-f", "json", lf, unterminated]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).changes).toMatchObject([{ kind: "delete", old: { excerpt: "\n" } }]);
    expect((await runCli(["-f", "text", lf, unterminated])).stdout).toContain("2 2 │ <p>two</p>[-␊-]\n");
    expect((await runCli(["-f", "text", unterminated, lf])).stdout).toContain("2 2 │ <p>two</p>{+␊+}\n");
    expect((await runCli(["-w", lf, unterminated])).status).toBe(0);
  });

  it("CRLF against LF line ends is a difference of every line end (shown as ␍␊ and ␊), and none with -w", async () => {
    const result = await runCli(["-f", "stat", crlf, lf]);
    expect(result).toEqual({ status: 1, stdout: `${crlf} → ${lf}: 2 changes (2 replacements), +2 -2 tokens\n`, stderr: "" });
    expect((await runCli(["-f", "text", crlf, lf])).stdout).toContain("1 1 │ <p>one</p>[-␍␊-]\n  1 │ {+␊+}\n2 2 │ <p>two</p>[-␍␊-]\n  2 │ {+␊+}\n");
    expect((await runCli(["-w", crlf, lf])).status).toBe(0);
  });

  it("a word changed between two CRLF files is shown on its own line, numbered as in the files", async () => {
    const result = await runCli(["-f", "text", crlf, crlfEdited]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("1 1 │ <p>one</p>\n2 2 │ <p>[-two-]{+three+}</p>\n");
    expect(result.stdout).not.toContain("\r");
  });
});

describe("deep, wide and long documents", () => {
  const DEPTH = 100_000;
  const deep = (tag: string, middle: string): string => `<${tag}>`.repeat(DEPTH) + middle + `</${tag}>`.repeat(DEPTH) + "\n";

  for (const [mode, tag] of [
    ["html", "div"],
    ["xml", "e"],
  ] as const) {
    it(`100,000 nested elements (${mode}) give a diff in every format`, async () => {
      const old = file(`deep-old.${mode}`, deep(tag, "old"));
      const now = file(`deep-new.${mode}`, deep(tag, "new"));
      for (const format of FORMATS) {
        const result = await runCli(["-f", format, "--color", "always", old, now]);
        expect([format, result.status, result.stderr]).toEqual([format, 1, ""]);
        expect(result.stdout).toMatch(format === "json" ? /"kind": "replace"/ : /old|new|→|::notice/);
      }
    });
  }

  it("100,000 nested elements inserted whole are marked in html and page output", async () => {
    const old = file("deep-none.html", "<section><p>kept</p></section>\n");
    const now = file("deep-inserted.html", `<section><p>kept</p>${deep("div", "new")}</section>\n`);
    for (const format of ["html", "page"]) {
      const result = await runCli(["-f", format, old, now]);
      expect([format, result.status, result.stderr]).toEqual([format, 1, ""]);
      expect(result.stdout).toMatch(/<ins data-diff-wrap="ins"><div>/);
    }
  });

  it("one element with 300,000 attributes, one of them changed, is an attribute change", async () => {
    const attrs = (changed: string): string => Array.from({ length: 300_000 }, (_, i) => ` a${i}="${i === 150_000 ? changed : i}"`).join("");
    const old = file("attrs-old.html", `<p${attrs("x")}>text</p>\n`);
    const now = file("attrs-new.html", `<p${attrs("y")}>text</p>\n`);
    const result = await runCli(["-f", "json", old, now]);
    expect([result.status, result.stderr]).toEqual([1, ""]);
    expect(JSON.parse(result.stdout).changes).toMatchObject([{ kind: "attributes", attributes: [{ name: "a150000", old: "x", new: "y" }] }]);
  });

  it("a 10 MB text node with one word inserted is a one-word insertion", async () => {
    const text = Array.from({ length: 1_700_000 }, (_, i) => `w${i % 1000}x`)
      .join(" ")
      .slice(0, 10_000_000);
    expect(text.length).toBe(10_000_000);
    const old = file("text-old.html", `<p>${text}</p>\n`);
    const now = file("text-new.html", `<p>${text.replace(" w500x ", " w500x inserted ")}</p>\n`);
    const result = await runCli(["-f", "stat", old, now]);
    expect(result).toEqual({ status: 1, stdout: `${old} → ${now}: 1 change (1 insertion), +2 -0 tokens\n`, stderr: "" });
  });

  it("a 10 MB attribute value with one character appended is an attribute change, excerpted in text output", async () => {
    const value = "v".repeat(10_000_000);
    const old = file("value-old.html", `<p title="${value}">t</p>\n`);
    const now = file("value-new.html", `<p title="${value}w">t</p>\n`);
    const json = await runCli(["-f", "json", old, now]);
    expect([json.status, json.stderr]).toEqual([1, ""]);
    expect(JSON.parse(json.stdout).changes).toMatchObject([{ kind: "attributes" }]);
    const text = await runCli(["-f", "text", old, now]);
    expect(text.status).toBe(1);
    expect(text.stdout.length).toBeLessThan(10_000);
    // The excerpt shows the one character appended, not the value's tail deleted and inserted again.
    expect(text.stdout).toMatch(/v\{\+w\+\}"/);
    expect(text.stdout).not.toContain("[-");
  });
});

describe("encodings", () => {
  const utf8 = "<p>café, naïve, Ærø</p>\n";
  const sameAsUtf8 = file("utf8.html", utf8);

  it("invalid UTF-8: bad bytes become U+FFFD, one warning line per bad file, and the diff still runs", async () => {
    const bad = file("bad-utf8.html", Buffer.concat([Buffer.from("<p>caf"), Buffer.from([0xe9, 0xff]), Buffer.from(" ok</p>\n")]));
    const result = await runCli(["-f", "text", bad, sameAsUtf8]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("caf\uFFFD\uFFFD");
    expect(result.stderr).toBe(`htmldiff: warning: ${bad}: invalid UTF-8: bad bytes were replaced by U+FFFD\n`);
  });

  it("invalid UTF-8 after a UTF-8 byte order mark is warned about too", async () => {
    const bad = file("bom-bad.html", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>x"), Buffer.from([0xc3])]));
    const result = await runCli([bad, plain]);
    expect(result.status).toBe(1);
    expect(errLines(result)).toEqual([`htmldiff: warning: ${bad}: invalid UTF-8: bad bytes were replaced by U+FFFD`]);
  });

  it("UTF-16 with a byte order mark, little- and big-endian, reads as the same text as UTF-8", async () => {
    const le = file("utf16le.html", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, "utf16le")]));
    const be = file("utf16be.html", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8, "utf16le").swap16()]));
    expect(await runCli([le, sameAsUtf8])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(await runCli([be, sameAsUtf8])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("Latin-1 declared by <meta charset> reads as the same text as UTF-8", async () => {
    const latin1 = file("latin1.html", Buffer.from(`<meta charset="iso-8859-1">${utf8}`, "latin1"));
    const same = file("latin1-as-utf8.html", `<meta charset="iso-8859-1">${utf8}`.replace("iso-8859-1", "utf-8"));
    const result = await runCli(["-f", "json", latin1, same]);
    expect(result.status).toBe(1);
    // Only the declaration differs: the text decoded the same on both sides.
    expect(JSON.parse(result.stdout).changes).toMatchObject([{ kind: "attributes", attributes: [{ name: "charset", old: "iso-8859-1", new: "utf-8" }] }]);
  });

  it("Latin-1 declared by the XML declaration reads as the same text as UTF-8", async () => {
    const declaration = (name: string): string => `<?xml version="1.0" encoding="${name}"?>\n<r>${utf8}</r>\n`;
    const latin1 = file("latin1.xml", Buffer.from(declaration("ISO-8859-1"), "latin1"));
    const same = file("same.xml", declaration("UTF-8"));
    const result = await runCli(["-f", "json", latin1, same]);
    // Only the declaration differs: the text decoded the same on both sides.
    expect(JSON.parse(result.stdout).changes).toMatchObject([{ kind: "replace", old: { excerpt: declaration("ISO-8859-1").split("\n")[0] } }]);
  });

  const latin1Page = existsSync(join(CORPUS, "ant-credits-latin1"));
  if (!latin1Page) console.warn(`SKIPPED: the real Latin-1 page needs the corpus at ${CORPUS} (../shared/corpus)`);
  it.runIf(latin1Page)("a real Latin-1 page (corpus ant-credits-latin1) decodes as a browser does", async () => {
    const a = join(CORPUS, "ant-credits-latin1/a.html");
    const b = join(CORPUS, "ant-credits-latin1/b.html");
    const result = await runCli(["-f", "text", a, b]);
    expect([result.status, result.stderr]).toEqual([1, ""]);
    expect(result.stdout).toContain("<p>Version: [-1.9.6-]{+1.9.7+}</p>");
    // The same page re-encoded as UTF-8 (a BOM outranks its <meta charset>) is the same document.
    const utf8Copy = file("credits-utf8.html", `\uFEFF${new TextDecoder("latin1").decode(readFileSync(a))}`);
    expect(readFileSync(utf8Copy, "utf8")).toContain("Antoine Lévy-Lambert");
    expect(await runCli([a, utf8Copy])).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});

describe("binary input: diff's answer, or status 2 and one line where the output is the document", () => {
  const binary = file("binary.html", Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01]));

  it("a file with NUL bytes, on either side or standard input, is binary: Binary files … differ, status 1", async () => {
    expect(await runCli([binary, plain])).toEqual({ status: 1, stdout: `Binary files ${binary} and ${plain} differ\n`, stderr: "" });
    expect(await runCli([plain, binary])).toEqual({ status: 1, stdout: `Binary files ${plain} and ${binary} differ\n`, stderr: "" });
    expect(await runCli([plain, "-"], { stdin: Buffer.from([0x41, 0x00]) })).toEqual({ status: 1, stdout: `Binary files ${plain} and - differ\n`, stderr: "" });
    expectTrouble(await runCli(["-f", "page", "-o", join(dir, "binary-report.html"), binary, plain]), /^htmldiff: .*binary\.html: binary file \(contains NUL bytes\)\n$/);
    expect(existsSync(join(dir, "binary-report.html"))).toBe(false);
  });

  it("NUL bytes after a UTF-8 byte order mark, and NUL characters in UTF-16, are binary too", async () => {
    const bomUtf8 = file("bom-binary.html", Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x00]));
    const utf16 = file("utf16-binary.html", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<p>\u0000</p>", "utf16le")]));
    expect(await runCli([bomUtf8, plain])).toMatchObject({ status: 1, stdout: `Binary files ${bomUtf8} and ${plain} differ\n` });
    expect(await runCli([utf16, plain])).toMatchObject({ status: 1, stdout: `Binary files ${utf16} and ${plain} differ\n` });
    expectTrouble(await runCli(["-f", "html", bomUtf8, plain]), /binary file \(contains NUL bytes\)\n$/);
    expectTrouble(await runCli(["-f", "html", utf16, plain]), /binary file \(contains NUL characters\)\n$/);
  });
});

describe("input that is not a document: status 2 and one line on stderr", () => {
  it("a missing file", async () => {
    expectTrouble(await runCli([join(dir, "missing.html"), plain]), /^htmldiff: .*missing\.html: No such file or directory\n$/);
  });

  it("a directory where a file is expected", async () => {
    expectTrouble(await runCli([plain, dir]), /^htmldiff: .*: Is a directory \(expected a file\)\n$/);
  });

  it("both sides on standard input (- -)", async () => {
    expectTrouble(await runCli(["-", "-"], { stdin: "<p>x</p>" }), /^htmldiff: only one side can be standard input \(-\)\n$/);
  });

  it("an unreadable file (chmod 000): refused as Permission denied, except for root, who reads it", async () => {
    const secret = file("secret.html", "<p>secret</p>\n");
    chmodSync(secret, 0o000);
    const inProcess = await runCli([secret, plain]);
    if (isRoot) expect([inProcess.status, inProcess.stderr]).toEqual([1, ""]);
    else expectTrouble(inProcess, /^htmldiff: .*secret\.html: Permission denied\n$/);
    if (isRoot && !hasSetpriv) console.warn("NOT CHECKED: an unreadable file as an unprivileged user (root, and setpriv is missing)");
    if (isRoot && hasSetpriv) {
      chmodSync(dir, 0o755);
      const unreachable = nobodyCannotRun();
      if (unreachable) console.warn(`NOT CHECKED: an unreadable file as an unprivileged user (nobody cannot run the binary from here: ${unreachable})`);
      else {
        const asNobody = runBinary([secret, plain], "", {}, AS_NOBODY);
        expect(asNobody.status).toBe(2);
        expect(asNobody.stderr).toMatch(/^htmldiff: .*secret\.html: Permission denied\n$/);
      }
    }
  });
});

describe("-o: the output file is written whole or not at all, and never over an input", () => {
  const old = file("out-old.html", "<p>The quick brown fox</p>\n");
  const now = file("out-new.html", "<p>The quick red fox</p>\n");

  it("a full device: status 2, one line", async () => {
    expectTrouble(await runCli(["-o", "/dev/full", old, now]), /^htmldiff: \/dev\/full: cannot write the output \(No space left on device\)\n$/);
  });

  it("a write that fails half way (a file size limit, ulimit -f): status 2, the old file kept, nothing left beside it", () => {
    const folder = mkdtempSync(join(dir, "efbig-"));
    const target = join(folder, "report.txt");
    writeFileSync(target, "old report\n");
    const big = file("big.html", "<p>a line of text that repeats</p>\n".repeat(2_000));
    const inputs = snapshotInputs([plain, big]);
    const result = spawnSync("bash", ["-c", 'ulimit -f 8; exec "$@"', "bash", process.execPath, BIN, "-o", target, plain, big], { encoding: "utf8" });
    expectInputsUnchanged(inputs);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^htmldiff: .*report\.txt: cannot write the output \(File too large\)\n$/);
    expect(readFileSync(target, "utf8")).toBe("old report\n");
    expect(readdirSync(folder)).toEqual(["report.txt"]);
  });

  it("a folder that cannot be written: status 2, one line, nothing left in it", async () => {
    const locked = mkdtempSync(join(dir, "locked-"));
    const target = join(locked, "out.txt");
    if (!isRoot) {
      chmodSync(locked, 0o500);
      expectTrouble(await runCli(["-o", target, old, now]), /cannot write the output \(Permission denied\)\n$/);
      chmodSync(locked, 0o700);
    } else if (hasSetpriv) {
      // Root writes anywhere; an unprivileged user cannot write into root's 0755 folder.
      chmodSync(locked, 0o755);
      chmodSync(dir, 0o755);
      const unreachable = nobodyCannotRun();
      if (unreachable) console.warn(`NOT CHECKED: a read-only folder (nobody cannot run the binary from here: ${unreachable})`);
      else {
        const result = runBinary(["-o", target, old, now], "", {}, AS_NOBODY);
        expect([result.status, result.stdout]).toEqual([2, ""]);
        expect(result.stderr).toMatch(/^htmldiff: .*out\.txt: cannot write the output \(Permission denied\)\n$/);
      }
    } else {
      console.warn("NOT CHECKED: a read-only folder (running as root, and setpriv is missing)");
    }
    expect(readdirSync(locked)).toEqual([]);
  });

  it("a folder that does not exist: status 2, one line that says so as diff(1) would", async () => {
    expectTrouble(await runCli(["-o", join(dir, "no-such-folder", "report.html"), old, now]), /no-such-folder\/report\.html: cannot write the output \(No such file or directory\)\n$/);
  });

  it("a folder as the output: status 2, one line, nothing left beside it", async () => {
    const folder = mkdtempSync(join(dir, "outdir-"));
    mkdirSync(join(folder, "report"));
    expectTrouble(await runCli(["-o", join(folder, "report"), old, now]), /report: cannot write the output \(Is a directory\)\n$/);
    expect(readdirSync(folder)).toEqual(["report"]);
  });

  it("-o naming an input, directly, through another path or through a symbolic link, is refused", async () => {
    const link = join(dir, "link-to-new.html");
    symlinkSync(now, link);
    for (const target of [now, `${dir}/../${basename(dir)}/./out-new.html`, link]) {
      expectTrouble(await runCli(["-o", target, old, now]), /refusing to write the output over an input\n$/);
    }
    expect(readFileSync(now, "utf8")).toBe("<p>The quick red fox</p>\n");
  });

  it("-r with -o inside one of the compared folders is refused, for a report file or a folder of pages", async () => {
    const site = mkdtempSync(join(dir, "site-"));
    writeFileSync(join(site, "page.html"), "<p>old</p>\n");
    const other = mkdtempSync(join(dir, "site-"));
    writeFileSync(join(other, "page.html"), "<p>new</p>\n");
    for (const output of [
      ["-f", "text", "-o", join(other, "report.txt")],
      ["-f", "page", "-o", site],
      ["-f", "page", "-o", join(site, "pages")],
    ]) {
      expectTrouble(await runCli(["-r", "-j", "1", ...output, site, other]), /refusing to write the output inside an input folder\n$/);
    }
    expect([readdirSync(site), readdirSync(other)]).toEqual([["page.html"], ["page.html"]]);
  });
});

describe("interrupted while writing -o (the real binary, a 21 MB report)", () => {
  const empty = file("nothing.html", "");
  const long = file("long.html", `${"x".repeat(190)}\n`.repeat(100_000));
  const expected = join(dir, "expected.txt");

  /**
   * Starts `htmldiff -o target`, sends `signal` as soon as the temporary file appears, and
   * returns how the process ended.
   */
  async function interrupt(target: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sent: boolean }> {
    const folder = join(target, "..");
    const child = spawn(process.execPath, [BIN, "-o", target, empty, long], { stdio: "ignore" });
    let sent = false;
    const watcher = watch(folder, (_event, name) => {
      if (!sent && name?.endsWith(".tmp")) sent = child.kill(signal);
    });
    const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
    watcher.close();
    return { ...end, sent };
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}: the target is the old file or the complete new one, no temporary file is left, and the process ends by ${signal}`, async () => {
      if (!existsSync(expected)) expect(runBinary(["-o", expected, empty, long]).status).toBe(1);
      const complete = readFileSync(expected);
      expect(complete.length).toBeGreaterThan(20_000_000);
      const folder = mkdtempSync(join(dir, "signal-"));
      const target = join(folder, "report.txt");
      writeFileSync(target, "old report\n");
      const inputs = snapshotInputs([empty, long]);
      const end = await interrupt(target, signal);
      expectInputsUnchanged(inputs);
      expect(end.sent).toBe(true);
      const now = readFileSync(target);
      expect(now.equals(complete) || now.toString() === "old report\n").toBe(true);
      expect(readdirSync(folder)).toEqual(["report.txt"]);
      // Interrupted during the write it re-raises the signal; had the write already finished, it exits 1.
      expect(end.signal === signal || (end.code === 1 && now.equals(complete))).toBe(true);
    });
  }
});

describe("bounded work (--max-work)", () => {
  /** About `lines` lines of ten words drawn from a vocabulary of 2,000, different for each seed. */
  const prose = (seed: number, lines: number): string => {
    const next = random(seed);
    const line = (): string => Array.from({ length: 10 }, () => `w${Math.floor(next() * 2000)}`).join(" ");
    return Array.from({ length: lines }, () => `<p>${line()}</p>\n`).join("");
  };
  const page = (word: string): string => `<h1>Title</h1>\n<p>The first paragraph.</p>\n<p>The second one says ${word} things.</p>\n<p>The last one.</p>\n`;

  it("past the budget, lines and tags are matched first: one warning line, and the JSON says unit line and fallback", async () => {
    const old = file("budget-old.html", page("old"));
    const now = file("budget-new.html", page("new"));
    const result = await runCli(["-f", "json", "--max-work", "1000", old, now]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`htmldiff: warning: ${now}: past the work budget (--max-work 1000), lines and tags were matched first; some changes are coarser than word by word\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({ fallback: true, unit: "line", changes: [{ kind: "replace", old: { excerpt: "old" }, new: { excerpt: "new" } }] });
    const normal = await runCli(["-f", "json", old, now]);
    expect([normal.stderr, JSON.parse(normal.stdout).unit]).toEqual(["", "token"]);
  });

  it("difflib on two unrelated 250 KB documents stops at the default budget instead of running for a minute", async () => {
    const old = file("unrelated-old.html", prose(1, 4_000));
    const now = file("unrelated-new.html", prose(2, 4_000));
    const result = await runCli(["-f", "stat", "--algorithm", "difflib", old, now]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^htmldiff: warning: .*past the work budget \(--max-work \d+\)/);
  });

  it("refuses a budget that is not a whole number of at least 1", async () => {
    for (const value of ["0", "-5", "1e9", "lots"]) {
      expectTrouble(await runCli(["--max-work", value, plain, plain]), /^htmldiff: option '--max-work <units>' argument '.*' is invalid\. expected a whole number of at least 1\n$/);
    }
  });
});
