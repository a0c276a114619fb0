// The CLI run from its CommonJS build with V8's code cache. Node 20 compiles every ES module from
// its source on each run (it has no compile cache for them), and most of a small comparison's
// time over `node -e 0` is V8 compiling the bundle and the functions it calls. So the build
// (rolldown.config.js) also writes the CLI as CommonJS: cli.cjs, a facade, and cli-code.cjs, the
// code every two-file run uses (the CLI with the text and HTML formats), which is compiled here
// through node:vm with the cached data that build/code-cache.js wrote after a warm-up run
// (cli-code.cache), so that V8 deserializes the compiled functions instead of compiling them.
//
// The cache is written by the build into the package's own folder, never at run time: it is as
// trusted as the code beside it. V8 rejects it when it does not fit (another node version, other
// V8 flags) and then compiles the source as usual; without it, or without a CommonJS build that
// loads (a partial install; the unbundled dist/), the CLI runs from its ES modules (src/front-ends.ts).

import { readFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import type { CliIO } from "./cli/io.js";

/** The CLI as its CommonJS build exports it (src/cli/commonjs-entry.ts). */
export interface CompiledCli {
  /** Runs the CLI with `argv` and returns the exit status (src/cli/main.ts). */
  readonly run: (argv: readonly string[], io: CliIO) => Promise<number>;
  /** CliIO for this process (src/cli/process-io.ts). */
  readonly processIO: () => CliIO;
}

/** The CLI loaded from its CommonJS build, and the script of its code, whose cached data the build writes. */
export interface LoadedCli {
  readonly cli: CompiledCli;
  readonly script: Script;
}

/** The files of the CommonJS build in the bundle's folder: the facade, the code and the code's cache. */
export const COMPILED_CLI = { entry: "cli.cjs", code: "cli-code.cjs", cache: "cli-code.cache" } as const;

/**
 * V8's flags for a run of the CLI. A function is optimized after 24 ticks of its interrupt budget
 * (V8's default is 3) and without inlining: a CLI process is short, and on typical pages
 * TurboFan's compiling cost more than the optimized code saved (gen-100k `-f html` spent about
 * 150 ms of CPU on 76 optimized functions). The new space keeps its first size (1 MB a
 * semi-space) instead of doubling up to 16 MB: a comparison's garbage is short-lived, so the
 * larger space bought no time, while its pages stayed in the peak RSS to the end (gen-5m: 172 →
 * 155 MB, medians of 5 runs). The flags take part in the code cache's check, so the build sets
 * them before it compiles the cache too.
 */
const CLI_V8_FLAGS = ["--ticks-before-optimization=24", "--no-turbo-inlining", "--semi-space-growth-factor=1"];

/**
 * Sets {@link CLI_V8_FLAGS} for this process, before the CLI's code is compiled and before its
 * heap grows. (The growth factor is read when the new space would grow, so it works when set
 * at run time; `--max-semi-space-size` is read once, at start, and would not.)
 *
 * @example tuneV8ForCli(); loadCompiledCli(bundle, readCodeCache(bundle))
 */
export function tuneV8ForCli(): void {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * Loads the CLI from the CommonJS build in `dir` (dist/bundle/), compiling its code with `cachedData`
 * when given; null when the build in `dir` is missing or any of its files that a run loads first
 * (the code, the facade, the runtime chunk they require) cannot be read or compiled (a partial
 * install), or when this node cannot `require()` the ES-only packages the build requires when an
 * option needs them (css-select and css-what: node 20.19 or later).
 *
 * @example loadCompiledCli(bundleDir, readCodeCache(bundleDir))?.cli.run(argv, io)
 */
export function loadCompiledCli(dir: string, cachedData: Buffer | undefined): LoadedCli | null {
  if ((process.features as { readonly require_module?: boolean }).require_module !== true) return null;
  const filename = join(dir, COMPILED_CLI.code);
  const source = readIfPresent(filename, "utf8");
  if (source === undefined) return null;
  const require = createRequire(filename);
  try {
    // node's own CommonJS wrapper, so the code runs as it would from require().
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData });
    // Registered before it runs, as require() does: the facade and the chunks of the formats it
    // loads later require this module by its file name and must get this instance.
    const module = new Module(filename);
    module.filename = filename;
    require.cache[filename] = module;
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, filename, dir);
    module.loaded = true;
    return { cli: require(join(dir, COMPILED_CLI.entry)) as CompiledCli, script };
  } catch {
    // The build only speeds a run up: whatever part of it fails to load (a file missing, unreadable
    // or cut short), the ES modules run instead. The code's top level only defines what it exports.
    delete require.cache[filename];
    return null;
  }
}

/**
 * The code cache the build wrote in `dir`, or undefined when there is none.
 *
 * @example readCodeCache("/usr/lib/node_modules/htmldiff-cli/dist/bundle")
 */
export function readCodeCache(dir: string): Buffer | undefined {
  return readIfPresent(join(dir, COMPILED_CLI.cache));
}

/**
 * The file's contents, or undefined when it cannot be read (missing, a folder, no permission):
 * the CommonJS build and its cache only speed a run up, and without them it runs from the ES modules.
 */
function readIfPresent(file: string): Buffer | undefined;
function readIfPresent(file: string, encoding: "utf8"): string | undefined;
function readIfPresent(file: string, encoding?: "utf8"): Buffer | string | undefined {
  try {
    return readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}
