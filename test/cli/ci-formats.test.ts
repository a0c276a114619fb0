// The formats a CI job reads: -r -f json as a stream of JSON values, -f github annotations and
// the step summary, -f stat's identical line and -r totals.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const root = mkdtempSync(join(tmpdir(), "htmldiff-ci-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const hasJq = spawnSync("jq", ["--version"]).status === 0;
if (!hasJq) console.warn("SKIPPED: the jq check of -r -f json needs jq (apt-get install jq); the stream is still parsed in the test");

/** Writes the files of `tree` (relative path → content) under a new folder and returns it. */
function folder(name: string, tree: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A page of `n` paragraphs, one word each, the word `word(i)`. */
const page = (n: number, word: (i: number) => string): string => Array.from({ length: n }, (_, i) => `<p>${word(i)}</p>\n`).join("");

const oldDir = folder("old", {
  "same.html": "<p>same</p>\n",
  "changed.html": "<p>old words</p>\n",
  "equal-after-w.html": "<p>a  b</p>\n",
  "gone.html": "<p>gone</p>\n",
  "sub/changed.svg": "<svg><title>old</title></svg>\n",
});
const newDir = folder("new", {
  "same.html": "<p>same</p>\n",
  "changed.html": "<p>new words</p>\n",
  "equal-after-w.html": "<p>a b</p>\n",
  "added.html": "<p>added</p>\n",
  "sub/changed.svg": "<svg><title>new</title></svg>\n",
});

/**
 * Splits a stream of JSON values (as `jq` reads them: one after the other, whitespace between)
 * into the values; throws on anything else, such as a plain text line.
 */
function parseJsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let start = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (--depth === 0) {
        values.push(JSON.parse(text.slice(start, i + 1)));
        start = i + 1;
      }
    } else if (depth === 0 && !/\s/.test(c)) throw new Error(`not a JSON value at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  }
  if (text.slice(start).trim()) throw new Error("the stream ends inside a value");
  return values;
}

describe("-r -f json", () => {
  it("is a stream of JSON values: an edit script per differing pair, a record per one-sided file", async () => {
    const { status, stdout } = await runCli(["-r", "-j", "1", "-f", "json", oldDir, newDir]);
    expect(status).toBe(1);
    const values = parseJsonStream(stdout) as Record<string, unknown>[];
    expect(stdout).not.toContain("Only in");
    expect(values.filter((v) => v.format === "htmldiff-edit-script").map((v) => (v.new as { name: string }).name)).toEqual([
      join(newDir, "changed.html"),
      join(newDir, "equal-after-w.html"),
      join(newDir, "sub/changed.svg"),
    ]);
    expect(values.filter((v) => v.only)).toEqual([
      { format: "htmldiff-only-in", version: 1, only: "new", path: "added.html", name: join(newDir, "added.html") },
      { format: "htmldiff-only-in", version: 1, only: "old", path: "gone.html", name: join(oldDir, "gone.html") },
    ]);
  });

  it.skipIf(!hasJq)("is read by jq -c .", async () => {
    const { stdout } = await runCli(["-r", "-j", "1", "-f", "json", oldDir, newDir]);
    const jq = spawnSync("jq", ["-c", "."], { input: stdout, encoding: "utf8" });
    expect([jq.status, jq.stderr]).toEqual([0, ""]);
    expect(jq.stdout.trim().split("\n")).toHaveLength(5);
  });
});

describe("-f stat", () => {
  it("says so when the files are identical", async () => {
    const same = join(oldDir, "same.html");
    expect(await runCli(["-f", "stat", same, join(newDir, "same.html")])).toEqual({ status: 0, stdout: `${same} → ${join(newDir, "same.html")}: identical\n`, stderr: "" });
  });

  it("with -r ends with a totals line", async () => {
    const { status, stdout } = await runCli(["-r", "-j", "1", "-f", "stat", oldDir, newDir]);
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("3 changed, 1 identical, 1 only in old, 1 only in new");
    expect(lines.filter((line) => line.includes("→"))).toHaveLength(3);
  });

  it("with -r -w counts a pair that is equal after the ignore options as identical", async () => {
    const { stdout } = await runCli(["-r", "-j", "1", "-w", "-f", "stat", oldDir, newDir]);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("2 changed, 2 identical, 1 only in old, 1 only in new");
  });
});

describe("-f github", () => {
  const many = folder("many", { "old.html": page(14, (i) => `old${i}`), "new.html": page(14, (i) => `new${i}`) });
  const [manyOld, manyNew] = [join(many, "old.html"), join(many, "new.html")];
  const annotations = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("::"));

  it("annotates at most 10 changes per file, then one annotation with the counts of the rest", async () => {
    const { status, stdout } = await runCli(["-f", "github", manyOld, manyNew]);
    expect(status).toBe(1);
    const lines = annotations(stdout);
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 10).every((line) => line.includes('::"old'))).toBe(true);
    expect(lines[10]).toBe(`::warning file=${manyNew},line=11,col=4,title=htmldiff%3A 4 more changes::4 more changes not annotated (4 replace); run htmldiff locally to see them all`);
  });

  it("takes the limit from --max-annotations", async () => {
    const lines = annotations((await runCli(["-f", "github", "--max-annotations", "3", manyOld, manyNew])).stdout);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain("11 more changes not annotated (11 replace)");
  });

  it("never quotes an empty excerpt: whitespace is shown with visible marks", async () => {
    const ws = folder("ws", { "a.html": "<p>a</p>\n\n<p>b</p>  <p>c</p>\n", "b.html": "<p>a</p>\n<p>b</p>\t<p>c</p>\n" });
    const { stdout } = await runCli(["-f", "github", join(ws, "a.html"), join(ws, "b.html")]);
    expect(annotations(stdout).length).toBeGreaterThan(0);
    expect(stdout).not.toContain('""');
    expect(stdout).toContain('"␊"');
    expect(stdout).toContain('"··" → "␉"');
  });

  it("with -r annotates the files found on one side only", async () => {
    const { stdout } = await runCli(["-r", "-j", "1", "-f", "github", oldDir, newDir]);
    expect(stdout).toContain(`::notice file=${join(newDir, "added.html")},title=htmldiff%3A only in new::added.html is only in ${newDir}`);
    expect(stdout).toContain(`::warning file=${join(oldDir, "gone.html")},title=htmldiff%3A only in old::gone.html is only in ${oldDir}`);
    expect(stdout).not.toContain("Only in");
  });

  it("appends a Markdown table to $GITHUB_STEP_SUMMARY, keeping what was there", async () => {
    const summary = join(root, "summary.md");
    writeFileSync(summary, "# Earlier step\n");
    const env = { GITHUB_STEP_SUMMARY: summary };
    expect((await runCli(["-r", "-j", "1", "-f", "github", oldDir, newDir], { env })).status).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe(
      [
        "# Earlier step",
        "",
        "### htmldiff",
        "",
        "| file | changes | +/- tokens |",
        "| --- | ---: | ---: |",
        "| changed.html | 1 | +1 -1 |",
        "| equal-after-w.html | 1 | +1 -1 |",
        "| sub/changed.svg | 1 | +1 -1 |",
        "| added.html | only in new | |",
        "| gone.html | only in old | |",
        "",
      ].join("\n"),
    );
    await runCli(["-f", "github", manyOld, manyNew], { env });
    expect(readFileSync(summary, "utf8")).toMatch(/\| gone\.html \| only in old \| \|\n\n### htmldiff\n\n.*\n.*\n\| .*new\.html \| 14 \| \+14 -14 \|\n$/);
  });

  it("warns in one line, and keeps the status, when the summary cannot be written", async () => {
    const env = { GITHUB_STEP_SUMMARY: join(root, "missing", "summary.md") };
    const result = await runCli(["-f", "github", manyOld, manyNew], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^htmldiff: warning: GITHUB_STEP_SUMMARY: cannot append the summary to .*summary\.md \(ENOENT\)\n$/);
    expect(annotations(result.stdout)).toHaveLength(11);
  });
});
