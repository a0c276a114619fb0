// Chooses the matching algorithm by name; every algorithm yields the same Alignment.

import type { Alignment, AlgorithmName } from "../types.js";
import { histogramDiff } from "./histogram.js";
import { myersDiff } from "./myers.js";
import { SequenceMatcher } from "./sequence-matcher.js";

/**
 * Aligns two interned key arrays with the named algorithm, spending at most about `budget`
 * work units (default: each algorithm's own default, unlimited for difflib); the result says
 * `exhausted` when the budget ran out. `spent` (histogram only) is work already done: the
 * counter starts there (see `spent` in the options of {@link histogramDiff}).
 *
 * @example align(Int32Array.of(1, 2, 3), Int32Array.of(1, 3), "default").opcodes // [equal 0-1, delete 1-2, equal 2-3]
 */
export function align(a: Int32Array, b: Int32Array, algorithm: AlgorithmName, budget?: number, spent?: number): Alignment {
  const limit = { ...(budget === undefined ? {} : { budget }), ...(spent === undefined ? {} : { spent }) };
  switch (algorithm) {
    case "default":
    case "histogram":
      return histogramDiff(a, b, limit);
    case "myers":
      return myersDiff(a, b, limit);
    case "difflib": {
      // Autojunk would treat frequent tokens (spaces, common tags) as junk and blur the diff.
      const matcher = new SequenceMatcher<number>({ a, b, autojunk: false, maxWork: budget ?? Infinity });
      const opcodes = matcher.getOpcodes();
      return matcher.exhausted ? { opcodes, fallback: true, exhausted: true } : { opcodes, fallback: false };
    }
  }
}
