// Exit status for every input form, output format and -q; -o output files.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-exit-"));
const oldFile = join(dir, "old.html");
const newFile = join(dir, "new.html");
const oldText = "<p>The quick brown fox</p>\n";
const newText = "<p>The quick red fox</p>\n";
writeFileSync(oldFile, oldText);
writeFileSync(newFile, newText);
const hex = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

const FORMATS = ["term", "text", "json", "stat", "github"];

/** Each input form: arguments and standard input for a "same" and a "different" comparison. */
const FORMS: Record<string, { same: [string[], string?]; different: [string[], string?]; gitStyle?: boolean }> = {
  "two files": { same: [[oldFile, oldFile]], different: [[oldFile, newFile]] },
  "old from stdin": { same: [["-", oldFile], oldText], different: [["-", newFile], oldText] },
  "new from stdin": { same: [[oldFile, "-"], oldText], different: [[oldFile, "-"], newText] },
  "/dev/null": { same: [["/dev/null", "/dev/null"]], different: [["/dev/null", newFile]] },
  "git's 7 arguments": {
    same: [["x.html", oldFile, hex, "100644", oldFile, hex, "100644"]],
    different: [["x.html", oldFile, hex, "100644", newFile, hex, "100644"]],
    gitStyle: true,
  },
};

describe("exit status", () => {
  for (const [form, { same, different, gitStyle }] of Object.entries(FORMS)) {
    for (const format of FORMATS) {
      it(`${form}, --format ${format}: 0 when same, ${gitStyle ? "0 (git)" : "1"} when different`, async () => {
        const s = await runCli(["-f", format, ...same[0]], { stdin: same[1] });
        expect([s.status, s.stderr]).toEqual([0, ""]);
        if (format === "json") expect(JSON.parse(s.stdout).identical).toBe(true);
        else if (format === "stat") expect(s.stdout).toMatch(/^\S.*: identical\n$/);
        else expect(s.stdout).toBe("");
        const d = await runCli(["-f", format, ...different[0]], { stdin: different[1] });
        expect([d.status, d.stderr]).toEqual([gitStyle ? 0 : 1, ""]);
        expect(d.stdout).not.toBe("");
      });
    }
    it(`${form}, -q: no output, ${gitStyle ? "0 (git)" : "1"} when different`, async () => {
      expect(await runCli(["-q", ...same[0]], { stdin: same[1] })).toEqual({ status: 0, stdout: "", stderr: "" });
      expect(await runCli(["-q", ...different[0]], { stdin: different[1] })).toEqual({ status: gitStyle ? 0 : 1, stdout: "", stderr: "" });
    });
  }

  it("exits 1 for git's form with --exit-code", async () => {
    expect((await runCli(["--exit-code", ...FORMS["git's 7 arguments"]!.different[0]])).status).toBe(1);
  });

  it("names git's path in the header", async () => {
    const { stdout } = await runCli(FORMS["git's 7 arguments"]!.different[0]);
    expect(stdout.startsWith("--- a/x.html\n+++ b/x.html\n")).toBe(true);
  });
});

describe("-o", () => {
  it("writes the output file, with the format its extension implies, and prints nothing", async () => {
    const target = join(dir, "edits.json");
    const result = await runCli(["-o", target, oldFile, newFile]);
    expect(result).toEqual({ status: 1, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(target, "utf8")).changes[0].kind).toBe("replace");
  });

  it("writes plain text for .txt, never colour", async () => {
    const target = join(dir, "out.txt");
    await runCli(["-o", target, "--color", "always", oldFile, newFile]);
    expect(readFileSync(target, "utf8")).toContain("[-brown-]{+red+}");
  });

  it("refuses to write over an input, leaving it intact", async () => {
    const result = await runCli(["-o", newFile, oldFile, newFile]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^htmldiff: .*new\.html: refusing to write the output over an input\n$/);
    expect(readFileSync(newFile, "utf8")).toBe(newText);
  });

  it("fails with status 2 and leaves no temporary file when the folder is not writable", async () => {
    const locked = mkdtempSync(join(tmpdir(), "htmldiff-locked-"));
    chmodSync(locked, 0o500);
    const result = await runCli(["-o", join(locked, "out.txt"), oldFile, newFile]);
    chmodSync(locked, 0o700);
    // root may write anywhere: then the write succeeds, which is also fine
    if (result.status === 2) expect(result.stderr).toMatch(/cannot write the output/);
    else expect(existsSync(join(locked, "out.txt"))).toBe(true);
    expect(readdirSync(locked).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("fails with status 2 on a full device", async () => {
    const result = await runCli(["-o", "/dev/full", oldFile, newFile]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
