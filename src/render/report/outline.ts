// Where a change stands in its document, for a reader: the nearest heading or element with an id
// before a hunk (as git's funcname names the function), and a CSS-like path of an element.

import { EVENT_CODE, type EventTable, eventTable, KIND_MASK } from "../../events/event-table.js";
import type { ParsedDocument } from "../../events/parse.js";

/** Longest label shown after a hunk header, in characters. */
const LABEL = 80;
/** Anchors looked at backwards from a hunk at most (past it, the hunk has no label). */
const LOOK_BACK = 1_000;
/** An id that can follow `#` in a selector as it is. */
const PLAIN_ID = /^[A-Za-z_][\w-]*$/;

/**
 * The headings and elements with an id of a document, to name the section a hunk is in. Each
 * label is found from its offset backwards, reading only the events up to the nearest anchor
 * (and forward once over the events before it, to know whether it is a heading inside another
 * heading, which has no words of its own in its label); once about as many events as the
 * document has are read so, the whole outline is made at once and answers instead.
 *
 * @example new Outline(parseDocument('<h2 id="x">Examples</h2><p>a</p>')).labelBefore(30) // '<h2 id="x"> Examples'
 */
export class Outline {
  /** Events that may still be read backwards, or forwards for a heading's words, before the whole outline is made. */
  private budget: number;
  private whole?: WholeOutline;
  /** Labels of headings found so far, by the index of their start tag. */
  private readonly headingLabels = new Map<number, string>();
  private readonly nesting: HeadingNesting;
  private readonly events: EventTable;

  constructor(private readonly doc: ParsedDocument) {
    this.events = eventTable(doc);
    this.budget = this.events.length + LOOK_BACK;
    this.nesting = new HeadingNesting(this.events);
  }

  /**
   * The label of the nearest heading before `offset`, or of the nearest element with an id that
   * holds `offset`, whichever starts later; undefined when there is none.
   */
  labelBefore(offset: number): string | undefined {
    if (this.whole) return this.whole.labelBefore(offset);
    const { events } = this;
    const { source } = this.doc;
    // Closing tags read backwards whose start tag is not read yet: the elements they end hold nothing from here on.
    const closes: number[] = [];
    let anchors = 0;
    for (let e = firstAtOrAfter(events, offset) - 1; e >= 0; e--) {
      if (--this.budget < 0) return this.wholeOutline().labelBefore(offset);
      const kind = events.kindAt(e);
      if (kind === "close") closes.push(e);
      if (kind !== "open") continue;
      const close = closes.length ? closes.pop()! : -1;
      const heading = isHeading(events.nameAt(e));
      if (!heading && idOf(events, e) === undefined) continue;
      if (++anchors > LOOK_BACK) return undefined;
      if (heading) return this.headingLabel(e) ?? this.wholeOutline().labelBefore(offset);
      // An element not closed before `offset` holds it (its end is at or past it).
      if (close < 0 || events.endAt(close) >= offset) return clip(tagText(source.slice(events.startAt(e), events.endAt(e))));
    }
    return undefined;
  }

  /**
   * The label of the heading whose start tag is event `e`: its tag, and its words unless it is
   * inside another heading or never closed; null when the events left to read run out first.
   */
  private headingLabel(e: number): string | null {
    const known = this.headingLabels.get(e);
    if (known !== undefined) return known;
    const { events } = this;
    let label = tagText(this.doc.source.slice(events.startAt(e), events.endAt(e)));
    if (this.nesting.outermost(e)) {
      let text = "";
      let depth = 0;
      for (let i = e + 1; i < events.length; i++) {
        if (--this.budget < 0) return null;
        const kind = events.kindAt(i);
        if (kind === "open") depth++;
        else if (kind === "text" && text.length < LABEL) text += events.textAt(i);
        else if (kind === "close" && depth-- === 0) {
          const words = text.replace(/\s+/g, " ").trim();
          if (words) label = `${label} ${words}`;
          break;
        }
      }
    }
    this.headingLabels.set(e, clip(label));
    return clip(label);
  }

  private wholeOutline(): WholeOutline {
    return (this.whole ??= new WholeOutline(this.doc));
  }
}

/**
 * Whether each heading's start tag stands outside any other heading, found reading the events
 * forward once, as far as asked.
 */
class HeadingNesting {
  /** For each open element read, whether it is a heading. */
  private readonly open: boolean[] = [];
  /** Headings among {@link open}. */
  private headings = 0;
  /** Events read. */
  private read = 0;
  /** For each heading start tag read, whether no heading was open around it. */
  private readonly outer = new Map<number, boolean>();
  /** Every event's code, read once: the pass may cover most of the document. */
  private codes?: Uint8Array;

  constructor(private readonly events: EventTable) {}

  /** Whether the heading whose start tag is event `e` stands outside any other heading. */
  outermost(e: number): boolean {
    const { events, open } = this;
    const codes = (this.codes ??= events.allCodes());
    for (; this.read <= e; this.read++) {
      const kind = codes[this.read]! & KIND_MASK;
      if (kind === EVENT_CODE.open) {
        const heading = isHeading(events.nameAt(this.read));
        if (heading) this.outer.set(this.read, this.headings === 0);
        open.push(heading);
        if (heading) this.headings++;
      } else if (kind === EVENT_CODE.close && open.length && open.pop()) this.headings--;
    }
    return this.outer.get(e)!;
  }
}

/** The first event that starts at or after `offset` (events are in the order of their starts). */
function firstAtOrAfter(events: EventTable, offset: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events.startAt(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an element name is that of a heading, h1 to h6 in any case. */
function isHeading(name: string): boolean {
  if (name.length !== 2) return false;
  const h = name.charCodeAt(0) | 0x20;
  const digit = name.charCodeAt(1);
  return h === 0x68 && digit >= 0x31 && digit <= 0x36;
}

/** A heading or an element with an id: where it starts and ends in the source, and how it is named. */
interface Anchor {
  readonly start: number;
  end: number;
  readonly heading: boolean;
  label: string;
}

/**
 * The outline of a whole document, made in one walk over its events: what {@link Outline} falls
 * back to, and what its lazy reading must agree with (test/render/report/local-report.test.ts).
 */
export class WholeOutline {
  private readonly anchors: Anchor[] = [];
  private readonly starts: number[] = [];

  constructor(doc: ParsedDocument) {
    const open: (Anchor | null)[] = [];
    let heading: Anchor | null = null;
    let text = "";
    const events = eventTable(doc);
    for (let e = 0; e < events.length; e++) {
      const kind = events.kindAt(e);
      if (kind === "open") {
        const isHeadingTag = isHeading(events.nameAt(e));
        const start = events.startAt(e);
        const anchor = isHeadingTag || idOf(events, e) !== undefined ? { start, end: doc.source.length, heading: isHeadingTag, label: tagText(doc.source.slice(start, events.endAt(e))) } : null;
        if (anchor) {
          this.anchors.push(anchor);
          this.starts.push(anchor.start);
        }
        if (isHeadingTag && !heading) {
          heading = anchor;
          text = "";
        }
        open.push(anchor);
      } else if (kind === "close") {
        const anchor = open.pop();
        if (anchor) anchor.end = events.endAt(e);
        if (anchor && anchor === heading) {
          const words = text.replace(/\s+/g, " ").trim();
          if (words) anchor.label = `${anchor.label} ${words}`;
          heading = null;
        }
      } else if (kind === "text" && heading && text.length < LABEL) text += events.textAt(e);
    }
  }

  /** See {@link Outline.labelBefore}. */
  labelBefore(offset: number): string | undefined {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - LOOK_BACK; i--) {
      const anchor = this.anchors[i]!;
      if (anchor.heading || anchor.end >= offset) return clip(anchor.label);
    }
    return undefined;
  }
}

/** The id of the element whose start tag is event `e`, if it has one (`id`, or `xml:id` in XML). */
function idOf(events: EventTable, e: number): string | undefined {
  return events.attrsAt(e).find(([name]) => name === "id" || name === "xml:id")?.[1];
}

/** A start tag's source on one line. */
function tagText(source: string): string {
  return source.replace(/\s+/g, " ");
}

function clip(label: string): string {
  return label.length > LABEL ? `${label.slice(0, LABEL - 1)}…` : label;
}

/**
 * CSS-like paths of a document's elements: each element by name, `#id` where it has an id
 * (`[id="…"]` where the id is not a plain name), `:nth-of-type(k)` where siblings share its name.
 *
 * @example new ElementPaths(parseDocument("<main><p>a</p><p>b</p></main>")).of(4) // "main > p:nth-of-type(2)"
 */
export class ElementPaths {
  private index?: ElementIndex;

  constructor(private readonly doc: ParsedDocument) {}

  /**
   * The path of the element a change starts in: the element whose start tag is event `e` (unless
   * `before`: the change is empty and stands before that event), else the element event `e`
   * stands in; empty at the top of the document or past its end.
   */
  of(e: number, before = false): string {
    const { element, parent } = (this.index ??= indexElements(eventTable(this.doc)));
    let at = e < element.length ? element[e]! : -1;
    if (before && at === e) at = parent[e]!;
    const names: string[] = [];
    for (; at >= 0; at = parent[at]!) names.push(this.step(at));
    return names.reverse().join(" > ");
  }

  private step(e: number): string {
    const events = eventTable(this.doc);
    const id = events.attrsAt(e).find(([name]) => name === "id")?.[1];
    const tag = events.nameAt(e);
    const name = cssName(tag);
    if (id !== undefined && id !== "") return PLAIN_ID.test(id) ? `${name}#${id}` : `${name}[id="${id.replace(/["\\\u0000-\u001f\u007f]/g, cssEscape)}"]`;
    return this.index!.siblings[e]!.get(tag)! > 1 ? `${name}:nth-of-type(${this.index!.nth[e]})` : name;
  }
}

/** Where each event of a document stands among its elements (see {@link indexElements}). */
interface ElementIndex {
  /** For each event, the start tag event of the element it stands in (its own, for a start tag); -1 at the top. */
  readonly element: Int32Array;
  /** For each start tag event, the start tag of its parent element, -1 at the top. */
  readonly parent: Int32Array;
  /** For each start tag event, its place among its parent's children of its name (1-based). */
  readonly nth: Int32Array;
  /** For each start tag event, the counts by name of its parent's children. */
  readonly siblings: Map<string, number>[];
}

/**
 * The elements of a document, made in one walk over its events when a path is first asked
 * for; an element's children are counted by name in a map made only when it has a child element.
 */
function indexElements(events: EventTable): ElementIndex {
  const element = new Int32Array(events.length);
  const parent = new Int32Array(events.length).fill(-1);
  const nth = new Int32Array(events.length);
  const siblings: Map<string, number>[] = new Array(events.length);
  const stack: number[] = [];
  const counts: (Map<string, number> | undefined)[] = [undefined];
  for (let e = 0; e < events.length; e++) {
    const kind = events.kindAt(e);
    const top = stack.length ? stack[stack.length - 1]! : -1;
    if (kind === "open") {
      const here = (counts[counts.length - 1] ??= new Map());
      const name = events.nameAt(e);
      const k = (here.get(name) ?? 0) + 1;
      here.set(name, k);
      nth[e] = k;
      siblings[e] = here;
      parent[e] = top;
      element[e] = e;
      stack.push(e);
      counts.push(undefined);
    } else if (kind === "close") {
      stack.pop();
      counts.pop();
      element[e] = stack.length ? stack[stack.length - 1]! : -1;
    } else element[e] = top;
  }
  return { element, parent, nth, siblings };
}

/** An element name as a CSS identifier: characters other than letters, digits, `_`, `-` and non-ASCII non-spaces escaped (`b\:c`). */
function cssName(name: string): string {
  return name.replace(/[^\w\-\u00a1-\uffff]|[\s\u00ad]/g, cssEscape);
}

/** One character as a CSS escape: a backslash before it, or its code point in hex for a space or control character. */
function cssEscape(c: string): string {
  return /[\s\u0000-\u001f\u007f-\u00a0\u00ad]/.test(c) ? `\\${c.charCodeAt(0).toString(16)} ` : `\\${c}`;
}
