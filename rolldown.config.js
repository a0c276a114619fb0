// The command line's own modules bundled into a few files in dist/bundle/ for bin/htmldiff.js:
// node 20 resolves, reads and links each ES module on its own (about half a millisecond each),
// and a two-file comparison loads about 75 of ours. Built from tsc's output in dist/, so the
// bundle runs the same JavaScript the library ships; what a run loads only when it needs it
// (formats, -r, serve, the queue) stays in chunks of its own.
//
// The packages a two-file run loads are bundled too (BUNDLED): commander, htmlparser2's Parser
// and Tokenizer, entities' decoder, and chalk for the terminal. From node_modules they were
// about 17 more modules to resolve and load, commander's through the CommonJS loader. The
// others (the ignore engines, fast-diff, serve's and the queue's) stay outside, loaded when used.
// Their licences (MIT, BSD-2-Clause) go with the bundle, in dist/bundle/LICENSES.txt.
//
// The CLI is built twice: as ES modules (the first configuration below, which empties
// dist/bundle/ first) and as CommonJS (the second), which src/compiled-cli.ts runs with V8's code
// cache that build/code-cache.js writes next (node 20 caches no compiled ES module). The program's
// entry, src/main.ts, is CommonJS too (main.cjs, which bin/htmldiff.js requires), so that a
// two-file run never starts node's ES module loader; it imports the ES modules' entry,
// front-ends.js, only for serve, the queue, or the CLI when its CommonJS build cannot run.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "rolldown";

const require = createRequire(import.meta.url);

/**
 * Output options that keep the bundle's source small in memory: V8 holds the source of the code
 * it runs for as long as the code lives, at one byte a character only when every character of it
 * is Latin-1, else two. So non-ASCII characters are escaped (the CLI's source had 91 of them,
 * which doubled its 688 KB) and doc comments, which the bundle's readers have in src/, are left
 * out. The `// dist/…` line before each module stays (bench/profile.js reads it). A text report
 * of the typo pair peaked 2.3 MB lower (63.1 → 60.8 MB, medians of 5 alternating runs).
 */
const COMPACT_SOURCE = { charset: "ascii", comments: { legal: true, annotation: false, jsdoc: false } };

/** The packages bundled into the CLI; any other package stays an import of node_modules. */
const BUNDLED = ["commander", "chalk", "entities", "htmlparser2"];

/**
 * The package an import names (`entities/decode` → `entities`), or null for a path and for a
 * package's own import map (chalk's `#ansi-styles`), which resolve inside the package importing them.
 */
function packageOf(id) {
  if (id.startsWith(".") || id.startsWith("/") || id.startsWith("#") || id.startsWith("\0")) return null;
  return id
    .split("/")
    .slice(0, id.startsWith("@") ? 2 : 1)
    .join("/");
}

/** The folder of an installed package: the nearest one above its entry point with its package.json. */
function packageDir(name) {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === name) return dir;
  }
  throw new Error(`${name}: cannot find its package.json`);
}

/**
 * dist/events/htmlparser2-parser.js finds htmlparser2's Parser module at run time (the package's
 * exports offer only its entry point); in the bundle it is a static import of that same file.
 */
const parserModule = {
  name: "htmlparser2-parser",
  load(id) {
    if (!/[\\/]dist[\\/]events[\\/]htmlparser2-parser\.js$/.test(id)) return null;
    return `export { Parser } from ${JSON.stringify(join(packageDir("htmlparser2"), "dist/esm/Parser.js"))};`;
  },
};

/** dist/version.js reads package.json at run time through node's CommonJS loader; in the bundle the version is written in. */
const versionModule = {
  name: "version",
  load(id) {
    if (!/[\\/]dist[\\/]version\.js$/.test(id)) return null;
    const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));
    return `export const VERSION = ${JSON.stringify(version)};`;
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are programs of
 * their own, which htmldiff has none of; loading it (with net, dgram and streams) cost every run
 * about 2 ms. In the bundle commander gets a stand-in that requires it at its first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  resolveId(source, importer) {
    if (isCommandersChildProcess(source, importer)) return "\0lazy-child-process";
    return null;
  },
  load(id) {
    if (id !== "\0lazy-child-process") return null;
    return `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });`;
  },
};

/** Whether `source`, imported by `importer`, is commander's require of node:child_process. */
function isCommandersChildProcess(source, importer) {
  return source === "node:child_process" && /[\\/]node_modules[\\/]commander[\\/]/.test(importer ?? "");
}

/** Writes dist/bundle/LICENSES.txt: the licence of each package with code in the bundle. */
const licences = {
  name: "licences",
  generateBundle(_options, bundle) {
    const names = new Set();
    for (const chunk of Object.values(bundle))
      if (chunk.type === "chunk") for (const id of Object.keys(chunk.modules)) for (const m of id.matchAll(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/g)) names.add(m[1].replace("\\", "/"));
    const sections = [...names].sort().map((name) => {
      const dir = packageDir(name);
      const { version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const file = ["LICENSE", "license", "LICENSE.md", "LICENSE.txt"].map((f) => join(dir, f)).find((f) => existsSync(f));
      if (!file) throw new Error(`${name}: no licence file to ship with the bundle`);
      return `${name} ${version} (${license})\n\n${readFileSync(file, "utf8").trim()}\n`;
    });
    this.emitFile({ type: "asset", fileName: "LICENSES.txt", source: `Packages bundled into these files:\n\n${sections.join("\n---\n\n")}` });
  },
};

/** The same as {@link packageOf}, for a package this build leaves outside the bundle; null for any other import. */
function externalPackageOf(id) {
  const name = packageOf(id);
  return name !== null && !BUNDLED.includes(name) ? name : null;
}

/**
 * In the CommonJS build each package left outside is required where its importer first runs,
 * not when the CLI loads: rolldown requires an external package at the top of the chunk, and
 * css-select alone (for --ignore) would cost every run its loading. A stand-in CommonJS module
 * requires it, which rolldown runs only when the module importing it is first imported.
 */
const lazyPackages = {
  name: "lazy-packages",
  resolveId(source, importer) {
    if (importer === undefined || source.startsWith("node:") || externalPackageOf(source) === null) return null;
    if (importer.startsWith("\0lazy-package:")) return { id: source, external: true };
    return `\0lazy-package:${source}`;
  },
  load(id) {
    if (!id.startsWith("\0lazy-package:")) return null;
    return `module.exports = require(${JSON.stringify(id.slice("\0lazy-package:".length))});`;
  },
};

const esModules = defineConfig({
  input: {
    "front-ends": "dist/front-ends.js",
    // src/compare/pool.ts starts its worker threads from "./pool-worker.js" beside itself.
    "pool-worker": "dist/compare/pool-worker.js",
  },
  platform: "node",
  external: (id, importer) => externalPackageOf(id) !== null && !isCommandersChildProcess(id, importer),
  plugins: [parserModule, versionModule, lazyChildProcess, licences],
  output: {
    ...COMPACT_SOURCE,
    dir: "dist/bundle",
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    cleanDir: true,
    // The CLI and all it imports statically, which every two-file run loads, in one chunk: one file
    // for node to read and link instead of about twenty.
    codeSplitting: { groups: [{ name: "cli", test: /[\\/]dist[\\/]cli[\\/]main\.js$/ }] },
  },
});

/** src/main.ts's import of the ES modules' entry, which its CommonJS build (main.cjs) keeps as an import() of front-ends.js beside it. */
function isMainsImportOfFrontEnds(source, importer) {
  return source === "./front-ends.js" && /[\\/]dist[\\/]main\.js$/.test(importer ?? "");
}

/**
 * node:fs/promises loads readline and the streams (about 0.5 ms), which a comparison that writes no file
 * never uses: in the CommonJS build it is a stand-in that requires it at its first use, as
 * commander's node:child_process is. (The ES modules' loader loads it anyway.)
 */
const lazyFsPromises = {
  name: "lazy-fs-promises",
  resolveId(source, importer) {
    if (source !== "node:fs/promises") return null;
    return importer === "\0lazy-fs-promises" ? { id: source, external: true } : "\0lazy-fs-promises";
  },
  load(id) {
    if (id !== "\0lazy-fs-promises") return null;
    return `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:fs/promises"))[key] });`;
  },
};

/**
 * The program's entry, src/main.ts, as main.cjs; and the CLI as CommonJS for src/compiled-cli.ts:
 * cli.cjs exports it (src/cli/commonjs-entry.ts), and cli-code.cjs holds what every two-file run
 * uses, the text and HTML formats with it, so that one cache covers them; the rest (other formats,
 * -r, --accept) is in chunks required when used.
 */
const commonJs = defineConfig({
  input: { main: "dist/main.js", cli: "dist/cli/commonjs-entry.js" },
  platform: "node",
  external: (id, importer) => isMainsImportOfFrontEnds(id, importer),
  plugins: [lazyChildProcess, lazyFsPromises, lazyPackages, parserModule, versionModule],
  output: {
    dir: "dist/bundle",
    format: "cjs",
    ...COMPACT_SOURCE,
    entryFileNames: "[name].cjs",
    chunkFileNames: (chunk) => (chunk.name === "cli" ? "cli-code.cjs" : "[name]-[hash].cjs"),
    codeSplitting: { groups: [{ name: "cli", test: /[\\/]dist[\\/](cli[\\/]commonjs-entry|render[\\/]html[\\/]inline-html|render[\\/]report[\\/]text)\.js$/ }] },
  },
});

export default [esModules, commonJs];
