// A document's events stored in columns (kind, span, name or text, attributes) instead of one
// object each; a run taken from another document (the shared start and the moved end of a pair,
// see shared-parse.ts) is one record. Event objects are made only when asked for, and kept.

import type { Attribute, DocEvent, EventReader, ParseMode, TextEvent } from "../types.js";
import { decodeText } from "./references.js";
import type { ParsedDocument } from "./parse.js";
import { AttributeSpans } from "./attribute-spans.js";
import { closeEvent, instructionEvent, movedEvent, NO_ATTRIBUTES, openEvent, textEvent } from "./event.js";

/** Event kinds by code (the low three bits of an event's code). */
export const EVENT_KINDS: readonly DocEvent["kind"][] = ["open", "close", "text", "comment", "cdata", "instruction"];

/** The code of each event kind. */
export const EVENT_CODE = { open: 0, close: 1, text: 2, comment: 3, cdata: 4, instruction: 5 } as const;

/** A start tag's `selfClosing`, an end tag's `implied`. */
export const FLAG = 0x08;
/** A text whose content is its source as written (no reference decoded): its string is sliced from the source when read. */
export const AS_WRITTEN = 0x10;
/** A text whose content is its source with references decoded (`decodeText`), decoded when read. */
export const DECODED_ON_READ = 0x20;
/** The bits of a code that give the kind. */
export const KIND_MASK = 0x07;

/**
 * The attribute list of a start tag written at `start..end`, given its attributes' spans: `count`
 * numbers of `spans` from `at`, four each (name start and end, value start and end, the value's
 * start −1 when it has none).
 * Must give one list for tags written alike, so that two reads of one tag give the same.
 */
export type AttributesOf = (start: number, end: number, spans: Int32Array, at: number, count: number) => readonly Attribute[];

/** How an {@link EventTable} is made: its first capacity, and how it finds strings and attribute lists. */
export interface TableOptions {
  /** Events room is made for at first (the columns grow by doubling past it). */
  readonly capacity?: number;
  /** One string per value, for the short texts of the event objects made (see the constructor). */
  readonly shared?: (text: string) => string;
  /** The attribute lists of start tags added with {@link EventTable.pushTag}. */
  readonly attributes?: AttributesOf;
  /** Whether the writer gives every start tag its end tag, and every end tag its start tag (the parser does; see {@link EventTable.balanced}). */
  readonly balanced?: boolean;
}

/** Events of another table taken as they are or moved: `count` of them from its index `first`, `shift` characters later. */
interface TakenRun {
  readonly from: EventTable;
  readonly first: number;
  readonly count: number;
  readonly shift: number;
}

/**
 * The events of one document, read by index: `kindAt(i)`, `startAt(i)`, `endAt(i)`, `nameAt(i)`
 * (open, close, instruction), `textAt(i)` (text, comment, cdata), `dataAt(i)` (instruction),
 * `attrsAt(i)` (open), `flagAt(i)` (`selfClosing` or `implied`); `event(i)` for one frozen
 * {@link DocEvent}, made once, and `all()` for the whole frozen array, made on first use.
 *
 * Written by the event builder: `push` per event of its own, `take` for a run of another
 * table's events (at the start, before any of its own, and at the end, after them).
 *
 * @example const t = eventTable(parseDocument("<p>Hi</p>")); t.kindAt(1) // "text"; t.textAt(1) // "Hi"; t.event(0) === t.event(0) // true
 */
export class EventTable implements EventReader {
  /** How many events the table holds. */
  length = 0;
  /** Whether its writer promised that every start tag has its end tag and every end tag its start tag (false: not known). */
  readonly balanced: boolean;
  private codes: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Per own event: the name (open, close, instruction) or the text (comment, cdata; undefined for a text made when read, see {@link AS_WRITTEN} and {@link DECODED_ON_READ}). */
  private values: (string | undefined)[] = [];
  /** Per own event: an index into {@link extras} (0: none). */
  private extra: Int32Array;
  /** Attribute lists of start tags and data of instructions; `extras[0]` stands for none. */
  private readonly extras: (readonly Attribute[] | string)[] = [NO_ATTRIBUTES];
  /**
   * Spans of the attributes of start tags whose lists are found when read (see
   * {@link pushTag}): per tag a block, the number of spans, then four numbers per attribute; for
   * a tag copied from another table, one negative number instead (see {@link linkAttributes}).
   */
  private readonly spans = new AttributeSpans();
  /** The table whose events {@link copy} copied into this one, if any: copied start tags read their attribute lists there. */
  private copiedFrom: EventTable | null = null;
  private readonly shared: (text: string) => string;
  private readonly attributes: AttributesOf;
  /** The run taken at the start (before any own event), if any. */
  private head: TakenRun | null = null;
  /** The run taken at the end (after every own event), if any. */
  private tail: TakenRun | null = null;
  /** How many events are this table's own (between the two runs). */
  private own = 0;
  private made: Map<number, DocEvent> | null = null;
  private objects: readonly DocEvent[] | null = null;

  /**
   * `source`: the document's text, which texts are sliced (and in `mode`, decoded) from when
   * read; `shared` gives one string per value for the short texts of the event objects made
   * (the white space between tags, mostly: many events hold one string, not a copy each).
   */
  constructor(
    readonly source: string,
    readonly mode: ParseMode,
    { capacity = 64, shared = (text) => text, attributes = () => NO_ATTRIBUTES, balanced = false }: TableOptions = {},
  ) {
    this.balanced = balanced;
    this.shared = shared;
    this.attributes = attributes;
    this.codes = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.extra = new Int32Array(capacity);
  }

  /** A table over events made elsewhere (a document built by hand): its `event(i)` are those objects. */
  static of(source: string, mode: ParseMode, events: readonly DocEvent[]): EventTable {
    const table = new EventTable(source, mode, { capacity: Math.max(16, events.length) });
    for (const event of events) {
      switch (event.kind) {
        case "open":
          table.push(EVENT_CODE.open | (event.selfClosing ? FLAG : 0), event.start, event.end, event.name, event.attrs);
          break;
        case "close":
          table.push(EVENT_CODE.close | (event.implied ? FLAG : 0), event.start, event.end, event.name);
          break;
        case "instruction":
          table.push(EVENT_CODE.instruction, event.start, event.end, event.name, event.data);
          break;
        default:
          table.push(EVENT_CODE[event.kind], event.start, event.end, event.text);
      }
    }
    table.objects = events;
    return table;
  }

  /** Adds an event of the table's own: `code` (kind and flags), span, name or text (undefined for a text as written or decoded on read), attribute list or instruction data. */
  push(code: number, start: number, end: number, value: string | undefined, extra?: readonly Attribute[] | string): void {
    if (this.tail) throw new Error("internal error: an event pushed after the taken end");
    const at = this.own;
    if (at === this.codes.length) this.grow();
    this.codes[at] = code;
    this.starts[at] = start;
    this.ends[at] = end;
    this.values[at] = value;
    if (extra !== undefined && extra !== NO_ATTRIBUTES && extra !== "") this.extra[at] = this.extras.push(extra) - 1;
    this.own = at + 1;
    this.length++;
  }

  /**
   * Adds a start tag of the table's own whose attribute list is found when it is read, from the
   * first `count` numbers of `spans` (four per attribute: name and value spans, see
   * {@link AttributesOf}). Most readers never look at most tags' attributes.
   */
  pushTag(code: number, start: number, end: number, name: string, spans: readonly number[], count: number): void {
    const block = this.spans.add(spans, count);
    this.push(code, start, end, name);
    this.extra[this.own - 1] = -(block + 1);
  }

  /**
   * Adds `count` events of `from` from its index `first` (events of its own, not taken), written
   * `shift` characters later, as events of this table's own: a run of text the two documents
   * share, read from the same state (see shared-parse.ts). A copied start tag's attribute list is
   * the other table's tag's, found there when read. Every copy must come from the same table.
   */
  copy(from: EventTable, first: number, count: number, shift: number): void {
    if (this.tail) throw new Error("internal error: events copied after the taken end");
    const start = from.ownIndex(first);
    if (count === 0) return;
    if (start < 0 || start + count > from.own) throw new Error("internal error: only another table's own events can be copied");
    if ((this.copiedFrom ??= from) !== from) throw new Error("internal error: events copied from a second table");
    while (this.own + count > this.codes.length) this.grow();
    const at = this.own;
    this.codes.set(from.codes.subarray(start, start + count), at);
    for (let k = 0; k < count; k++) {
      const s = start + k;
      const t = at + k;
      this.starts[t] = from.starts[s]! + shift;
      this.ends[t] = from.ends[s]! + shift;
      this.values[t] = from.values[s];
      const extra = from.extra[s]!;
      this.extra[t] = extra === 0 ? 0 : extra > 0 ? this.extras.push(from.extras[extra]!) - 1 : this.linkAttributes(s);
    }
    this.own += count;
    this.length += count;
  }

  /**
   * Points a copied start tag's attribute list to the list of own event `row` of
   * {@link copiedFrom}, found when read: a block of one number in {@link spans}, `-(row + 1)`.
   * Gives the {@link extra} that points to it.
   */
  private linkAttributes(row: number): number {
    return -(this.spans.link(-(row + 1)) + 1);
  }

  /**
   * Takes `count` events of `from` from its index `first`, written `shift` characters later:
   * at the start of an empty table, or at the end, after which nothing more is added.
   */
  take(from: EventTable, first: number, count: number, shift: number): void {
    if (count === 0) return;
    const run = { from, first, count, shift };
    if (this.length === 0) this.head = run;
    else this.tail = run;
    this.length += count;
  }

  private grow(): void {
    const capacity = this.codes.length * 2;
    const grown = <T extends Uint8Array | Int32Array>(old: T, to: T): T => (to.set(old), to);
    this.codes = grown(this.codes, new Uint8Array(capacity));
    this.starts = grown(this.starts, new Int32Array(capacity));
    this.ends = grown(this.ends, new Int32Array(capacity));
    this.extra = grown(this.extra, new Int32Array(capacity));
  }

  /** The run that holds event `i`, or null when it is the table's own (its own index is then `i - headCount`). */
  private runOf(i: number): TakenRun | null {
    const { head } = this;
    if (head !== null && i < head.count) return head;
    return this.tail !== null && i >= this.length - this.tail.count ? this.tail : null;
  }

  /** Index in its run's table of event `i`, which lies in `run`. */
  private inRun(run: TakenRun, i: number): number {
    return run === this.head ? run.first + i : run.first + i - (this.length - run.count);
  }

  /** The own index of event `i`, or -1 when it lies in a taken run. */
  private ownIndex(i: number): number {
    const at = this.head === null ? i : i - this.head.count;
    return at >= 0 && at < this.own ? at : -1;
  }

  /** The code of event `i`: its kind (`& 7`, see {@link EVENT_CODE}) and flags ({@link FLAG}, {@link AS_WRITTEN}). */
  codeAt(i: number): number {
    const at = this.ownIndex(i);
    if (at >= 0) return this.codes[at]!;
    const run = this.runOf(i)!;
    return run.from.codeAt(this.inRun(run, i));
  }

  /**
   * Every event's code ({@link codeAt}) in one array, for a scan over the whole document: the
   * table's own column, or (with taken runs) a copy joined run by run. Must not be written to.
   */
  allCodes(): Uint8Array {
    const { head, tail } = this;
    const own = this.codes.subarray(0, this.own);
    if (head === null && tail === null) return own;
    const codes = new Uint8Array(this.length);
    if (head !== null) codes.set(head.from.allCodes().subarray(head.first, head.first + head.count));
    codes.set(own, head?.count ?? 0);
    if (tail !== null) codes.set(tail.from.allCodes().subarray(tail.first, tail.first + tail.count), this.length - tail.count);
    return codes;
  }

  /**
   * Every event's start and end ({@link startAt}, {@link endAt}) in two arrays, as
   * {@link allCodes}: the table's own columns, or copies joined run by run. Must not be written to.
   */
  allSpans(): { starts: Int32Array; ends: Int32Array } {
    return this.spansIn(0, this.length);
  }

  /**
   * The starts and ends of events `from..to` (half-open) in two arrays, event `from + k` at `k`:
   * views of the table's own columns where the range lies in them, else copies joined run by
   * run (only the range of each run is read). Must not be written to.
   */
  spansIn(from: number, to: number): { starts: Int32Array; ends: Int32Array } {
    const { head, tail } = this;
    const headCount = head?.count ?? 0;
    const ownFrom = Math.max(0, from - headCount);
    const ownTo = Math.min(this.own, to - headCount);
    if (from >= headCount && ownTo === to - headCount) return { starts: this.starts.subarray(ownFrom, ownTo), ends: this.ends.subarray(ownFrom, ownTo) };
    const starts = new Int32Array(Math.max(0, to - from));
    const ends = new Int32Array(starts.length);
    if (ownTo > ownFrom) {
      starts.set(this.starts.subarray(ownFrom, ownTo), ownFrom + headCount - from);
      ends.set(this.ends.subarray(ownFrom, ownTo), ownFrom + headCount - from);
    }
    // The taken runs' part of the range, moved by their shift.
    for (const [run, at] of [
      [head, 0],
      [tail, this.length - (tail?.count ?? 0)],
    ] as const) {
      if (run === null) continue;
      const first = Math.max(from, at);
      const last = Math.min(to, at + run.count);
      if (first >= last) continue;
      const taken = run.from.spansIn(run.first + first - at, run.first + last - at);
      for (let k = 0; k < last - first; k++) {
        starts[first - from + k] = taken.starts[k]! + run.shift;
        ends[first - from + k] = taken.ends[k]! + run.shift;
      }
    }
    return { starts, ends };
  }

  /** Event `i`'s kind. */
  kindAt(i: number): DocEvent["kind"] {
    return EVENT_KINDS[this.codeAt(i) & KIND_MASK]!;
  }

  /** Whether event `i` is a start tag that closes itself (`<x/>`) or an implied end tag. */
  flagAt(i: number): boolean {
    return (this.codeAt(i) & FLAG) !== 0;
  }

  /** Where event `i` starts in the source. */
  startAt(i: number): number {
    const at = this.ownIndex(i);
    if (at >= 0) return this.starts[at]!;
    const run = this.runOf(i)!;
    return run.from.startAt(this.inRun(run, i)) + run.shift;
  }

  /** Where event `i` ends in the source. */
  endAt(i: number): number {
    const at = this.ownIndex(i);
    if (at >= 0) return this.ends[at]!;
    const run = this.runOf(i)!;
    return run.from.endAt(this.inRun(run, i)) + run.shift;
  }

  /** The name of event `i` (a start or end tag, an instruction). */
  nameAt(i: number): string {
    const at = this.ownIndex(i);
    if (at >= 0) return this.values[at]!;
    const run = this.runOf(i)!;
    return run.from.nameAt(this.inRun(run, i));
  }

  /** The text of event `i` (a text, comment or CDATA section), references decoded. */
  textAt(i: number): string {
    const at = this.ownIndex(i);
    if (at >= 0) return this.ownText(at);
    const run = this.runOf(i)!;
    const j = this.inRun(run, i);
    // A text as written in the other document is the same text here, moved.
    return run.from.textAt(j);
  }

  /** The text of own event `k` (a text, comment or CDATA section), read where it stands in this table's source. */
  private ownText(k: number): string {
    const value = this.values[k];
    if (value !== undefined) return value;
    const start = this.starts[k]!;
    const end = this.ends[k]!;
    if (this.codes[k]! & DECODED_ON_READ) return decodeText(this.source.slice(start, end), this.mode).text;
    // A text as written, once read, is kept: read again, or made into an object, it is not sliced again.
    return (this.values[k] = this.sharedSlice(start, end));
  }

  /** The attributes of event `i`, a start tag. */
  attrsAt(i: number): readonly Attribute[] {
    const at = this.ownIndex(i);
    if (at >= 0) return this.ownAttrs(at);
    const run = this.runOf(i)!;
    return run.from.attrsAt(this.inRun(run, i));
  }

  /** The attributes of own event `k`, a start tag: kept, or found from its spans. */
  private ownAttrs(k: number): readonly Attribute[] {
    const extra = this.extra[k]!;
    if (extra >= 0) return this.extras[extra] as readonly Attribute[];
    const chunk = this.spans.chunkOf(-extra - 1);
    const at = this.spans.offsetOf(-extra - 1);
    const count = chunk[at]!;
    // A start tag copied from another table has that table's tag's list (written alike, the same list): found there.
    const list = count < 0 ? this.copiedFrom!.ownAttrs(-count - 1) : this.attributes(this.starts[k]!, this.ends[k]!, chunk, at + 1, count);
    // Found once: kept for the next read (an event object made, a key, a comparison).
    this.extra[k] = this.extras.push(list) - 1;
    return list;
  }

  /** What follows the name of event `i`, an instruction. */
  dataAt(i: number): string {
    const at = this.ownIndex(i);
    if (at >= 0) {
      const extra = this.extra[at]!;
      return extra === 0 ? "" : (this.extras[extra] as string);
    }
    const run = this.runOf(i)!;
    return run.from.dataAt(this.inRun(run, i));
  }

  /** Event `i` as a frozen object: made on first read and kept (two reads give the same object). */
  event(i: number): DocEvent {
    if (this.objects !== null) return this.objects[i]!;
    const run = this.runOf(i);
    if (run !== null && run.shift === 0) return run.from.event(this.inRun(run, i));
    let event = this.made?.get(i);
    if (event === undefined) (this.made ??= new Map()).set(i, (event = this.make(i)));
    return event;
  }

  /** Every event as a frozen object, in one frozen array made on first use; the objects are those {@link event} gives. */
  all(): readonly DocEvent[] {
    if (this.objects !== null) return this.objects;
    // Filled in order by push, so that the array's elements are packed (no holes to check for).
    const events: DocEvent[] = [];
    const { head, tail, made } = this;
    // A run taken as it is holds the other table's objects; a moved one, moved copies of them
    // (the other document's are made too: a reader that wants one document's objects wants both).
    const fill = (run: TakenRun): void => {
      const from = run.from.all();
      const { shift } = run;
      for (let j = run.first; j < run.first + run.count; j++) events.push(shift === 0 ? from[j]! : movedEvent(from[j]!, shift));
    };
    if (head !== null) fill(head);
    for (let k = 0; k < this.own; k++) events.push(this.makeOwn(k));
    if (tail !== null) fill(tail);
    // The events made one by one before stay what they were.
    if (made !== null) for (const [i, event] of made) events[i] = event;
    this.made = null;
    return (this.objects = Object.freeze(events));
  }

  /** A new frozen object for the table's own event `k`, written `shift` characters later (read from the columns straight). */
  private makeOwn(k: number, shift = 0): DocEvent {
    const code = this.codes[k]!;
    const start = this.starts[k]! + shift;
    const end = this.ends[k]! + shift;
    switch (code & KIND_MASK) {
      case EVENT_CODE.open:
        return openEvent(start, end, this.values[k]!, this.ownAttrs(k), (code & FLAG) !== 0);
      case EVENT_CODE.close:
        return closeEvent(start, end, this.values[k]!, (code & FLAG) !== 0);
      case EVENT_CODE.instruction: {
        const extra = this.extra[k]!;
        return instructionEvent(start, end, this.values[k]!, extra === 0 ? "" : (this.extras[extra] as string));
      }
      default:
        return textEvent(EVENT_KINDS[code & KIND_MASK] as TextEvent["kind"], start, end, this.ownText(k));
    }
  }

  /** The source from `start` to `end`: one string per value for short ones (V8 copies slices shorter than 13 characters). */
  private sharedSlice(start: number, end: number): string {
    const text = this.source.slice(start, end);
    return end - start <= 12 ? this.shared(text) : text;
  }

  /** A new frozen object for event `i`, written `shift` characters later. */
  private make(i: number, shift = 0): DocEvent {
    const at = this.ownIndex(i);
    if (at >= 0) return this.makeOwn(at, shift);
    const run = this.runOf(i)!;
    return run.from.make(this.inRun(run, i), shift + run.shift);
  }
}

/** The table behind each parsed document (and one made for a document built by hand, on first use). */
const tables = new WeakMap<object, EventTable>();

/**
 * The events of `doc` as a table: the one its parse wrote, or (a document built by hand) one
 * made from its events once.
 *
 * @example eventTable(parseDocument("<p>Hi</p>")).length // 3
 */
export function eventTable(doc: ParsedDocument): EventTable {
  let table = tables.get(doc);
  if (table === undefined) tables.set(doc, (table = EventTable.of(doc.source, doc.mode, doc.events)));
  return table;
}

/**
 * A frozen parsed document over `table`: its `events` are made (all of them) on first read, an
 * enumerable accessor, so that comparing two documents field by field compares their events.
 */
export function tableDocument(source: string, mode: ParseMode, table: EventTable): ParsedDocument {
  const doc = { source, mode } as { source: string; mode: ParseMode; readonly events: readonly DocEvent[] };
  Object.defineProperty(doc, "events", { enumerable: true, get: allEvents });
  tables.set(doc, table);
  return Object.freeze(doc);
}

/**
 * The getter of every parsed document's `events`: one function for all, so that all parsed
 * documents have one shape (a getter of their own each would give each document its own, and
 * the code that reads documents would see as many shapes as documents).
 */
function allEvents(this: ParsedDocument): readonly DocEvent[] {
  return tables.get(this)!.all();
}
