// Compares one pair of documents and renders the result: shared by a single run and by the
// workers of a directory run. Reads files; never prints.

import { parseDocument } from "../events/parse.js";
import { diffDocuments } from "../pipeline.js";
import { InputError } from "../read/decode.js";
import { workBudget } from "../script/diff-tokens.js";
import type { ParseMode } from "../types.js";
import { ExitCode } from "./exit-codes.js";
import { formatForPath, render, type FormatName } from "./formats.js";
import type { Invocation } from "./invocation.js";
import type { CliIO } from "./io.js";
import type { CliOptions } from "./program.js";
import { readInput } from "./read-input.js";

/** The outcome of one comparison: its status, its rendered output and lines for stderr. */
export interface PairResult {
  readonly status: 0 | 1;
  readonly output: string;
  readonly warnings: readonly string[];
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
  if (options.html && options.xml) throw new InputError("--html and --xml cannot both be given");
  const forced: ParseMode | undefined = options.xml ? "xml" : options.html ? "html" : undefined;
  const a = await readInput(oldPath, io, forced);
  const b = await readInput(newPath, io, forced);
  const warnings = [...a.warnings, ...b.warnings];
  // One mode for both sides, so that tag names and keys are comparable.
  const mode = forced ?? (a.mode === "xml" || b.mode === "xml" ? "xml" : "html");
  const script = diffDocuments(parseDocument(a.text, { mode }), parseDocument(b.text, { mode }), {
    mode,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    ignoreAttributes: options.ignoreAttr,
    algorithm: options.algorithm,
    ...(options.maxWork === undefined ? {} : { maxWork: options.maxWork }),
  });
  if (script.unit === "line") {
    const budget = workBudget(script.a.tokens.length + script.b.tokens.length, options.maxWork);
    warnings.push(`${invocation.newLabel}: past the work budget (--max-work ${budget}), lines and tags were matched first; some changes are coarser than word by word`);
  } else if (script.fallback) {
    warnings.push(`${invocation.newLabel}: the documents differ too much for a fine diff; parts are shown as whole replacements`);
  }
  const status = script.identical ? ExitCode.Same : ExitCode.Different;
  if (options.quiet) return { status, output: "", warnings };
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
    charsets: { old: a.charset, new: b.charset },
  });
  return { status, output, warnings };
}

/** `--format`, else what the output file's name implies, else the terminal format. */
export function chooseFormat(options: CliOptions): FormatName {
  return options.format ?? (options.output ? (formatForPath(options.output) ?? "text") : "term");
}
