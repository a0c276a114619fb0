// Parses a document into a frozen array of events with exact source spans.
// htmlparser2 runs in htmlparser2-adapter.ts (its Parser class loaded by htmlparser2-parser.ts), the only modules that import it.

import type { Attribute, DocEvent, ParseMode } from "../types.js";
import { DeepParser, type EventSink } from "./htmlparser2-adapter.js";
import { NO_ATTRIBUTES } from "./event.js";
import { AS_WRITTEN, DECODED_ON_READ, EVENT_CODE, EventTable, FLAG, tableDocument } from "./event-table.js";
import { decodeAttribute } from "./references.js";
import { PARSER_TEXT, RAW_TEXT } from "../html/elements.js";

/**
 * A parsed document: its source, the mode it was parsed in, and its events in source order.
 * A parsed document stores its events in columns (see `eventTable`); `events` makes the
 * objects, all of them, on first read.
 */
export interface ParsedDocument {
  readonly source: string;
  readonly mode: ParseMode;
  readonly events: readonly DocEvent[];
}

/** Options of {@link parseDocument}. */
export interface ParseOptions {
  /** HTML rules (default) or XML rules: case kept, CDATA, processing instructions, `<x/>`. */
  readonly mode?: ParseMode;
  /**
   * Omissible start tags (of `html`, `head`, `body`, `tbody`, `colgroup`) to add, with no text
   * of their own, where the document leaves them out and a browser would add them (HTML only).
   * `diffDocuments` asks for the ones either document writes.
   */
  readonly implied?: ReadonlySet<string>;
}

/** One end tag: its name as the parser reads it (up to ASCII white space or `>`; `</p/x>` is named `p/x`), and what follows it before the `>`. */
const STRAY_END_TAG = /<\/([a-zA-Z][^\t\n\f\r >]*)([^>]*)>/g;
/** Bytes that are nothing but end tags. */
const STRAY_END_TAGS = /^(?:<\/[a-zA-Z][^>]*>)+$/;

/**
 * Parses `source` into frozen events. Malformed markup is input, never an error.
 *
 * @example parseDocument("<p>Hi</p>").events.map((e) => e.kind) // ["open", "text", "close"]
 */
export function parseDocument(source: string, options: ParseOptions = {}): ParsedDocument {
  return parseChunks([source], options);
}

/**
 * Parses a document written to the parser in pieces; the result is the same as for one write.
 *
 * @example parseChunks(["<p>H", "i</p>"]).events.length // 3
 */
export function parseChunks(chunks: readonly string[], options: ParseOptions = {}): ParsedDocument {
  return parseSharing(chunks, options, new BuilderTables());
}

/**
 * {@link parseChunks} with the attribute lists and names of `tables`, shared with the documents
 * this one is compared with.
 *
 * @example parseSharing(["<p>a</p>"], {}, tables).events[0]!.name === parseSharing(["<p>b</p>"], {}, tables).events[0]!.name // true
 */
export function parseSharing(chunks: readonly string[], options: ParseOptions, tables: BuilderTables): ParsedDocument {
  const mode = options.mode ?? "html";
  const source = chunks.join("");
  const builder = new EventBuilder(source, mode, tables);
  const parser = new DeepParser(source, builder, mode, options.implied);
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  builder.finish();
  return tableDocument(source, mode, builder.table);
}

/** What {@link EventBuilder} holds between two pieces of character data: how many events it made, and its pending state. */
export interface BuilderState {
  readonly events: number;
  readonly textStart: number;
  readonly textEnd: number;
  readonly rawText: boolean;
  readonly lastEnd: number;
  readonly covered: number;
  readonly openNames: readonly string[];
}

/**
 * What builders of one mode may share: the attribute lists by start tag text, and one string
 * per tag name and short text. Two documents compared share them, so that a tag written alike
 * in both has one attribute list and one name, which comparing the two finds by `===`.
 */
export class BuilderTables {
  /** The attribute lists met so far, by the start tag's text: a tag written alike has the same ones. */
  readonly attributeLists = new Map<string, readonly Attribute[]>();
  /** One string per tag name and per short text: the parser makes a new one for each, and events outlive the parse. */
  readonly names = new StringPool();
}

/** Turns what the parser reports into events, in source order, written into an {@link EventTable}. */
export class EventBuilder implements EventSink {
  readonly table: EventTable;
  // Text arrives in pieces (per write); adjacent pieces become one event.
  private textStart = -1;
  private textEnd = -1;
  private rawText = false;
  /**
   * Name and value spans of the attributes read for the start tag to come, four numbers each:
   * the first `spanCount`. The array is reused from tag to tag (emptying it would free its store).
   */
  private readonly spans: number[] = [];
  private spanCount = 0;
  private lastEnd = 0;
  /** Where the events and pending text so far end: bytes between it and the next event are markup the parser dropped. */
  private covered = 0;
  /** Names of the elements opened so far and not closed, innermost last. */
  private readonly openNames: string[] = [];
  private readonly names: StringPool;
  /** The first `&` at or after {@link ampFrom} (the source's length when there is none; -1 before the first search): where a text may hold a reference. */
  private nextAmp = -1;
  private ampFrom = 0;

  /** `tables`: shared with the builders of the documents this one is compared with (all of `mode`); a new one when not given. */
  constructor(
    private readonly source: string,
    private readonly mode: ParseMode,
    readonly tables: BuilderTables = new BuilderTables(),
  ) {
    this.names = tables.names;
    const { names, attributeLists } = tables;
    this.table = new EventTable(source, mode, {
      // About one event per 16 characters in markup-heavy pages; the table grows by doubling past it.
      capacity: Math.max(64, source.length >> 4),
      // The parser closes every element it opens (at the end of the document, those left open), and reports an end tag with no start tag as an instruction.
      balanced: true,
      shared: (text) => names.get(text),
      // Most tags repeat (1,277 distinct tags with attributes among 16,691 start tags in the 1 MB
      // benchmark page): each distinct one is decoded once, when first read, and its list shared.
      attributes: (start, end, spans, at, count) => {
        const written = source.slice(start, end);
        let list = attributeLists.get(written);
        if (list === undefined) attributeLists.set(written, (list = decodeAttributes(source, mode, spans, at, count)));
        return list;
      },
    });
  }

  text(start: number, end: number): void {
    if (start > this.covered) this.ignored(start);
    // The parser reads `</>` as text; a browser ignores it, outside elements whose content is text.
    if (this.source.charCodeAt(start + 1) === 0x2f && this.source.startsWith("</>", start) && !PARSER_TEXT.has(this.openNames[this.openNames.length - 1] ?? "")) {
      this.push(EVENT_CODE.instruction, start, start + 3, this.names.get("/"), "");
      if ((start += 3) >= end) return;
    }
    if (this.textStart < 0) this.textStart = start;
    this.textEnd = this.covered = end;
  }

  attribute(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const { spans } = this;
    let at = this.spanCount;
    spans[at++] = nameStart;
    spans[at++] = nameEnd;
    spans[at++] = valueStart;
    spans[at++] = valueEnd;
    this.spanCount = at;
  }

  open(parsedName: string, start: number, end: number, implied: boolean, rawText: boolean): void {
    const name = this.names.get(parsedName);
    this.openNames.push(name);
    const { source } = this;
    if (implied) start = end = Math.min(Math.max(start, this.lastEnd), source.length);
    const code = EVENT_CODE.open | (!implied && source.charCodeAt(end - 2) === 0x2f ? FLAG : 0);
    if (this.spanCount === 0) this.push(code, start, end, name, NO_ATTRIBUTES);
    else if (start === end) {
      // (Not shared: a list is shared between tags written alike, and this one is not written.)
      const list = decodeAttributes(source, this.mode, this.spans, 0, this.spanCount);
      this.spanCount = 0;
      this.push(code, start, end, name, list);
    } else this.pushTag(code, start, end, name);
    if (rawText && RAW_TEXT.has(name)) this.rawText = true;
  }

  close(parsedName: string, start: number, nameEnd: number, implied: boolean): void {
    const { openNames, source } = this;
    const name = this.names.get(parsedName);
    // A tag cut off by the end of the input (`<a href="`) was never opened: its implied close is dropped too.
    if (openNames[openNames.length - 1] !== name) return;
    openNames.pop();
    if (implied) {
      const at = Math.min(Math.max(start, this.lastEnd), source.length);
      this.push(EVENT_CODE.close | FLAG, at, at, name);
    } else {
      // The parser's end is where the name ended; junk may stand before the `>` (`</p >`).
      const gt = source.indexOf(">", nameEnd);
      this.push(EVENT_CODE.close, start, gt < 0 ? source.length : gt + 1, name);
    }
    this.rawText = false;
  }

  comment(data: string, start: number, end: number): void {
    this.push(EVENT_CODE.comment, start, end, data);
  }

  cdata(start: number, end: number): void {
    this.push(EVENT_CODE.cdata, start, end, this.source.slice(start + 9, end - 3));
  }

  instruction(name: string, data: string, start: number, end: number): void {
    // The parser lowers the name; the event keeps it as written (`<!DOCTYPE`, `<?PHP`), as the data is.
    this.push(EVENT_CODE.instruction, start, end, this.names.get(data.slice(0, name.length)), trimAscii(data.slice(name.length)));
  }

  spaceBefore(at: number): number {
    const { textStart, source } = this;
    if (textStart < 0 || textStart >= at || this.covered !== at) return at;
    return /^[\t\n\f\r ]*$/.test(source.slice(textStart, at)) ? textStart : at;
  }

  /** Ends the pending text run, if any, as one event. */
  flushText(): void {
    if (this.textStart < 0) return;
    const { textStart, textEnd } = this;
    // A text is its source, as written (raw text, or no references) or decoded: no string is made for it until it is read.
    const code = this.rawText || !this.referenceIn(textStart, textEnd) ? AS_WRITTEN : DECODED_ON_READ;
    this.table.push(EVENT_CODE.text | code, textStart, textEnd, undefined);
    this.textStart = -1;
  }

  /** Whether `source[start..end)` holds a `&` (each search goes on from the last one: texts come in source order). */
  private referenceIn(start: number, end: number): boolean {
    if (this.nextAmp < start || start < this.ampFrom) {
      const at = this.source.indexOf("&", start);
      this.nextAmp = at < 0 ? this.source.length : at;
      this.ampFrom = start;
    }
    return this.nextAmp < end;
  }

  /** Adds an event (see {@link EventTable.push}), after the text and dropped markup before it. */
  private push(code: number, start: number, end: number, value: string, extra?: readonly Attribute[] | string): void {
    this.beforeEvent(start, end);
    this.table.push(code, start, end, value, extra);
    this.afterEvent(end);
  }

  /** Adds a start tag with the attribute spans read for it, its list found when read (see {@link EventTable.pushTag}). */
  private pushTag(code: number, start: number, end: number, name: string): void {
    this.beforeEvent(start, end);
    this.table.pushTag(code, start, end, name, this.spans, this.spanCount);
    this.spanCount = 0;
    this.afterEvent(end);
  }

  /** Before an event at `start..end`: the markup dropped and the text pending before it. */
  private beforeEvent(start: number, end: number): void {
    if (start > this.covered) this.ignored(start);
    // A tag implied before pending white space goes before it; the white space stays pending.
    if (this.textStart >= 0 && (start !== end || end > this.textStart)) this.flushText();
  }

  private afterEvent(end: number): void {
    this.lastEnd = end;
    if (end > this.covered) this.covered = end;
  }

  /** The builder's state, when no start tag is half read (see {@link BuilderState}); else null. */
  checkpoint(): BuilderState | null {
    if (this.spanCount) return null;
    const { table, textStart, textEnd, rawText, lastEnd, covered, openNames } = this;
    return { events: table.length, textStart, textEnd, rawText, lastEnd, covered, openNames: openNames.slice() };
  }

  /** Goes on from `state`, taken in a document with the same text up to there, whose events are `events` (its first `state.events` are taken as they are). */
  restore(state: BuilderState, events: EventTable): void {
    this.table.take(events, 0, state.events, 0);
    this.moveTo(state, 0);
  }

  /**
   * Goes on from `state`, taken in a document whose text is this one's `shift` characters
   * earlier, as far back as the state reads (see {@link inState}): the events up to there are
   * already this table's (taken or copied).
   */
  moveTo(state: BuilderState, shift: number): void {
    this.textStart = state.textStart < 0 ? -1 : state.textStart + shift;
    this.textEnd = state.textEnd + shift;
    this.rawText = state.rawText;
    this.lastEnd = state.lastEnd + shift;
    this.covered = state.covered + shift;
    this.openNames.length = 0;
    for (const name of state.openNames) this.openNames.push(this.names.get(name));
    // The next search for a `&` starts afresh: the last one was made in text not read here.
    this.nextAmp = -1;
  }

  /**
   * Whether this builder is in `state` moved `shift` characters on, where what it will still
   * read of the source (pending text, dropped markup) lies at or after `from` in the state's
   * document.
   */
  inState(state: BuilderState, shift: number, from: number): boolean {
    if (this.spanCount || this.rawText !== state.rawText || this.lastEnd !== state.lastEnd + shift) return false;
    if (state.covered < from || this.covered !== state.covered + shift) return false;
    const pending = state.textStart < 0 ? this.textStart < 0 : state.textStart >= from && this.textStart === state.textStart + shift && this.textEnd === state.textEnd + shift;
    const names = this.openNames;
    return pending && names.length === state.openNames.length && names.every((name, i) => name === state.openNames[i]);
  }

  /**
   * Ends the document: pending text, and markup dropped at its end. Called once, after the
   * parser's last callback.
   */
  finish(): void {
    if (this.source.length > this.covered) this.ignored(this.source.length);
    this.flushText();
  }

  /**
   * Bytes the parser dropped, from where the events end to `end`. End tags that close no open
   * element (`</td>` in a paragraph), which a browser ignores too, become instruction events
   * named after the tag (`/td`): compared and written back as markup, never shown as text.
   * Anything else (a tag cut off by the end of the input) stays part of the text around it.
   */
  private ignored(end: number): void {
    const start = this.covered;
    const written = this.source.slice(start, end);
    if (!STRAY_END_TAGS.test(written)) return;
    this.covered = end;
    for (const tag of written.matchAll(STRAY_END_TAG)) {
      const at = start + tag.index;
      const name = this.mode === "html" ? tag[1]!.toLowerCase() : tag[1]!;
      this.push(EVENT_CODE.instruction, at, at + tag[0].length, this.names.get(`/${name}`), trimAscii(tag[2]!));
    }
  }
}

/**
 * One string per value. Most lookups are of a tag name met moments ago: a small table indexed by
 * length and end characters answers those with one comparison, before the map (which hashes the
 * new string).
 */
class StringPool {
  private readonly recent: string[] = new Array<string>(256).fill("");
  private readonly known = new Map<string, string>();

  /** The pool's string equal to `value`, which becomes it when the pool has none. */
  get(value: string): string {
    const n = value.length;
    const slot = (n * 31 + value.charCodeAt(0) * 7 + value.charCodeAt(n - 1)) & 255;
    const recent = this.recent[slot]!;
    if (recent === value) return recent;
    let known = this.known.get(value);
    if (known === undefined) this.known.set(value, (known = value));
    this.recent[slot] = known;
    return known;
  }
}

/**
 * The attributes of a start tag from their spans (`count` numbers of `spans` from `at`, four per
 * attribute: name start and end, value start and end, −1 for a missing value), decoded and
 * frozen; a repeated name is left out, as browsers keep the first.
 */
function decodeAttributes(source: string, mode: ParseMode, spans: ArrayLike<number>, at: number, count: number): readonly Attribute[] {
  const list: Attribute[] = [];
  // Names seen, kept in a set only for tags with many attributes (a scan is cheaper for a few).
  const seen = count > 64 ? new Set<string>() : null;
  for (let k = at; k < at + count; k += 4) {
    const raw = source.slice(spans[k]!, spans[k + 1]!);
    // HTML attribute names are case-insensitive: the parser lowers them, as it does tag names.
    const name = mode === "html" ? raw.toLowerCase() : raw;
    if (seen ? seen.has(name) : list.some(([n]) => n === name)) continue;
    seen?.add(name);
    const value = spans[k + 2]! < 0 ? "" : decodeAttribute(source.slice(spans[k + 2]!, spans[k + 3]!), mode);
    list.push(Object.freeze([name, value] as const));
  }
  return Object.freeze(list);
}

/** Text without ASCII white space at either end (a no-break space is content to a browser). */
function trimAscii(text: string): string {
  return text.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
}
