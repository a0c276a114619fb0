// Where a browser puts what the HTML writer writes: for each deleted or inserted piece, how it can
// stand so that a browser builds the tree the writer means (wrapped in <ins>/<del>, a class on the
// element itself, an inert template, or a marker comment), from the elements open where it goes.

import type { DocEvent, EventReader, OpenEvent, TokenList } from "../types.js";
import { ACTIVE, ATOMIC, classedElement, FOREIGN_ROOTS, isDoctype, PAGE_INERT, ROOTS, TABLE_CONTEXT, TEXT_CONTENT, wrapsInside } from "./elements.js";
import { belongsInHead, FOSTERED_FORMATTING, fosteredIn, holdsTableTag, leavesForeignContent, movedByBrowser, nestsApart, OpenElements } from "./tree-rules.js";

/**
 * How a deleted or inserted piece stands: `wrap` in `<ins>`/`<del>`, `class` (a mark on the
 * element itself), `template` (an inert wrapper: an active element deleted), `marker` (the
 * markup carried in a comment, where nothing written live would stay where it is written).
 */
export type Placement = "wrap" | "class" | "template" | "marker";

/** How an inserted piece placed in a marker is carried: its source alone, its markup encoded, or live between ins-begin and ins-end comments. */
export type InsertedMarker = "source" | "encoded" | "live";

/** A piece of one side written as one unit: a whole element, a run of text, or a comment, doctype or instruction. */
export interface Piece {
  readonly kind: "element" | "text" | "leaf";
  /** The piece's first and last tokens (a whole element: its start and end tags). */
  readonly first: number;
  readonly last: number;
}

/** One side of a comparison as the model reads a piece of it. */
export interface PieceSide {
  readonly tokens: TokenList;
  /** The side's events (a token's `event` indexes them). */
  readonly events: EventReader;
  /** The event behind a token. */
  event(token: number): DocEvent;
  /** The other tag of the element whose start or end tag is `token`, or -1. */
  partner(token: number): number;
  /** Whether a token is text a browser keeps where it stands only outside a table (more than ASCII white space). */
  visibleText(token: number): boolean;
}

/** How the output is written: on the review page (html, head and body written as span), and as the body's content only (`fragment`). */
export interface PlacementOptions {
  readonly page: boolean;
  readonly fragment?: boolean;
}

/**
 * The name an element is written under: on the page, `html`, `head` and `body` become `span`
 * (shown as blocks by the page's style), since the page has its own; `plaintext` always becomes
 * `span`, since a browser reads everything after a `<plaintext>` start tag as its text, our marks
 * and the page's own markup included. A `span` closes no open element, to our parser or a
 * browser, where a `div` or `pre` would close an open `p` (`<p><body>` in a broken document).
 *
 * @example writtenName("plaintext", { page: false }) // "span"; writtenName("body", { page: true }) // "span"
 */
export function writtenName(name: string, options: PlacementOptions): string {
  if (name === "plaintext") return "span";
  return options.page && (name === "html" || name === "head" || name === "body") ? "span" : name;
}

/**
 * Whether an element must be written inside an inert wrapper: active and nested in deleted
 * content, or anything that runs script or loads a document, on the page.
 *
 * @example mustBeInert({ kind: "open", name: "script", attrs: [], start: 0, end: 8 }, true, false) // true
 */
export function mustBeInert(event: Pick<OpenEvent, "name" | "attrs">, nestedDeleted: boolean, page: boolean): boolean {
  if (nestedDeleted && ACTIVE.has(event.name)) return true;
  if (!page) return false;
  return PAGE_INERT.has(event.name) || (event.name === "meta" && event.attrs.some(([name]) => name === "http-equiv"));
}

/** An end tag holding a quote before its `>`. */
const QUOTED_END_TAG = /<\/[a-zA-Z][^>]*["']/;

/**
 * Whether the source content of an atomic element (`content`, its events `events[first..after)`)
 * holds markup that a browser reads otherwise than our parser (a tag that ends the content early
 * or turns the rest into text, foreign content a browser leaves or nests apart): written as it
 * stands, it would take the output after it along, so it is written from its events. Raw text
 * and escapable raw text never do. The cases: docs/tricky-cases.md, "Atomic elements written
 * from their events, or in a marker".
 *
 * @example sourceReadApart("div", "</p x='>", eventTable(parseDocument("")), 0, 0) // true
 */
export function sourceReadApart(name: string, content: string, events: EventReader, first: number, after: number): boolean {
  if (TEXT_CONTENT.has(name)) return false;
  const foreign = FOREIGN_ROOTS.has(name);
  const foreignP = foreign && /<\/(?:p|br)[\t\n\f\r />]/i.test(content);
  return (!foreign && /<plaintext[\s/>]/i.test(content)) || QUOTED_END_TAG.test(content) || foreignP || (foreign && nestsApart(events, first, after));
}

/**
 * The index of the last event of the element whose start tag is `open`: its end tag, or the
 * document's last event.
 *
 * @example lastOfElement(eventTable(parseDocument("<p><b>x</b></p>")), 0) // 4
 */
export function lastOfElement(events: EventReader, open: number): number {
  let depth = 0;
  for (let e = open; e < events.length; e++) {
    const kind = events.kindAt(e);
    if (kind === "open") depth++;
    else if (kind === "close" && --depth === 0) return e;
  }
  return events.length - 1;
}

/**
 * The events of a shown copy of the element `events[open..last]`, in order: active atomic
 * content (a script, a widget) is left out whole, since a copy must not run or act.
 *
 * @example [...shownCopyEvents(eventTable(parseDocument("<p>a<script>x</script></p>")), 0, 5)].length // 3
 */
export function* shownCopyEvents(events: EventReader, open: number, last: number): Generator<DocEvent> {
  for (let e = open; e <= last; e++) {
    if (events.kindAt(e) === "open" && ATOMIC.has(events.nameAt(e)) && ACTIVE.has(events.nameAt(e))) e = lastOfElement(events, e);
    else yield events.event(e);
  }
}

/**
 * What a browser has built where the writer stands, and where it would put what comes next. The
 * writer tells the model what it wrote (start and end tags, text, pieces placed) and asks it how
 * each deleted or inserted piece can be placed, so that a browser keeps it where it is written.
 */
export class BrowserModel {
  /** The elements open in the output, as written. */
  private readonly open = new OpenElements();
  /** Which of html, head and body have been written as elements (a browser merges a second one into the first). */
  private readonly written = new Set<string>();
  /** Whether anything but comments and white space has been written: a browser reads a doctype only before that. */
  private documentBegun = false;
  /** Which of html, head and body the new document has. */
  private readonly newRoots: ReadonlySet<string>;
  /** Neither document has html, head or body tags. */
  private readonly bodyless: boolean;
  /**
   * Per side, the position among the open elements of the table in which a marker of that side
   * was written holding table tags, or -1. Read in place, such a marker closes rows or tables
   * for a browser, and a cell of the other side written live after it would lose its tag (a td
   * outside a table): until that table closes, the other side's content goes in markers too.
   */
  private readonly tableBrokenBy = { del: -1, ins: -1 };

  /** A model for writing the new document of `newEvents` with changes from `oldEvents`. */
  constructor(
    private readonly options: PlacementOptions,
    oldEvents: EventReader,
    newEvents: EventReader,
  ) {
    this.newRoots = rootNames(newEvents);
    this.bodyless = this.newRoots.size === 0 && rootNames(oldEvents).size === 0;
  }

  /**
   * The parent of what is written next (null: the document itself). At the top of a document
   * without html, head or body tags, a browser puts content in the body, so it counts as the body.
   * In a select (outside a template in it), a browser leaves out the tags of other elements than
   * options and groups, and puts their content in the select: it counts as the select.
   */
  parent(): string | null {
    if (this.open.last("select") > this.open.last("cell")) return "select";
    return this.open.top ?? (this.options.page || this.options.fragment ? "div" : this.bodyless ? "body" : null);
  }

  /** Whether the writer stands inside the document: inside an element, or after content. */
  insideDocument(): boolean {
    return this.open.depth > 0 || this.documentBegun;
  }

  /** Whether anything but comments and white space has been written (see {@link wrote}). */
  get begun(): boolean {
    return this.documentBegun;
  }

  /** The innermost element open in the output, as written (the name {@link wroteEndTag} gives next). */
  innermost(): string | undefined {
    return this.open.top;
  }

  /** Whether visible text written here may start the body for a browser (see {@link wroteText}), which only the text's tokens tell. */
  textMayStartBody(): boolean {
    if (this.options.page || this.written.has("body")) return false;
    const top = this.open.top;
    return top === undefined || top === "html" || top === "head";
  }

  /** Notes markup written live (anything but comments, declarations and white space begins the document). */
  wrote(markup: string): void {
    if (!this.documentBegun) this.documentBegun = /[^ \t\n\f\r]/.test(markup.replace(/<!--[\s\S]*?-->|<[?!][^>]*>/g, ""));
  }

  /** Notes a whole element written live where the writer stands (an atomic one, start tag to end tag). */
  wroteElement(name: string): void {
    this.noteWritten(name);
  }

  /** Notes a kept start tag written live: the element is open until {@link wroteEndTag}. */
  wroteStartTag(name: string): void {
    this.noteWritten(name);
    this.open.push(this.options.page && ROOTS.has(name) ? "span" : name);
  }

  /** Notes an element entered without its tag written (a root left out of a fragment), counted as `as`. */
  entered(as: string): void {
    this.open.push(as);
  }

  /** Notes the innermost element closed; returns its name as written, if any. */
  wroteEndTag(): string | undefined {
    const name = this.open.pop();
    const broken = this.tableBrokenBy;
    if (broken.del >= this.open.depth) broken.del = -1;
    if (broken.ins >= this.open.depth) broken.ins = -1;
    return name;
  }

  /** Notes kept text written live: more than white space outside the body (before the root, in html or head) makes a browser start the body. */
  wroteText(visible: () => boolean): void {
    if (this.textMayStartBody() && visible()) this.written.add("body");
  }

  /** Whether a browser leaves text written here in place: where `<ins>` may stand, outside a table's cells. */
  leavesInPlace(): boolean {
    return wrapsInside(this.parent()) && this.open.last("table") <= this.open.last("cell");
  }

  /** Where a deleted or inserted piece of `side` goes: wrapped, a class on itself, an inert template, or a marker comment. */
  placement(piece: Piece, side: PieceSide, deleted: boolean): Placement {
    const parent = this.parent();
    const name = pieceName(piece, side);
    if (this.tableBrokenBy[deleted ? "ins" : "del"] >= 0) return "marker";
    // In a table, a browser moves other content out to just before the table, <ins> and <del> with it.
    // A table part outside any table is no table context: a browser ignores its tag.
    const fostered = parent !== null && this.open.last("table") >= 0 && fosteredIn(parent, name);
    // Where a formatting element was moved out of a table, a browser may reopen it around what it
    // moves out later, our marks included: a piece there goes in a marker.
    if (fostered && this.open.last(FOSTERED_FORMATTING) >= 0) return "marker";
    if (piece.kind === "element") {
      if (!this.standsLive(name, parent, deleted) || this.movedInside(piece, side, fostered) || this.drawsFollowers(piece, side, name, parent)) return "marker";
      // An inert template stays where it is written, also in a table; what the browser would have
      // moved out before the table (a title, a link), also from inside an element it moved out
      // itself (in a table, outside its cells), goes in a marker, like other content it moves.
      const inTable = this.open.last("table") > this.open.last("cell");
      if (deleted && ACTIVE.has(name)) return parent === "html" || fostered || inTable ? "marker" : "template";
      if (fostered) return "wrap";
      return classedElement(name, parent) || ACTIVE.has(name) ? "class" : "wrap";
    }
    const doctype = isDoctype(side.event(piece.first));
    if (piece.kind === "text" && fostered && movesText(piece, side)) return "wrap";
    return wrapsInside(parent) && !doctype ? "wrap" : "marker";
  }

  /**
   * Notes a piece written as {@link placement} said: a wrapped or classed element stands in the
   * output; a marker holding table tags breaks the table it stands in for the other side.
   */
  placed(piece: Piece, side: PieceSide, placement: Placement, deleted: boolean): void {
    const tag = deleted ? "del" : "ins";
    if (placement === "wrap" || placement === "class") this.noteWritten(placement === "wrap" ? tag : pieceName(piece, side));
    if (placement !== "marker") return;
    const table = this.open.last("table");
    if (table >= 0 && piece.kind === "element" && holdsTableTag(side.events, side.tokens.event(piece.first), side.tokens.event(piece.last))) this.tableBrokenBy[tag] = table;
  }

  /**
   * How an inserted piece placed in a marker is carried: a doctype after the document began (or
   * on the page) as its source alone; an element, and text a browser would move (out of a table,
   * or into the body beside the root), encoded in the marker; other text live between ins marks.
   */
  insertedMarker(piece: Piece, side: PieceSide): InsertedMarker {
    const parent = this.parent();
    // A browser reads a doctype only before the root: after a deleted root, it travels in a marker too.
    if (isDoctype(side.event(piece.first)) && (this.options.page || parent !== null || this.written.size > 0 || this.documentBegun)) return "source";
    // Beside the root, after it, a browser moves even white space into the body.
    const encoded = piece.kind === "element" || (piece.kind === "text" && (movesText(piece, side) || (parent === null && this.written.has("html"))));
    return encoded ? "encoded" : "live";
  }

  /**
   * Whether a copy of a new element left out of the comparison (`events[open..last]`), written
   * from its events with every element's end tag and its active elements left out, stands where
   * it is written: not in a table outside its cells, the head, a select or beside the root, not
   * where a marker broke a table or a formatting element was moved out of one, not around
   * elements a browser would build elsewhere or atomic content, and not an active element itself.
   */
  showsCopy(events: EventReader, open: number, last: number): boolean {
    const parent = this.parent();
    if (parent === null || parent === "html" || parent === "head" || parent === "select" || ACTIVE.has(events.nameAt(open))) return false;
    if (this.tableBrokenBy.del >= 0 || this.tableBrokenBy.ins >= 0 || this.open.last(FOSTERED_FORMATTING) >= 0) return false;
    let opened = 0;
    try {
      for (const event of shownCopyEvents(events, open, last)) {
        if (event.kind === "open") {
          const name = writtenName(event.name, this.options);
          if (ROOTS.has(name) || ATOMIC.has(name) || movedByBrowser(this.open, name)) return false;
          this.open.push(name);
          opened++;
        } else if (event.kind === "close" && opened > 0) {
          this.open.pop();
          opened--;
        } else if (event.kind === "text") {
          const top = this.open.top;
          if ((TABLE_CONTEXT.has(top ?? "") || top === "head") && /[^ \t\n\f\r]/.test(event.text)) return false;
        }
      }
      return true;
    } finally {
      for (; opened > 0; opened--) this.open.pop();
    }
  }

  /**
   * Notes an element written live where the writer stands: html, head and body as themselves;
   * any other element directly in html, or in the head where it does not belong there, starts
   * the body for a browser (which puts it there).
   */
  private noteWritten(name: string): void {
    if (ROOTS.has(name)) this.written.add(name);
    else if (!this.options.page && (this.open.top === "html" || (this.open.top === "head" && !belongsInHead(name)))) this.written.add("body");
  }

  /**
   * Whether a whole deleted or inserted element may be written as an element: at the top of a
   * document only html stands, directly in html only one head and one body; a browser moves any
   * other element there into the body, and merges a second html, head or body into the first. A
   * deleted one stands only when the new document has none of that name.
   */
  private standsLive(name: string, parent: string | null, deleted: boolean): boolean {
    const single = parent === null ? name === "html" : parent === "html" && (name === "head" || name === "body");
    // After a body, a browser moves an element directly in html into that body; after a head,
    // one that belongs in a head into that head.
    if (!single) return parent !== null && !(parent === "html" && (this.written.has("body") || (this.written.has("head") && belongsInHead(name))));
    // After text, a browser has begun the document: an html start tag only adds its attributes.
    if (name === "html" && this.documentBegun) return false;
    // After a body, a browser ignores a head start tag (the head before it was implied).
    if (name === "head" && this.written.has("body")) return false;
    return !this.written.has(name) && !(deleted && this.newRoots.has(name));
  }

  /**
   * Whether a head or body written as a deleted or inserted element directly in html would draw in
   * what follows it there: after a body, a browser moves any element or text in html into that
   * body; after a head, an element that belongs in a head into that head. Kept content would then
   * share its marks, so such a head or body goes in a marker.
   */
  private drawsFollowers(piece: Piece, side: PieceSide, name: string, parent: string | null): boolean {
    if (parent !== "html" || (name !== "head" && name !== "body")) return false;
    for (let t = piece.last + 1; t < side.tokens.length; t++) {
      const kind = side.tokens.kind(t);
      if (kind === "close") return false;
      if (kind === "open") return name === "body" || belongsInHead((side.event(t) as OpenEvent).name);
      if (side.visibleText(t)) return name === "body";
    }
    return false;
  }

  /**
   * Whether a browser would build a whole element piece differently from our parser where it
   * stands (see {@link movedByBrowser}): it would then move part of it out of its marks.
   */
  private movedInside(piece: Piece, side: PieceSide, fostered: boolean): boolean {
    const renamed = this.options.page || this.options.fragment;
    // Moved out of a table, the piece's parent is the table's. The piece's own elements are opened
    // on the open elements for the walk, and closed again before it returns.
    const open = fostered ? this.open.outsideTable() : this.open;
    let opened = 0;
    try {
      for (let t = piece.first; t <= piece.last; t++) {
        const kind = side.tokens.kind(t);
        if (kind === "open") {
          const event = side.event(t) as OpenEvent;
          const name = renamed && ROOTS.has(event.name) ? writtenName(event.name, { page: true }) : writtenName(event.name, this.options);
          // Content moved out of a table is still read in the table: a table start tag in it closes that table.
          if (movedByBrowser(open, name) || (fostered && name === "table")) return true;
          if (name === "svg" || name === "math") {
            const [from, to] = [side.tokens.event(t) + 1, side.tokens.event(side.partner(t))];
            if (leavesForeignContent(side.events, from, to) || (fostered && holdsTableTag(side.events, from, to))) return true;
          }
          // An option's content is markup a browser reads in the select (where input closes it): walked too.
          if (ATOMIC.has(name) && name !== "option") t = side.partner(t);
          else {
            open.push(name);
            opened++;
          }
        } else if (kind === "close" && opened > 0) {
          open.pop();
          opened--;
        } else if ((TABLE_CONTEXT.has(open.top ?? "") || open.top === "head") && side.visibleText(t)) return true;
      }
      return false;
    } finally {
      for (; opened > 0; opened--) open.pop();
    }
  }
}

/** The name of a piece's element (empty for text and leaves). */
function pieceName(piece: Piece, side: PieceSide): string {
  return piece.kind === "element" ? (side.event(piece.first) as OpenEvent).name : "";
}

/** Whether a text piece has more than white space: where no `<ins>` may stand, a browser moves such text. */
function movesText(piece: Piece, side: PieceSide): boolean {
  for (let t = piece.first; t <= piece.last; t++) if (side.visibleText(t)) return true;
  return false;
}

/** The names of the html, head and body start tags among `events`. */
function rootNames(events: EventReader): Set<string> {
  const names = new Set<string>();
  for (let e = 0; e < events.length; e++) {
    if (events.kindAt(e) !== "open") continue;
    const name = events.nameAt(e);
    if (ROOTS.has(name)) names.add(name);
  }
  return names;
}
