// The binary is a CommonJS script, and a comparison of two files runs only CommonJS code (the CLI's
// build with its code cache, src/compiled-cli.ts): node then never starts its ES module loader, nor
// loads node:fs/promises, which the run does not use (start-up time, docs/performance.md). Node's
// list of the built-in modules it loaded (`process.moduleLoadList`) shows both: the loader's
// translators and module jobs, which only loading an ES module needs. (node:module loads the
// loader's main module, internal/modules/esm/loader, without starting it.) On a node that cannot
// require() ES modules the binary runs the CLI's ES modules instead, with the same output.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-commonjs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const OLD = join(scratch, "a.html");
const NEW = join(scratch, "b.html");
writeFileSync(OLD, "<p>one two</p>\n");
writeFileSync(NEW, "<p>one three</p>\n");

/** A CommonJS preload (so that it starts no ES module loader itself) that writes node's list of loaded built-in modules to BUILTINS_LOG at exit. */
const PRELOAD = join(scratch, "list-builtins.cjs");
writeFileSync(PRELOAD, `process.on("exit", () => require("node:fs").writeFileSync(process.env.BUILTINS_LOG, process.moduleLoadList.join("\\n")));\n`);

/** What `node nodeOptions… bin/htmldiff.js args…` printed and its status. */
function run(nodeOptions: string[], args: string[], env: Record<string, string> = {}) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { status, stdout, stderr };
}

/** The built-in modules of node that `htmldiff args…` loaded, as node lists them (`NativeModule internal/modules/esm/module_job`). */
function builtinsLoadedBy(args: string[], nodeOptions: string[] = []): string[] {
  const log = join(scratch, "builtins.txt");
  const result = run([...nodeOptions, "--require", PRELOAD], args, { BUILTINS_LOG: log });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(1);
  return readFileSync(log, "utf8").split("\n");
}

describe("a comparison of two files", () => {
  it.each(["text", "html"])("with --format %s starts no ES module loader and leaves node:fs/promises unloaded", (format) => {
    const loaded = builtinsLoadedBy(["--format", format, OLD, NEW]);
    // The list can fail: node's own modules are in it.
    expect(loaded).toContain("NativeModule internal/modules/cjs/loader");
    expect(loaded.filter((name) => /^NativeModule (internal\/modules\/esm\/(translators|module_job)|fs\/promises|internal\/fs\/promises)$/.test(name))).toEqual([]);
  });

  it("loads node:fs/promises when it writes a file", () => {
    expect(builtinsLoadedBy(["--format", "text", "-o", join(scratch, "report.txt"), OLD, NEW])).toContain("NativeModule fs/promises");
  });

  it("runs from the ES modules, with the same output, on a node that cannot require() them", () => {
    // Without require(esm) the CommonJS build cannot load the ignore engines, so it is not used (src/compiled-cli.ts).
    expect(builtinsLoadedBy(["--format", "text", OLD, NEW], ["--no-experimental-require-module"])).toContain("NativeModule internal/modules/esm/module_job");
    for (const args of [["--format", "html", OLD, NEW], ["--format", "text", OLD, NEW], ["--version"]]) {
      const expected = run([], args);
      expect(expected.stderr).toBe("");
      expect(run(["--no-experimental-require-module"], args), args.join(" ")).toEqual(expected);
    }
  });
});
