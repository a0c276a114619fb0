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
    quiet: false,
    ...given,
  };
}
