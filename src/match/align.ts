// Chooses the matching algorithm by name; every algorithm yields the same Alignment.

import type { Alignment, AlgorithmName } from "../types.js";
import { histogramDiff } from "./histogram.js";
import { myersDiff } from "./myers.js";
import { SequenceMatcher } from "./sequence-matcher.js";

/**
 * Aligns two interned key arrays with the named algorithm.
 *
 * @example align(Int32Array.of(1, 2, 3), Int32Array.of(1, 3), "default").opcodes // [equal 0-1, delete 1-2, equal 2-3]
 */
export function align(a: Int32Array, b: Int32Array, algorithm: AlgorithmName): Alignment {
  switch (algorithm) {
    case "default":
    case "histogram":
      return histogramDiff(a, b);
    case "myers":
      return myersDiff(a, b);
    case "difflib":
      // Autojunk would treat frequent tokens (spaces, common tags) as junk and blur the diff.
      return { opcodes: new SequenceMatcher<number>({ a, b, autojunk: false }).getOpcodes(), fallback: false };
  }
}
