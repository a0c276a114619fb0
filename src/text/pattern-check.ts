// The patterns of --ignore-text and --ignore-value: checked once (regexpp names the position
// of a syntax error, which JavaScript's own message does not), then compiled as Unicode regexes.
// Loaded only when a pattern is given (ignore-engines.ts).

import { RegExpValidator } from "@eslint-community/regexpp";

/** A pattern that is not a valid regular expression: the reason, and the 1-based column of the error. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`bad pattern '${pattern}' at column ${column}: ${reason}`);
  }
}

const VALIDATOR = new RegExpValidator();

/**
 * Compiles a pattern (JavaScript syntax, Unicode mode, case-sensitive) for global search, or
 * throws a {@link PatternError}.
 *
 * @example compilePattern("[0-9a-f]{8}\\.min\\.js").test("app.0a1b2c3d.min.js") // true
 * @example compilePattern("a(b") // throws: bad pattern 'a(b' at column 4: Unterminated group
 */
export function compilePattern(pattern: string): RegExp {
  try {
    VALIDATOR.validatePattern(pattern, undefined, undefined, { unicode: true });
  } catch (error) {
    const index = (error as { index?: number }).index ?? 0;
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "") : String(error);
    throw new PatternError(pattern, index + 1, reason);
  }
  if (pattern === "") throw new PatternError(pattern, 1, "empty pattern");
  return new RegExp(pattern, "gu");
}
