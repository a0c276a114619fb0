// What every front end (the CLI, `htmldiff serve`) asks of a comparison: two sides, plain
// options with every default filled in, and a format; and what it gets back.

import type { Input } from "../read/input.js";
import type { FormatName } from "../render/formats.js";
import type { Granularity } from "../render/report/segments.js";
import type { AlgorithmName, ParseMode } from "../types.js";

/** One side: bytes still to decode, or a side already decoded. `name` labels it in output and messages. */
export type CompareSide = { readonly name: string; readonly bytes: Uint8Array } | Input;

/** The options that shape a diff and its rendering, complete: see {@link compareOptions}. */
export interface CompareOptions {
  /** The mode both sides are parsed in; absent: XML if either side is XML, else HTML. */
  readonly mode?: ParseMode;
  readonly ignoreWhitespace: boolean;
  readonly ignoreCase: boolean;
  readonly ignoreComments: boolean;
  /** Attribute names (globs like `data-*`), or `SELECTOR@NAME`, whose differences do not count. */
  readonly ignoreAttributes: readonly string[];
  /** CSS selectors of elements left out of the comparison. */
  readonly ignoreElements: readonly string[];
  /** Patterns (regular expressions): text matching one compares equal to other text matching it. */
  readonly ignoreText: readonly string[];
  /** Patterns for attribute values, as `ignoreText` for text. */
  readonly ignoreValues: readonly string[];
  readonly algorithm: AlgorithmName;
  /** The work budget of the word-level matching; absent: the engine's default for the size. */
  readonly maxWork?: number;
  /** Unchanged lines around each change in term and text output. */
  readonly context: number;
  readonly granularity: Granularity;
  /** For `html`: only the body's content, in `<div class="diff">`. */
  readonly fragment: boolean;
  /** For `html` with `fragment`: keep the documents' scripts, handlers and loads (neutralised otherwise). */
  readonly keepScripts: boolean;
  /** For `html` and `page`: the marked document, or its source text. */
  readonly view?: "document" | "source";
  /** For `github`: annotations per file before the one that counts the rest. */
  readonly maxAnnotations?: number;
  /** Status and counts only: no output is rendered. */
  readonly quiet: boolean;
}

/** A comparison to run: both sides, the options and the output format. Plain data, so it can cross to a worker thread. */
export interface CompareRequest {
  readonly a: CompareSide;
  readonly b: CompareSide;
  readonly options: CompareOptions;
  readonly format: FormatName;
  /** For `term`: the colour level the front end decided (0 or absent: no colour). Workers build the theme from it. */
  readonly colorLevel?: 0 | 1 | 2 | 3;
}

/** How much a pair changed: its changes, and the tokens inserted and deleted. */
export interface CompareCounts {
  readonly changes: number;
  readonly inserted: number;
  readonly deleted: number;
}

/** The outcome of one comparison: 0 same or 1 different, the rendered output, warnings for the user and counts. */
export interface CompareResult {
  readonly status: 0 | 1;
  readonly output: string;
  readonly warnings: readonly string[];
  readonly counts: CompareCounts;
}

/**
 * Complete options from some: the defaults of the command line for the rest.
 *
 * @example compareOptions({ ignoreCase: true }).context // 3
 */
export function compareOptions(given: Partial<CompareOptions> = {}): CompareOptions {
  return {
    ignoreWhitespace: false,
    ignoreCase: false,
    ignoreComments: false,
    ignoreAttributes: [],
    ignoreElements: [],
    ignoreText: [],
    ignoreValues: [],
    algorithm: "default",
    context: 3,
    granularity: "word",
    fragment: false,
    keepScripts: false,
    quiet: false,
    ...given,
  };
}

/** A command-line option that shapes a diff: its flags and help; `repeatable` ones collect a list. */
export interface DiffFlag {
  readonly flags: string;
  readonly description: string;
  readonly repeatable?: true;
}

/**
 * The ignore options, as every front end with a command line offers them (`htmldiff`,
 * `htmldiff enqueue`), in the order their help lists them.
 *
 * @example DIFF_FLAGS[0].flags // "-w, --ignore-whitespace"
 */
export const DIFF_FLAGS: readonly DiffFlag[] = Object.freeze([
  { flags: "-w, --ignore-whitespace", description: "ignore whitespace differences" },
  { flags: "--ignore-case", description: "ignore letter case in text and comments" },
  { flags: "--ignore-comments", description: "ignore comments" },
  { flags: "--ignore <selector>", description: "leave out the elements a CSS selector matches (repeatable)", repeatable: true },
  { flags: "--ignore-attr <name>", description: "ignore attributes with this name (a glob like data-*), or SELECTOR@NAME only on matching elements (repeatable)", repeatable: true },
  { flags: "--ignore-text <regex>", description: "text matching the pattern compares equal to any other text matching it (repeatable)", repeatable: true },
  { flags: "--ignore-value <regex>", description: "the same for attribute values (repeatable)", repeatable: true },
]);
