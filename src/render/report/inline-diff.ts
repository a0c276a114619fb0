// Diffs inside one change, for display: a changed tag word by word, a replaced word character
// by character (fast-diff, with its semantic clean-up).

import { createRequire } from "node:module";
import { myersDiff } from "../../match/myers.js";
import { splitWords } from "../../text/words.js";

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
  const equal = (text: string): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.[0] === "equal") out[out.length - 1] = ["equal", last[1] + text];
    else out.push(["equal", text]);
  };
  for (const run of runs) {
    if (run.equal) equal(run.new);
    else {
      const [head, tail] = sharedEnds(run.old, run.new);
      equal(run.new.slice(0, head));
      if (run.old.length > head + tail) out.push(["delete", run.old.slice(head, run.old.length - tail)]);
      if (run.new.length > head + tail) out.push(["insert", run.new.slice(head, run.new.length - tail)]);
      equal(run.new.slice(run.new.length - tail));
    }
  }
  return out;
}

/** How long a shared start or end of a replaced word must be to be shown apart from the change. */
const LONG_SHARED = 32;

/**
 * The lengths of the start and the end two replaced texts share, each kept only when it is at
 * least {@link LONG_SHARED} characters long: a long value, token or data URI with a few
 * characters changed shows those, while ordinary words stay whole. Never splits a surrogate pair.
 *
 * @example sharedEnds("a".repeat(40) + "x", "a".repeat(40) + "y") // [40, 0]
 */
function sharedEnds(x: string, y: string): [number, number] {
  const most = Math.min(x.length, y.length);
  let head = 0;
  while (head < most && x.charCodeAt(head) === y.charCodeAt(head)) head++;
  if (head > 0 && head < most && isHighSurrogate(x.charCodeAt(head - 1))) head--;
  if (head < LONG_SHARED) head = 0;
  let tail = 0;
  while (tail < most - head && x.charCodeAt(x.length - 1 - tail) === y.charCodeAt(y.length - 1 - tail)) tail++;
  if (tail > 0 && tail < most - head && isHighSurrogate(x.charCodeAt(x.length - 1 - tail))) tail--;
  if (tail < LONG_SHARED) tail = 0;
  return [head, tail];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The pieces that turn `oldText` into `newText` character by character, cleaned up so that
 * tiny coincidental matches do not split a change.
 *
 * @example charDiff("quick", "quack") // [["equal", "qu"], ["delete", "i"], ["insert", "a"], ["equal", "ck"]]
 */
export function charDiff(oldText: string, newText: string): Piece[] {
  return loadFastDiff()(oldText, newText, undefined, true).map(([op, text]): Piece => [op === 0 ? "equal" : op < 0 ? "delete" : "insert", text]);
}

type FastDiff = typeof import("fast-diff");
let fastDiff: FastDiff | undefined;

/** fast-diff, loaded at the first character diff: only `--granularity char` makes one, so other runs start without it (docs/performance.md). */
function loadFastDiff(): FastDiff {
  return (fastDiff ??= createRequire(import.meta.url)("fast-diff") as FastDiff);
}
