// Which command git runs when both a .gitattributes driver and a difftool are configured, as
// the README says: the driver, in git diff and in git difftool alike.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND, makeRepo, type GitRepo } from "../support/git-repo.js";

let repo: GitRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.remove());

const MARKER = `"${process.execPath}" -e "console.log('the difftool ran')"`;
const LAST = ["HEAD~1", "HEAD", "--", "zz-last.html"];
const README = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

describe("a driver and a difftool both configured", () => {
  it("runs the driver for git difftool -x and -t, as the README says", () => {
    const config = ["-c", `diff.htmldiff.command=${COMMAND}`, "-c", `difftool.marker.cmd=${MARKER}`];
    const runs = repo.withAttributes("*.html diff=htmldiff\n", () => [
      repo.git([...config, "difftool", "-y", "-x", MARKER, ...LAST], { NO_COLOR: "1" }),
      repo.git([...config, "difftool", "-y", "-t", "marker", ...LAST], { NO_COLOR: "1" }),
    ]);
    for (const result of runs) {
      expect(result.stdout).toContain("--- a/zz-last.html\n+++ b/zz-last.html\n");
      expect(result.stdout).not.toContain("the difftool ran");
    }
    expect(README).toContain("so `git difftool` runs the driver too");
  });

  it("runs the difftool for the files the driver does not match", () => {
    const result = repo.withAttributes("*.xml diff=htmldiff\n", () => repo.git(["-c", `diff.htmldiff.command=${COMMAND}`, "difftool", "-y", "-x", MARKER, ...LAST]));
    expect(result.stdout).toBe("the difftool ran\n");
    expect(README).toContain("other files get the difftool");
  });
});
