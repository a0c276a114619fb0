// Under git, a file whose mode changed (chmod +x) gets git's own `old mode` / `new mode` lines
// under a `diff --git` line, whether its content changed or not.

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

describe("mode changes under git", () => {
  it("prints git's mode lines for a mode-only change and for a content and mode change", () => {
    const result = repo.git(["diff", "HEAD~1", "HEAD", "--", "mode.html", "both.html"], { GIT_EXTERNAL_DIFF: COMMAND, NO_COLOR: "1" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "diff --git a/both.html b/both.html\nold mode 100644\nnew mode 100755\n--- a/both.html\n+++ b/both.html\n@@ -1 +1 @@\n1 1 │ <p>[-before-]{+after+}</p>\n" +
        "diff --git a/mode.html b/mode.html\nold mode 100644\nnew mode 100755\n",
    );
  });

  it("prints them before a binary line and a line diff, and leaves JSON alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-git-modes-"));
    try {
      writeFileSync(join(dir, "old.png"), Buffer.from([0x89, 0x50, 0, 1]));
      writeFileSync(join(dir, "new.png"), Buffer.from([0x89, 0x50, 0, 2]));
      writeFileSync(join(dir, "old.sh"), "echo a\n");
      writeFileSync(join(dir, "new.sh"), "echo b\n");
      const git = (path: string, old: string, now: string, ...flags: string[]) => runBinary([...flags, path, join(dir, old), "1111111", "100644", join(dir, now), "2222222", "100755"]);
      expect(git("logo.png", "old.png", "new.png").stdout).toBe("diff --git a/logo.png b/logo.png\nold mode 100644\nnew mode 100755\nBinary files a/logo.png and b/logo.png differ\n");
      expect(git("run.sh", "old.sh", "new.sh").stdout).toBe("diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n--- a/run.sh\n+++ b/run.sh\n@@ -1 +1 @@\n-echo a\n+echo b\n");
      expect(git("logo.png", "old.png", "old.png").stdout).toBe("diff --git a/logo.png b/logo.png\nold mode 100644\nnew mode 100755\n");
      writeFileSync(join(dir, "old.html"), "<p>a</p>");
      writeFileSync(join(dir, "new.html"), "<p>b</p>");
      expect(JSON.parse(git("page.html", "old.html", "new.html", "-f", "json").stdout)).toHaveProperty("identical", false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
