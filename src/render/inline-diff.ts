// Diffs inside one change, for display: a changed tag word by word, a replaced word character
// by character (fast-diff, with its semantic clean-up).

import fastDiff from "fast-diff";
import { myersDiff } from "../match/myers.js";
import { splitWords } from "../text/words.js";

/** A piece of an inline diff: unchanged, deleted or inserted text. */
export type Piece = readonly ["equal" | "delete" | "insert", string];

/**
 * The pieces that turn `oldText` into `newText`, at word level (words, spaces and single
 * punctuation marks are the units); a lone space kept between two changes is folded into them.
 *
 * @example wordDiff('<a href="/cart">', '<a href="/basket">')
 *   // [["equal", '<a href="/'], ["delete", "cart"], ["insert", "basket"], ["equal", '">']]
 */
export function wordDiff(oldText: string, newText: string): Piece[] {
  const ids = new Map<string, number>();
  const units = (text: string): { keys: Int32Array; cuts: number[] } => {
    const cuts = [0];
    const keys: number[] = [];
    splitWords(text, (start, end) => {
      const unit = text.slice(start, end);
      let id = ids.get(unit);
      if (id === undefined) ids.set(unit, (id = ids.size));
      keys.push(id);
      cuts.push(end);
    });
    return { keys: Int32Array.from(keys), cuts };
  };
  const x = units(oldText);
  const y = units(newText);
  // Runs of [old, new] text: equal runs have old === new.
  const runs: { equal: boolean; old: string; new: string }[] = [];
  const codes = myersDiff(x.keys, y.keys).opcodes;
  codes.forEach((code, i) => {
    const oldPart = oldText.slice(x.cuts[code.aStart], x.cuts[code.aEnd]);
    const newPart = newText.slice(y.cuts[code.bStart], y.cuts[code.bEnd]);
    const between = i > 0 && i < codes.length - 1;
    const equal = code.tag === "equal" && !(between && /^[^\S\n]+$/.test(newPart));
    const last = runs[runs.length - 1];
    if (last && !last.equal && !equal) {
      last.old += oldPart;
      last.new += newPart;
    } else runs.push({ equal, old: oldPart, new: newPart });
  });
  const out: Piece[] = [];
  for (const run of runs) {
    if (run.equal) out.push(["equal", run.new]);
    else {
      if (run.old) out.push(["delete", run.old]);
      if (run.new) out.push(["insert", run.new]);
    }
  }
  return out;
}

/**
 * The pieces that turn `oldText` into `newText` character by character, cleaned up so that
 * tiny coincidental matches do not split a change.
 *
 * @example charDiff("quick", "quack") // [["equal", "qu"], ["delete", "i"], ["insert", "a"], ["equal", "ck"]]
 */
export function charDiff(oldText: string, newText: string): Piece[] {
  return fastDiff(oldText, newText, undefined, true).map(([op, text]): Piece => [op === 0 ? "equal" : op < 0 ? "delete" : "insert", text]);
}
