// Compares one pair of documents named on the command line: reads the files, then has
// src/compare/ diff and render them. compareInputs is shared with git's external diff and with the
// pairs a directory run compares in its own thread.

import { compare } from "../compare/compare.js";
import { compareOptions, type CompareOptions, type CompareResult } from "../compare/request.js";
import { normalizeOptions, OptionError } from "../options.js";
import { loadIgnoreEngines, needsIgnoreEngines } from "../text/ignore-engines.js";
import { InputError } from "../read/decode.js";
import type { Input } from "../read/input.js";
import { formatForPath, type FormatName } from "../render/formats.js";
import type { ParseMode } from "../types.js";
import type { Invocation } from "./invocation.js";
import type { CliIO } from "./io.js";
import type { CliOptions } from "./program.js";
import { readDocument } from "./read-input.js";

/**
 * Reads, diffs and renders one pair; throws {@link InputError} for input that is not a document.
 * A binary side gets diff's answer, `Binary files OLD and NEW differ` (see binary-pair.ts),
 * except in html and page output, the marked document, which cannot show it: there it is
 * refused. `colorLevel` is the level decided for the terminal (0 for none).
 *
 * @example await comparePair(parseInvocation(["a.html", "b.html"])!, options, io, 0) // { status: 1, output: "--- a.html…" }
 */
export async function comparePair(invocation: Invocation, options: CliOptions, io: Pick<CliIO, "readStdin" | "willCompare" | "willRender">, colorLevel: 0 | 1 | 2 | 3): Promise<CompareResult> {
  const read = await readPair(invocation, options, io);
  if ("status" in read) return read;
  io.willCompare?.(read.a.text.length + read.b.text.length);
  return compareInputs(read.a, read.b, options, colorLevel, io.willRender);
}

/** Both sides of a pair read and decoded, or the result of a pair with a binary side. */
async function readPair(invocation: Invocation, options: CliOptions, io: Pick<CliIO, "readStdin">): Promise<{ a: Input; b: Input } | CompareResult> {
  const { oldPath, newPath } = invocation;
  if (oldPath === "-" && newPath === "-") throw new InputError("only one side can be standard input (-)");
  const forced = forcedMode(options);
  const a = await readDocument(oldPath, io, forced, invocation.oldLabel);
  const b = await readDocument(newPath, io, forced, invocation.newLabel);
  if (!("error" in a) && !("error" in b)) return { a, b };
  const format = chooseFormat(options);
  // html and page output are the marked document, which cannot show a binary file.
  for (const side of [a, b]) if ("error" in side && (format === "html" || format === "page")) throw side.error;
  return (await import("./binary-pair.js")).binaryPairResult(a, b, format, options.quiet ?? false);
}

/** The mode `--html` or `--xml` asks for, if any; throws {@link InputError} when both are given. */
export function forcedMode(options: CliOptions): ParseMode | undefined {
  if (options.html && options.xml) throw new InputError("--html and --xml cannot both be given");
  return options.xml ? "xml" : options.html ? "html" : undefined;
}

/**
 * Diffs and renders two sides already read, as {@link comparePair} does after reading them;
 * `willRender` is called between the two (see {@link compare}).
 *
 * @example await compareInputs(a, b, options, 0) // { status: 1, output: "--- a.html…" }
 */
export async function compareInputs(a: Input, b: Input, options: CliOptions, colorLevel: 0 | 1 | 2 | 3, willRender?: () => void): Promise<CompareResult> {
  const format = chooseFormat(options);
  // chalk is loaded only for colour.
  const theme = format === "term" && colorLevel && !options.quiet ? (await import("../compare/terminal-theme.js")).terminalTheme(colorLevel) : undefined;
  return compare({ a, b, options: requestOptions(options), format }, theme, willRender);
}

/** The command line's options as the plain, complete options of a comparison. */
export function requestOptions(options: CliOptions): CompareOptions {
  const forced = forcedMode(options);
  return compareOptions({
    ...(forced ? { mode: forced } : {}),
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    ignoreAttributes: options.ignoreAttr,
    ignoreElements: options.ignore,
    ignoreText: options.ignoreText,
    ignoreValues: options.ignoreValue,
    algorithm: options.algorithm,
    ...(options.maxWork === undefined ? {} : { maxWork: options.maxWork }),
    context: options.context,
    granularity: options.granularity,
    fragment: options.fragment ?? false,
    keepScripts: options.keepScripts ?? false,
    ...(options.view ? { view: options.view } : {}),
    ...(options.maxAnnotations === undefined ? {} : { maxAnnotations: options.maxAnnotations }),
    quiet: options.quiet ?? false,
  });
}

/** The flag of each option that takes selectors or patterns. */
const FLAGS: Record<OptionError["option"], string> = {
  ignoreElements: "--ignore",
  ignoreAttributes: "--ignore-attr",
  ignoreText: "--ignore-text",
  ignoreValues: "--ignore-value",
};

/**
 * Checks the selectors and patterns once, before any file is read, loading their engines when
 * there are any: throws {@link InputError}
 * naming the flag, the bad value and the column of the error.
 *
 * @example checkIgnores({ ...options, ignore: ["a["] }) // throws: --ignore: bad selector 'a[' at column 2: Expected name, found
 */
export async function checkIgnores(options: CliOptions): Promise<void> {
  const given = { ignoreAttributes: options.ignoreAttr, ignoreElements: options.ignore, ignoreText: options.ignoreText, ignoreValues: options.ignoreValue };
  if (!needsIgnoreEngines(given)) return;
  await loadIgnoreEngines();
  try {
    normalizeOptions({ ignoreAttributes: options.ignoreAttr, ignoreElements: options.ignore, ignoreText: options.ignoreText, ignoreValues: options.ignoreValue });
  } catch (error) {
    if (error instanceof OptionError) throw new InputError(`${FLAGS[error.option]}: ${error.detail}`);
    throw error;
  }
}

/** `--format`, else what the output file's name implies, else the terminal format. */
export function chooseFormat(options: CliOptions): FormatName {
  return options.format ?? (options.output ? (formatForPath(options.output) ?? "text") : "term");
}
