// Under git, headers and messages name the file by its repository path, never by the temporary
// file git wrote it to: for git diff's seven arguments and for git difftool's two.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { COMMAND, makeRepo, type GitRepo } from "../support/git-repo.js";

let repo: GitRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.remove());

const NO_COLOR = { NO_COLOR: "1" };

describe("names under git", () => {
  it("names the repository path, not git's temporary file, in warnings", () => {
    const result = repo.git(["diff", "HEAD~1", "HEAD", "--", "latin.html"], { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("htmldiff: warning: a/latin.html: invalid UTF-8");
    expect(result.stderr).toContain("htmldiff: warning: b/latin.html: invalid UTF-8");
    expect(result.stderr).not.toContain("git-blob");
  });

  it("names the repository path in headers, warnings and errors under git difftool -x", () => {
    const paths = ["zz-last.html", "latin.html", "logo.png", "added.png"];
    const result = repo.git(["difftool", "-y", "-x", `${COMMAND} --max-work 1`, "HEAD~1", "HEAD", "--", ...paths], NO_COLOR);
    expect(result.stdout).toContain("--- a/zz-last.html\n+++ b/zz-last.html\n");
    expect(result.stderr).toContain("htmldiff: warning: b/zz-last.html: past the work budget");
    expect(result.stderr).toContain("htmldiff: warning: a/latin.html: invalid UTF-8");
    // Binary files are answered as git diff answers them (with htmldiff as its driver too), not as errors.
    expect(result.stdout).toContain("Binary files a/logo.png and b/logo.png differ\n");
    expect(result.stdout).toContain("Binary files /dev/null and b/added.png differ\n");
    expect(result.stderr).not.toContain("binary file");
    expect(result.stdout + result.stderr).not.toContain("git-blob");
  });

  it("answers a file that is not a document with a line diff under git difftool -x, as under git diff", () => {
    const driver = repo.git(["diff", "HEAD~1", "HEAD", "--", "notes.txt"], { GIT_EXTERNAL_DIFF: COMMAND, ...NO_COLOR });
    const tool = repo.git(["difftool", "-y", "-x", COMMAND, "HEAD~1", "HEAD", "--", "notes.txt"], NO_COLOR);
    expect(driver.stdout).toMatch(/^--- a\/notes\.txt\n\+\+\+ b\/notes\.txt\n@@ /);
    expect(tool.stdout).toBe(driver.stdout);
  });

  it("names the repository path under the README's difftool.htmldiff.cmd, which passes MERGED on", () => {
    const cmd = `MERGED="$MERGED" ${COMMAND} "$LOCAL" "$REMOTE"`;
    const result = repo.git(["-c", `difftool.htmldiff.cmd=${cmd}`, "difftool", "-y", "-t", "htmldiff", "HEAD~1", "HEAD", "--", "zz-last.html"], NO_COLOR);
    expect(result.stdout).toContain("--- a/zz-last.html\n+++ b/zz-last.html\n");
  });

  it("takes difftool's path only from difftool: BASE alone is not enough", async () => {
    const alone = await runCli(["/dev/null", "-"], { env: { BASE: "page.html" }, stdin: "<p>x</p>" });
    expect(alone.stdout).toContain("--- /dev/null\n+++ -\n");
    const labelled = await runCli(["/dev/null", "-"], { env: { BASE: "page.html", GIT_EXTERNAL_DIFF: "git-difftool--helper" }, stdin: "<p>x</p>" });
    expect(labelled.stdout).toContain("--- /dev/null\n+++ b/page.html\n");
  });
});
