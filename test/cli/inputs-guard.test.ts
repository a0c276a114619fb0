// The input guard that every runCli and runBinary call applies: it must notice a changed byte,
// a changed modification time and a removed file, and watch the right files.

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectInputsUnchanged, snapshotInputs } from "../support/inputs.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-guard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh file in the test folder with `content`. */
function file(name: string, content = "<p>x</p>\n"): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("the input guard", () => {
  it("passes for untouched inputs and fails for a changed byte", () => {
    const a = file("a.html");
    const before = snapshotInputs(["-f", "json", a, "/dev/null", "-"]);
    expect(before.map((s) => s.path)).toEqual([a]);
    expectInputsUnchanged(before);
    writeFileSync(a, "<p>y</p>\n");
    expect(() => expectInputsUnchanged(before)).toThrow(/an input was modified: .*a\.html/);
  });

  it("fails for the same bytes with a new modification time, and for a removed file", () => {
    const a = file("touched.html");
    const b = file("removed.html");
    const before = snapshotInputs([a, b]);
    utimesSync(a, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(() => expectInputsUnchanged(before.slice(0, 1))).toThrow(/an input was modified/);
    rmSync(b);
    expect(() => expectInputsUnchanged(before.slice(1))).toThrow(/an input was removed/);
  });

  it("watches every file under a folder (-r), and the -o target only when it is also an input", () => {
    const site = join(dir, "site");
    mkdirSync(join(site, "sub"), { recursive: true });
    const page = join(site, "sub", "page.html");
    writeFileSync(page, "<p>x</p>");
    const out = file("out.txt");
    expect(snapshotInputs(["-r", "-o", out, site, site]).map((s) => s.path)).toEqual([page]);
    expect(snapshotInputs([`--output=${out}`, page]).map((s) => s.path)).toEqual([page]);
    expect(snapshotInputs(["-o", page, out, page]).map((s) => s.path)).toEqual([out, page]);
  });
});
