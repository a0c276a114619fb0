// The package as a user installs it: its name, no dependency's binary in the place of ours,
// and the packed tarball installed into an empty folder, run there.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "htmldiff-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The environment of a user at a shell: this process's, without the npm_* variables that
 * `npm test` sets (npm_config_prefix among them), NO_COLOR set.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("npm_")));
  return { ...env, NO_COLOR: "1" };
}

/** Runs `program args…` in `cwd`; its status and output. */
function sh(program: string, args: string[], cwd: string) {
  const result = spawnSync(program, args, { cwd, env: userEnv(), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** package.json or package-lock.json of the project, parsed. */
function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, name), "utf8")) as Record<string, unknown>;
}

describe("the command htmldiff is ours", () => {
  it("no installed dependency declares a bin named htmldiff (package-lock.json)", () => {
    const packages = readJson("package-lock.json").packages as Record<string, { bin?: Record<string, string> }>;
    const claiming = Object.entries(packages).filter(([path, entry]) => path !== "" && entry.bin?.htmldiff !== undefined);
    expect(claiming.map(([path]) => path)).toEqual([]);
  });

  it("node_modules/.bin/htmldiff, if present, is bin/htmldiff.js", () => {
    const linked = join(ROOT, "node_modules/.bin/htmldiff");
    if (existsSync(linked)) expect(realpathSync(linked)).toBe(realpathSync(BIN));
  });
});

describe("the packed tarball, installed into an empty folder (npm pack, then npm install)", () => {
  const { version } = readJson("package.json") as { version: string };

  it("is htmldiff-cli-VERSION.tgz; its htmldiff runs --version and a diff; its library imports as htmldiff-cli", () => {
    // npm test has built dist/ already: --ignore-scripts skips the prepare script's second build.
    const pack = sh("npm", ["pack", "--pack-destination", scratch, "--ignore-scripts", "--json"], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    expect(filename).toBe(`htmldiff-cli-${version}.tgz`);

    const app = join(scratch, "app");
    mkdirSync(app);
    const install = sh("npm", ["install", "--prefix", app, "--prefer-offline", "--no-audit", "--no-fund", join(scratch, filename)], scratch);
    expect(install.status, install.stderr).toBe(0);

    const bin = join(app, "node_modules/.bin/htmldiff");
    expect(realpathSync(bin)).toBe(join(realpathSync(app), "node_modules/htmldiff-cli/bin/htmldiff.js"));
    expect(sh(bin, ["--version"], scratch)).toEqual({ status: 0, stdout: `htmldiff ${version}\n`, stderr: "" });

    writeFileSync(join(scratch, "old.html"), "<p>The quick brown fox</p>\n");
    writeFileSync(join(scratch, "new.html"), "<p>The quick red fox</p>\n");
    expect(sh(bin, ["old.html", "new.html"], scratch)).toEqual({
      status: 1,
      stdout: "--- old.html\n+++ new.html\n@@ -1 +1 @@\n1 1 │ <p>The quick [-brown-]{+red+} fox</p>\n",
      stderr: "",
    });

    const program = 'import { diffDocuments } from "htmldiff-cli"; console.log(diffDocuments("<p>a</p>", "<p>b</p>").identical);';
    expect(sh(process.execPath, ["--input-type=module", "-e", program], app)).toEqual({ status: 0, stdout: "false\n", stderr: "" });
  });
});
