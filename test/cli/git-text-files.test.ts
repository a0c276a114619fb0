// Under git, a file that is neither HTML nor XML is compared by lines; in the formats made for
// programs and logs (json, stat, github) its answer is still that format, so that
// `GIT_EXTERNAL_DIFF='htmldiff -f json' git diff | jq` reads every file.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-git-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** git's seven external-diff arguments for notes.txt, its two versions written to files. */
function gitArgs(oldText: string, newText: string): string[] {
  writeFileSync(join(dir, "old"), oldText);
  writeFileSync(join(dir, "new"), newText);
  return ["notes.txt", join(dir, "old"), "1111111", "100644", join(dir, "new"), "2222222", "100644"];
}

const LINES = "--- a/notes.txt\n+++ b/notes.txt\n@@ -1,3 +1,3 @@\n hello\n-world\n+there\n end\n";

describe("a plain-text file under git in the formats for programs", () => {
  it("is one JSON record with the line diff in -f json", async () => {
    const { status, stdout, stderr } = await runCli(["-f", "json", ...gitArgs("hello\nworld\nend\n", "hello\nthere\nend\n")]);
    expect([status, stderr]).toEqual([0, ""]);
    expect(stdout.endsWith("}\n") && !stdout.slice(0, -1).includes("\n")).toBe(true);
    expect(JSON.parse(stdout)).toEqual({ format: "htmldiff-lines", version: 1, old: { name: "a/notes.txt" }, new: { name: "b/notes.txt" }, identical: false, diff: LINES });
  });

  it("is one line with its counts of lines in -f stat, and one annotation in -f github", async () => {
    const args = gitArgs("hello\nworld\nend\n", "hello\nthere\nend\nmore\n");
    expect(await runCli(["-f", "stat", ...args])).toEqual({ status: 0, stdout: "a/notes.txt → b/notes.txt: text files differ, +2 -1 lines\n", stderr: "" });
    expect(await runCli(["-f", "github", ...args])).toEqual({
      status: 0,
      stdout: "::warning file=b/notes.txt,line=2,title=htmldiff%3A text files differ::+2 -1 lines (not HTML or XML: compared line by line)\n",
      stderr: "",
    });
  });

  it("says identical in json and stat for the same text, and prints nothing in github", async () => {
    const args = gitArgs("same\n", "same\n");
    expect(JSON.parse((await runCli(["-f", "json", ...args])).stdout)).toMatchObject({ format: "htmldiff-lines", identical: true, diff: "" });
    expect((await runCli(["-f", "stat", ...args])).stdout).toBe("a/notes.txt → b/notes.txt: identical\n");
    expect(await runCli(["-f", "github", ...args])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("stays a unified diff in the text formats", async () => {
    expect((await runCli(["-f", "text", ...gitArgs("hello\nworld\nend\n", "hello\nthere\nend\n")])).stdout).toBe(LINES);
  });
});
