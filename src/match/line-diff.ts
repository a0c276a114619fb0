// The coarse diff used past the work budget: items grouped into units (the caller's lines and
// tags), units matched whole, then items matched inside each changed run of units.

import type { Alignment } from "../types.js";
import { histogramDiff } from "./histogram.js";
import { defaultMaxCost, MyersEngine } from "./myers.js";

/**
 * A diff of `a` and `b` by units: `aEnds` and `bEnds` list where each unit of items ends
 * (exclusive, ascending, the last one the sequence's length). Units equal item for item are
 * matched by the histogram diff with half of `budget`; inside each changed run of units the
 * items are matched by the Myers engine with the other half, and once that is spent the runs
 * left are replaced whole. `fallback` is always true: the result is coarser than an item diff
 * wherever a match would have crossed a unit's edge.
 *
 * Why it is cheap: units are typically 5 to 20 times fewer than items, so the unit matching
 * costs little, and similar documents leave small changed runs whose item diffs are tiny.
 *
 * @example unitDiff(Int32Array.of(1, 2, 3, 4), Int32Array.of(1, 2, 3, 5), Int32Array.of(2, 4), Int32Array.of(2, 4), 1000).opcodes
 *   // [equal 0-3/0-3, replace 3-4/3-4]: unit [1, 2] matched whole, unit [3, 4] → [3, 5] item by item
 */
export function unitDiff(a: Int32Array, b: Int32Array, aEnds: Int32Array, bEnds: Int32Array, budget: number): Alignment {
  const ids = new Map<string, number>();
  const unitKeys = (items: Int32Array, ends: Int32Array): Int32Array => {
    const out = new Int32Array(ends.length);
    let start = 0;
    for (let u = 0; u < ends.length; u++) {
      const key = items.subarray(start, ends[u]!).join(",");
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out[u] = id;
      start = ends[u]!;
    }
    return out;
  };
  const units = histogramDiff(unitKeys(a, aEnds), unitKeys(b, bEnds), { budget: budget / 2 });
  const engine = new MyersEngine(a, b);
  const startOf = (ends: Int32Array, unit: number): number => (unit === 0 ? 0 : ends[unit - 1]!);
  for (const code of units.opcodes) {
    if (code.tag === "equal") continue;
    const aLo = startOf(aEnds, code.aStart);
    const aHi = startOf(aEnds, code.aEnd);
    const bLo = startOf(bEnds, code.bStart);
    const bHi = startOf(bEnds, code.bEnd);
    if (code.tag === "replace") engine.diff(aLo, aHi, bLo, bHi, defaultMaxCost(aHi - aLo + bHi - bLo), budget / 2);
    else engine.replace(aLo, aHi, bLo, bHi);
  }
  return { opcodes: engine.alignment().opcodes, fallback: true };
}
