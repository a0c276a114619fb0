// The configuration file: option defaults from `.htmldiff.json` or package.json's "htmldiff"
// key, found from the current folder up to the repository's root, checked key by key.

import { readFileSync, statSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../read/decode.js";
import { FORMATS } from "../render/formats.js";
import type { CliOptions } from "./program.js";

/** Option defaults read from a file, and the file's name for messages. */
export interface Config {
  readonly file: string;
  readonly values: Readonly<Partial<Record<ConfigKey, unknown>>>;
}

type Check = (value: unknown) => string | null;

const isBoolean: Check = (v) => (typeof v === "boolean" ? null : "true or false");
const isList: Check = (v) => (Array.isArray(v) && v.every((s) => typeof s === "string") ? null : "a list of strings");
const isCount: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : "a whole number");
const isPositive: Check = (v) => (Number.isInteger(v) && (v as number) >= 1 ? null : "a whole number of at least 1");
const oneOf =
  (...choices: readonly string[]): Check =>
  (v) =>
    typeof v === "string" && choices.includes(v) ? null : `one of ${choices.join(", ")}`;

/**
 * The keys a configuration may hold: the long options, in camel case, that set a preference.
 * Options about one run (`-o`, `-q`, `-r`, `--accept`, `--reject`, `--config`) are not among them.
 */
const KEYS = {
  format: oneOf(...FORMATS),
  html: isBoolean,
  xml: isBoolean,
  ignoreWhitespace: isBoolean,
  ignoreCase: isBoolean,
  ignoreComments: isBoolean,
  ignore: isList,
  ignoreAttr: isList,
  ignoreText: isList,
  ignoreValue: isList,
  context: isCount,
  granularity: oneOf("word", "char"),
  algorithm: oneOf("default", "myers", "histogram", "difflib"),
  maxWork: isPositive,
  color: oneOf("auto", "always", "never"),
  exitCode: isBoolean,
  jobs: isPositive,
  fragment: isBoolean,
  keepScripts: isBoolean,
  view: oneOf("document", "source"),
  maxAnnotations: isPositive,
  pager: isBoolean,
} as const satisfies Record<string, Check>;

/** A key of the configuration file. */
export type ConfigKey = keyof typeof KEYS;

/** The repeatable options: a configuration's list comes first, then the command line's. */
const LISTS: readonly ConfigKey[] = ["ignore", "ignoreAttr", "ignoreText", "ignoreValue"];

/**
 * The configuration that applies in `cwd`: the file named by `--config`, none with
 * `--no-config`, else the nearest `.htmldiff.json` or package.json with an "htmldiff" key,
 * looking from `cwd` up to the first folder that holds `.git` (the repository's root) or the
 * file system's root. Throws {@link InputError} for unreadable JSON, unknown keys and wrong types.
 * The look-up is synchronous: a few stat calls and small reads, each of which, made through the
 * thread pool, left every run idle for a trip per call (start-up, docs/performance.md).
 *
 * @example loadConfig(undefined, "/repo/site") // { file: "/repo/.htmldiff.json", values: { ignore: ["meta[name=generator]"] } }
 */
export function loadConfig(option: string | false | undefined, cwd: string): Config | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return checkConfig(option, parseJson(option, readConfig(resolve(cwd, option), option)));
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const own = readIfFile(join(dir, ".htmldiff.json"));
    if (own !== undefined) return checkConfig(join(dir, ".htmldiff.json"), parseJson(join(dir, ".htmldiff.json"), own));
    const pkg = readIfFile(join(dir, "package.json"));
    if (pkg !== undefined) {
      const manifest = parseJson(join(dir, "package.json"), pkg) as Record<string, unknown> | null;
      if (manifest && typeof manifest === "object" && "htmldiff" in manifest) return checkConfig(`${join(dir, "package.json")} "htmldiff"`, manifest.htmldiff);
    }
    if (statOf(join(dir, ".git")) !== undefined || dirname(dir) === dir) return undefined;
  }
}

/**
 * The options of a run: the command line's where it set them (`given` says which), else the
 * configuration's; lists add up. Under git (`fromGit`), and when `-f` or `-o` is given, the
 * configuration's `format` is not used: git shows the output as a diff, and `-o` names its format.
 * A configured `--html` or `--xml` yields to either on the command line.
 *
 * @example mergeConfig({ context: 3, ignore: ["b"] }, config({ context: 1, ignore: ["a"] }), () => false, false) // { context: 1, ignore: ["a", "b"] }
 */
export function mergeConfig(options: CliOptions, config: Config | undefined, given: (key: string) => boolean, fromGit: boolean): CliOptions {
  if (!config) return options;
  const merged: Record<string, unknown> = { ...options };
  for (const [key, value] of Object.entries(config.values) as [ConfigKey, unknown][]) {
    if (LISTS.includes(key)) merged[key] = [...(value as string[]), ...((options[key as keyof CliOptions] as string[] | undefined) ?? [])];
    else if (key === "format" && (fromGit || given("format") || given("output"))) continue;
    else if ((key === "html" || key === "xml") && (given("html") || given("xml"))) continue;
    else if (!given(key)) merged[key] = value;
  }
  return merged as unknown as CliOptions;
}

function checkConfig(file: string, values: unknown): Config {
  if (values === null || typeof values !== "object" || Array.isArray(values)) throw new InputError(`${file}: the configuration must be a JSON object`);
  for (const [key, value] of Object.entries(values)) {
    const check: Check | undefined = Object.hasOwn(KEYS, key) ? KEYS[key as ConfigKey] : undefined;
    if (!check) throw new InputError(`${file}: unknown key '${key}' (known: ${Object.keys(KEYS).join(", ")})`);
    const expected = check(value);
    if (expected) throw new InputError(`${file}: '${key}' must be ${expected}, not ${JSON.stringify(value)}`);
  }
  return { file, values: values as Config["values"] };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The text of `path` when it is a file, else undefined. */
function readIfFile(path: string): string | undefined {
  return statOf(path)?.isFile() ? readConfig(path, path) : undefined;
}

/** What stat says of `path`, or undefined when it cannot say (missing, no permission). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The text of the configuration file at `path`; throws {@link InputError} calling it `name` when it cannot be read. */
function readConfig(path: string, name: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`${name}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
