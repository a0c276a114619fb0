// The pager decision, one rule per line (the pager itself is run in a terminal in terminal.test.ts),
// and that a run whose stdout is not a terminal never starts one.

import { existsSync, mkdtempSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pagerCommand, pagerEnv, type PagerContext } from "../../src/cli/pager.js";
import { runBinary } from "../support/cli.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const on = { pager: true };
const tty: PagerContext = { env: {}, stdoutIsTTY: true, fromGit: false, options: on };
const decide = (change: Partial<PagerContext>) => pagerCommand({ ...tty, ...change });

describe("pagerCommand", () => {
  it("pages a terminal with less by default", () => expect(decide({})).toBe("less"));
  it("takes $PAGER", () => expect(decide({ env: { PAGER: "most -s" } })).toBe("most -s"));
  it("prefers $HTMLDIFF_PAGER to $PAGER", () => expect(decide({ env: { PAGER: "most", HTMLDIFF_PAGER: "less -S" } })).toBe("less -S"));
  it("takes an empty HTMLDIFF_PAGER as no pager, even with PAGER set", () => expect(decide({ env: { HTMLDIFF_PAGER: "", PAGER: "less" } })).toBeUndefined());
  it("takes an empty PAGER as no pager", () => expect(decide({ env: { PAGER: "" } })).toBeUndefined());
  it("takes cat as no pager", () => expect(decide({ env: { PAGER: "cat" } })).toBeUndefined());
  it("does not page a pipe or a file", () => expect(decide({ stdoutIsTTY: false })).toBeUndefined());
  it("does not page with --no-pager", () => expect(decide({ options: { pager: false } })).toBeUndefined());
  it("does not page with -q", () => expect(decide({ options: { ...on, quiet: true } })).toBeUndefined());
  it("does not page with -o", () => expect(decide({ options: { ...on, output: "out.txt" } })).toBeUndefined());
  it("does not page git's external-diff call", () => expect(decide({ fromGit: true })).toBeUndefined());
  it("does not page under git difftool or diff (GIT_DIFF_PATH_TOTAL)", () => expect(decide({ env: { GIT_DIFF_PATH_TOTAL: "3" } })).toBeUndefined());
  it("does not page in git's pager (GIT_PAGER_IN_USE)", () => expect(decide({ env: { GIT_PAGER_IN_USE: "true" } })).toBeUndefined());
});

describe("pagerEnv", () => {
  it("sets LESS=FRX when LESS is unset, as git does", () => expect(pagerEnv({}).LESS).toBe("FRX"));
  it("keeps the user's LESS", () => expect(pagerEnv({ LESS: "R" }).LESS).toBe("R"));
});

describe("a run whose stdout is not a terminal", () => {
  it("never starts the pager", () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-pager-"));
    const record = join(dir, "paged.txt");
    const pager = join(dir, "pager.sh");
    writeFileSync(pager, `#!/bin/sh\ncat > '${record}'\n`);
    chmodSync(pager, 0o755);
    const result = runBinary([join(FIXTURES, "word-change/old.html"), join(FIXTURES, "word-change/new.html")], "", { HTMLDIFF_PAGER: pager });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("[-faster-]{+quicker+}");
    expect(existsSync(record)).toBe(false);
  });
});
