// The binary runs the CLI from its CommonJS build with V8's code cache (src/compiled-cli.ts). A
// cache V8 rejects (another node version), a missing or unreadable cache and a missing or
// unreadable CommonJS build must each leave a run exactly as it is with them: same output, same status, nothing on stderr.
// And the cache the build writes must be one V8 takes, or the start-up it saves is lost unseen.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const PACKAGE = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "htmldiff-compiled-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const OLD = join(scratch, "old.html");
const NEW = join(scratch, "new.html");
writeFileSync(OLD, "<h1>Title</h1><p>one <em>two</em> three</p><ul><li>four</li></ul>\n");
writeFileSync(NEW, "<h1>Title</h1><p>one <em>too</em> three</p><ul><li>four</li><li>five</li></ul>\n");

/** A copy of the built package (bin, dist, package.json; node_modules linked) with `change` made to its dist/bundle/. */
function packageWith(name: string, change: (bundle: string) => void): string {
  const copy = join(scratch, name);
  for (const part of ["bin", "dist", "package.json"]) cpSync(join(PACKAGE, part), join(copy, part), { recursive: true });
  symlinkSync(join(PACKAGE, "node_modules"), join(copy, "node_modules"));
  change(join(copy, "dist/bundle"));
  return join(copy, "bin/htmldiff.js");
}

const BROKEN: Record<string, (bundle: string) => void> = {
  "a code cache V8 rejects": (bundle) => writeFileSync(join(bundle, "cli-code.cache"), Buffer.alloc(4096, 7)),
  "no code cache": (bundle) => rmSync(join(bundle, "cli-code.cache")),
  // A file that cannot be read (here a folder in its place: EISDIR, as EACCES would be) is as good as none.
  "a code cache that cannot be read": (bundle) => {
    rmSync(join(bundle, "cli-code.cache"));
    mkdirSync(join(bundle, "cli-code.cache"));
  },
  "a CommonJS build that cannot be read": (bundle) => {
    rmSync(join(bundle, "cli-code.cjs"));
    mkdirSync(join(bundle, "cli-code.cjs"));
  },
  "no facade of the CommonJS build": (bundle) => rmSync(join(bundle, "cli.cjs")),
  "a facade of the CommonJS build that cannot be read": (bundle) => {
    rmSync(join(bundle, "cli.cjs"));
    mkdirSync(join(bundle, "cli.cjs"));
  },
  "no runtime chunk of the CommonJS build": (bundle) => {
    for (const file of readdirSync(bundle).filter((name) => name.startsWith("rolldown-runtime-") && name.endsWith(".cjs"))) rmSync(join(bundle, file));
  },
  "a CommonJS build cut short": (bundle) => {
    const code = readFileSync(join(bundle, "cli-code.cjs"));
    writeFileSync(join(bundle, "cli-code.cjs"), code.subarray(0, code.length >> 1));
  },
  "no CommonJS build": (bundle) => {
    for (const file of ["cli.cjs", "cli-code.cjs", "cli-code.cache"]) rmSync(join(bundle, file));
  },
};

const RUNS = [["--format", "html", OLD, NEW], ["--format", "text", OLD, NEW], ["--format", "json", "--ignore", "em", OLD, NEW], ["--version"]];

/** What `bin args…` printed and its status. */
function run(bin: string, args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status, stdout, stderr };
}

describe("the binary", () => {
  it.each(Object.keys(BROKEN))("runs as with its code cache with %s", (name) => {
    const bin = packageWith(name.replaceAll(" ", "-"), BROKEN[name]!);
    for (const args of RUNS) {
      const expected = run(BIN, args);
      expect(expected.stderr).toBe("");
      expect(run(bin, args), args.join(" ")).toEqual(expected);
    }
  });
});

describe("the build's code cache", () => {
  it("is accepted by this node, with the flags the CLI sets", () => {
    // In a process of its own: the CLI's V8 flags would otherwise stay set in the test runner.
    const compiled = JSON.stringify(join(PACKAGE, "dist/compiled-cli.js"));
    const bundle = JSON.stringify(join(PACKAGE, "dist/bundle"));
    const script = `const c = await import(${compiled}); c.tuneV8ForCli(); const cache = c.readCodeCache(${bundle});
      const loaded = c.loadCompiledCli(${bundle}, cache);
      console.log(JSON.stringify({ cache: cache !== undefined, loaded: loaded !== null, rejected: loaded?.script.cachedDataRejected }));`;
    const { stdout, stderr } = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({ cache: true, loaded: true, rejected: false });
  });
});

describe("the bundle's source", () => {
  it("is Latin-1 throughout, so that V8 holds it at one byte a character", () => {
    // V8 keeps the source of the code it runs; one character past U+00FF makes all of it two bytes a character.
    const files = readdirSync(join(PACKAGE, "dist/bundle")).filter((name) => /\.c?js$/.test(name));
    expect(files).toContain("cli-code.cjs");
    const wide = files.filter((name) => /[^\u0000-\u00ff]/.test(readFileSync(join(PACKAGE, "dist/bundle", name), "utf8")));
    expect(wide).toEqual([]);
  });
});

describe("the CLI's V8 flags", () => {
  it("keep the young generation small, however much garbage a run makes", () => {
    // In a process of its own, as above. Short-lived garbage would otherwise grow the new space
    // to 32 MB, which a comparison's peak RSS carries to its end.
    const compiled = JSON.stringify(join(PACKAGE, "dist/compiled-cli.js"));
    const script = `const c = await import(${compiled}); const v8 = await import("node:v8");
      const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
      const before = newSpace(); if (process.argv[1] === "tuned") c.tuneV8ForCli();
      let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({ i, s: "x" + i }); if (keep.length > 100000) keep = []; }
      console.log(JSON.stringify({ before, after: newSpace() }));`;
    const sizes = (mode: string) => {
      const { stdout, stderr } = spawnSync(process.execPath, ["--input-type=module", "-e", script, mode], { encoding: "utf8" });
      expect(stderr).toBe("");
      return JSON.parse(stdout) as { before: number; after: number };
    };
    const small = 4 * 2 ** 20;
    // The check can fail: without the flags the new space grows past it.
    expect(sizes("plain").after).toBeGreaterThan(small);
    expect(sizes("tuned").after).toBeLessThanOrEqual(small);
  });
});
