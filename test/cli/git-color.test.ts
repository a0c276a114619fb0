// Under git, colour follows git's own decision for color.diff (its pager included), as git's
// own output does; without git to ask, the pager rule still holds.

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

const ESC = "\u001b[";
const LAST = ["diff", "HEAD~1", "HEAD", "--", "zz-last.html"];

describe("colour under git", () => {
  it("gives no colour when git is told color.ui=never, even in git's pager", () => {
    const result = repo.git(["-c", "color.ui=never", ...LAST], { GIT_EXTERNAL_DIFF: COMMAND, GIT_PAGER_IN_USE: "true" });
    expect(result.stdout).toContain("<p>last [-old-]{+new+}</p>");
    expect(result.stdout).not.toContain(ESC);
  });

  it("colours a pipe when git is told color.ui=always, in a driver too", () => {
    const driver = repo.withAttributes("*.html diff=htmldiff\n", () => repo.git(["-c", `diff.htmldiff.command=${COMMAND}`, "-c", "color.ui=always", ...LAST]));
    const external = repo.git(["-c", "color.ui=always", ...LAST], { GIT_EXTERNAL_DIFF: COMMAND });
    for (const result of [driver, external]) {
      expect(result.stdout).toContain(ESC);
      expect(result.stdout).not.toContain("[-old-]");
    }
  });

  it("colours git's pager by git's default (color.ui=auto)", () => {
    const result = repo.git(LAST, { GIT_EXTERNAL_DIFF: COMMAND, GIT_PAGER_IN_USE: "true" });
    expect(result.stdout).toContain(ESC);
  });

  it("colours a plain-text file's line diff as git does", () => {
    const result = repo.git(["-c", "color.ui=always", "diff", "HEAD~1", "HEAD", "--", "notes.txt"], { GIT_EXTERNAL_DIFF: COMMAND });
    expect(result.stdout).toContain(`${ESC}31m-world${ESC}39m\n${ESC}32m+there${ESC}39m\n`);
  });

  it("still works when git cannot be found (its pager's rule then decides)", () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-git-nogit-"));
    try {
      writeFileSync(join(dir, "old"), "<p>a</p>\n");
      writeFileSync(join(dir, "new"), "<p>b</p>\n");
      const args = ["x.html", join(dir, "old"), "1111111", "100644", join(dir, "new"), "2222222", "100644"];
      const result = runBinary(args, "", { PATH: dir, GIT_PAGER_IN_USE: "true", NO_COLOR: "" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(ESC);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
