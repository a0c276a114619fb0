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
 * each line starts with an empty `<span data-diff-line="N">` (the new document's line number,
 * empty on a line begun in deleted text) that the page's style shows, and the middle of a long
 * unchanged run is in a `<span data-diff-fold>` that the page folds, after an empty control
 * `<span class="hd-fold">`: no text is added, so accept and reject read the source as it is.
 *
 * @example writeSource(diffDocuments("<a>1</a>", "<a>2</a>", { mode: "xml" }))
 *   // '<pre class="diff-source" data-diff-view="source">\n&lt;a&gt;<del …>1</del><ins …>2</ins>&lt;/a&gt;</pre>'
 */
export function writeSource(script: EditScript, options: SourceOptions = {}): string {
  const out = [`<pre class="diff-source" ${VIEW}="source">\n`];
  const lines = options.lines ? new LineNumbers() : null;
  if (lines) out.push(lines.gutter(true));
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
      const text = lines ? lines.numbered(segment.text, segment.kind === "insert") : escapeText(segment.text);
      out.push(segment.inMove === "edit" ? `<${tag} ${WRAP}="${tag}">${text}</${tag}>` : text);
      continue;
    }
    if (segment.kind === "equal") {
      const unchanged = (text: string): string => (lines ? (change < 0 ? lines.folded(text) : lines.numbered(text, true)) : escapeText(text));
      out.push(segment.old === undefined ? unchanged(segment.text) : ignoredDifference(segment.text, segment.old, unchanged));
      continue;
    }
    const text = lines ? lines.numbered(segment.text, segment.kind === "insert") : escapeText(segment.text);
    const tag = segment.kind === "delete" ? "del" : "ins";
    // The same id on both halves: where the block was in the old source, where it is in the new one.
    const id = moved && (moved.side === "to" ? `${moved.otherOffset}-${segment.bOffset}` : `${segment.aOffset}-${moved.otherOffset}`);
    const move = id ? ` class="diff-move" ${MOVE}="${id}"` : segment.reindent ? ` class="${REINDENT}"` : "";
    if (moved?.side === "to" && moved.edited) {
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

/** Counts the new document's lines while the source view is written, and writes their numbers. */
class LineNumbers {
  private line = 1;

  /** The empty element that shows a line's number: the new document's next line, or none (a line begun in deleted text). */
  gutter(counted: boolean): string {
    return `<span data-diff-line="${counted ? this.line : ""}"></span>`;
  }

  /** Escaped text with a gutter after each newline; `counted`: the text is the new document's. */
  numbered(text: string, counted: boolean): string {
    const pieces = text.split("\n");
    let out = escapeText(pieces[0]!);
    for (let k = 1; k < pieces.length; k++) {
      if (counted) this.line++;
      out += `\n${this.gutter(counted)}${escapeText(pieces[k]!)}`;
    }
    return out;
  }

  /** Unchanged text, numbered, with lines `CONTEXT + 1 …` up to `CONTEXT` lines before its end folded when they are many. */
  folded(text: string): string {
    const pieces = text.split("\n");
    const hidden = pieces.length - 2 * CONTEXT - 2;
    if (hidden < MIN_FOLD) return this.numbered(text, true);
    // Line k (k ≥ 1) is its gutter, its text and the newline that ends it (the last has none).
    const line = (k: number): string => {
      this.line++;
      return `${this.gutter(true)}${escapeText(pieces[k]!)}${k < pieces.length - 1 ? "\n" : ""}`;
    };
    let out = `${escapeText(pieces[0]!)}\n`;
    for (let k = 1; k <= CONTEXT; k++) out += line(k);
    out += `<span class="hd-fold" data-label="${hidden} unchanged lines"></span><span data-diff-fold>`;
    for (let k = CONTEXT + 1; k <= CONTEXT + hidden; k++) out += line(k);
    out += "</span>";
    for (let k = CONTEXT + hidden + 1; k < pieces.length; k++) out += line(k);
    return out;
  }
}
