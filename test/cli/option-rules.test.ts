// Options that do not apply to the chosen format or mode are refused with one line and status 2;
// `-o -` is standard output; the warnings of a coarse diff name both documents.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { random } from "../support/sequences.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-options-"));
const oldFile = join(dir, "old.html");
const newFile = join(dir, "new.html");
writeFileSync(oldFile, "<p>The quick brown fox</p>\n");
writeFileSync(newFile, "<p>The quick red fox</p>\n");

describe("options that do not apply are refused", () => {
  const cases: [string, string[], RegExp][] = [
    ["--fragment with -f text", ["--fragment", "-f", "text"], /^htmldiff: --fragment applies only to -f html, not to text\n$/],
    ["--fragment with the page an .html output implies", ["--fragment", "-o", join(dir, "r.html")], /^htmldiff: --fragment applies only to -f html, not to page\n$/],
    [
      "--keep-scripts without --fragment",
      ["--keep-scripts", "-f", "html"],
      /^htmldiff: --keep-scripts applies only to --fragment \(-f html keeps the document as it is; the page never runs its scripts\)\n$/,
    ],
    ["--view with -f json", ["--view", "source", "-f", "json"], /^htmldiff: --view applies only to -f html or page, not to json\n$/],
    ["--max-annotations without -f github", ["--max-annotations", "5"], /^htmldiff: --max-annotations applies only to -f github, not to term\n$/],
    ["-j without -r", ["-j", "2"], /^htmldiff: -j applies only to -r \(compare folders\)\n$/],
    ["-q with -o", ["-q", "-o", join(dir, "never.txt")], /^htmldiff: -q writes nothing: it cannot be given with -o\n$/],
  ];
  for (const [name, flags, message] of cases) {
    it(name, async () => {
      const result = await runCli([...flags, oldFile, newFile]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    });
  }

  it("the ignore options with --accept or --reject (they give a document back, they compare nothing)", async () => {
    const page = join(dir, "review.html");
    expect((await runCli(["-o", page, oldFile, newFile])).status).toBe(1);
    for (const [flag, value] of [
      ["--ignore", "p"],
      ["--ignore-attr", "a@href"],
      ["--ignore-text", "x"],
      ["--ignore-value", "y"],
    ] as const) {
      expect(await runCli(["--accept", page, flag, value])).toEqual({ status: 2, stdout: "", stderr: `htmldiff: ${flag} applies only to comparing two documents, not to --accept or --reject\n` });
    }
    expect((await runCli(["--reject", page])).status).toBe(0);
  });

  it("accepts what applies: --fragment with -f html, --view with page, -U and --granularity with json", async () => {
    expect((await runCli(["-f", "html", "--fragment", oldFile, newFile])).status).toBe(1);
    expect((await runCli(["-f", "page", "--view", "source", oldFile, newFile])).status).toBe(1);
    expect((await runCli(["-f", "github", "--max-annotations", "1", oldFile, newFile])).status).toBe(1);
    const json = await runCli(["-f", "json", "-U", "5", "--granularity", "char", oldFile, newFile]);
    expect([json.status, json.stderr]).toEqual([1, ""]);
  });
});

describe("-o -", () => {
  it("writes to standard output, in the format a terminal or pipe gets", async () => {
    const plain = await runCli([oldFile, newFile]);
    expect(await runCli(["-o", "-", oldFile, newFile])).toEqual(plain);
    expect(plain.stdout).toContain("[-brown-]{+red+}");
  });

  it("keeps -f", async () => {
    const { stdout } = await runCli(["-o", "-", "-f", "json", oldFile, newFile]);
    expect(JSON.parse(stdout).changes[0].kind).toBe("replace");
  });
});

describe("warnings", () => {
  /** `lines` paragraphs of ten words drawn from 2,000, different for each seed. */
  const prose = (seed: number, lines: number): string => {
    const next = random(seed);
    return Array.from({ length: lines }, () => `<p>${Array.from({ length: 10 }, () => `w${Math.floor(next() * 2000)}`).join(" ")}</p>\n`).join("");
  };

  it("names both documents when they differ too much for a fine diff", async () => {
    const [a, b] = [join(dir, "unrelated-a.html"), join(dir, "unrelated-b.html")];
    writeFileSync(a, prose(1, 800));
    writeFileSync(b, prose(2, 800));
    const result = await runCli(["-q", "--algorithm", "myers", a, b]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`htmldiff: warning: ${a} and ${b} differ too much for a fine diff; parts are shown as whole replacements\n`);
  });
});
