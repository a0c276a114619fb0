// htmldiff as git uses it: a diff driver, GIT_EXTERNAL_DIFF, and git difftool, in a real repository.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/htmldiff.js");
const COMMAND = `"${process.execPath}" "${BIN}"`;
const repo = mkdtempSync(join(tmpdir(), "htmldiff-git-"));
const env = { ...process.env, NO_COLOR: "1", GIT_PAGER: "cat", GIT_CONFIG_NOSYSTEM: "1", HOME: repo };

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: repo, env, encoding: "utf8" });
}

beforeAll(() => {
  git("init", "-q", "-b", "main");
  writeFileSync(join(repo, "page.html"), "<html><body>\n<p>Hello <b>old</b> world</p>\n</body></html>\n");
  writeFileSync(join(repo, "icon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>\n');
  writeFileSync(join(repo, "gone.xml"), "<root><item>bye</item></root>\n");
  git("add", ".");
  git("commit", "-q", "-m", "first");
  writeFileSync(join(repo, "page.html"), "<html><body>\n<p>Hello <b>new</b> world</p>\n</body></html>\n");
  writeFileSync(join(repo, "icon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1"/></svg>\n');
  writeFileSync(join(repo, "added.html"), "<p>brand new page</p>\n");
  rmSync(join(repo, "gone.xml"));
  git("add", "-A");
  git("commit", "-q", "-m", "second");
  return () => rmSync(repo, { recursive: true, force: true });
});

function expectAllChanges(out: string): void {
  expect(out).toContain("--- a/page.html\n+++ b/page.html\n");
  expect(out).toContain("<p>Hello <b>[-old-]{+new+}</b> world</p>");
  expect(out).toContain("--- a/icon.svg\n+++ b/icon.svg\n");
  expect(out).toContain('<path d="[-M0 0-]{+M1 1+}"/>');
  expect(out).toContain("--- /dev/null\n+++ b/added.html\n");
  expect(out).toContain("{+<p>brand new page</p>+}");
  expect(out).toContain("--- a/gone.xml\n+++ /dev/null\n");
  expect(out).toContain("[-<root><item>bye</item></root>-]");
}

describe("git", () => {
  it("runs as a diff driver set in .gitattributes, exiting 0 so git goes on", () => {
    writeFileSync(join(repo, ".git", "info", "attributes"), "*.html diff=htmldiff\n*.svg diff=htmldiff\n*.xml diff=htmldiff\n");
    const out = git("-c", `diff.htmldiff.command=${COMMAND}`, "diff", "HEAD~1", "HEAD");
    rmSync(join(repo, ".git", "info", "attributes"));
    expectAllChanges(out);
  });

  it("runs as GIT_EXTERNAL_DIFF", () => {
    const result = spawnSync("git", ["diff", "HEAD~1", "HEAD"], { cwd: repo, env: { ...env, GIT_EXTERNAL_DIFF: COMMAND }, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expectAllChanges(result.stdout);
  });

  it("runs as git difftool -x, one call per changed file", () => {
    const out = git("difftool", "-y", "-x", COMMAND, "HEAD~1", "HEAD");
    expect(out).toContain("<p>Hello <b>[-old-]{+new+}</b> world</p>");
    expect(out).toContain('<path d="[-M0 0-]{+M1 1+}"/>');
    expect(out).toContain("{+<p>brand new page</p>+}");
    expect(out).toContain("[-<root><item>bye</item></root>-]");
  });
});
