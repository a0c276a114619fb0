// The package as a user installs it: its name, no dependency's binary in the place of ours,
// and the packed tarball installed into an empty folder, run there.

import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../..");

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
