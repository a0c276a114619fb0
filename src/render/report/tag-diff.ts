// Diffs one changed start tag for display, attribute by attribute: a changed value is marked
// inside its quotes, an added or removed attribute whole, so that no mark starts in one
// attribute and ends in another.

import { commonEnds } from "../../events/common-ends.js";
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

/** Pieces for one attribute kept by name (from its name on): its value diffed inside the quotes, when the rest reads alike. */
function keptAttribute(out: Piece[], x: TagText, y: TagText, p: AttributeText, q: AttributeText): void {
  const whole = (t: TagText, r: AttributeText): string => t.text.slice(r.nameStart, r.end);
  const around = (t: TagText, r: AttributeText): [string, string] => (r.value ? [t.text.slice(r.nameStart, r.value[0]), t.text.slice(r.value[1], r.end)] : [whole(t, r), ""]);
  const [xBefore, xAfter] = around(x, p);
  const [yBefore, yAfter] = around(y, q);
  if (!p.value || !q.value || xBefore !== yBefore || xAfter !== yAfter) return replaced(out, whole(x, p), whole(y, q));
  push(out, "equal", yBefore);
  for (const [kind, text] of wordDiff(x.text.slice(...p.value), y.text.slice(...q.value))) push(out, kind, text);
  push(out, "equal", yAfter);
}

/** Where the end of a start tag (`>`, `/>`) starts, after the white space before it. */
function closeStart(t: TagText): number {
  let i = t.tailStart;
  while (SPACE.test(t.text[i] ?? "")) i++;
  return i;
}

/**
 * The pieces for the text between two kept attributes (or the name and the tag's end): the
 * attributes on one side only, with the white space around them. Where both sides break lines
 * there, the text is compared line by line: the end of the line before, the whole lines between
 * (paired one to one when both hold as many, else deleted whole and then inserted whole), and the
 * indentation of the line after. Elsewhere white space the two sides share at the ends stays
 * unmarked, and a stretch on one side only is placed where it holds whole lines if it can, else
 * where it starts soonest, with the space before its attribute.
 *
 * @example between(out, '\n  a="1" \n  ', "\n  ") // equal "\n", delete '  a="1" \n', equal "  "
 */
function between(out: Piece[], oldText: string, newText: string): void {
  if (oldText === newText) return push(out, "equal", newText);
  if (oldText.includes("\n") && newText.includes("\n")) return byLines(out, oldText, newText);
  const shorter = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < shorter && oldText[head] === newText[head] && SPACE.test(oldText[head]!)) head++;
  let tail = 0;
  while (tail < shorter && oldText.at(-1 - tail) === newText.at(-1 - tail) && SPACE.test(oldText.at(-1 - tail)!)) tail++;
  if (head + tail >= shorter) return alone(out, oldText, newText, head, tail);
  push(out, "equal", oldText.slice(0, head));
  apart(out, oldText.slice(head, oldText.length - tail), newText.slice(head, newText.length - tail));
  push(out, "equal", oldText.slice(oldText.length - tail));
}

/**
 * {@link between} for texts that both break lines: the ends of the first and of the last line
 * compared as such, and the whole lines between, those the two share at either end unchanged,
 * the rest paired one to one where both sides hold as many, else deleted and then inserted whole.
 */
function byLines(out: Piece[], oldText: string, newText: string): void {
  const cut = (text: string): [string, string[], string] => {
    const lines = text.split("\n");
    return [lines[0]!, lines.slice(1, -1).map((line) => `${line}\n`), lines[lines.length - 1]!];
  };
  const [[xFirst, xMiddle, xLast], [yFirst, yMiddle, yLast]] = [cut(oldText), cut(newText)];
  between(out, xFirst, yFirst);
  push(out, "equal", "\n");
  let [head, tail] = [0, 0];
  const shorter = Math.min(xMiddle.length, yMiddle.length);
  while (head < shorter && xMiddle[head] === yMiddle[head]) head++;
  while (tail < shorter - head && xMiddle.at(-1 - tail) === yMiddle.at(-1 - tail)) tail++;
  push(out, "equal", yMiddle.slice(0, head).join(""));
  const [xRest, yRest] = [xMiddle.slice(head, xMiddle.length - tail), yMiddle.slice(head, yMiddle.length - tail)];
  if (xRest.length === yRest.length) {
    xRest.forEach((line, i) => {
      between(out, line.slice(0, -1), yRest[i]!.slice(0, -1));
      push(out, "equal", "\n");
    });
  } else {
    push(out, "delete", xRest.join(""));
    push(out, "insert", yRest.join(""));
  }
  push(out, "equal", yMiddle.slice(yMiddle.length - tail).join(""));
  between(out, xLast, yLast);
}

/**
 * Pieces for two different stretches of attributes: the white space before their first
 * attribute and after their last compared apart from the attributes, so that white space both
 * hold there stays unmarked (`a="1"  ` against `b="2"  \n`: only the line break is inserted after).
 */
function apart(out: Piece[], oldText: string, newText: string): void {
  const spaceBefore = (text: string): number => /^[\t\n\f\r ]*/.exec(text)![0].length;
  const spaceAfter = (text: string): number => /[\t\n\f\r ]*$/.exec(text)![0].length;
  if (spaceBefore(oldText) === oldText.length && spaceBefore(newText) === newText.length) return spaces(out, oldText, newText);
  const edges = (text: string, other: string): [number, number] => {
    const from = spaceBefore(text);
    if (from < text.length) return [from, text.length - spaceAfter(text)];
    // White space alone goes with the other side's white space after its attributes where that starts alike.
    return text[0] === other[other.length - spaceAfter(other)] ? [0, 0] : [from, from];
  };
  const [[xFrom, xTo], [yFrom, yTo]] = [edges(oldText, newText), edges(newText, oldText)];
  spaces(out, oldText.slice(0, xFrom), newText.slice(0, yFrom));
  replaced(out, oldText.slice(xFrom, xTo), newText.slice(yFrom, yTo));
  spaces(out, oldText.slice(xTo), newText.slice(yTo));
}

/**
 * Pieces for white space against white space: line by line where both hold as many line
 * breaks, each line's white space with what the two share at its ends unmarked.
 *
 * @example spaces(out, "\n    ", "  \n\t") // insert "  ", equal "\n", delete "    ", insert "\t"
 */
function spaces(out: Piece[], oldText: string, newText: string): void {
  const [xLines, yLines] = [oldText.split("\n"), newText.split("\n")];
  if (xLines.length !== yLines.length) return trimmed(out, oldText, newText);
  xLines.forEach((line, i) => {
    if (i > 0) push(out, "equal", "\n");
    trimmed(out, line, yLines[i]!);
  });
}

/** Pieces for a replaced stretch with what both sides start and end with unmarked. */
function trimmed(out: Piece[], oldText: string, newText: string): void {
  const { head, tail } = commonEnds(oldText, newText);
  push(out, "equal", newText.slice(0, head));
  replaced(out, oldText.slice(head, oldText.length - tail), newText.slice(head, newText.length - tail));
  push(out, "equal", newText.slice(newText.length - tail));
}

/**
 * Pieces for text that one side holds whole with a stretch of its own (a deletion or an
 * insertion) that may stand anywhere from `length - tail` to `head` characters of the other
 * side, which is white space without a line break. A stretch that spans lines is placed where it
 * ends with a line break if it can, else as late as it can, the white space it leaves staying on
 * the line before it (`<p {+id="w"\n  +}class`); another as early as it can, with the space
 * before its attribute (`<p[- id="w"-] class`).
 */
function alone(out: Piece[], oldText: string, newText: string, head: number, tail: number): void {
  const [short, long, kind] = oldText.length < newText.length ? [oldText, newText, "insert" as const] : [newText, oldText, "delete" as const];
  const size = long.length - short.length;
  let best = short.length - tail;
  if (long.includes("\n")) {
    best = head;
    for (let at = short.length - tail; at <= head; at++) {
      if (long[at + size - 1] === "\n") {
        best = at;
        break;
      }
    }
  }
  push(out, "equal", short.slice(0, best));
  push(out, kind, long.slice(best, best + size));
  push(out, "equal", short.slice(best));
}

/**
 * The pieces that turn one start tag into another: the name word by word, attributes paired by
 * name in order (a changed value marked inside its quotes, an attribute on one side only
 * marked whole with the space before it, or as whole lines where it stands on lines of its own,
 * a renamed one as removed and added), then the tag's end. White space both tags share around
 * the attributes is never marked. Texts that are not both start tags are diffed word by word.
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
  // The text between two kept attributes (the others and the white space) is diffed as one stretch.
  let [xAt, yAt] = [x.headEnd, y.headEnd];
  for (const code of myersDiff(keys(x), keys(y)).opcodes) {
    if (code.tag !== "equal") continue;
    for (let k = 0; k < code.aEnd - code.aStart; k++) {
      const [p, q] = [x.attributes[code.aStart + k]!, y.attributes[code.bStart + k]!];
      between(out, oldText.slice(xAt, p.nameStart), newText.slice(yAt, q.nameStart));
      keptAttribute(out, x, y, p, q);
      [xAt, yAt] = [p.end, q.end];
    }
  }
  const [xClose, yClose] = [closeStart(x), closeStart(y)];
  between(out, oldText.slice(xAt, xClose), newText.slice(yAt, yClose));
  replaced(out, oldText.slice(xClose), newText.slice(yClose));
  return out;
}
