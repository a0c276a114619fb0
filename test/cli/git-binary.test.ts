// Under git, a binary file gets git's own "Binary files … differ" line and a file that is neither
// HTML nor XML a unified diff of its lines: never an abort that hides the files after it.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBinary } from "../support/cli.js";
import { COMMAND, makeRepo, type GitRepo } from "../support/git-repo.js";

let repo: GitRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.remove());

const NO_COLOR = { NO_COLOR: "1" };

function expectEveryFile(out: string): void {
  expect(out).toContain("Binary files a/logo.png and b/logo.png differ\n");
  expect(out).toContain("Binary files /dev/null and b/added.png differ\n");
  expect(out).toContain("Binary files a/gone.png and /dev/null differ\n");
  expect(out).toContain("Binary files a/data.xml and b/data.xml differ\n");
  // The files after the binary ones are shown too.
  expect(out).toContain("<p>last [-old-]{+new+}</p>");
}

describe("binary and plain-text files under git", () => {
  it("prints git's binary line and goes on, as GIT_EXTERNAL_DIFF", () => {
    const result = repo.git(["diff", "HEAD~1", "HEAD"], { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    expect(result.stderr).not.toContain("external diff died");
    expect(result.status).toBe(0);
    expectEveryFile(result.stdout);
  });

  it("prints git's binary line and goes on, as a .gitattributes driver in git log -p", () => {
    const attributes = "*.png diff=htmldiff\n*.xml diff=htmldiff\n*.html diff=htmldiff\n";
    const result = repo.withAttributes(attributes, () => repo.git(["-c", `diff.htmldiff.command=${COMMAND}`, "log", "-p", "--ext-diff", "-1"], NO_COLOR));
    expect(result.stderr).not.toContain("external diff died");
    expect(result.status).toBe(0);
    expectEveryFile(result.stdout);
  });

  it("shows a file that is not HTML or XML as a unified diff of its lines", () => {
    const result = repo.git(["diff", "HEAD~1", "HEAD", "--", "notes.txt"], { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("--- a/notes.txt\n+++ b/notes.txt\n@@ -1,3 +1,3 @@\n hello\n-world\n+there\n end\n");
  });

  it("says when a plain-text file has no newline at its end, as git does", () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-git-lines-"));
    try {
      writeFileSync(join(dir, "old"), "a\nb");
      writeFileSync(join(dir, "new"), "a\nc\n");
      const result = runBinary(["x.js", join(dir, "old"), "1111111", "100644", join(dir, "new"), "2222222", "100644"]);
      expect(result.stdout).toBe("--- a/x.js\n+++ b/x.js\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers a binary file outside git with the same line, as diff does: status 1", () => {
    const [logo, added] = [join(repo.dir, "logo.png"), join(repo.dir, "added.png")];
    expect(runBinary([logo, added])).toMatchObject({ status: 1, stdout: `Binary files ${logo} and ${added} differ\n`, stderr: "" });
  });
});
