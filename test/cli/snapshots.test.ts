// Readable snapshots: `htmldiff -f text` on every fixture pair must print fixtures/<case>/expected.txt.
// After an intended change of output, regenerate them with UPDATE_SNAPSHOTS=1 and review the diff.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "fixtures");

describe("text output of each fixture pair", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const files = readdirSync(dir);
    const oldFile = files.find((f) => f.startsWith("old."));
    const newFile = files.find((f) => f.startsWith("new."));
    if (!oldFile || !newFile) continue;
    it(name, async () => {
      const args = ["-f", "text", relative(ROOT, join(dir, oldFile)), relative(ROOT, join(dir, newFile))];
      const cwd = process.cwd();
      process.chdir(ROOT);
      const { status, stdout, stderr } = await runCli(args).finally(() => process.chdir(cwd));
      expect([status, stderr]).toEqual([1, ""]);
      const expectedFile = join(dir, "expected.txt");
      if (process.env.UPDATE_SNAPSHOTS) writeFileSync(expectedFile, stdout);
      expect(existsSync(expectedFile), `missing ${expectedFile}: run with UPDATE_SNAPSHOTS=1`).toBe(true);
      expect(stdout).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
