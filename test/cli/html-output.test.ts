// End to end: --format html and page, --fragment, --view source, --accept and --reject, and
// the review page chosen by an output file's .html extension.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { firstEventDifference } from "../support/html-check.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const pair = (name: string, ext = "html") => [join(FIXTURES, name, `old.${ext}`), join(FIXTURES, name, `new.${ext}`)];
const read = (path: string) => readFileSync(path, "utf8");

describe("htmldiff -f html | page", () => {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-html-"));

  it("prints the new document with changes marked, nothing added (no byte order mark), and exits 1", async () => {
    const { status, stdout, stderr } = await runCli(["-f", "html", ...pair("two-words-changed")]);
    expect([status, stderr]).toEqual([1, ""]);
    expect(stdout).toBe(read(join(FIXTURES, "two-words-changed/expected.html")));
  });

  it("prints only the body's content with --fragment", async () => {
    const { stdout } = await runCli(["-f", "html", "--fragment", ...pair("head-changes")]);
    expect(stdout).toBe('<div class="diff"><p>Body text.</p></div>');
  });

  it("prints the source text with the same marks with --view source, and always for XML", async () => {
    const source = await runCli(["-f", "html", "--view", "source", ...pair("two-words-changed")]);
    expect(source.stdout).toContain('&lt;p&gt;This release makes the parser <del data-diff-wrap="del">faster</del>');
    const xml = await runCli(["-f", "html", ...pair("xml-source", "svg")]);
    expect(xml.stdout).toContain('<pre class="diff-source" data-diff-view="source">');
  });

  it("does not show an end tag that closes nothing as text, as a browser shows nothing for it", async () => {
    const [a, b] = [join(dir, "stray-a.html"), join(dir, "stray-b.html")];
    writeFileSync(a, "<p>One</td> two</span> three.</p>\n");
    writeFileSync(b, "<p>One</td> two</span> four.</p>\n");
    for (const format of ["html", "page"]) {
      const output = join(dir, `stray.${format}.html`);
      expect((await runCli(["-f", format, "-o", output, a, b])).status).toBe(1);
      expect(read(output)).not.toMatch(/&lt;\/(td|span)/);
      expect(read(output)).toContain('<del data-diff-wrap="del">three</del>');
      expect(firstEventDifference((await runCli(["--accept", output])).stdout, read(b), "html")).toBeNull();
      expect(firstEventDifference((await runCli(["--reject", output])).stdout, read(a), "html")).toBeNull();
    }
    // The terminal shows the source as written.
    expect((await runCli([a, b])).stdout).toContain("<p>One</td> two</span> [-three-]{+four+}.</p>");
  });

  it("writes a review page for -o FILE.html, and --accept / --reject give back both documents", async () => {
    const [a, b] = pair("table-rows-cells");
    const page = join(dir, "review.html");
    expect((await runCli(["-o", page, a!, b!])).status).toBe(1);
    expect(read(page)).toMatch(/^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"/);
    const accepted = await runCli(["--accept", page]);
    const rejected = await runCli(["--reject", page]);
    expect([accepted.status, rejected.status]).toEqual([0, 0]);
    expect(firstEventDifference(accepted.stdout, read(b!), "html")).toBeNull();
    expect(firstEventDifference(rejected.stdout, read(a!), "html")).toBeNull();
  });

  it("gives back the exact source from a page in source view", async () => {
    const [a, b] = pair("two-words-changed");
    const page = join(dir, "source.html");
    await runCli(["-f", "page", "--view", "source", "-o", page, a!, b!]);
    expect(read(page)).toContain('<pre class="diff-source" data-diff-view="source">');
    expect((await runCli(["--accept", page])).stdout).toBe(read(b!));
    expect((await runCli(["--reject", page])).stdout).toBe(read(a!));
  });

  it("gives back the exact XML source from html output, through a file and standard input", async () => {
    const [a, b] = pair("xml-source", "svg");
    const html = join(dir, "svg.html");
    writeFileSync(html, (await runCli(["-f", "html", a!, b!])).stdout);
    expect((await runCli(["--accept", html])).stdout).toBe(read(b!));
    expect((await runCli(["--reject", "-"], { stdin: read(html) })).stdout).toBe(read(a!));
  });

  it("refuses a page that is not htmldiff's output: status 2, one line, nothing printed", async () => {
    const [a] = pair("two-words-changed");
    for (const flag of ["--accept", "--reject"]) {
      const verb = flag.slice(2);
      expect(await runCli([flag, a!])).toEqual({ status: 2, stdout: "", stderr: `htmldiff: ${a}: not html or page output of htmldiff (no marks to ${verb})\n` });
      expect(await runCli([flag, "-"], { stdin: read(a!) })).toEqual({ status: 2, stdout: "", stderr: `htmldiff: -: not html or page output of htmldiff (no marks to ${verb})\n` });
    }
  });

  it("refuses a page whose own attributes only begin like a mark (data-difficulty), and round-trips it", async () => {
    const quiz = (level: string) => `<!doctype html>\n<ul>\n<li data-difficulty="${level}" data-diffusion="x">2+2?</li>\n</ul>\n`;
    const [a, b] = [join(dir, "quiz-a.html"), join(dir, "quiz-b.html")];
    writeFileSync(a, quiz("easy"));
    writeFileSync(b, quiz("hard"));
    for (const flag of ["--accept", "--reject"]) {
      expect(await runCli([flag, a])).toEqual({ status: 2, stdout: "", stderr: `htmldiff: ${a}: not html or page output of htmldiff (no marks to ${flag.slice(2)})\n` });
    }
    for (const format of ["html", "page"]) {
      const output = join(dir, `quiz.${format}.html`);
      expect((await runCli(["-f", format, "-o", output, a, b])).status).toBe(1);
      expect(await runCli(["--accept", output])).toEqual({ status: 0, stdout: read(b), stderr: "" });
      expect(await runCli(["--reject", output])).toEqual({ status: 0, stdout: read(a), stderr: "" });
    }
  });

  it("gives back the document from the output of two identical documents, in every html and page form", async () => {
    const [a] = pair("two-words-changed");
    for (const args of [
      ["-f", "page"],
      ["-f", "html"],
      ["-f", "page", "--view", "source"],
      ["-f", "html", "--view", "source"],
    ]) {
      const output = join(dir, "identical.html");
      expect((await runCli([...args, "-o", output, a!, a!])).status).toBe(0);
      expect(await runCli(["--accept", output]), args.join(" ")).toEqual({ status: 0, stdout: read(a!), stderr: "" });
      expect(await runCli(["--reject", output]), args.join(" ")).toEqual({ status: 0, stdout: read(a!), stderr: "" });
    }
  });

  it("refuses --accept with --reject, or with documents to compare", async () => {
    const [a, b] = pair("two-words-changed");
    const both = await runCli(["--accept", a!, "--reject", b!]);
    expect([both.status, both.stderr]).toEqual([2, "htmldiff: --accept and --reject cannot both be given\n"]);
    const extra = await runCli(["--accept", a!, b!]);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toMatch(/^htmldiff: --accept and --reject take one file/);
  });
});
