// Decodes character references (`&amp;`, `&#233;`) in raw source text while remembering
// where each decoded character came from, so tokens of decoded text keep exact source spans.

import { decodeHTML, decodeHTMLAttribute, decodeXML } from "entities/decode";
import type { ParseMode } from "../types.js";

const REFERENCE = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/g;

/**
 * Text with its references decoded and a map back to raw offsets.
 *
 * @example const d = decodeText("caf&eacute;!", "html"); d.text // "café!"; d.rawOffset(4) // 11
 */
export class DecodedText {
  /**
   * @param text the decoded text
   * @param refs flat quadruples (decodedStart, decodedEnd, rawStart, rawEnd), one per decoded reference
   */
  constructor(
    readonly text: string,
    private readonly refs: readonly number[],
  ) {}

  /** The raw offset of a decoded offset; an offset inside a decoded reference snaps to the reference's end. */
  rawOffset(decoded: number): number {
    const refs = this.refs;
    let lo = 0;
    let hi = refs.length / 4 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid * 4]! <= decoded) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return decoded;
    const dStart = refs[found * 4]!;
    const dEnd = refs[found * 4 + 1]!;
    const rStart = refs[found * 4 + 2]!;
    const rEnd = refs[found * 4 + 3]!;
    if (decoded === dStart) return rStart;
    if (decoded < dEnd) return rEnd;
    return rEnd + (decoded - dEnd);
  }
}

/**
 * Decodes the references of character data (HTML or XML rules), keeping the offset map.
 *
 * @example decodeText("a &lt; b", "xml").text // "a < b"
 */
export function decodeText(raw: string, mode: ParseMode): DecodedText {
  if (!raw.includes("&")) return new DecodedText(raw, []);
  const known = mode === "xml" ? KNOWN_XML : KNOWN_HTML;
  const refs: number[] = [];
  let out = "";
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(raw); match !== null; match = REFERENCE.exec(raw)) {
    const written = match[0];
    let reference = known.get(written);
    if (reference === undefined) {
      if (known.size >= KNOWN_LIMIT) known.clear();
      known.set(written, (reference = readReference(written, mode === "xml" ? decodeXML : decodeHTML)));
    }
    if (reference === NOT_A_REFERENCE) continue;
    const at = match.index;
    const length = reference.length;
    out += raw.slice(last, at);
    refs.push(out.length, out.length + reference.value.length, at, at + length);
    out += reference.value;
    last = at + length;
  }
  return new DecodedText(out + raw.slice(last), refs);
}

/** A reference read: how much of what the pattern matched it is, and what it stands for. */
interface Reference {
  readonly length: number;
  readonly value: string;
}

/** What the pattern matched when it decodes to itself (`&unknown;`). */
const NOT_A_REFERENCE: Reference = { length: 0, value: "" };

/**
 * The references read so far, by what the pattern matched, per mode: a page writes a few kinds
 * (`&amp;`, `&lt;`, `&nbsp;`) many times, and each read would decode twice. Emptied when full.
 */
const KNOWN_HTML = new Map<string, Reference>();
const KNOWN_XML = new Map<string, Reference>();
const KNOWN_LIMIT = 4096;

/** The reference at the start of `written` (a match of the pattern), or {@link NOT_A_REFERENCE}. */
function readReference(written: string, decode: (text: string) => string): Reference {
  const whole = decode(written);
  if (whole === written) return NOT_A_REFERENCE;
  const length = referenceLength(written, whole, decode);
  return { length, value: length === written.length ? whole : decode(written.slice(0, length)) };
}

/**
 * How much of `match` (a reference and maybe letters after it) the reference is: the shortest
 * start that decodes as `whole` does with the rest left as it is (`&ampDocument` is `&amp` and
 * the text `Document`, `&notit;` is `&not` and `it;`).
 */
function referenceLength(match: string, whole: string, decode: (text: string) => string): number {
  // A reference with its semicolon decodes to one character (two code units at most) when it is all reference.
  if (match.endsWith(";") && whole.length <= 2) return match.length;
  for (let length = 2; length < match.length; length++) {
    const head = decode(match.slice(0, length));
    if (head !== match.slice(0, length) && head + match.slice(length) === whole) return length;
  }
  return match.length;
}

/**
 * Decodes an attribute value as written in the source (HTML's attribute rules, or XML's).
 *
 * @example decodeAttribute("a&amp;b", "html") // "a&b"
 */
export function decodeAttribute(raw: string, mode: ParseMode): string {
  if (!raw.includes("&")) return raw;
  return mode === "xml" ? decodeXML(raw) : decodeHTMLAttribute(raw);
}
