// The window of events a comparison splits into words: widened from around the differences until
// it holds both tags of every element it holds a tag of, reading only the window and what lies
// between it and its tags' partners (and one count over each document's event codes, unless
// they are known to be balanced).

import { EVENT_CODE, KIND_MASK } from "../events/event-table.js";

/**
 * The window `from..endA` of the old document's events and `from..endB` of the new one's, given
 * their codes (see EventTable.allCodes): starting at `from` and leaving `after` events after it
 * on each side at first, widened until neither side's window holds a tag whose partner lies
 * outside it; undefined when a tag (anywhere) has no partner. `known`: both are known to be
 * balanced (see EventTable.balanced), and are not counted over.
 *
 * @example balancedBounds(codes("<p>a</p><p>b</p>"), codes("<p>a</p><p>c</p>"), 4, 0) // { from: 3, endA: 6, endB: 6 }
 */
export function balancedBounds(codesX: Uint8Array, codesY: Uint8Array, from: number, after: number, known = false): { from: number; endA: number; endB: number } | undefined {
  if (!known && (!balanced(codesX) || !balanced(codesY))) return undefined;
  let lo = from;
  let keep = after;
  // Stable once both codes[lo..codes.length - keep) hold all their partners.
  for (let changed = true; changed;) {
    changed = false;
    for (const codes of [codesX, codesY]) {
      const end = codes.length - keep;
      const [low, high] = wholeAround(codes, lo, end);
      if (low < lo || high > end) {
        lo = low;
        keep = codes.length - high;
        changed = true;
      }
    }
  }
  return { from: lo, endA: codesX.length - keep, endB: codesY.length - keep };
}

/** Whether every start tag in `codes` (event codes) has its end tag and every end tag its start tag. */
function balanced(codes: Uint8Array): boolean {
  let depth = 0;
  for (let e = 0; e < codes.length; e++) {
    const kind = codes[e]! & KIND_MASK;
    if (kind === EVENT_CODE.open) depth++;
    else if (kind === EVENT_CODE.close && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The least `[low, high)` around `from..to` that holds the partners of its tags, in a balanced
 * document's `codes`: the end tags in `from..to` whose start tags lie before it are matched by
 * scanning back with a count of what is still open, the start tags whose end tags lie after it
 * by scanning on. Only the window and the events between it and those partners are read.
 */
function wholeAround(codes: Uint8Array, from: number, to: number): [number, number] {
  let depth = 0;
  let lowest = 0;
  for (let e = from; e < to; e++) {
    const kind = codes[e]! & KIND_MASK;
    if (kind === EVENT_CODE.open) depth++;
    else if (kind === EVENT_CODE.close && --depth < lowest) lowest = depth;
  }
  let low = from;
  for (let unmatched = -lowest; unmatched > 0;) {
    const kind = codes[--low]! & KIND_MASK;
    if (kind === EVENT_CODE.close) unmatched++;
    else if (kind === EVENT_CODE.open) unmatched--;
  }
  let high = to;
  for (let unmatched = depth - lowest; unmatched > 0; high++) {
    const kind = codes[high]! & KIND_MASK;
    if (kind === EVENT_CODE.open) unmatched++;
    else if (kind === EVENT_CODE.close) unmatched--;
  }
  return [low, high];
}
