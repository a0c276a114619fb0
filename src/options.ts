// DiffOptions (all optional) -> normalizeOptions() -> frozen, complete options.

import type { Selector } from "css-what";
import { ignoreEngines } from "./text/ignore-engines.js";
import { foldMatches } from "./text/patterns.js";
import type { AlgorithmName, ParseMode } from "./types.js";

/** What a caller may set; every field is optional. */
export interface DiffOptions {
  /** Parse both documents as HTML or as XML (default: HTML, or what a ParsedDocument already says). */
  readonly mode?: ParseMode;
  /** Whitespace differences do not count: space tokens are left out of the comparison. */
  readonly ignoreWhitespace?: boolean;
  /** Letter case in text and comments does not count. */
  readonly ignoreCase?: boolean;
  /** Comments are left out of the comparison. */
  readonly ignoreComments?: boolean;
  /**
   * Attributes left out of the comparison: a name glob (`data-*`, `nonce`) on every element, or
   * `SELECTOR@GLOB` (`link@href`, `script[src]@integrity`) on the elements a CSS selector matches.
   */
  readonly ignoreAttributes?: readonly string[];
  /**
   * Elements matched by these CSS selectors (`meta[name=generator]`, `.build-date`) are left out
   * of the comparison whole, start tag to end tag, on either side; they stay in the output as
   * the document has them. Selectors see the whole parsed tree (`:nth-child`, `:has`, `+` work);
   * pseudo-elements are refused and user-action states (`:hover`) match nothing.
   */
  readonly ignoreElements?: readonly string[];
  /**
   * Regular expressions (JavaScript syntax, Unicode mode): text matching one compares equal to
   * any other text matching the same one (a date, a build id), whatever the words around it.
   */
  readonly ignoreText?: readonly string[];
  /** The same as {@link ignoreText} for attribute values: the parts that match compare equal. */
  readonly ignoreValues?: readonly string[];
  /** The matching algorithm (default: histogram anchors with a bounded Myers inside). */
  readonly algorithm?: AlgorithmName;
  /**
   * The work budget of the word-level comparison, in work units (items compared or stepped
   * over by the matcher). Past it, or when the documents have more tokens together than a 25th
   * of it, they are compared line by line instead, and the script says `fallback` and `unit:
   * "line"`. Default: 200,000,000 plus 100 per token, at most 1,000,000,000 (docs/robustness.md).
   */
  readonly maxWork?: number;
}

/** Complete, frozen options: what every stage reads. */
export interface NormalizedOptions {
  readonly mode: ParseMode | undefined;
  readonly ignoreWhitespace: boolean;
  readonly ignoreCase: boolean;
  readonly ignoreComments: boolean;
  /** Tests an attribute name against the ignore globs that apply to every element. */
  readonly isIgnoredAttribute: (name: string) => boolean;
  /** The parsed selectors of {@link DiffOptions.ignoreElements}. */
  readonly ignoreElements: readonly Selector[][][];
  /** The `SELECTOR@GLOB` attribute ignores: a parsed selector and a test of the name. */
  readonly attributeRules: readonly AttributeRule[];
  /** The compiled {@link DiffOptions.ignoreText} patterns (global, Unicode). */
  readonly textPatterns: readonly RegExp[];
  /** What an attribute value is compared as: the value with the {@link DiffOptions.ignoreValues} matches folded. */
  readonly valueKey: ((value: string) => string) | null;
  readonly algorithm: AlgorithmName;
  /** The work budget, or undefined for the default that grows with the documents' size. */
  readonly maxWork: number | undefined;
}

/** An attribute ignored only on the elements a selector matches. */
export interface AttributeRule {
  readonly selector: Selector[][];
  readonly isName: (name: string) => boolean;
}

/** A bad selector or pattern in the options: `option` names the DiffOptions field, `detail` what is wrong and where. */
export class OptionError extends RangeError {
  constructor(
    readonly option: "ignoreElements" | "ignoreAttributes" | "ignoreText" | "ignoreValues",
    readonly detail: string,
  ) {
    super(`${option}: ${detail}`);
  }
}

const ALGORITHMS: readonly AlgorithmName[] = ["default", "myers", "histogram", "difflib"];

/**
 * Fills in defaults, checks values and compiles the attribute globs once.
 *
 * @example normalizeOptions({ ignoreAttributes: ["data-*"] }).isIgnoredAttribute("data-id") // true
 */
export function normalizeOptions(options: DiffOptions = {}): NormalizedOptions {
  const algorithm = options.algorithm ?? "default";
  if (!ALGORITHMS.includes(algorithm)) {
    throw new RangeError(`unknown algorithm '${String(algorithm)}' (expected ${ALGORITHMS.join(", ")})`);
  }
  const maxWork = options.maxWork;
  if (maxWork !== undefined && !(maxWork >= 1)) throw new RangeError(`maxWork must be at least 1, got ${String(maxWork)}`);
  const globs: string[] = [];
  const attributeRules: AttributeRule[] = [];
  for (const entry of options.ignoreAttributes ?? []) {
    const at = entry.lastIndexOf("@");
    const selector = at < 0 ? "*" : entry.slice(0, at).trim();
    const glob = entry.slice(at + 1);
    if (selector === "*" || selector === "") globs.push(glob);
    else attributeRules.push({ selector: checked("ignoreAttributes", () => ignoreEngines().selectors.parseSelector(selector)), isName: globTest([glob]) });
  }
  const textPatterns = (options.ignoreText ?? []).map((p) => checked("ignoreText", () => ignoreEngines().patterns.compilePattern(p)));
  const valuePatterns = (options.ignoreValues ?? []).map((p) => checked("ignoreValues", () => ignoreEngines().patterns.compilePattern(p)));
  return Object.freeze({
    mode: options.mode,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    isIgnoredAttribute: globTest(globs),
    ignoreElements: (options.ignoreElements ?? []).map((s) => checked("ignoreElements", () => ignoreEngines().selectors.parseSelector(s))),
    attributeRules,
    textPatterns,
    valueKey: valuePatterns.length ? (value: string) => foldMatches(value, valuePatterns) : null,
    algorithm,
    maxWork,
  });
}

/** Runs `compile`, turning a bad selector or pattern into an {@link OptionError} naming the option. */
function checked<T>(option: OptionError["option"], compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    const { selectors, patterns } = ignoreEngines();
    if (error instanceof selectors.SelectorError || error instanceof patterns.PatternError) throw new OptionError(option, error.message);
    throw error;
  }
}

/** Whether a name matches one of the globs, in any letter case. */
function globTest(globs: readonly string[]): (name: string) => boolean {
  if (globs.length === 0) return () => false;
  const pattern = new RegExp(`^(?:${globs.map(globToRegExp).join("|")})$`, "i");
  return (name) => pattern.test(name);
}

/** `data-*` -> `data\-.*`: `*` is any run, `?` any one character, everything else literal. */
function globToRegExp(glob: string): string {
  return [...glob].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
}
