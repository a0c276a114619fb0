// Diffs inside one change, for display: a changed tag word by word, a replaced word character
// by character (fast-diff, with its semantic clean-up).

import fastDiff from "fast-diff";
import { myersDiff } from "../match/myers.js";
import { splitWords } from "../text/words.js";

/** A piece of an inline diff: unchanged, deleted or inserted text. */
export type Piece = readonly ["equal" | "delete" | "insert", string];

/**
 * The pieces that turn `oldText` into `newText`, at word level (words, spaces and single
 * punctuation marks are the units).
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
  const out: Piece[] = [];
  for (const code of myersDiff(x.keys, y.keys).opcodes) {
    const oldPart = oldText.slice(x.cuts[code.aStart], x.cuts[code.aEnd]);
    const newPart = newText.slice(y.cuts[code.bStart], y.cuts[code.bEnd]);
    if (code.tag === "equal") out.push(["equal", newPart]);
    else {
      if (oldPart) out.push(["delete", oldPart]);
      if (newPart) out.push(["insert", newPart]);
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
