// A real git repository in a temporary folder with two commits of the files that trouble an
// external diff (binary, plain text, a mode change, a Latin-1 page), and git run inside it.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./cli.js";

/** The built binary as a shell command, for GIT_EXTERNAL_DIFF, a driver or `difftool -x`. */
export const COMMAND = `"${process.execPath}" "${BIN}"`;

/** What git printed and its status. */
export interface GitResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The repository: its folder, git run in it (with `extra` added to the environment), and removal. */
export interface GitRepo {
  readonly dir: string;
  readonly git: (args: readonly string[], extra?: Record<string, string>) => GitResult;
  /** Sets `.git/info/attributes` (the driver's patterns) for the length of `body`. */
  readonly withAttributes: <T>(attributes: string, body: () => T) => T;
  readonly remove: () => void;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];

/**
 * Makes the repository: HEAD~1 → HEAD changes logo.png, deletes gone.png, adds added.png
 * (binary; a GIF's bytes, so that git sees no rename), changes data.xml (NUL bytes) and notes.txt (plain text), makes mode.html executable
 * (content unchanged) and both.html executable with new content, and changes latin.html
 * (invalid UTF-8) and zz-last.html (after every other file). No colour variables are set:
 * pass NO_COLOR in `extra` for plain output.
 */
export function makeRepo(): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-git-use-"));
  const env: Record<string, string | undefined> = { ...process.env, GIT_PAGER: "cat", GIT_CONFIG_NOSYSTEM: "1", HOME: dir, TERM: "xterm" };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "GIT_PAGER_IN_USE", "GIT_EXTERNAL_DIFF"]) delete env[name];
  const git = (args: readonly string[], extra: Record<string, string> = {}): GitResult => {
    const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: dir, env: { ...env, ...extra }, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const write = (files: Record<string, string | readonly number[]>): void => {
    for (const [path, content] of Object.entries(files)) {
      writeFileSync(join(dir, path), typeof content === "string" ? Buffer.from(content, "latin1") : Buffer.from(content));
    }
  };
  const commit = (message: string): void => {
    execFileSync("git", ["add", "-A"], { cwd: dir, env });
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message], { cwd: dir, env });
  };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env });
  write({
    "logo.png": [...PNG, 1],
    "gone.png": [...PNG, 2],
    "data.xml": [0x3c, 0x72, 0x3e, 0, 0x3c, 0x2f, 0x72, 0x3e],
    "notes.txt": "hello\nworld\nend\n",
    "mode.html": "<p>same</p>\n",
    "both.html": "<p>before</p>\n",
    "latin.html": "<p>caf\xe9 old</p>\n",
    "zz-last.html": "<p>last old</p>\n",
  });
  commit("first");
  write({
    "logo.png": [...PNG, 3],
    "added.png": [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0],
    "data.xml": [0x3c, 0x72, 0x3e, 0, 0x78, 0x3c, 0x2f, 0x72, 0x3e],
    "notes.txt": "hello\nthere\nend\n",
    "both.html": "<p>after</p>\n",
    "latin.html": "<p>caf\xe9 new</p>\n",
    "zz-last.html": "<p>last new</p>\n",
  });
  chmodSync(join(dir, "mode.html"), 0o755);
  chmodSync(join(dir, "both.html"), 0o755);
  rmSync(join(dir, "gone.png"));
  commit("second");
  const attributesFile = join(dir, ".git", "info", "attributes");
  return {
    dir,
    git,
    withAttributes: (attributes, body) => {
      writeFileSync(attributesFile, attributes);
      try {
        return body();
      } finally {
        rmSync(attributesFile);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
