// The ignore options from the outside: --ignore SELECTOR, --ignore-attr [SELECTOR@]NAME,
// --ignore-text and --ignore-value REGEX, their errors, a fixture pair that differs only in
// build noise, and the corpus pair of issue 18.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { CORPUS, corpusPresent } from "../support/corpus.js";
import { firstEventDifference } from "../support/html-check.js";

const ROOT = join(import.meta.dirname, "../..");
const NOISE = join(ROOT, "fixtures/build-noise");

/** Writes two documents to a fresh folder and runs `htmldiff -f text …options old new`. */
async function diff(a: string, b: string, ...options: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-ignore-"));
  writeFileSync(join(dir, "old.html"), a);
  writeFileSync(join(dir, "new.html"), b);
  return runCli(["-f", "text", ...options, join(dir, "old.html"), join(dir, "new.html")]);
}

/** The options the fixture pair is meant to be compared with, one argument a line. */
const noiseOptions = (): string[] => readFileSync(join(NOISE, "options.txt"), "utf8").trimEnd().split("\n");

describe("--ignore SELECTOR", () => {
  const a = '<head><meta name="generator" content="gen 1.0"></head><body><p>Hello <span class="date">May 1</span> world</p><p>one</p></body>';
  const b = '<head><meta name="generator" content="gen 2.0"></head><body><p>Hello <span class="date">June 12, 2026</span> world</p><p>one</p></body>';

  it("leaves matched elements out: only they differ, so the status is 0", async () => {
    expect((await diff(a, b)).status).toBe(1);
    expect(await diff(a, b, "--ignore", "meta[name=generator]", "--ignore", "span.date")).toMatchObject({ status: 0, stdout: "", stderr: "" });
  });

  it("still reports what is not matched, and shows an ignored element as unchanged context", async () => {
    const { status, stdout } = await diff(a, b.replace("one", "two"), "--ignore", "meta[name=generator]");
    expect(status).toBe(1);
    expect(stdout).toContain("[-one-]{+two+}");
    expect(stdout).toContain("[-May 1-]{+June 12, 2026+}");
    expect(stdout).not.toContain("gen [-1.0");
  });

  it("ignores an element found on one side only, whole, with the line it stands on", async () => {
    const without = "<ul>\n  <li>a</li>\n</ul>\n";
    const withAd = '<ul>\n  <li>a</li>\n  <li class="ad">Buy <b>now</b></li>\n</ul>\n';
    expect((await diff(without, withAd)).status).toBe(1);
    expect((await diff(without, withAd, "--ignore", "li.ad")).status).toBe(0);
    expect((await diff(withAd, without, "--ignore", "li.ad")).status).toBe(0);
  });

  it("matches with the whole tree known: :nth-child, combinators, :has", async () => {
    const x = "<ul><li>a</li><li>b</li><li>c</li></ul><p>k</p>";
    const y = "<ul><li>a</li><li>B!</li><li>c</li></ul><p>k</p>";
    expect((await diff(x, y, "--ignore", "li:nth-child(3)")).status).toBe(1);
    expect((await diff(x, y, "--ignore", "li:nth-child(2)")).status).toBe(0);
    expect((await diff(x, y, "--ignore", "ul > li + li:not(:last-child)")).status).toBe(0);
    expect((await diff(x, y, "--ignore", "ul:has(li)")).status).toBe(0);
  });

  it("refuses a bad selector with one line naming it and the column, status 2", async () => {
    expect(await runCli(["--ignore", "p[", "a.html", "b.html"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "htmldiff: --ignore: bad selector 'p[' at column 2: Expected name, found the end\n",
    });
    const pseudo = await runCli(["--ignore", "p::before", "a.html", "b.html"]);
    expect(pseudo.status).toBe(2);
    expect(pseudo.stderr).toBe("htmldiff: --ignore: bad selector 'p::before' at column 2: Pseudo-elements are not supported by css-select\n");
  });
});

describe("--ignore-attr", () => {
  const a = '<link rel="stylesheet" href="/a.111.css"><p><a href="/old">x</a></p>';
  const b = '<link rel="stylesheet" href="/a.222.css"><p><a href="/new">x</a></p>';

  it("SELECTOR@NAME ignores the attribute only on matching elements", async () => {
    const { status, stdout } = await diff(a, b, "--ignore-attr", "link@href");
    expect(status).toBe(1);
    expect(stdout).toContain('<a href="/[-old-]{+new+}">');
    expect(stdout).not.toContain("a.111");
    expect((await diff(a, b.replace("/new", "/old"), "--ignore-attr", "link@href")).status).toBe(0);
  });

  it("keeps the plain NAME form (a glob on every element), and *@NAME is the same", async () => {
    expect((await diff(a, b, "--ignore-attr", "href")).status).toBe(0);
    expect((await diff(a, b, "--ignore-attr", "*@hr*")).status).toBe(0);
  });

  it("refuses a bad selector before the @, status 2", async () => {
    const { status, stderr } = await runCli(["--ignore-attr", "a[x@href", "a.html", "b.html"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^htmldiff: --ignore-attr: bad selector 'a\[x' at column 2: .+\n$/);
  });
});

describe("--ignore-text and --ignore-value REGEX", () => {
  it("text matching a pattern compares equal to other text matching it, not to other text", async () => {
    const a = "<p>Updated 2024-01-02 by Ann.</p>";
    expect((await diff(a, "<p>Updated 2025-11-30 by Ann.</p>", "--ignore-text", "\\d{4}-\\d\\d-\\d\\d")).status).toBe(0);
    const other = await diff(a, "<p>Updated yesterday by Ann.</p>", "--ignore-text", "\\d{4}-\\d\\d-\\d\\d");
    expect(other.status).toBe(1);
    expect(other.stdout).toContain("[-2024-01-02-]{+yesterday+}");
  });

  it("the parts of attribute values matching a pattern compare equal", async () => {
    const a = '<script src="/app.0a1b2c3d.js"></script><img src="/logo.png">';
    const b = '<script src="/app.f00dfeed.js"></script><img src="/logo.png">';
    expect((await diff(a, b, "--ignore-value", "[0-9a-f]{8}")).status).toBe(0);
    expect((await diff(a, b.replace("logo", "logo2"), "--ignore-value", "[0-9a-f]{8}")).status).toBe(1);
  });

  it("refuses a bad pattern with one line naming it and the column, status 2", async () => {
    expect(await runCli(["--ignore-text", "a(b", "a.html", "b.html"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "htmldiff: --ignore-text: bad pattern 'a(b' at column 4: Unterminated group\n",
    });
    const value = await runCli(["--ignore-value", "x{2,1}", "a.html", "b.html"]);
    expect(value).toEqual({ status: 2, stdout: "", stderr: "htmldiff: --ignore-value: bad pattern 'x{2,1}' at column 7: numbers out of order in {} quantifier\n" });
  });
});

describe("a pair that differs only in build noise (fixtures/build-noise)", () => {
  it("exits 0 with the ignore options of options.txt, 1 without them", async () => {
    const files = [join(NOISE, "old.html"), join(NOISE, "new.html")];
    expect((await runCli(["-q", ...files])).status).toBe(1);
    expect(await runCli([...noiseOptions(), ...files])).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});

if (!corpusPresent) console.warn("SKIPPED: the bracex-changelog-minified acceptance case: ../shared/corpus is absent");

describe("the corpus pair bracex-changelog-minified (issue 18)", () => {
  it.skipIf(!corpusPresent)("drops the generator version and the asset hashes, and keeps the real changes", async () => {
    const dir = join(CORPUS, "bracex-changelog-minified");
    const options = ["--ignore", "meta[name=generator]", "--ignore-attr", "link@href", "--ignore-attr", "script@src", "--ignore-text", "[0-9a-f]{8}\\.min\\.js"];
    const plain = await runCli(["-f", "text", join(dir, "a.html"), join(dir, "b.html")]);
    const { status, stdout } = await runCli(["-f", "text", ...options, join(dir, "a.html"), join(dir, "b.html")]);
    expect(status).toBe(1);
    for (const noise of ["{+7.3.6+}", "main.a57b2b03.min.css", "search.fcfe8b6d.min.js", "bundle.b1047164.min.js"]) {
      expect(plain.stdout).toContain(noise);
      expect(stdout).not.toContain(noise);
    }
    expect(stdout).toContain("{+<h2 id=221>2.2.1");
    expect(stdout.match(/\{\+<li class=md-nav__item> <a href=#221 class=md-nav__link> 2\.2\.1 <\/a> <\/li> \+\}/g)).toHaveLength(2);
    expect(stdout).toContain("Back to top </a>+}");
  });

  it.skipIf(!corpusPresent)("gives both documents back, ignored parts included, from html and page output", async () => {
    const dir = join(CORPUS, "bracex-changelog-minified");
    const [a, b] = [readFileSync(join(dir, "a.html"), "utf8"), readFileSync(join(dir, "b.html"), "utf8")];
    const out = join(mkdtempSync(join(tmpdir(), "htmldiff-ignore-")), "review");
    const options = ["--ignore", "meta[name=generator]", "--ignore-attr", "link@href", "--ignore-attr", "script@src", "--ignore-text", "[0-9a-f]{8}\\.min\\.js"];
    for (const format of ["html", "page"]) {
      expect((await runCli(["-f", format, "-o", `${out}.${format}`, ...options, join(dir, "a.html"), join(dir, "b.html")])).status).toBe(1);
      expect(firstEventDifference((await runCli(["--accept", `${out}.${format}`])).stdout, b, "html")).toBeNull();
      expect(firstEventDifference((await runCli(["--reject", `${out}.${format}`])).stdout, a, "html")).toBeNull();
    }
  });
});
