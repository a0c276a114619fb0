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
  const decode = mode === "xml" ? decodeXML : decodeHTML;
  const refs: number[] = [];
  let out = "";
  let last = 0;
  for (const match of raw.matchAll(REFERENCE)) {
    const whole = decode(match[0]);
    if (whole === match[0]) continue;
    const length = referenceLength(match[0], whole, decode);
    const value = decode(match[0].slice(0, length));
    const at = match.index;
    out += raw.slice(last, at);
    refs.push(out.length, out.length + value.length, at, at + length);
    out += value;
    last = at + length;
  }
  return new DecodedText(out + raw.slice(last), refs);
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
