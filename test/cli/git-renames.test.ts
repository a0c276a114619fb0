// Under git, a renamed or copied file gets git's own header (`similarity index`, `rename from`,
// `rename to`, or `copy from` / `copy to`), checked against what git prints without htmldiff.

import { chmodSync, copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND, makeRepo, type GitRepo } from "../support/git-repo.js";

let repo: GitRepo;
beforeAll(() => {
  repo = makeRepo();
  writeFileSync(join(repo.dir, "index.html"), PAGE);
  repo.git(["add", "-A"]);
  repo.git(["commit", "-q", "-m", "third"]);
  repo.git(["tag", "base"]);
});
afterAll(() => repo.remove());

const PAGE = "<html><body>\n<p>one two three four five</p>\n<p>six seven eight nine ten</p>\n<p>alpha beta gamma</p>\n</body></html>\n";
const EDITED = PAGE.replace("ten", "TEN");
const NO_COLOR = { NO_COLOR: "1" };
/** NUL bytes in rows: binary to git and to htmldiff, yet similar after one row changes. */
const BINARY = Array.from({ length: 10 }, (_, row) => `\0row ${row}\n`).join("");

/** Starts again from the tagged commit, then stages what `change` does to the working tree. */
function stage(change: (path: (name: string) => string) => unknown): void {
  repo.git(["reset", "-q", "--hard", "base"]);
  change((name) => join(repo.dir, name));
  repo.git(["add", "-A"]);
}

/** `git diff --cached` with htmldiff as the .gitattributes driver, and git's own diff of the same. */
function diffs(...flags: string[]): { htmldiff: string; git: string } {
  const result = repo.withAttributes("*.html diff=htmldiff\n", () => repo.git(["-c", `diff.htmldiff.command=${COMMAND}`, "diff", "--cached", ...flags], NO_COLOR));
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return { htmldiff: result.stdout, git: repo.git(["diff", "--cached", "--no-ext-diff", ...flags]).stdout };
}

/** The lines before the first `---` line: git's header of the file. */
function header(output: string): string {
  const end = output.indexOf("\n--- ");
  return end < 0 ? output : output.slice(0, end + 1);
}

describe("renames and copies under git", () => {
  it("prints git's rename header alone for a pure rename, as the driver and as GIT_EXTERNAL_DIFF", () => {
    stage(() => repo.git(["mv", "index.html", "home.html"]));
    const expected = "diff --git a/index.html b/home.html\nsimilarity index 100%\nrename from index.html\nrename to home.html\n";
    const { htmldiff, git } = diffs("-M");
    expect(git).toBe(expected);
    expect(htmldiff).toBe(expected);
    const external = repo.git(["diff", "--cached", "-M"], { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    expect(external.status).toBe(0);
    expect(external.stdout).toBe(expected);
    const configured = repo.git(["-c", `diff.external=${COMMAND}`, "diff", "--cached", "-M"], NO_COLOR);
    expect(configured.stdout).toBe(expected);
  });

  it("prints git's rename header, then the word diff from a/old-name to b/new-name", () => {
    stage((path) => {
      repo.git(["mv", "index.html", "home.html"]);
      writeFileSync(path("home.html"), EDITED);
    });
    const { htmldiff, git } = diffs("-M");
    expect(header(git)).toMatch(/^diff --git a\/index\.html b\/home\.html\nsimilarity index \d+%\nrename from index\.html\nrename to home\.html\n/);
    expect(header(htmldiff)).toBe(header(git));
    expect(htmldiff.slice(header(htmldiff).length)).toBe(
      "--- a/index.html\n+++ b/home.html\n@@ -1,5 +1,5 @@\n1 1 │ <html><body>\n2 2 │ <p>one two three four five</p>\n" +
        "3 3 │ <p>six seven eight nine [-ten-]{+TEN+}</p>\n4 4 │ <p>alpha beta gamma</p>\n5 5 │ </body></html>\n",
    );
  });

  it("prints git's copy header for a copy, with and without an edit", () => {
    stage((path) => copyFileSync(path("index.html"), path("copy.html")));
    const pure = diffs("-C", "--find-copies-harder");
    expect(pure.git).toBe("diff --git a/index.html b/copy.html\nsimilarity index 100%\ncopy from index.html\ncopy to copy.html\n");
    expect(pure.htmldiff).toBe(pure.git);
    stage((path) => writeFileSync(path("copy.html"), EDITED));
    const edited = diffs("-C", "--find-copies-harder");
    expect(header(edited.git)).toContain("copy from index.html\ncopy to copy.html\n");
    expect(header(edited.htmldiff)).toBe(header(edited.git));
    expect(edited.htmldiff).toContain("--- a/index.html\n+++ b/copy.html\n");
  });

  it("prints the mode lines first, then the rename lines, as git does", () => {
    stage((path) => {
      repo.git(["mv", "index.html", "home.html"]);
      writeFileSync(path("home.html"), EDITED);
      chmodSync(path("home.html"), 0o755);
    });
    const { htmldiff, git } = diffs("-M");
    expect(header(git)).toMatch(/^diff --git a\/index\.html b\/home\.html\nold mode 100644\nnew mode 100755\nsimilarity index \d+%\nrename from index\.html\n/);
    expect(header(htmldiff)).toBe(header(git));
  });

  it("answers for a renamed text or binary file exactly as git does", () => {
    stage((path) => {
      writeFileSync(path("notes.txt"), "one\ntwo\nthree\nfour\nfive\nsix\n");
      writeFileSync(path("logo.png"), BINARY);
      repo.git(["add", "-A"]);
      repo.git(["commit", "-q", "-m", "longer"]);
      repo.git(["mv", "notes.txt", "notes.md"]);
      repo.git(["mv", "logo.png", "icon.png"]);
      writeFileSync(path("notes.md"), "one\ntwo\nthree\nFOUR\nfive\nsix\n");
      writeFileSync(path("icon.png"), BINARY.replace("row 9", "row X"));
    });
    const flags = ["diff", "--cached", "-M", "--", "logo.png", "icon.png", "notes.txt", "notes.md"];
    const result = repo.git(flags, { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    expect(result.stdout).toContain("rename to icon.png\n");
    expect(result.stdout).toContain("rename to notes.md\n");
    expect(result.stdout).toBe(repo.git(["--no-pager", ...flags, "--no-ext-diff"]).stdout);
  });

  it("leaves the header out of -q and of JSON", () => {
    stage(() => repo.git(["mv", "index.html", "home.html"]));
    for (const flag of ["-q", "-f json"]) {
      const result = repo.git(["diff", "--cached", "-M"], { GIT_EXTERNAL_DIFF: `${COMMAND} ${flag}`, ...NO_COLOR });
      expect(result.stdout).not.toContain("rename from");
    }
  });
});
