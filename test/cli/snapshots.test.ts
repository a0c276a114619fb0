// Readable snapshots: `htmldiff -f text` on each fixture pair with an expected.txt must print
// fixtures/<case>/expected.txt; every case has an expected output of some format (the HTML ones:
// test/render/fixtures.test.ts). After an intended change of output, regenerate them with
// UPDATE_SNAPSHOTS=1 and review the diff (a new case starts with an empty expected file).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "fixtures");

describe("text output of each fixture pair", () => {
  it("comes with every fixture an old and a new document and an expected output", () => {
    for (const name of readdirSync(FIXTURES)) {
      const files = readdirSync(join(FIXTURES, name));
      expect([files.some((f) => f.startsWith("old.")), files.some((f) => f.startsWith("new.")), files.some((f) => f.startsWith("expected."))], name).toEqual([true, true, true]);
    }
  });

  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const files = readdirSync(dir);
    const oldFile = files.find((f) => f.startsWith("old."));
    const newFile = files.find((f) => f.startsWith("new."));
    if (!oldFile || !newFile || !files.includes("expected.txt")) continue;
    it(name, async () => {
      const args = ["-f", "text", relative(ROOT, join(dir, oldFile)), relative(ROOT, join(dir, newFile))];
      const cwd = process.cwd();
      process.chdir(ROOT);
      const { status, stdout, stderr } = await runCli(args).finally(() => process.chdir(cwd));
      expect([status, stderr]).toEqual([1, ""]);
      const expectedFile = join(dir, "expected.txt");
      if (process.env.UPDATE_SNAPSHOTS) writeFileSync(expectedFile, stdout);
      expect(stdout).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
