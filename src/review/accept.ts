// accept() and reject(): turn HTML output (inline or review page, document or source view) back
// into the new or the old document by taking every change or none and removing the marks.

import { closeEvent, openEvent } from "../events/event.js";
import { parseDocument } from "../events/parse.js";
import { decodeCommentPayload } from "../render/escape.js";
import { ADDED, AS, MARK, OLD_TAG, OLD_VALUE, OWN_CLASS, RAW, readComment, unmarkName, VIEW, WRAP } from "../render/marks.js";
import { serializeEvents } from "../render/serialize.js";
import type { Attribute, DocEvent, TextEvent } from "../types.js";

/** Which side's changes are taken: `ins` gives the new document, `del` the old one. */
type Keep = "ins" | "del";

/**
 * The new document from HTML output: insertions kept, deletions dropped, marks removed. For the
 * source view (XML input, `--view source`) the result is the new source text itself.
 *
 * @example accept(renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))) // "<p>one three</p>"
 */
export function accept(html: string): string {
  return restore(html, "ins");
}

/**
 * The old document from HTML output: deletions kept, insertions dropped, old attribute values
 * and tag names put back, marks removed.
 *
 * @example reject(renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))) // "<p>one two</p>"
 */
export function reject(html: string): string {
  return restore(html, "del");
}

function restore(html: string, keep: Keep): string {
  const events = parseDocument(html, { mode: "html" }).events;
  const source = events.findIndex((e) => e.kind === "open" && attribute(e, VIEW) === "source");
  if (source >= 0) return sourceText(events, source, keep);
  const container = events.findIndex((e) => e.kind === "open" && attribute(e, VIEW) === "document");
  const inner = container >= 0 ? events.slice(container + 1, closeOf(events, container)) : events;
  return serializeEvents(restoreEvents(inner, keep));
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

/** The text of the source view, with the side's changes taken; the newline after `<pre>` is not part of it. */
function sourceText(events: readonly DocEvent[], pre: number, keep: Keep): string {
  const end = closeOf(events, pre);
  let text = "";
  for (let i = pre + 1; i < end; i++) {
    const event = events[i]!;
    if (event.kind === "open" && attribute(event, WRAP) === drop(keep)) i = closeOf(events, i);
    else if (event.kind === "text") text += event.text;
  }
  return text.startsWith("\n") ? text.slice(1) : text;
}

function drop(keep: Keep): Keep {
  return keep === "ins" ? "del" : "ins";
}

/** The document's events with one side's changes taken and every mark removed. */
function restoreEvents(events: readonly DocEvent[], keep: Keep): DocEvent[] {
  const out: DocEvent[] = [];
  /** For each open element: the name it is restored as, or null for a wrapper that is dropped. */
  const names: (string | null)[] = [];
  let skipDepth = 0;
  let skipRange = false;
  for (const event of events) {
    if (skipDepth) {
      if (event.kind === "open") skipDepth++;
      else if (event.kind === "close") skipDepth--;
      continue;
    }
    if (skipRange) {
      skipRange = !(event.kind === "comment" && event.text === "htmldiff:ins-end");
      continue;
    }
    switch (event.kind) {
      case "open": {
        const wrap = attribute(event, WRAP);
        const flags = (attribute(event, MARK) ?? "").split(" ");
        if (wrap === drop(keep) || flags.includes(drop(keep))) skipDepth = 1;
        else if (wrap !== undefined) names.push(null);
        else {
          const oldName = keep === "del" ? attribute(event, OLD_TAG) : undefined;
          const name = oldName ?? attribute(event, AS) ?? event.name;
          names.push(name);
          out.push(openEvent(event.start, event.end, name, restoreAttributes(event.attrs, keep), event.selfClosing));
        }
        break;
      }
      case "close": {
        const name = names.pop();
        if (name !== null) out.push(closeEvent(event.start, event.end, name ?? event.name, event.implied));
        break;
      }
      case "comment":
        if (event.text === "htmldiff:ins-begin") skipRange = keep === "del";
        else if (event.text !== "htmldiff:ins-end") out.push(...restoreComment(event, keep));
        break;
      default:
        out.push(event);
    }
  }
  return out;
}

/** A comment as it was, or the content a marker comment carries when the side takes it. */
function restoreComment(event: TextEvent, keep: Keep): DocEvent[] {
  const marker = readComment(event.text);
  if (!marker) return [event];
  if (marker.role === "raw") return [{ ...event, text: marker.payload }];
  if (marker.role === drop(keep)) return [];
  return restoreEvents(parseDocument(decodeCommentPayload(marker.payload), { mode: "html" }).events, keep);
}

/**
 * An element's own attributes from its attributes in HTML output: marks removed, renamed ones
 * given back their names, and for the old side (`del`) the old values.
 *
 * @example restoreAttributes([["href", "/b"], ["data-diff", "attrs"], ["data-diff-old-href", "/a"]], "del") // [["href", "/a"]]
 */
export function restoreAttributes(attributes: readonly Attribute[], keep: "ins" | "del"): Attribute[] {
  const marked = attributes.some(([name]) => name === MARK);
  let attrs: Attribute[] = [];
  let ownClass: string | undefined;
  const old = new Map<string, string>();
  let added: string[] = [];
  for (const [name, value] of attributes) {
    if (name.startsWith(RAW)) attrs.push([unmarkName(name.slice(RAW.length)), value]);
    else if (name === OWN_CLASS) ownClass = value;
    else if (name.startsWith(OLD_VALUE)) old.set(unmarkName(name.slice(OLD_VALUE.length)), value);
    else if (name === ADDED) added = value.split(" ");
    else if (!name.startsWith(MARK) && !(marked && name === "class")) attrs.push([name, value]);
  }
  if (marked && ownClass !== undefined) attrs.push(["class", ownClass]);
  if (keep === "del") {
    attrs = attrs.filter(([name]) => !old.has(name) && !added.includes(name));
    for (const [name, value] of old) attrs.push([name, value]);
  }
  return attrs;
}
