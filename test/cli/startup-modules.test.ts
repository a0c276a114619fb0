// What the binary loads to compare two small files: only the modules its format and options use
// (start-up time, docs/performance.md). Node's module hooks list every module the real process loads.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../..");

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-startup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const OLD = join(scratch, "a.html");
const NEW = join(scratch, "b.html");
writeFileSync(OLD, "<p>one two</p>\n");
writeFileSync(NEW, "<p>one three</p>\n");

/** A load hook that appends each ES module's URL to the file named by LOADED_LOG. */
const HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(process.env.LOADED_LOG, url + "\\n");
  return next(url, context);
}`;
/** Registers {@link HOOKS} and, at exit, appends the CommonJS modules that require() loaded (which the hook does not see). */
const PRELOAD = `import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
const { cache } = createRequire(pathToFileURL(process.cwd() + "/").href);
process.on("exit", () => appendFileSync(process.env.LOADED_LOG, Object.keys(cache).map((path) => pathToFileURL(path).href + "\\n").join("")));`;

let runs = 0;

/** The files `htmldiff args…` loads, as paths inside node_modules/ or dist/ (`htmlparser2/dist/esm/Parser.js`, `dist/cli/main.js`). */
function loadedBy(args: string[]): string[] {
  const log = join(scratch, `loaded-${runs++}.txt`);
  writeFileSync(log, "");
  const result = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(PRELOAD)}`, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LOADED_LOG: log },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(1);
  return readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .filter((url, i, all) => all.indexOf(url) === i)
    .map((url) => decodeURIComponent(new URL(url).pathname))
    .map((path) => (path.includes("/node_modules/") ? path.slice(path.lastIndexOf("/node_modules/") + 14) : path.slice(path.lastIndexOf("/dist/") + 1)));
}

/**
 * The modules that `files` hold: a file of the CLI's bundle (dist/bundle/) names each module it
 * holds in a line of its own (`// dist/cli/main.js`, `// node_modules/htmlparser2/dist/esm/Parser.js`);
 * modules of packages as {@link loadedBy} names them (`htmlparser2/dist/esm/Parser.js`).
 */
function modulesIn(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    file.startsWith("dist/bundle/") ? [...readFileSync(join(ROOT, file), "utf8").matchAll(/^\/\/ (dist\/\S+\.js|node_modules\/\S+)$/gm)].map((m) => m[1]!.replace(/^node_modules\//, "")) : [file],
  );
}

/** The modules of src/ that `files` hold, as `dist/…` paths. */
function ownModules(files: readonly string[]): string[] {
  return modulesIn(files).filter((file) => file.startsWith("dist/"));
}

/** The packages that `files` are or hold (`htmlparser2`, `@eslint-community/regexpp`). */
function packages(files: readonly string[]): Set<string> {
  return new Set(
    modulesIn(files)
      .filter((file) => !file.startsWith("dist/"))
      .map((file) =>
        file
          .split("/")
          .slice(0, file.startsWith("@") ? 2 : 1)
          .join("/"),
      ),
  );
}

/** Packages that no comparison of two files in text or HTML without ignore options needs. */
const NEVER = ["domhandler", "domutils", "dom-serializer", "domelementtype", "css-select", "css-what", "@eslint-community/regexpp", "chalk", "piscina", "bullmq", "ioredis", "busboy", "fast-diff"];

describe("the modules a comparison of two small files loads", () => {
  it("are htmlparser2's Parser and entities' decoder, without the rest of either package", () => {
    const files = modulesIn(loadedBy(["--format", "text", OLD, NEW]));
    expect(files).toContain("htmlparser2/dist/esm/Parser.js");
    expect(files.filter((file) => file.startsWith("htmlparser2/") || file.startsWith("entities/")).sort()).toEqual([
      "entities/dist/esm/decode-codepoint.js",
      "entities/dist/esm/decode.js",
      "entities/dist/esm/generated/decode-data-html.js",
      "entities/dist/esm/generated/decode-data-xml.js",
      "entities/dist/esm/internal/bin-trie-flags.js",
      "entities/dist/esm/internal/decode-shared.js",
      "htmlparser2/dist/esm/Parser.js",
      "htmlparser2/dist/esm/Tokenizer.js",
    ]);
  });

  it.each(["text", "html", "json", "stat"])("leave out the packages and front ends that --format %s does not use", (format) => {
    const files = loadedBy(["--format", format, OLD, NEW]);
    expect([...packages(files)].filter((name) => NEVER.includes(name))).toEqual([]);
    const modules = ownModules(files);
    expect(modules).toContain("dist/pipeline.js");
    expect(modules.filter((file) => /^dist\/(serve|queue|review|cli\/recursive)\//.test(file))).toEqual([]);
  });

  it.each(["text", "html", "term"])("come from the bundle alone with --format %s: no file of node_modules is resolved and loaded", (format) => {
    expect(loadedBy(["--format", format, "--color", "always", OLD, NEW]).filter((file) => !file.startsWith("dist/bundle/") && !file.endsWith("/bin/htmldiff.js"))).toEqual([]);
  });

  it("are the CLI's bundle, a few files for the 75 or so modules of src/ it runs", () => {
    const files = loadedBy(["--format", "html", OLD, NEW]).filter((file) => file.startsWith("dist/"));
    expect(files.filter((file) => !file.startsWith("dist/bundle/"))).toEqual([]);
    expect(ownModules(files).length).toBeGreaterThan(2 * files.length);
  });

  it("take the ignore engines and the character diff when an option needs them", () => {
    // The hook sees them when they are loaded: the lists above can fail.
    expect(packages(loadedBy(["--format", "text", "--ignore", "span", OLD, NEW]))).toContain("css-select");
    expect(loadedBy(["--format", "text", "--granularity", "char", OLD, NEW])).toContain("fast-diff/diff.js");
  });
});

describe("the CLI's bundle", () => {
  it("ships the licence of each package it holds, in dist/bundle/LICENSES.txt", () => {
    const bundle = join(ROOT, "dist/bundle");
    const files = readdirSync(bundle)
      .filter((name) => /\.c?js$/.test(name))
      .map((name) => `dist/bundle/${name}`);
    const held = [...packages(files)].sort();
    expect(held).toEqual(expect.arrayContaining(["commander", "htmlparser2"]));
    const licences = readFileSync(join(bundle, "LICENSES.txt"), "utf8");
    for (const name of held) {
      const { version, license } = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string; license: string };
      expect(licences).toContain(`${name} ${version} (${license})`);
    }
  });
});
