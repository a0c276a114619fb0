// Compares one pair of documents and renders the result: shared by a single run and by the
// workers of a directory run. Reads files; never prints.

import { parseDocument } from "../events/parse.js";
import { normalizeOptions, OptionError, type DiffOptions } from "../options.js";
import { diffDocuments } from "../pipeline.js";
import { InputError } from "../read/decode.js";
import { workBudget } from "../script/diff-tokens.js";
import type { ParseMode } from "../types.js";
import { ExitCode } from "./exit-codes.js";
import { formatForPath, render, type FormatName } from "./formats.js";
import type { Invocation } from "./invocation.js";
import type { CliIO } from "./io.js";
import type { CliOptions } from "./program.js";
import { readInput, type Input } from "./read-input.js";

/** The outcome of one comparison: its status, its rendered output, lines for stderr and counts for a summary. */
export interface PairResult {
  readonly status: 0 | 1;
  readonly output: string;
  readonly warnings: readonly string[];
  readonly counts: PairCounts;
}

/** How much a pair changed: its changes, and the tokens inserted and deleted. */
export interface PairCounts {
  readonly changes: number;
  readonly inserted: number;
  readonly deleted: number;
}

/**
 * Reads, diffs and renders one pair; throws {@link InputError} for input that is not a document.
 * `colorLevel` is the level decided for the terminal (0 for none).
 *
 * @example await comparePair(parseInvocation(["a.html", "b.html"])!, options, io, 0) // { status: 1, output: "--- a.html…" }
 */
export async function comparePair(invocation: Invocation, options: CliOptions, io: Pick<CliIO, "readStdin">, colorLevel: 0 | 1 | 2 | 3): Promise<PairResult> {
  const { oldPath, newPath } = invocation;
  if (oldPath === "-" && newPath === "-") throw new InputError("only one side can be standard input (-)");
  const forced = forcedMode(options);
  const a = await readInput(oldPath, io, forced, invocation.oldLabel);
  const b = await readInput(newPath, io, forced, invocation.newLabel);
  return compareInputs(a, b, invocation, options, colorLevel);
}

/** The mode `--html` or `--xml` asks for, if any; throws {@link InputError} when both are given. */
export function forcedMode(options: CliOptions): ParseMode | undefined {
  if (options.html && options.xml) throw new InputError("--html and --xml cannot both be given");
  return options.xml ? "xml" : options.html ? "html" : undefined;
}

/**
 * Diffs and renders two sides already read, as {@link comparePair} does after reading them.
 *
 * @example await compareInputs(a, b, invocation, options, 0) // { status: 1, output: "--- a.html…" }
 */
export async function compareInputs(a: Input, b: Input, invocation: Invocation, options: CliOptions, colorLevel: 0 | 1 | 2 | 3): Promise<PairResult> {
  const forced = forcedMode(options);
  const warnings = [...a.warnings, ...b.warnings];
  // One mode for both sides, so that tag names and keys are comparable.
  const mode = forced ?? (a.mode === "xml" || b.mode === "xml" ? "xml" : "html");
  const script = diffDocuments(parseDocument(a.text, { mode }), parseDocument(b.text, { mode }), { mode, ...diffOptions(options) });
  if (script.unit === "line") {
    const budget = workBudget(script.a.tokens.length + script.b.tokens.length, options.maxWork);
    warnings.push(`${invocation.newLabel}: past the work budget (--max-work ${budget}), lines and tags were matched first; some changes are coarser than word by word`);
  } else if (script.fallback) {
    warnings.push(`${invocation.oldLabel} and ${invocation.newLabel} differ too much for a fine diff; parts are shown as whole replacements`);
  }
  const status = script.identical ? ExitCode.Same : ExitCode.Different;
  const counts = { changes: script.changes.length, inserted: script.stats.inserted, deleted: script.stats.deleted };
  if (options.quiet) return { status, output: "", warnings, counts };
  const format = chooseFormat(options);
  // chalk is loaded only for colour.
  const theme = format === "term" && colorLevel ? (await import("./theme.js")).terminalTheme(colorLevel) : undefined;
  const output = await render(format, script, {
    oldLabel: invocation.oldLabel,
    newLabel: invocation.newLabel,
    context: options.context,
    granularity: options.granularity,
    ...(theme ? { theme } : {}),
    fragment: options.fragment ?? false,
    ...(options.view ? { view: options.view } : {}),
    ...(options.maxAnnotations === undefined ? {} : { maxAnnotations: options.maxAnnotations }),
  });
  return { status, output, warnings, counts };
}

/** The comparison options the command line's options ask for. */
function diffOptions(options: CliOptions): DiffOptions {
  return {
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    ignoreAttributes: options.ignoreAttr,
    ignoreElements: options.ignore,
    ignoreText: options.ignoreText,
    ignoreValues: options.ignoreValue,
    algorithm: options.algorithm,
    ...(options.maxWork === undefined ? {} : { maxWork: options.maxWork }),
  };
}

/** The flag of each option that takes selectors or patterns. */
const FLAGS: Record<OptionError["option"], string> = {
  ignoreElements: "--ignore",
  ignoreAttributes: "--ignore-attr",
  ignoreText: "--ignore-text",
  ignoreValues: "--ignore-value",
};

/**
 * Checks the selectors and patterns once, before any file is read: throws {@link InputError}
 * naming the flag, the bad value and the column of the error.
 *
 * @example checkIgnores({ ...options, ignore: ["a["] }) // throws: --ignore: bad selector 'a[' at column 2: Expected name, found
 */
export function checkIgnores(options: CliOptions): void {
  try {
    normalizeOptions(diffOptions(options));
  } catch (error) {
    if (error instanceof OptionError) throw new InputError(`${FLAGS[error.option]}: ${error.detail}`);
    throw error;
  }
}

/** `--format`, else what the output file's name implies, else the terminal format. */
export function chooseFormat(options: CliOptions): FormatName {
  return options.format ?? (options.output ? (formatForPath(options.output) ?? "text") : "term");
}
