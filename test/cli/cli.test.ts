// End-to-end: the built binary, run as a user runs it.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBinary } from "../support/cli.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");

/** The binary's status and output; runBinary also checks that the inputs were left as they were. */
function htmldiff(args: string[], input?: string) {
  const { status, stdout, stderr } = runBinary(args, input);
  return { status, stdout, stderr };
}

const oldHtml = join(FIXTURES, "word-change/old.html");
const newHtml = join(FIXTURES, "word-change/new.html");

describe("htmldiff OLD NEW", () => {
  it("shows a one-word change as deleted and inserted, with both line numbers, and exits 1", () => {
    const { status, stdout, stderr } = htmldiff([oldHtml, newHtml]);
    expect(status).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain(`--- ${oldHtml}\n+++ ${newHtml}\n@@ -6,7 +6,7 @@\n`);
    expect(stdout).toContain(" 9  9 │   <p>This release makes the parser [-faster-]{+quicker+} and fixes two bugs in the\n");
    expect(stdout.match(/\[-|\{\+/g)).toHaveLength(2);
  });

  it("exits 0 with no output for the same file twice", () => {
    expect(htmldiff([oldHtml, oldHtml])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("exits 1 with no output with -q", () => {
    expect(htmldiff(["-q", oldHtml, newHtml])).toEqual({ status: 1, stdout: "", stderr: "" });
  });

  it("reads one side from standard input", () => {
    const { status, stdout } = htmldiff([oldHtml, "-"], "<p>changed</p>");
    expect(status).toBe(1);
    expect(stdout).toContain("[-<!DOCTYPE html>-]");
    expect(stdout).toContain("{+changed+}");
  });

  it("numbers lines of insertions and deletions from their own file", () => {
    const { stdout } = htmldiff([join(FIXTURES, "list-item/old.html"), join(FIXTURES, "list-item/new.html")]);
    expect(stdout).toContain(" 6  6 │   <li>Apples</li>\n    7 │ {+  <li>Butter</li>+}\n 7  8 │   <li>Bread</li>\n");
    expect(stdout).toContain('10 11 │ <p>Total: <b>[-3-]{+4+}</b> items, see <a href="/[-cart-]{+basket+}">the [-cart-]{+basket+}</a>.</p>\n');
  });

  it("parses .svg files with XML rules", () => {
    const { status, stdout } = htmldiff([join(FIXTURES, "svg-path/old.svg"), join(FIXTURES, "svg-path/new.svg")]);
    expect(status).toBe(1);
    expect(stdout).toContain("<title>Arrow{+ right+}</title>");
  });
});

describe("trouble exits 2 with one line on stderr", () => {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-cli-"));
  const binary = join(dir, "binary.html");
  writeFileSync(binary, Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]));
  const cases: [string, string[], RegExp][] = [
    ["a missing file", [join(dir, "nope.html"), oldHtml], /^htmldiff: .*nope\.html: No such file or directory\n$/],
    ["a directory", [dir, oldHtml], /^htmldiff: .*: Is a directory \(expected a file\)\n$/],
    ["both sides on stdin", ["-", "-"], /^htmldiff: only one side can be standard input \(-\)\n$/],
    ["a binary file in html output", ["-f", "html", binary, oldHtml], /^htmldiff: .*binary\.html: binary file \(contains NUL bytes\)\n$/],
    ["a missing argument", [oldHtml], /^htmldiff: missing NEW; see htmldiff --help\n$/],
    ["no arguments", [], /^htmldiff: missing OLD and NEW; see htmldiff --help\n$/],
    ["three arguments", [oldHtml, newHtml, oldHtml], /^htmldiff: expected OLD NEW \(or git's 7 or 9 external-diff arguments\), got 3 arguments; see htmldiff --help\n$/],
    ["an unknown format", ["-f", "pdf", oldHtml, newHtml], /^htmldiff: option '-f, --format <name>' argument 'pdf' is invalid\. Allowed choices are .*\n$/],
    ["an unknown option", ["--frobnicate", oldHtml, newHtml], /^htmldiff: unknown option '--frobnicate'\n$/],
    [
      "a misspelt option, with commander's suggestion on the same line",
      ["--ignore-whitspace", oldHtml, newHtml],
      /^htmldiff: unknown option '--ignore-whitspace' \(did you mean --ignore-whitespace\?\)\n$/,
    ],
    ["a format's name as an option", ["--stat", oldHtml, newHtml], /^htmldiff: unknown option '--stat' \(for the stat format: -f stat\)\n$/],
    ["a bad context", ["-U", "x", oldHtml, newHtml], /^htmldiff: option .* argument 'x' is invalid\. expected a whole number of lines\n$/],
    ["an unknown algorithm", ["--algorithm", "nope", oldHtml, newHtml], /^htmldiff: option .* argument 'nope' is invalid\. Allowed choices are .*\n$/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const { status, stdout, stderr } = htmldiff(args, "");
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    });
  }
});

describe("--help and --version", () => {
  it("prints help with examples and exits 0", () => {
    const { status, stdout } = htmldiff(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: htmldiff \[options\] OLD NEW/);
    expect(stdout).toContain("Examples:");
    // Repeatable options start empty: no "(default: [])" in their descriptions.
    expect(stdout).toContain("(repeatable)");
    expect(stdout).not.toContain("default: []");
  });

  it("--version and -V print the command's name and the package's version, and exit 0", () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      expect(htmldiff([flag])).toEqual({ status: 0, stdout: `htmldiff ${version}\n`, stderr: "" });
    }
  });
});
