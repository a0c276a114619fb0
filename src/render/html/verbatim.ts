// When HTML output may copy a document's own source text (so that --accept and --reject give
// its bytes back), and how a tag written otherwise records that text: start tags in an attribute,
// end tags in an attribute on the end tag itself, which every parser ignores there.

import type { EventReader, OpenEvent } from "../../types.js";
import { BROWSER_RAW_TEXT, PARSER_TEXT, VOID } from "../../html/elements.js";
import { AS, COMMENT, END, OLD_END, SOURCE } from "../../html/marks.js";
import { encodeCommentPayload } from "../../html/escape.js";
import { ContentKindStack } from "../../html/foreign.js";
import { commentOf, instructionOf, openTag } from "../../html/serialize.js";

/**
 * A start tag that every parser reads alike: a name, attributes with quoted or plain values, a
 * `/` only on a void element (elsewhere HTML ignores it and XML-minded readers would not).
 */
const PLAIN_START_TAG = /^<[a-zA-Z][^\t\n\f\r />]*(?:[\t\n\f\r ]+[^\t\n\f\r "'>/=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r "'=<>`]+))?)*[\t\n\f\r ]*(\/?)>$/;
/** The attribute names of a start tag that matched {@link PLAIN_START_TAG}, in order. */
const ATTRIBUTE_NAME = /[\t\n\f\r ]+([^\t\n\f\r "'>/=]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r "'=<>`]+))?/g;
/** An end tag with nothing but its name. */
const PLAIN_END_TAG = /^<\/[a-zA-Z][^\t\n\f\r />]*[\t\n\f\r ]*>$/;
/** What text may not be copied as it stands (see {@link textOf}). */
const RISKY = /<(?=[a-zA-Z!/?])|\uFEFF/;
const RISKY_ALL = new RegExp(RISKY.source, "g");

/**
 * Whether a start tag's source text reads as exactly the event it was parsed to, to our parser
 * and to a browser: plain syntax, and the same attribute names in the same order (no duplicate
 * that one parser would drop).
 *
 * @example plainStartTag(<br>, "<br/>") // true; plainStartTag(<p>, "<p/>") // false
 */
export function plainStartTag(event: OpenEvent, text: string): boolean {
  const match = PLAIN_START_TAG.exec(text);
  if (!match || (match[1] && !VOID.has(event.name))) return false;
  const names = [...text.slice(0, -1).matchAll(ATTRIBUTE_NAME)].map((m) => m[1]!.toLowerCase());
  return names.length === event.attrs.length && names.every((name, i) => name === event.attrs[i]![0]);
}

/**
 * An end tag for an element written as `name` (its real name `real`), for --accept and --reject:
 * plain `</name>` where each side's source text is `</real>` (or `</old.name>`); the source text
 * itself where it is plain and the same for both sides; else `</name>` recording that text
 * (empty where the source left the end tag out): {@link END} for both sides, or for the new
 * one when {@link OLD_END} records the old side's.
 *
 * @example endTagOf("p", "p", "") // '</p data-diff-end="">'
 */
export function endTagOf(name: string, real: string, own: string, old?: { readonly name: string; readonly text: string }): string {
  const ownMark = own === `</${real}>` ? "" : ` ${END}="${recorded(own)}"`;
  if (old !== undefined && old.text !== own) {
    if (!ownMark && old.text === `</${old.name}>`) return `</${name}>`;
    return `</${name}${ownMark} ${OLD_END}="${recorded(old.text)}">`;
  }
  if (!ownMark) return `</${name}>`;
  const plain = name === real && PLAIN_END_TAG.test(own) && own.slice(2, 2 + name.length).toLowerCase() === name && /^[\t\n\f\r >]/.test(own.slice(2 + name.length));
  return plain ? own : `</${name}${ownMark}>`;
}

/** Source text as an attribute value that no parser ends early: `<` and `>` escaped too (our parser ends an end tag at its first `>`). */
export function recorded(text: string): string {
  return text.replace(/[&"<>]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "<" ? "&lt;" : "&gt;"));
}

/**
 * The text `source[start..end)` as HTML output writes it: as written. In text, `<` stands only
 * before what starts no markup: it is written `&lt;` before a letter, `!`, `/` or `?`, and last
 * unless markup follows it (`beforeMarkup`: by default, a `<` follows it in the source; that
 * markup is written next in the output too. Otherwise what follows in the output is no guide:
 * accept and reject unwrap a `<del>` or `<ins>` after it, whose text may start with `/`; text
 * kept on both sides asks both sources), and U+FEFF as a reference
 * (a reader takes it for a byte order mark at the start of a file). A reference is read as in
 * the source or, cut off by a change, as a browser reads the same bytes; accept and reject give
 * the bytes back either way.
 *
 * @example textOf("a &amp; b < c &copy", 0, 19) // unchanged; textOf("x</", 0, 3) // "x&lt;/"
 */
export function textOf(source: string, start: number, end: number, beforeMarkup = source.charAt(end) === "<"): string {
  const raw = source.slice(start, end);
  const text = RISKY.test(raw) ? raw.replace(RISKY_ALL, (c) => (c === "<" ? "&lt;" : "&#xFEFF;")) : raw;
  return text.endsWith("<") && !beforeMarkup ? `${text.slice(0, -1)}&lt;` : text;
}

/**
 * Whether {@link textOf} writes `source[start..end)` as it stands, found without copying it;
 * `bom`: whether the source holds a U+FEFF anywhere (then the text is looked at whole).
 *
 * @example writtenAsIs("a < b", 0, 5, false) // true; writtenAsIs("a <b", 0, 4, false) // false
 */
export function writtenAsIs(source: string, start: number, end: number, bom: boolean): boolean {
  if (bom) return textOf(source, start, end) === source.slice(start, end);
  for (let at = source.indexOf("<", start); at !== -1 && at < end; at = source.indexOf("<", at + 1)) {
    // Last in the text, a `<` is written as it stands only before another.
    if (at === end - 1) return source.charAt(end) === "<";
    if (STARTS_MARKUP.test(source.charAt(at + 1))) return false;
  }
  return true;
}

/** What makes a `<` before it start markup (see {@link RISKY}). */
const STARTS_MARKUP = /^[a-zA-Z!/?]$/;

/**
 * A comment as the source wrote it where every parser reads it alike (`<!--…-->`, or a bogus
 * comment `<!…>` or `</…>` not begun by a letter, without another `>`), else undefined: the
 * writer then writes it in the usual form.
 *
 * @example plainComment("[CDATA[x]]", "<![CDATA[x]]>") // "<![CDATA[x]]>"; plainComment(" <p", "</ <p>") // "</ <p>"
 */
export function plainComment(text: string, written: string): string | undefined {
  if (written === `<!--${text}-->`) return written;
  const bogus = (written === `<!${text}>` && !text.startsWith("-")) || (written === `</${text}>` && !/^[a-zA-Z>]/.test(text));
  return bogus && !text.includes(">") ? written : undefined;
}

/**
 * A `<meta>` that declares an encoding other than UTF-8, declaring UTF-8 instead (HTML output
 * is UTF-8); undefined for any other element. UTF-16 is rewritten too: a browser reads it as UTF-8 there, but
 * --accept would take it for the document's own.
 *
 * @example declaringUtf8(<meta charset="iso-8859-1">) // <meta charset="utf-8">
 */
export function declaringUtf8(event: OpenEvent): OpenEvent | undefined {
  if (event.name !== "meta") return undefined;
  const contentType = event.attrs.some(([name, value]) => name === "http-equiv" && value.trim().toLowerCase() === "content-type");
  let changed = false;
  const attrs = event.attrs.map(([name, value]): [string, string] => {
    if (name === "charset" && !isUtf8(value)) {
      changed = true;
      return [name, "utf-8"];
    }
    const declared = name === "content" && contentType ? /charset[\t\n\f\r ]*=[\t\n\f\r ]*["']?([^\t\n\f\r ;"']*)/i.exec(value) : null;
    if (declared && !isUtf8(declared[1]!)) {
      changed = true;
      return [name, `${value.slice(0, declared.index)}charset=utf-8${value.slice(declared.index + declared[0].length)}`];
    }
    return [name, value];
  });
  return changed ? { ...event, attrs } : undefined;
}

/** Whether a declared label leaves the output's UTF-8 alone: it names UTF-8, or no encoding a browser knows (which ignores it). */
function isUtf8(label: string): boolean {
  try {
    return new TextDecoder(label.trim()).encoding === "utf-8";
  } catch {
    return true;
  }
}

/** The start tags the parser adds where the source leaves them out (written as nothing, as the source has them). */
const TAGLESS_START = new Set(["html", "head", "body", "tbody", "colgroup"]);

/** A comment, CDATA section or instruction as written in full: the end of the file cut off any other. */
const FINISHED_LEAF = /^(?:<!--(?:->|>|[\s\S]*--!?>)|<!\[CDATA\[[\s\S]*\]\]>|<(?!!--|!\[CDATA\[)[\s\S]*>)$/;

/** A CDATA section holding a `>` before its end, which a browser reading it as a bogus comment (in HTML content) ends there. */
const CDATA_HOLDING_GT = /^<!\[CDATA\[[^>]*>[\s\S]/;

/**
 * The source of `events[from..to)` as a marker comment carries it, event by event. A marker is
 * read where it stands, with our marks and end tags after it, so it must build what our parser
 * built: an end tag the source left out is written with an empty record (a browser closing an
 * element elsewhere, or reopening a formatting element after it, would build other elements;
 * accept and reject give back nothing for it), unless its start tag was left out too (a tbody the
 * parser implies, written as nothing, as a browser adds it); bytes no event covers (a tag cut off
 * by the end of the file, after which the parser puts the implied end tags) are no part of it; and
 * what the end of the file left unfinished is written finished (a comment, a CDATA section or an
 * instruction with its end, a raw-text element with a plain end tag, text outside raw text with
 * a `<` that would begin markup (the rest of a tag or instruction cut off, `<?xml v`) or ends it
 * as `&lt;`), which would otherwise take in what follows; a CDATA section holding `>` in HTML
 * content, which a browser ends there, as the comment it is; a plaintext in HTML content, which
 * would take in all that follows, as `<span data-diff-as="plaintext">`, as the writer writes it
 * elsewhere; an element made by its end tag alone (`</p>`) with its start tag, recording no text
 * (in a template's content a browser ignores that end tag).
 *
 * @example eventSource(eventTable(parseDocument("<li><p><a></p>x<!--y")), source, 0, 7)
 *   // '<li><p><a></a data-diff-end=""></p>x<!--y--></li data-diff-end="">'
 */
export function eventSource(events: EventReader, source: string, from: number, to: number): string {
  let out = "";
  const starts: OpenEvent[] = [];
  /** Per open element: whether it is a plaintext written as span. */
  const spans: boolean[] = [];
  for (let e = from; e < to; e++) {
    const event = events.event(e);
    const own = source.slice(event.start, event.end);
    if (event.kind === "open") {
      starts.push(event);
      // A plaintext in HTML content, read in place, would take in our marks after it: a span, as the writer writes it elsewhere.
      spans.push(event.name === "plaintext" && !inForeignContent(events, e));
      if (spans[spans.length - 1]) {
        out += openTag("span", [...event.attrs, [AS, event.name]]);
        continue;
      }
      // An element made by its end tag alone (`</p>`): its start tag written, recording no text.
      if (event.start === event.end && !TAGLESS_START.has(event.name) && !VOID.has(event.name)) {
        out += openTag(event.name, [...event.attrs, [SOURCE, ""]]);
        continue;
      }
    }
    if (event.kind === "close") {
      const start = starts.pop();
      if (spans.pop()) out += event.implied ? `</span ${END}="">` : "</span>";
      else if (!event.implied || start === undefined || VOID.has(event.name) || source.slice(start.start, start.end).endsWith("/>")) out += own;
      // A start tag the parser implied (a tbody) is written as nothing, as the source has it: so is its end.
      else if (start.start === start.end) continue;
      // Only the end of the file leaves a raw-text element's end implied; no record may stand on its end tag.
      else if (PARSER_TEXT.has(event.name) || BROWSER_RAW_TEXT.has(event.name)) out += event.name === "plaintext" ? "" : `</${event.name}>`;
      else out += `</${event.name} ${END}="">`;
    } else if (event.kind === "text") out += rawText(starts[starts.length - 1]?.name) ? own : own.replace(/<(?=[a-zA-Z/!?]|$)/g, "&lt;");
    // A comment a browser would end early (at `--!>` or `-->` inside) travels in a marker of its own, as everywhere.
    else if (event.kind === "comment" && /--!?>/.test(event.text)) out += commentOf(`${COMMENT}both:${encodeCommentPayload(commentOf(event.text))}`);
    // In HTML content a browser ends a CDATA section (a comment to our parser) at its first `>`.
    else if (event.kind === "comment" && CDATA_HOLDING_GT.test(own) && !inForeignContent(events, e)) out += commentOf(event.text);
    else if (event.kind === "open" || FINISHED_LEAF.test(own)) out += own;
    else if (event.kind === "instruction") out += instructionOf(event);
    else if (event.kind === "cdata") out += `<![CDATA[${event.text}]]>`;
    // A CDATA section our parser read as a comment (`[CDATA[…]]`) stays a section in svg or math, where it is text.
    else out += /^\[CDATA\[(?![\s\S]*\]\]>)[\s\S]*\]\]$/.test(event.text) && inForeignContent(events, e) ? `<!${event.text}>` : commentOf(event.text);
  }
  return out;
}

/** Whether our parser reads the content of an element named `name` as text (a plaintext's it reads as markup). */
function rawText(name: string | undefined): boolean {
  return name !== undefined && name !== "plaintext" && PARSER_TEXT.has(name);
}

/** Whether `events[at]` stands in svg or math content. */
function inForeignContent(events: EventReader, at: number): boolean {
  const kinds = new ContentKindStack();
  for (let e = 0; e < at; e++) {
    const kind = events.kindAt(e);
    if (kind === "open") kinds.open(events.nameAt(e), events.attrsAt(e));
    else if (kind === "close") kinds.close();
  }
  return kinds.current !== "html";
}
