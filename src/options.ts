// DiffOptions (all optional) -> normalizeOptions() -> frozen, complete options.

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
  /** Attributes whose names match these globs (`data-*`, `nonce`) are left out of the comparison. */
  readonly ignoreAttributes?: readonly string[];
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
  /** Tests an attribute name against the ignore globs. */
  readonly isIgnoredAttribute: (name: string) => boolean;
  readonly algorithm: AlgorithmName;
  /** The work budget, or undefined for the default that grows with the documents' size. */
  readonly maxWork: number | undefined;
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
  const globs = options.ignoreAttributes ?? [];
  const pattern = globs.length ? new RegExp(`^(?:${globs.map(globToRegExp).join("|")})$`, "i") : null;
  return Object.freeze({
    mode: options.mode,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    isIgnoredAttribute: pattern ? (name: string) => pattern.test(name) : () => false,
    algorithm,
    maxWork,
  });
}

/** `data-*` -> `data\-.*`: `*` is any run, `?` any one character, everything else literal. */
function globToRegExp(glob: string): string {
  return [...glob].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
}
