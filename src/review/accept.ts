// accept() and reject(): turn HTML output (inline or review page, document or source view) back
// into the new or the old document by taking every change or none and removing the marks. What
// is not a mark is copied from the output as written: the writer copies the documents' source.

import { parseDocument } from "../events/parse.js";
import { decodeAttribute } from "../events/references.js";
import { decodeCommentPayload } from "../html/escape.js";
import { restoreAttributes } from "../html/attributes.js";
import { AS, CHARSET, COMMENT, CONTENT, END, isMark, MARK, OLD_END, OLD_SOURCE, OLD_TAG, readComment, SHOWN, SOURCE, STOP, UNCHANGED, VIEW, WRAP } from "../html/marks.js";
import { closeTag, commentOf, openTag } from "../html/serialize.js";
import type { CloseEvent, DocEvent, OpenEvent, TextEvent } from "../types.js";

/** Which side's changes are taken: `ins` gives the new document, `del` the old one. */
type Keep = "ins" | "del";

/** A document given back from HTML output, with the charset label the output recorded for it (absent: its own declaration says). */
export interface RestoredDocument {
  readonly text: string;
  readonly charset?: string;
  /** Whether the HTML carried any mark (see marks.ts): false for a page that is not htmldiff's output, which comes back as it is. */
  readonly marked: boolean;
}

/**
 * The new document from HTML output: insertions kept, deletions dropped, marks removed. For the
 * source view (XML input, `--view source`) the result is the new source text itself.
 *
 * @example accept(renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))) // "<p>one three</p>"
 */
export function accept(html: string): string {
  return restoreSide(html, "new").text;
}

/**
 * The old document from HTML output: deletions kept, insertions dropped, old attribute values
 * and tag names put back, marks removed.
 *
 * @example reject(renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))) // "<p>one two</p>"
 */
export function reject(html: string): string {
  return restoreSide(html, "old").text;
}

/**
 * One document from HTML output, with the charset label recorded for it (see `htmldiff:charset:`
 * in marks.ts), so that it can be written back in its own encoding, and whether it carried marks.
 *
 * @example restoreSide(renderHtml(script, { charsets: { old: "utf-16le;bom", new: "utf-8" } }), "old").charset // "utf-16le;bom"
 */
export function restoreSide(html: string, side: "new" | "old"): RestoredDocument {
  const keep: Keep = side === "new" ? "ins" : "del";
  const events = parseDocument(html, { mode: "html" }).events;
  const marked = events.some(isMark);
  const recorded = events.find((e) => e.kind === "comment" && e.text.startsWith(CHARSET)) as TextEvent | undefined;
  const charset = recorded?.text.slice(CHARSET.length).split(" ")[side === "old" ? 0 : 1];
  const source = events.findIndex((e) => e.kind === "open" && attribute(e, VIEW) === "source");
  const container = events.findIndex((e) => e.kind === "open" && attribute(e, VIEW) === "document");
  const text =
    source >= 0
      ? sourceText(events, source, keep)
      : container >= 0
        ? restoreMarkup(html, events, container + 1, closeOf(events, container), keep)
        : restoreMarkup(html, events, 0, events.length, keep);
  return charset ? { text, charset, marked } : { text, marked };
}

function attribute(event: DocEvent, name: string): string | undefined {
  return event.kind === "open" ? event.attrs.find(([n]) => n === name)?.[1] : undefined;
}

/** The index of the end tag that closes the element opened at `open`. */
function closeOf(events: readonly DocEvent[], open: number): number {
  let depth = 0;
  for (let i = open; i < events.length; i++) {
    const kind = events[i]!.kind;
    if (kind === "open") depth++;
    else if (kind === "close" && --depth === 0) return i;
  }
  return events.length;
}

/**
 * The text of the source view, with the side's changes taken; the newline after `<pre>` is not
 * part of it. Where the sides differ only in what the comparison ignored, the new side's text
 * stands between `ins-begin` and `ins-end` comments and the old side's in a `del` marker comment.
 */
function sourceText(events: readonly DocEvent[], pre: number, keep: Keep): string {
  const end = closeOf(events, pre);
  let text = "";
  let skipping = false;
  for (let i = pre + 1; i < end; i++) {
    const event = events[i]!;
    if (event.kind === "comment") {
      if (event.text === `${COMMENT}ins-begin`) skipping = keep === "del";
      else if (event.text === `${COMMENT}ins-end`) skipping = false;
      else text += markerText(event.text, keep);
    } else if (skipping) continue;
    else if (event.kind === "open" && attribute(event, WRAP) === drop(keep)) i = closeOf(events, i);
    else if (event.kind === "text") text += event.text;
  }
  return text.startsWith("\n") ? text.slice(1) : text;
}

/** The source text a marker comment of the source view carries for the side, else nothing. */
function markerText(comment: string, keep: Keep): string {
  const marker = readComment(comment);
  return marker && (marker.role === keep || marker.role === "both") ? decodeCommentPayload(marker.payload) : "";
}

function drop(keep: Keep): Keep {
  return keep === "ins" ? "del" : "ins";
}

/**
 * The markup of `events[from..to)` (parsed from `html`) with one side's changes taken and every
 * mark removed: each event that is no mark is copied as the output wrote it, each marked tag
 * is given back from the source text it records (or rebuilt from its attributes).
 */
function restoreMarkup(html: string, events: readonly DocEvent[], from: number, to: number, keep: Keep): string {
  const out: string[] = [];
  /** For each open element: the name it is restored as, or null for a wrapper that is dropped. */
  const names: (string | null)[] = [];
  let skipDepth = 0;
  let skipRange = false;
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    if (skipDepth) {
      if (event.kind === "open") skipDepth++;
      else if (event.kind === "close") skipDepth--;
      continue;
    }
    if (skipRange) {
      skipRange = !(event.kind === "comment" && event.text === "htmldiff:ins-end");
      continue;
    }
    const written = html.slice(event.start, event.end);
    switch (event.kind) {
      case "open": {
        const wrap = attribute(event, WRAP);
        const flags = (attribute(event, MARK) ?? "").split(" ");
        // A shown copy of a left-out element is neither side's: each side's own is in a marker.
        if (wrap === drop(keep) || flags.includes(drop(keep)) || attribute(event, SHOWN) !== undefined) skipDepth = 1;
        else if (wrap !== undefined) names.push(null);
        else {
          const name = (keep === "del" ? attribute(event, OLD_TAG) : undefined) ?? attribute(event, AS) ?? event.name;
          names.push(name);
          out.push(isMark(event) ? startTag(event, name, keep) : written);
          // Content written escaped is given back as recorded: the events up to its end tag are skipped.
          const content = attribute(event, CONTENT);
          if (content !== undefined) {
            out.push(content);
            i = closeOf(events, i) - 1;
          }
        }
        break;
      }
      case "close": {
        const name = names.pop();
        if (name !== null) out.push(endTag(event, written, name ?? event.name, keep));
        break;
      }
      case "comment":
        if (event.text === "htmldiff:ins-begin") skipRange = keep === "del";
        else if (event.text !== "htmldiff:ins-end" && event.text !== UNCHANGED && !event.text.startsWith(CHARSET) && !event.text.startsWith(STOP)) out.push(restoreComment(event, written, keep));
        break;
      default:
        out.push(written);
    }
  }
  return out.join("");
}

/** A marked start tag as the side had it: the source text it records, else rebuilt from its attributes. */
function startTag(event: OpenEvent, name: string, keep: Keep): string {
  const recorded = (keep === "del" ? attribute(event, OLD_SOURCE) : undefined) ?? attribute(event, SOURCE);
  return recorded ?? openTag(name, restoreAttributes(event.attrs, keep));
}

/** The values recorded on an end tag: the element's own side, and the old side's (parsers ignore attributes there). */
const END_VALUE = new RegExp(`\\s${END}="([^"]*)"`);
const OLD_END_VALUE = new RegExp(`\\s${OLD_END}="([^"]*)"`);

/**
 * An end tag as the side had it: the source text recorded on it (empty where the source left it
 * out), else as written, or plain under the element's restored name when it was written under
 * another or records only the other side's text.
 */
function endTag(event: CloseEvent, written: string, name: string, keep: Keep): string {
  if (!written.includes(` ${MARK}`)) return name === event.name ? written : closeTag(name);
  const recorded = (keep === "del" ? endAttribute(written, OLD_END_VALUE) : undefined) ?? endAttribute(written, END_VALUE);
  return recorded ?? closeTag(name);
}

/** The value an end tag records in `pattern`, decoded. */
function endAttribute(written: string, pattern: RegExp): string | undefined {
  const value = pattern.exec(written)?.[1];
  return value === undefined ? undefined : decodeAttribute(value, "html");
}

/** A comment as it was, or the markup a marker comment carries when the side takes it. */
function restoreComment(event: TextEvent, written: string, keep: Keep): string {
  const marker = readComment(event.text);
  if (!marker) return written;
  if (marker.role === "raw") return commentOf(marker.payload);
  if (marker.role === drop(keep)) return "";
  const markup = decodeCommentPayload(marker.payload);
  const events = parseDocument(markup, { mode: "html" }).events;
  return restoreMarkup(markup, events, 0, events.length, keep);
}
