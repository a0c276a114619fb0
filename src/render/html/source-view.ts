// The source view: the new document's source text, escaped, with deleted old text and inserted
// new text marked as in the document view. Any XML becomes readable in a browser this way.

import type { EditScript } from "../../edit-script.js";
import { escapeText } from "../../html/escape.js";
import { COMMENT, MOVE, REINDENT, VIEW, WRAP } from "../../html/marks.js";
import { segmentsOf } from "../report/segments.js";
import { markerComment } from "./piece-writer.js";
import { isStop, stopComment } from "./stops.js";

/** Unchanged lines kept around a change before a long unchanged run is folded, on the page. */
const CONTEXT = 3;
/** The fewest lines worth folding. */
const MIN_FOLD = 6;

/** What the source view adds: stop comments (the page's stops), and line numbers with folded unchanged runs (the page). */
export interface SourceOptions {
  readonly stops?: boolean;
  readonly lines?: boolean;
}

/**
 * The source of the new document in a `<pre>`, with `<del>`/`<ins>` around changed text. A
 * newline follows the start tag, since HTML drops the first newline of a `<pre>`. With `lines`,
 * each line starts with an empty `<span data-diff-line="N" data-diff-line-old="M">` (the line's
 * numbers in the new and the old document: a line that begins with deleted text has only its
 * old number, one that begins with inserted text only its new one) that the page's
 * style shows, and the middle of a long unchanged run is in a `<span data-diff-fold>` that the
 * page folds, after an empty control `<span class="hd-fold">`: no text is added, so accept and
 * reject read the source as it is.
 *
 * @example writeSource(diffDocuments("<a>1</a>", "<a>2</a>", { mode: "xml" }))
 *   // '<pre class="diff-source" data-diff-view="source">\n&lt;a&gt;<del …>1</del><ins …>2</ins>&lt;/a&gt;</pre>'
 */
export function writeSource(script: EditScript, options: SourceOptions = {}): string {
  const out = [`<pre class="diff-source" ${VIEW}="source">\n`];
  const lines = options.lines ? new LineNumbers(script.a.doc.source) : null;
  let last = -1;
  /** Inside the arriving half of an edited move: its edits are marked inside its own `<ins>`. */
  let arriving = false;
  for (const segment of segmentsOf(script, "word", { ignoredOld: true })) {
    const { moved } = segment;
    if (arriving && (!segment.inMove || moved)) {
      out.push("</ins>");
      arriving = false;
    }
    const change = segment.change ?? -1;
    if (options.stops && change > last) {
      if (isStop(script.changes, change)) out.push(stopComment(change));
      last = change;
    }
    if (arriving) {
      const tag = segment.kind === "delete" ? "del" : "ins";
      // Where a moved block arrived, its text (and the old text of its edits) has no old line there.
      const text = lines ? lines.numbered(segment.text, segment.kind === "insert" ? NEW_SIDE : NO_SIDE) : escapeText(segment.text);
      out.push(segment.inMove === "edit" ? `<${tag} ${WRAP}="${tag}">${text}</${tag}>` : text);
      continue;
    }
    if (lines && segment.kind !== "insert") lines.oldAt(segment.aOffset);
    if (segment.kind === "equal") {
      const unchanged = (text: string): string => (lines ? (change < 0 ? lines.folded(text) : lines.numbered(text, BOTH_SIDES)) : escapeText(text));
      out.push(segment.old === undefined ? unchanged(segment.text) : ignoredDifference(segment.text, segment.old, unchanged));
      continue;
    }
    const arrives = moved?.side === "to" && moved.edited;
    const text = lines ? lines.numbered(segment.text, segment.kind === "insert" ? NEW_SIDE : arrives ? NO_SIDE : OLD_SIDE) : escapeText(segment.text);
    const tag = segment.kind === "delete" ? "del" : "ins";
    // The same id on both halves: where the block was in the old source, where it is in the new one.
    const id = moved && (moved.side === "to" ? `${moved.otherOffset}-${segment.bOffset}` : `${segment.aOffset}-${moved.otherOffset}`);
    const move = id ? ` class="diff-move" ${MOVE}="${id}"` : segment.reindent ? ` class="${REINDENT}"` : "";
    if (arrives) {
      out.push(`<ins ${WRAP}="ins"${move}>`);
      arriving = true;
      out.push(segment.inMove === "edit" ? `<${tag} ${WRAP}="${tag}">${text}</${tag}>` : text);
      continue;
    }
    out.push(`<${tag} ${WRAP}="${tag}"${move}>${text}</${tag}>`);
  }
  if (arriving) out.push("</ins>");
  out.push("</pre>");
  return out.join("");
}

/** Which documents a piece of text is a line of: both (unchanged), the old one (deleted), the new one (inserted), or neither. */
interface Sides {
  readonly old: boolean;
  readonly new: boolean;
}
const BOTH_SIDES: Sides = { old: true, new: true };
const OLD_SIDE: Sides = { old: true, new: false };
const NEW_SIDE: Sides = { old: false, new: true };
const NO_SIDE: Sides = { old: false, new: false };

/**
 * Unchanged text that stands for other old text (an ignored difference, see Segment.old), shown
 * as the new text alone, unmarked: what the two share at either end is written as usual, the
 * rest of the new text between `ins-begin` and `ins-end` comments (which reject skips), the rest
 * of the old text in a `del` marker comment (which reject reads back).
 *
 * @example ignoredDifference("\n", "  \n", escapeText) // "<!--htmldiff:del:  -->\n"
 */
function ignoredDifference(text: string, old: string, write: (text: string) => string): string {
  let start = 0;
  while (start < text.length && start < old.length && text[start] === old[start]) start++;
  let end = 0;
  while (end < text.length - start && end < old.length - start && text[text.length - 1 - end] === old[old.length - 1 - end]) end++;
  // A surrogate pair is not cut: a lone half would not survive as written.
  if (start > 0 && (isLowSurrogate(text.charCodeAt(start)) || isLowSurrogate(old.charCodeAt(start)))) start--;
  if (end > 0 && (isLowSurrogate(text.charCodeAt(text.length - end)) || isLowSurrogate(old.charCodeAt(old.length - end)))) end--;
  const [newRest, oldRest] = [text.slice(start, text.length - end), old.slice(start, old.length - end)];
  const ins = newRest ? `<!--${COMMENT}ins-begin-->${write(newRest)}<!--${COMMENT}ins-end-->` : "";
  return `${write(text.slice(0, start))}${ins}${oldRest ? markerComment("del", oldRest) : ""}${write(text.slice(text.length - end))}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Counts both documents' lines while the source view is written, and writes their numbers: a
 * line's gutter is written with its first text (or the newline that ends it, for an empty
 * line), when it is known whose text the line begins with.
 */
class LineNumbers {
  private line = 1;
  private oldLine = 1;
  /** Whether a line has begun whose gutter is not written yet. */
  private pending = true;
  /** Offsets of the old source's line breaks, to find the old line of a segment from its offset. */
  private readonly oldBreaks: number[] = [];

  constructor(oldSource: string) {
    for (let at = oldSource.indexOf("\n"); at >= 0; at = oldSource.indexOf("\n", at + 1)) this.oldBreaks.push(at);
  }

  /**
   * Sets the old line from the old offset where a segment starts: counting alone would drift where
   * the documents differ in white space the comparison left out.
   */
  oldAt(offset: number): void {
    let [low, high] = [0, this.oldBreaks.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.oldBreaks[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    this.oldLine = low + 1;
  }

  /** The empty element that shows a line's numbers: in the new and the old document, each where the line begins with its text. */
  private gutter(sides: Sides): string {
    this.pending = false;
    return `<span data-diff-line="${sides.new ? this.line : ""}" data-diff-line-old="${sides.old ? this.oldLine : ""}"></span>`;
  }

  /**
   * Piece `k` of a text split at its newlines, escaped, with the newline after it (but the last);
   * the gutter first where a line begins with it. `sides`: the documents whose text it is.
   */
  private piece(pieces: readonly string[], k: number, sides: Sides): string {
    if (k > 0) {
      if (sides.new) this.line++;
      if (sides.old) this.oldLine++;
      this.pending = true;
    }
    const last = k === pieces.length - 1;
    const gutter = this.pending && (pieces[k] || !last) ? this.gutter(sides) : "";
    return `${gutter}${escapeText(pieces[k]!)}${last ? "" : "\n"}`;
  }

  /** Escaped text with a gutter where each of its lines begins; `sides`: the documents whose text it is. */
  numbered(text: string, sides: Sides): string {
    const pieces = text.split("\n");
    let out = "";
    for (let k = 0; k < pieces.length; k++) out += this.piece(pieces, k, sides);
    return out;
  }

  /** Unchanged text, numbered, with lines `CONTEXT + 1 …` up to `CONTEXT` lines before its end folded when they are many. */
  folded(text: string): string {
    const pieces = text.split("\n");
    const hidden = pieces.length - 2 * CONTEXT - 2;
    if (hidden < MIN_FOLD) return this.numbered(text, BOTH_SIDES);
    let out = "";
    for (let k = 0; k <= CONTEXT; k++) out += this.piece(pieces, k, BOTH_SIDES);
    out += `<span class="hd-fold" data-label="${hidden} unchanged lines"></span><span data-diff-fold>`;
    for (let k = CONTEXT + 1; k <= CONTEXT + hidden; k++) out += this.piece(pieces, k, BOTH_SIDES);
    out += "</span>";
    for (let k = CONTEXT + hidden + 1; k < pieces.length; k++) out += this.piece(pieces, k, BOTH_SIDES);
    return out;
  }
}
