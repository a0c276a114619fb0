// A binary file (NUL bytes) named like a document, as diff(1) answers for it: "Binary files OLD
// and NEW differ" and status 1, or nothing and status 0 for the same bytes; in -r in its place
// among the pairs, the run going on. JSON, stat and github give it their own per-pair form; html
// and page output, which are the marked document, cannot show one and refuse it.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBinary, runCli } from "../support/cli.js";

const root = mkdtempSync(join(tmpdir(), "htmldiff-binary-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const oldDir = join(root, "old");
const newDir = join(root, "new");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const OTHER_PNG = Buffer.concat([PNG, Buffer.from([0, 1])]);

mkdirSync(oldDir);
mkdirSync(newDir);
const put = (dir: string, name: string, content: string | Uint8Array): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
put(oldDir, "a.html", "<p>one two</p>\n");
put(newDir, "a.html", "<p>one three</p>\n");
const oldLogo = put(oldDir, "logo.html", PNG);
const newLogo = put(newDir, "logo.html", OTHER_PNG);
put(oldDir, "same.html", PNG);
put(newDir, "same.html", PNG);
put(oldDir, "gone.html", PNG);
put(oldDir, "z.html", "<p>z</p>\n");
put(newDir, "z.html", "<p>zz</p>\n");
const page = put(root, "page.html", "<p>one</p>\n");

const differ = `Binary files ${oldLogo} and ${newLogo} differ\n`;
const binaryRecord = (oldName: string, newName: string, identical: boolean) => JSON.stringify({ format: "htmldiff-binary", version: 1, old: { name: oldName }, new: { name: newName }, identical });

describe("htmldiff -r with a binary pair", () => {
  it("prints diff's Binary files line in the pair's place, goes on with the rest and exits 1, with -j 1 and -j 3", () => {
    const one = runBinary(["-r", "-j", "1", "-f", "text", oldDir, newDir]);
    expect(one.stderr).toBe("");
    expect(one.status).toBe(1);
    const [before, after] = one.stdout.split(differ);
    expect(before).toContain(`+++ ${newDir}/a.html`);
    expect(after).toContain(`+++ ${newDir}/z.html`);
    expect(after).toContain(`Only in ${oldDir}: gone.html\n`);
    expect(one.stdout).not.toContain("same.html");
    expect(runBinary(["-r", "-j", "3", "-f", "text", oldDir, newDir])).toEqual(one);
    expect(runBinary(["-r", "-j", "3", "--color", "always", "-f", "term", oldDir, newDir]).stdout).toContain(differ);
  });

  it("gives the pair a stat line and counts it as changed", async () => {
    const result = await runCli(["-r", "-f", "stat", oldDir, newDir]);
    expect([result.status, result.stderr]).toEqual([1, ""]);
    expect(result.stdout).toContain(`${oldLogo} → ${newLogo}: binary files differ\n`);
    expect(result.stdout).toMatch(/\n3 changed, 1 identical, 1 only in old, 0 only in new\n$/);
  });

  it("gives the pair a JSON record in the stream and a GitHub annotation and summary row", async () => {
    const json = await runCli(["-r", "-f", "json", oldDir, newDir]);
    expect([json.status, json.stderr]).toEqual([1, ""]);
    expect(json.stdout).toContain(`\n${binaryRecord(oldLogo, newLogo, false)}\n`);
    const summary = join(root, "summary.md");
    const github = await runCli(["-r", "-f", "github", oldDir, newDir], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect([github.status, github.stderr]).toEqual([1, ""]);
    expect(github.stdout).toContain(`::warning file=${newLogo},title=htmldiff%3A binary files differ::Binary files ${oldLogo} and ${newLogo} differ\n`);
    expect(readFileSync(summary, "utf8")).toContain("| logo.html | 1 | +0 -0 |");
  });

  it("lists the pair on the index of -f page, with no page of its own", async () => {
    const pages = join(root, "pages");
    const result = await runCli(["-r", "-f", "page", "-o", pages, oldDir, newDir]);
    expect([result.status, result.stderr]).toEqual([1, ""]);
    expect(readdirSync(pages).sort()).toEqual(["a.html.html", "index.html", "z.html.html"]);
    expect(readFileSync(join(pages, "index.html"), "utf8")).toContain(`<li>Binary files ${oldLogo} and ${newLogo} differ</li>`);
  });

  it("says nothing with -q, and exits 1", async () => {
    expect(await runCli(["-r", "-q", oldDir, newDir])).toEqual({ status: 1, stdout: "", stderr: "" });
  });
});

describe("htmldiff OLD NEW with a binary side", () => {
  it("prints diff's Binary files line and exits 1, or nothing and 0 for the same bytes", async () => {
    expect(await runCli([oldLogo, newLogo])).toEqual({ status: 1, stdout: differ, stderr: "" });
    expect(await runCli([page, newLogo])).toEqual({ status: 1, stdout: `Binary files ${page} and ${newLogo} differ\n`, stderr: "" });
    expect(await runCli(["-", newLogo], { stdin: PNG })).toEqual({ status: 1, stdout: `Binary files - and ${newLogo} differ\n`, stderr: "" });
    expect(await runCli([oldLogo, oldLogo])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(await runCli(["-q", oldLogo, newLogo])).toEqual({ status: 1, stdout: "", stderr: "" });
  });

  it("answers in the chosen format: a JSON record, a stat line, a GitHub annotation", async () => {
    expect(await runCli(["-f", "json", oldLogo, newLogo])).toEqual({ status: 1, stdout: `${binaryRecord(oldLogo, newLogo, false)}\n`, stderr: "" });
    expect(await runCli(["-f", "json", oldLogo, oldLogo])).toEqual({ status: 0, stdout: `${binaryRecord(oldLogo, oldLogo, true)}\n`, stderr: "" });
    expect((await runCli(["-f", "stat", oldLogo, newLogo])).stdout).toBe(`${oldLogo} → ${newLogo}: binary files differ\n`);
    expect((await runCli(["-f", "stat", oldLogo, oldLogo])).stdout).toBe(`${oldLogo}: identical\n`);
    expect((await runCli(["-f", "github", oldLogo, newLogo])).stdout).toBe(`::warning file=${newLogo},title=htmldiff%3A binary files differ::Binary files ${oldLogo} and ${newLogo} differ\n`);
  });

  it("refuses it for html and page output, which are the marked document: status 2, one line", async () => {
    for (const format of ["html", "page"]) {
      const result = await runCli(["-f", format, page, newLogo]);
      expect(result).toEqual({ status: 2, stdout: "", stderr: `htmldiff: ${newLogo}: binary file (contains NUL bytes)\n` });
    }
  });
});
