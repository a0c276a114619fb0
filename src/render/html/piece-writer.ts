// Writes pieces of one document as HTML: a subtree of tokens, an atomic element with its source
// content, a text run, a comment or doctype. Used for kept, inserted and deleted content alike;
// on the review page it also makes active content inert.

import { decodeText } from "../../events/references.js";
import { scriptState } from "../../html/script-state.js";
import type { EditScript, Side } from "../../edit-script.js";
import type { DocEvent, EventReader, OpenEvent, TokenList } from "../../types.js";
import { eventTable } from "../../events/event-table.js";
import { type ElementMarks, LOADING_CSS, restoreAttributes, writtenAttributes } from "../../html/attributes.js";
import { ContentKindStack } from "../../html/foreign.js";
import { ATOMIC, BROWSER_RAW_TEXT, ESCAPABLE_RAW_TEXT, isDoctype, isStrayEndTag, MARKUP_CONTENT, TEXT_CONTENT, VOID } from "../../html/elements.js";
import { mustBeInert, type PieceSide, sourceReadApart, writtenName } from "../../html/placement.js";
import { encodeCommentPayload } from "../../html/escape.js";
import { AS, COMMENT, CONTENT, END, keepComment, OLD_SOURCE, SOURCE, WRAP } from "../../html/marks.js";
import { closeMark, type InnerEdits, marksFit, openMark, shownDeleted } from "./inner-edits.js";
import { declaringUtf8, endTagOf, plainComment, plainStartTag, recorded, textOf } from "./verbatim.js";
import { closeTag, commentOf, openTag, serializeEvents } from "../../html/serialize.js";
import { sideTokens } from "./side-tokens.js";

/** Markup that could run script or load anything, looked for in atomic content written from source. */
const HOSTILE =
  /<\s*(?:script|iframe|object|embed|frame|base|meta|link|portal|applet|style)\b|\son[a-z]+\s*=|javascript:|vbscript:|srcdoc|\s(?:xlink:)?(?:href|src|srcset|poster)\s*=\s*["']?(?!\s*(?:data:|#))|style\s*=[^>]*url\s*\(/i;

/** One document side as the writers see it: events, tokens, element partners. */
export interface SideView {
  readonly side: Side;
  /** The side's tokens, made on demand where the side makes them so (see {@link sideTokens}). */
  readonly tokens: TokenList;
  readonly partners: Int32Array;
}

/** How the writers behave: review page (names html/head/body as span, neutralises active content) or plain. */
export interface UnitOptions {
  readonly page: boolean;
}

/** An inert wrapper: its content is parsed but never rendered, run or loaded. */
export function inert(markup: string, role = "inert"): string {
  return `<template ${WRAP}="${role}">${markup}</template>`;
}

/**
 * A document's comment as written in HTML output: as its source `written` wrote it where every
 * parser reads that alike, else in the usual form. One that a browser would end early (`--!>`
 * inside, or `-->` in a CDATA section read as a comment), letting what follows run as markup,
 * travels in a marker comment.
 */
export function documentComment(text: string, role: "del" | "ins" | "both", written = ""): string {
  if (/--!?>/.test(text)) return markerComment(role, commentOf(text));
  return (keepComment(text) === text ? plainComment(text, written) : undefined) ?? commentOf(keepComment(text));
}

/** A marker comment carrying markup that cannot stand where it is (`del`, `ins`, `both`). */
export function markerComment(role: "del" | "ins" | "both", markup: string): string {
  return commentOf(`${COMMENT}${role}:${encodeCommentPayload(markup)}`);
}

/** Writes pieces of one side of a script; the side as the browser model reads it ({@link PieceSide}). */
export class UnitWriter implements PieceSide {
  /** Whether a start tag is copied as written, by its attribute list or, without attributes, its text (see copiesAsWritten). */
  private readonly plainTags = new Map<unknown, boolean>();
  /** The side's events, read by index (see {@link events}). */
  private readonly table: EventReader;

  constructor(
    readonly view: SideView,
    private readonly options: UnitOptions,
    /** Called before each token is written (the new side writes text the comparison left out). */
    private readonly before: (token: number) => string = () => "",
  ) {
    this.table = eventTable(view.side.doc);
  }

  /** The side's tokens. */
  get tokens(): TokenList {
    return this.view.tokens;
  }

  /** The side's events, read by index (no object made for those not asked for). */
  get events(): EventReader {
    return this.table;
  }

  /** The event behind a token. */
  event(token: number): DocEvent {
    return this.table.event(this.view.tokens.event(token));
  }

  /** The other tag of the element whose start or end tag is `token`, or -1. */
  partner(token: number): number {
    return this.view.partners[token]!;
  }

  /** A token's text with references decoded. */
  decoded(token: number): string {
    const text = this.view.tokens.text(token);
    return text.includes("&") ? decodeText(text, "html").text : text;
  }

  /**
   * Whether a token is text a browser keeps where it stands only outside a table: anything but
   * ASCII whitespace (a no-break or line-separator space is a space token to us, text to a
   * browser, which moves it out of a table).
   */
  visibleText(token: number): boolean {
    const kind = this.view.tokens.kind(token);
    return kind === "word" || kind === "punct" || (kind === "space" && /[^ \t\n\f\r]/.test(this.decoded(token)));
  }

  /**
   * An event's own source text. A void element made by an end tag (`</br>`) has none: its start
   * tag stands for that end tag (its end is written as nothing).
   */
  written(event: DocEvent): string {
    const source = this.view.side.doc.source;
    if (event.kind === "open" && event.start === event.end && VOID.has(event.name) && source.startsWith("</", event.start)) return source.slice(event.start, source.indexOf(">", event.start) + 1);
    return source.slice(event.start, event.end);
  }

  /**
   * A start tag with its marks, under the name it is written with: its source text when nothing
   * changes it and it reads alike everywhere, else written out with that text recorded (and the
   * old side's, `old`, where a kept tag was written otherwise there; and `content`, the source
   * content of a title or textarea written escaped). A `<meta>` declaring another encoding than
   * UTF-8 declares UTF-8 (the output's), unmarked.
   */
  startTag(event: OpenEvent, marks: ElementMarks, old?: string, content?: string): string {
    const name = writtenName(event.name, this.options);
    const realName = name === event.name ? undefined : event.name;
    const own = this.written(event);
    const unmarked = realName === undefined && !marks.flags?.length && marks.realName === undefined && !marks.deltas?.length && (old === undefined || old === own) && content === undefined;
    const utf8 = event.name === "meta" ? declaringUtf8(event) : undefined;
    if (unmarked && utf8 === undefined && this.copiesAsWritten(event, own)) return own;
    const attrs = writtenAttributes(utf8 ?? event, realName === undefined ? marks : { ...marks, realName }, this.options.page);
    // Where accept and reject would rebuild a side's tag as it was, nothing is recorded for it; else
    // its text, with < and > escaped too (a charset prescan must not find a <meta> in the record).
    const ownKept = own === openTag(event.name, restoreAttributes(attrs, "ins"));
    let sources = ownKept ? "" : ` ${SOURCE}="${recorded(own)}"`;
    const oldKept = ownKept ? old === openTag(marks.oldName ?? event.name, restoreAttributes(attrs, "del")) : old === own;
    if (old !== undefined && !oldKept) sources += ` ${OLD_SOURCE}="${recorded(old)}"`;
    if (content !== undefined) sources += ` ${CONTENT}="${recorded(content)}"`;
    return `${openTag(name, attrs).slice(0, -1)}${sources}>`;
  }

  /**
   * Whether {@link startTag} writes the side's event `e`, a start tag with source text kept
   * unmarked (no marks, the old side's text the same), as its own source text. Read from the
   * side's events: the tag's object is made only where its attributes (or, without attributes,
   * its text) were not seen before. False for a tag written under another name or a `<meta>`
   * (which may declare UTF-8 instead). `name` is the tag's name, which the caller has read.
   */
  copiedUnmarkedAt(e: number, name: string): boolean {
    const events = this.table;
    if (name === "meta" || writtenName(name, this.options) !== name) return false;
    const attrs = events.attrsAt(e);
    const verdict = this.plainTags.get(attrs.length ? attrs : this.view.side.doc.source.slice(events.startAt(e), events.endAt(e)));
    return verdict ?? this.copiesAsWritten(events.event(e) as OpenEvent, undefined);
  }

  /**
   * Whether an unmarked start tag is written as its source text: its attributes are written as
   * they are (none renamed) and its syntax reads alike everywhere. Decided once per attribute
   * list (the parser shares one between tags written alike) or per text of a tag without
   * attributes: most tags of a document repeat.
   */
  private copiesAsWritten(event: OpenEvent, own: string | undefined): boolean {
    const key = event.attrs.length ? event.attrs : (own ??= this.written(event));
    let verdict = this.plainTags.get(key);
    if (verdict === undefined) {
      const attrs = writtenAttributes(event, {}, this.options.page);
      verdict = attrs.every(([n, v], i) => n === event.attrs[i]![0] && v === event.attrs[i]![1]) && plainStartTag(event, own ?? this.written(event));
      this.plainTags.set(key, verdict);
    }
    return verdict;
  }

  /**
   * The end tag of the element whose end is `token`, written as `name` (nothing for a void
   * element): see {@link endTagOf}; `old` is the old side's end tag of a kept element.
   */
  endTag(name: string, token: number, old?: { readonly name: string; readonly text: string }): string {
    if (VOID.has(name)) return "";
    const event = this.event(token);
    return event.kind === "close" ? endTagOf(name, event.name, this.written(event), old) : `</${name}>`;
  }

  /**
   * An atomic element: its start tag with marks, its content as in the source, an explicit end
   * tag. Content a browser would read otherwise than our parser, or that would swallow the end
   * tag, is written from its events or travels in a marker (the cases: docs/tricky-cases.md,
   * "Atomic elements"). `old` and `oldEnd` are the old side's start and end tags of a kept
   * element (see {@link startTag}, {@link endTagOf}). A title or textarea whose content is
   * escaped records that content as written (`data-diff-content`).
   */
  atomic(open: number, marks: ElementMarks, inMarker = false, old?: string, oldEnd?: { readonly name: string; readonly text: string }): string {
    const start = this.event(open) as OpenEvent;
    const closeToken = this.view.partners[open]!;
    const end = this.event(closeToken);
    const { tokens } = this.view;
    const { doc } = this.view.side;
    const [first, after] = [tokens.event(open) + 1, tokens.event(closeToken)];
    const explicit = end.kind !== "close" || !end.implied;
    let content = explicit ? doc.source.slice(start.end, Math.max(start.end, end.start)) : "";
    // Written from the events, the content gets the tags our parser gave it (see sourceReadApart).
    if (sourceReadApart(start.name, content, this.table, first, after) || (!explicit && !TEXT_CONTENT.has(start.name))) {
      // Per open element: how a browser reads its content.
      const kinds = new ContentKindStack();
      kinds.open(start.name, start.attrs);
      const asWritten = (e: DocEvent): DocEvent => {
        if (e.kind === "close") kinds.close();
        // Whether the event stands in foreign content (for a tag: the content around the element).
        const inForeign = (e.kind === "open" ? kinds.open(e.name, e.attrs) : kinds.current) !== "html";
        // In svg and math a CDATA section is text to a browser: written back as the section it
        // was. Elsewhere (in an integration point such as mi) a browser ends it at the first `>`: a comment.
        const cdata = inForeign && e.kind === "comment" ? /^\[CDATA\[([\s\S]*)\]\]$/.exec(e.text) : null;
        if (cdata && !cdata[1]!.includes("]]>")) return { ...e, kind: "cdata", text: cdata[1]! };
        // An end tag that closes nothing travels in a marker, as it does outside (see leaf); so
        // does a comment a browser would end early (see documentComment).
        // In an iframe and the like a browser reads it all as text: a marker would show as text there.
        if (isStrayEndTag(e) && !BROWSER_RAW_TEXT.has(start.name))
          return { kind: "comment", start: e.start, end: e.end, text: `${COMMENT}both:${encodeCommentPayload(doc.source.slice(e.start, e.end))}` };
        if (e.kind === "comment" && /--!?>/.test(e.text)) return { ...e, text: `${COMMENT}both:${encodeCommentPayload(commentOf(e.text))}` };
        // A plaintext in HTML content is written as span; in svg or math it is a foreign element like any other.
        if (e.kind === "close" && e.name === "plaintext" && !inForeign) return { ...e, name: writtenName(e.name, this.options) };
        if (e.kind === "open" && e.name === "plaintext" && !inForeign) return { ...e, name: writtenName(e.name, this.options), attrs: [...e.attrs, [AS, e.name]] };
        // A start tag the source left out (a tbody the parser implies) records its empty text, as startTag does.
        return e.kind === "open" && this.written(e) === "" ? { ...e, attrs: [...e.attrs, [SOURCE, ""]] } : e;
      };
      const inner = eventsIn(this.table, first, after).map(asWritten);
      const left = BROWSER_RAW_TEXT.has(start.name) ? new Set<DocEvent>() : endsLeftOut(inner, doc.source);
      content = serializeEvents(inner, (e) => (left.has(e) ? `</${e.name} ${END}="">` : closeTag(e.name)));
    } else if (!explicit) content = doc.source.slice(start.end, after > first ? this.table.endAt(after - 1) : start.end);
    // A title or textarea's content is written with `<` as `&lt;`: the same text to a browser that
    // reads it as markup (docs/tricky-cases.md, "The marks"); recorded as written, for accept and reject.
    const escaped = ESCAPABLE_RAW_TEXT.has(start.name) ? content.replace(/<(?=[a-zA-Z!/?])/g, "&lt;") : content;
    const record = escaped === content ? undefined : content;
    content = escaped;
    // A script cut off inside `<!--<script>` ends at the end of the file only: it goes without an
    // end tag in a marker read for both sides, whose end is the end of its file.
    if (start.name === "script" && !explicit && scriptState(content) === "double") return markerComment("both", `${this.startTag(start, marks, old)}${content}`);
    const endName = writtenName(start.name, this.options);
    const ownEnd = explicit ? this.written(end) : "";
    // In text content no end tag may carry a record: a plain one is copied, any other written plain.
    // Elsewhere the record says where the source had none (an svg closed by `/>` or the end of the file).
    const plainEnd = endName === start.name && ownEnd.length === start.name.length + 3 && ownEnd.toLowerCase() === `</${start.name}>`;
    const endTag = plainEnd ? ownEnd : TEXT_CONTENT.has(start.name) || BROWSER_RAW_TEXT.has(start.name) ? closeTag(endName) : endTagOf(endName, start.name, ownEnd, oldEnd);
    const markup = `${this.startTag(start, marks, old, record)}${content}${endTag}`;
    // An end tag that closes nothing in an iframe (noembed, noframes, noscript) is text to a
    // browser but could close an element of the output for our parser: such an element goes in a marker.
    if (!inMarker && BROWSER_RAW_TEXT.has(start.name) && eventsIn(this.table, first, after).some(isStrayEndTag)) return markerComment("both", markup);
    const hostile = this.options.page && !inMarker && ((MARKUP_CONTENT.has(start.name) && HOSTILE.test(content)) || (start.name === "style" && LOADING_CSS.test(content)));
    return hostile ? inert(markup) : markup;
  }

  /**
   * A comment, doctype or instruction; a doctype that cannot stand here (inside the page's body),
   * and an end tag that closes nothing, travel in a marker comment.
   */
  leaf(token: number, insideDocument: boolean, role: "del" | "ins" | "both"): string {
    return this.leafEvent(this.event(token), insideDocument, role);
  }

  /** The event of a comment, doctype or instruction as {@link leaf} writes it. */
  leafEvent(event: DocEvent, insideDocument: boolean, role: "del" | "ins" | "both"): string {
    if (event.kind === "comment") return documentComment(event.text, role, this.written(event));
    const markup = this.view.side.doc.source.slice(event.start, event.end);
    const doctype = isDoctype(event);
    return (doctype && (insideDocument || this.options.page)) || isStrayEndTag(event) ? markerComment(role, markup) : markup;
  }

  /**
   * The tokens `first..last` (a whole element, or a run of text and comments) as markup. The
   * first element gets `rootMarks`; active content nested inside deleted content, and anything
   * active on the page, is made inert, unless the markup is for a marker comment (`inMarker`),
   * where nothing is live: there a wrapper would only keep a browser, decoding it, from placing
   * the content as it placed it in the document (a title in a table goes before the table).
   * `edits` marks the edits inside a block written whole: see inner-edits.ts.
   */
  subtree(first: number, last: number, rootMarks: ElementMarks, deleted: boolean, nested: boolean, inMarker = false, edits?: InnerEdits): string {
    let out = "";
    const names: string[] = [];
    /** The change of the inner mark open, -1 for a move's edit; none open: -2. */
    let marking = -2;
    let opened = false;
    for (let t = first; t <= last; t++) {
      out += this.before(t);
      const kind = this.tokens.kind(t);
      const event = this.event(t);
      if (edits) {
        const fits = marksFit(edits, names[names.length - 1], opened);
        const change = fits ? edits.marked.get(t) : undefined;
        const gone = fits ? edits.deletedBefore.get(t) : undefined;
        if (marking !== -2 && (change !== marking || gone !== undefined)) out += closeMark(edits);
        if (gone !== undefined) out += shownDeleted(gone);
        if (change !== undefined && (change !== marking || gone !== undefined)) out += openMark(edits, change);
        marking = change ?? -2;
        opened = kind === "open";
      }
      if (kind === "open" && event.kind === "open") {
        const marks = t === first ? rootMarks : {};
        const guard = (markup: string): string => (!inMarker && this.mustBeInert(event, deleted && t > first) ? inert(markup) : markup);
        if (ATOMIC.has(event.name)) {
          out += guard(this.atomic(t, marks, inMarker));
          t = this.view.partners[t]!;
          continue;
        }
        out += guard(this.startTag(event, marks));
        names.push(writtenName(event.name, this.options));
      } else if (kind === "close") {
        out += this.endTag(names.pop() ?? "", t);
      } else if (kind === "word" || kind === "space" || kind === "punct") {
        out += textOf(this.view.side.doc.source, this.tokens.start(t), this.tokens.end(t));
      } else {
        out += this.leaf(t, nested || names.length > 0, deleted ? "del" : "ins");
      }
    }
    if (marking !== -2) out += closeMark(edits!);
    const gone = edits?.deletedBefore.get(last + 1);
    if (gone !== undefined && marksFit(edits!, names[names.length - 1], opened)) out += shownDeleted(gone);
    return out;
  }

  /** Whether an element must be written inside an inert wrapper (see {@link mustBeInert}). */
  mustBeInert(event: Pick<OpenEvent, "name" | "attrs">, nestedDeleted: boolean): boolean {
    return mustBeInert(event, nestedDeleted, this.options.page);
  }
}

/** The side views of a script. */
export function sideViews(script: EditScript, partnersA: Int32Array, partnersB: Int32Array): { a: SideView; b: SideView } {
  return { a: { side: script.a, tokens: sideTokens(script, "a"), partners: partnersA }, b: { side: script.b, tokens: sideTokens(script, "b"), partners: partnersB } };
}

/** Text from the source between two offsets (text the comparison left out), as {@link textOf} writes it. */
export function sourceText(side: Side, start: number, end: number): string {
  return textOf(side.doc.source, start, end);
}

/** The events `from..to)` of a side, as objects (the few of an atomic element's content). */
function eventsIn(events: EventReader, from: number, to: number): DocEvent[] {
  const out: DocEvent[] = [];
  for (let e = from; e < to; e++) out.push(events.event(e));
  return out;
}

/**
 * The end tags among `events` that the source left out (an element closed by an end tag of an
 * element around it, `</b>` closing an `mi`), to be written with an empty record, which accept
 * and reject give back as nothing: written plain, they would close the element earlier than the
 * source did. Not those of a void element, of one closed by `/>` (its start tag is written without it) or of
 * raw or escapable raw text (a textarea, a title) cut off by the end of the file, which a plain
 * end tag ends (with a record, our parser took a plain end tag after it for the textarea's text).
 */
function endsLeftOut(events: readonly DocEvent[], source: string): Set<DocEvent> {
  const left = new Set<DocEvent>();
  const open: DocEvent[] = [];
  for (const event of events) {
    if (event.kind === "open") open.push(event);
    else if (event.kind === "close") {
      const start = open.pop();
      if (event.implied && start && !TEXT_CONTENT.has(event.name) && !VOID.has(event.name) && !source.slice(start.start, start.end).endsWith("/>")) left.add(event);
    }
  }
  return left;
}
