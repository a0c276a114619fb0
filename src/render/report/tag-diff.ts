// Diffs one changed start tag for display, attribute by attribute: a changed value is marked
// inside its quotes, an added or removed attribute whole, so that no mark starts in one
// attribute and ends in another.

import { myersDiff } from "../../match/myers.js";
import { type Piece, wordDiff } from "./inline-diff.js";

/** One attribute as written: the white space before it, its name, and its value's inside. */
interface AttributeText {
  /** Where the white space before the attribute starts, and where the attribute ends (offsets into the tag). */
  readonly start: number;
  readonly nameStart: number;
  readonly end: number;
  /** The name as compared (lowered in HTML, where names are case-insensitive). */
  readonly key: string;
  /** The inside of the value (between the quotes), or null when the attribute has no value. */
  readonly value: readonly [number, number] | null;
}

/** A start tag cut at its attributes: `<name`, the attributes, and what ends it (`>`, ` />`). */
interface TagText {
  readonly text: string;
  readonly headEnd: number;
  readonly attributes: readonly AttributeText[];
  readonly tailStart: number;
}

const SPACE = /[\t\n\f\r ]/;

/**
 * Reads a start tag's source the way an HTML tokenizer reads attributes (a slash between
 * attributes reads as white space); null for anything else (an end tag, a declaration).
 */
function readTag(text: string, caseless: boolean): TagText | null {
  if (!/^<[^\s/>!?]/.test(text)) return null;
  const at = (i: number): string => text[i] ?? "";
  const nameChar = (i: number): boolean => i < text.length && !SPACE.test(at(i)) && at(i) !== ">" && at(i) !== "/";
  let i = 1;
  while (nameChar(i)) i++;
  const headEnd = i;
  const attributes: AttributeText[] = [];
  for (;;) {
    const start = i;
    while (i < text.length && (SPACE.test(at(i)) || at(i) === "/")) i++;
    if (i >= text.length || at(i) === ">") return { text, headEnd, attributes, tailStart: start };
    const nameStart = i;
    while (nameChar(i) && (at(i) !== "=" || i === nameStart)) i++;
    const name = text.slice(nameStart, i);
    let j = i;
    while (SPACE.test(at(j))) j++;
    let value: [number, number] | null = null;
    if (at(j) === "=") {
      j++;
      while (SPACE.test(at(j))) j++;
      const quote = at(j);
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        value = [j + 1, close < 0 ? text.length : close];
        i = close < 0 ? text.length : close + 1;
      } else {
        let k = j;
        while (k < text.length && !SPACE.test(at(k)) && at(k) !== ">") k++;
        value = [j, k];
        i = k;
      }
    }
    attributes.push({ start, nameStart, end: i, key: caseless ? name.toLowerCase() : name, value });
  }
}

/** Appends a piece, joining it to the last one when both are of one kind; empty text is dropped. */
function push(out: Piece[], kind: Piece[0], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.[0] === kind) out[out.length - 1] = [kind, last[1] + text];
  else out.push([kind, text]);
}

/** Pieces for a replaced stretch: all of the old, then all of the new. */
function replaced(out: Piece[], oldText: string, newText: string): void {
  if (oldText === newText) return push(out, "equal", newText);
  push(out, "delete", oldText);
  push(out, "insert", newText);
}

/** Pieces for one attribute kept by name: its value diffed inside the quotes, when the rest reads alike. */
function keptAttribute(out: Piece[], x: TagText, y: TagText, p: AttributeText, q: AttributeText): void {
  const whole = (t: TagText, r: AttributeText): string => t.text.slice(r.nameStart, r.end);
  replaced(out, x.text.slice(p.start, p.nameStart), y.text.slice(q.start, q.nameStart));
  const around = (t: TagText, r: AttributeText): [string, string] => (r.value ? [t.text.slice(r.nameStart, r.value[0]), t.text.slice(r.value[1], r.end)] : [whole(t, r), ""]);
  const [xBefore, xAfter] = around(x, p);
  const [yBefore, yAfter] = around(y, q);
  if (!p.value || !q.value || xBefore !== yBefore || xAfter !== yAfter) return replaced(out, whole(x, p), whole(y, q));
  push(out, "equal", yBefore);
  for (const [kind, text] of wordDiff(x.text.slice(...p.value), y.text.slice(...q.value))) push(out, kind, text);
  push(out, "equal", yAfter);
}

/**
 * The pieces that turn one start tag into another: the name word by word, attributes paired by
 * name in order (a changed value marked inside its quotes, an attribute on one side only
 * marked whole with the space before it, a renamed one as removed and added), then the tag's
 * end. Texts that are not both start tags are diffed word by word.
 *
 * @example tagDiff('<a href="/cart" x>', '<a href="/basket">', false)
 *   // [["equal", '<a href="/'], ["delete", "cart"], ["insert", "basket"], ["equal", '"'], ["delete", " x"], ["equal", ">"]]
 */
export function tagDiff(oldText: string, newText: string, caseless: boolean): Piece[] {
  const x = readTag(oldText, caseless);
  const y = readTag(newText, caseless);
  if (!x || !y) return wordDiff(oldText, newText);
  const out: Piece[] = [];
  for (const [kind, text] of wordDiff(oldText.slice(0, x.headEnd), newText.slice(0, y.headEnd))) push(out, kind, text);
  const ids = new Map<string, number>();
  const keys = (t: TagText): Int32Array => Int32Array.from(t.attributes, (r) => ids.get(r.key) ?? (ids.set(r.key, ids.size), ids.size - 1));
  for (const code of myersDiff(keys(x), keys(y)).opcodes) {
    if (code.tag === "equal") {
      for (let k = 0; k < code.aEnd - code.aStart; k++) {
        keptAttribute(out, x, y, x.attributes[code.aStart + k]!, y.attributes[code.bStart + k]!);
      }
      continue;
    }
    const span = (t: TagText, from: number, to: number): string => (from < to ? t.text.slice(t.attributes[from]!.start, t.attributes[to - 1]!.end) : "");
    push(out, "delete", span(x, code.aStart, code.aEnd));
    push(out, "insert", span(y, code.bStart, code.bEnd));
  }
  replaced(out, oldText.slice(x.tailStart), newText.slice(y.tailStart));
  return out;
}
