// The marks that HTML output adds to a document, shared by the renderers and by accept/reject: an
// attribute named `data-diff` or `data-diff-…`, an element carrying one, a comment starting with
// `htmldiff:`.
// The documents' own attributes and comments that look like marks are renamed, so marks stay unambiguous.

import type { Attribute, DocEvent } from "../types.js";

/** On an `<ins>`, `<del>` or `<template>` that the renderer added: `ins`, `del`, or `inert` (page neutralisation). */
export const WRAP = "data-diff-wrap";
/** On a document element: space-separated flags `ins`, `del`, `attrs`, `tag`. */
export const MARK = "data-diff";
/** Prefix of an attribute keeping the old value of a changed attribute. */
export const OLD_VALUE = "data-diff-old-";
/** Names (space-separated) of attributes that the old element did not have. */
export const ADDED = "data-diff-added";
/** The old name of a renamed element. */
export const OLD_TAG = "data-diff-tag";
/** The element's own class before the renderer added its classes (absent: it had none). */
export const OWN_CLASS = "data-diff-class";
/** On the review page: the real name of `html`, `head` and `body`, shown as `span`. */
export const AS = "data-diff-as";
/**
 * On a copy of an element the comparison left out (`--ignore`), written where it stands so that
 * the page shows it as unchanged context: accept and reject leave the copy out (each side's own
 * element travels in a marker comment).
 */
export const SHOWN = "data-diff-shown";
/** The two halves of a move share this value. */
export const MOVE = "data-diff-move";
/**
 * On a word mark inside an element written deleted and inserted again whole (see
 * {@link REPLACED}): the index of the change the marked words belong to, so that the review page
 * shows that change on its own words.
 */
export const CHANGE = "data-diff-change";
/**
 * The class of a `del` or `ins` (or of an element marked by a class) that the output deletes or
 * inserts whole although the comparison kept part of it, so that the markup nests (a paragraph
 * split into a list): shown calm, the words that changed inside it marked on their own.
 */
export const REPLACED = "diff-replaced";
/** The class of the `del` and `ins` around a line's old and new indentation, when only that changed: shown calm, not a stop. */
export const REINDENT = "diff-reindent";
/** `source` on the source view's `<pre>`, `document` on the review page's container of the document. */
export const VIEW = "data-diff-view";
/** Prefix under which a document attribute is kept when its own name cannot stand (`data-diff…`, `on…`, `javascript:` URLs). */
export const RAW = "data-diff-raw-";
/** The source text of a start tag written otherwise (marked, renamed, rewritten): the element's own side. */
export const SOURCE = "data-diff-src";
/** The old side's source text of a kept start tag, where it differs from {@link SOURCE}. */
export const OLD_SOURCE = "data-diff-src-old";
/** On a title or textarea whose content is written escaped: the content as the source wrote it. */
export const CONTENT = "data-diff-content";
/** On an end tag written otherwise than its source (left out there, renamed, spelt otherwise): the source text of the element's own side. */
export const END = "data-diff-end";
/** The old side's source text of a kept end tag, where it differs from the new side's. */
export const OLD_END = "data-diff-end-old";
/** Prefix of the comment that records the documents' encodings, when one is not plain UTF-8: `htmldiff:charset:OLD NEW`. */
export const CHARSET = "htmldiff:charset:";
/**
 * The comment that records the documents' charset labels (`windows-1252`, `utf-16le;bom`, …)
 * when one is not plain UTF-8, so that --accept and --reject write each back in its own
 * encoding; empty otherwise.
 *
 * @example charsetComment({ old: "utf-8", new: "utf-16le;bom" }) // "<!--htmldiff:charset:utf-8 utf-16le;bom-->"
 */
export function charsetComment(charsets: { readonly old: string; readonly new: string } | undefined): string {
  return !charsets || (charsets.old === "utf-8" && charsets.new === "utf-8") ? "" : `<!--${CHARSET}${charsets.old} ${charsets.new}-->`;
}

/**
 * The comment that begins `html` output of documents with no differences, which carries no other
 * mark: it tells --accept and --reject that the file is output, not any page. They drop it.
 */
export const UNCHANGED = "htmldiff:unchanged";

/**
 * Whether an attribute name is one of the marks' own: `data-diff` or `data-diff-…`. A name that
 * only begins with those letters (`data-difficulty`) is a document's, as a page would have it.
 *
 * @example isMarkName("data-diff-wrap") // true
 * @example isMarkName("data-difficulty") // false
 */
export function isMarkName(name: string): boolean {
  return name.startsWith(MARK) && (name.length === MARK.length || name[MARK.length] === "-");
}

/**
 * Whether an event is one of the marks that HTML output adds: an element carrying a `data-diff`
 * or `data-diff-…` attribute, or an `htmldiff:` comment (the documents' own look-alikes are renamed, see
 * {@link keepAttribute} and {@link keepComment}).
 *
 * @example isMark(parseDocument('<ins data-diff-wrap="ins">x</ins>').events[0]) // true
 */
export function isMark(event: DocEvent): boolean {
  if (event.kind === "open") return event.attrs.some(([name]) => isMarkName(name));
  return event.kind === "comment" && event.text.startsWith(COMMENT);
}

/**
 * Prefix of the review page's stop comments, `htmldiff:stop:N`: change N of the edit script
 * starts after it. accept and reject drop them.
 */
export const STOP = "htmldiff:stop:";

/** Prefix of marker comments: `htmldiff:del:…`, `htmldiff:ins:…`, `htmldiff:both:…` (encoded markup), `htmldiff:raw:…` (a document's own comment). */
export const COMMENT = "htmldiff:";

/** What a marker comment carries: markup of the old side, the new side, both, or a document comment that looked like a marker. */
export type CommentRole = "del" | "ins" | "both" | "raw";

/**
 * An attribute name as it follows a mark prefix ({@link OLD_VALUE}, {@link RAW}): characters a
 * parser could end or split the name at (`=` first in `=x`, quotes, `<`) and `%` itself are
 * percent-encoded, so that the prefixed name reads back whole (the parser lowercases the hex).
 *
 * @example markName("href") // "href"; markName("=x") // "%3Dx"
 */
export function markName(name: string): string {
  return name.replace(/[^a-z0-9_:.\-\u0080-\uffff]/gi, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * The attribute name that {@link markName} encoded.
 *
 * @example unmarkName("%3Dx") // "=x"
 */
export function unmarkName(encoded: string): string {
  return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A document attribute as written in output: names that look like marks are kept under {@link RAW}.
 *
 * @example keepAttribute(["data-diff", "x"]) // ["data-diff-raw-data-diff", "x"]
 */
export function keepAttribute([name, value]: Attribute): Attribute {
  return isMarkName(name) ? [RAW + markName(name), value] : [name, value];
}

/**
 * The comment text that stands for a document's own comment: one that starts like a marker is
 * prefixed with `htmldiff:raw:`.
 *
 * @example keepComment("htmldiff:x") // "htmldiff:raw:htmldiff:x"; keepComment(" note ") // " note "
 */
export function keepComment(text: string): string {
  return text.startsWith(COMMENT) ? `${COMMENT}raw:${text}` : text;
}

/**
 * Reads a marker comment: its role and payload, or null for an ordinary comment.
 *
 * @example readComment("htmldiff:del:%0A") // { role: "del", payload: "%0A" }
 */
export function readComment(text: string): { role: CommentRole; payload: string } | null {
  const match = /^htmldiff:(del|ins|both|raw):/.exec(text);
  return match ? { role: match[1] as CommentRole, payload: text.slice(match[0].length) } : null;
}
