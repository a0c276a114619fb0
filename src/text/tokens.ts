// Turns a document's events into the tokens that are compared: one token per markup event,
// word/space/punctuation tokens for character data. Ignored tokens (and ignored elements, whole)
// are left out; text an ignore-text pattern matches is one token. Keys are interned as the
// tokens are made (see KeyTable).

import type { ParsedDocument } from "../events/parse.js";
import type { CopiedEvents } from "../events/shared-parse.js";
import { decodeText } from "../events/references.js";
import type { NormalizedOptions } from "../options.js";
import type { DocEvent, Token } from "../types.js";
import { firstIgnoredFrom, ignorePlan, type IgnorePlan, NO_PLAN, plainEvents } from "./ignore-plan.js";
import { KeyTable, type MarkupEntry } from "./intern.js";
import { firstAtLeast } from "./sorted.js";
import { markupKey } from "./keys.js";
import { matchRuns, patternKey } from "./patterns.js";
import { KIND_CODE, TokenColumns, WRITTEN_AS_KEY } from "./token-list.js";
import { countWords, countWordsIn, splitWords, type WordKind } from "./words.js";
import { AS_WRITTEN, DECODED_ON_READ, EVENT_CODE, EVENT_KINDS, type EventTable, eventTable, KIND_MASK } from "../events/event-table.js";

/** A document's tokens, stored column by column, and the interned ids of their keys (its `ids` column); and what its selector options ignore. */
export interface KeyedTokens {
  readonly columns: TokenColumns;
  readonly ids: Int32Array;
  readonly plan: IgnorePlan;
  /** Every token as an object, made on first use (see {@link TokenColumns.tokens}). */
  readonly tokens: readonly Token[];
}

/**
 * The tokens of a parsed document, in source order, each with its text, key, event and span.
 *
 * @example tokenize(parseDocument("<b>Hi you</b>"), opts).map((t) => t.text) // ["<b>", "Hi", " ", "you", "</b>"]
 */
export function tokenize(doc: ParsedDocument, options: NormalizedOptions): Token[] {
  return tokenizeKeyed(doc, options, new KeyTable()).columns.tokens;
}

/** The {@link KeyedTokens} of columns and their plan. */
export function keyedTokens(columns: TokenColumns, plan: IgnorePlan): KeyedTokens {
  return {
    columns,
    ids: columns.ids,
    plan,
    get tokens() {
      return columns.tokens;
    },
  };
}

/** Events from which {@link tokenizeKeyed} reads a range's kinds and spans from columns (see EventTable.spansIn) rather than one event at a time. */
const COLUMN_RANGE = 64;

/**
 * The tokens of a parsed document with their keys interned in `table`: tokenize both sides of a
 * comparison with one table (and one set of options) and equal keys get equal ids. `from` and
 * `to` limit it to the tokens of the events `from..to` (half-open), when no selector option is
 * given (an ignored element may reach outside the range).
 *
 * @example const t = new KeyTable(); tokenizeKeyed(docA, opts, t).ids // Int32Array [0, 1, 2]; tokenizeKeyed(docB, opts, t).ids // Int32Array [0, 3, 2]
 */
export function tokenizeKeyed(
  doc: ParsedDocument,
  options: NormalizedOptions,
  table: KeyTable,
  from = 0,
  to = eventTable(doc).length,
  texts: TextTokens = new TextTokens(),
  copied?: CopiedTokens,
): KeyedTokens {
  const { source, mode } = doc;
  const events = eventTable(doc);
  const out = new ColumnWriter(Math.max(16, (to - from) * 2));
  const { ignoreCase, ignoreWhitespace, textPatterns } = options;
  const plan = ignorePlan(doc, options);
  const { skip } = plan;
  // (Most comparisons ignore no attribute on any element: no lookup per start tag then.)
  const ignoresAttributes = plan.attributes.size > 0;
  let index = from;
  let base = 0;
  let text = "";
  let decoded: ReturnType<typeof decodeText> | null = null;
  // Per open element, whether its white space is significant (pre, textarea, listing, xml:space="preserve"), innermost last.
  const significant: boolean[] = [];
  let keepSpace = false;
  // One callback for every text event (it reads the event's state above), not a closure each.
  const emit = (from: number, to: number, kind: WordKind): void => {
    if (kind === "space" && ignoreWhitespace && !keepSpace) return;
    if (decoded === null) {
      // Without references the written text is the decoded text: one shared string serves as both.
      const code = to - from === 1 ? text.charCodeAt(from) : 0x80;
      if (code < 0x80 && !(ignoreCase && kind === "word")) {
        // A space, a punctuation mark, a one-letter word: no slice, no hashing.
        out.add(KIND_CODE[kind] | WRITTEN_AS_KEY, base + from, base + to, table.asciiId(code));
        return;
      }
      const written = text.slice(from, to);
      const id = table.id(ignoreCase ? written.toLowerCase() : written);
      out.add(KIND_CODE[kind] | (!ignoreCase || written === table.key(id) ? WRITTEN_AS_KEY : 0), base + from, base + to, id);
    } else {
      const start = base + decoded.rawOffset(from);
      const end = base + decoded.rawOffset(to);
      const piece = text.slice(from, to);
      const id = table.id(ignoreCase ? piece.toLowerCase() : piece);
      out.add(KIND_CODE[kind], start, end, id);
    }
  };
  // Text an ignore-text pattern matches: one token, keyed by its pattern.
  const emitMatch = (from: number, to: number, pattern: number): void => {
    const start = decoded === null ? base + from : base + decoded.rawOffset(from);
    const end = decoded === null ? base + to : base + decoded.rawOffset(to);
    const id = table.id(patternKey(pattern));
    out.add(KIND_CODE.word, start, end, id);
  };
  let shift = 0;
  const emitShifted = (from: number, to: number, kind: WordKind): void => emit(from + shift, to + shift, kind);
  const splitAround = (runs: readonly [number, number, number][]): void => {
    let at = 0;
    for (const [from, to, pattern] of runs) {
      if (from > at) splitPiece(at, from);
      emitMatch(from, to, pattern);
      at = to;
    }
    if (at < text.length) splitPiece(at, text.length);
  };
  const splitPiece = (from: number, to: number): void => {
    shift = from;
    splitWords(text.slice(from, to), emitShifted);
  };
  // Kinds and spans read from columns over a long range; a side whose tokens are made on demand
  // asks for one event at a time, which reads the table's fields instead of copying columns.
  const codes = to - from >= COLUMN_RANGE ? events.allCodes() : null;
  const spans = codes ? events.spansIn(from, to) : null;
  const copies = copied?.copies ?? [];
  let nextCopy = 0;
  while (nextCopy < copies.length && copies[nextCopy]!.b < from) nextCopy++;
  let copyAt = nextCopy < copies.length ? copies[nextCopy]!.b : -1;
  for (; index < to; index++) {
    // (An ignored element skipped may have stepped over the start of a copied run.)
    while (copyAt >= 0 && copyAt < index) copyAt = ++nextCopy < copies.length ? copies[nextCopy]!.b : -1;
    if (index === copyAt) {
      const run = copies[nextCopy]!;
      const count = Math.min(run.count, to - index);
      copyAt = ++nextCopy < copies.length ? copies[nextCopy]!.b : -1;
      // Events copied from the old document (the same events, moved): its tokens, moved, where
      // the selector options leave the events as they are on both sides.
      if (plan === NO_PLAN || (plainEvents(plan, index, index + count) && plainEvents(copied!.plan, run.a, run.a + count) && noneTakenBack(copied!, run.a + count))) {
        const old = copied!.columns;
        out.copyMoved(old, firstAtLeast(old.events, run.a), firstAtLeast(old.events, run.a + count), run.shift, run.b - run.a);
        index += count - 1;
        continue;
      }
    }
    out.event = index;
    const code = codes ? codes[index]! : events.codeAt(index);
    const kind = EVENT_KINDS[code & KIND_MASK]!;
    if (kind !== "text") {
      if (kind === "comment" && options.ignoreComments) continue;
      if (skip !== null && kind === "open" && skip[index]! >= 0) {
        // An ignored element: its start tag to its last event are left out, and the space before
        // it, so that one on its own line (indented) on one side only is no difference either.
        const kept = out.count;
        while (out.count && (out.kinds[out.count - 1]! & ~WRITTEN_AS_KEY) === KIND_CODE.space) out.count--;
        if (out.count < kept) forgetTakenBack(texts, out, events, kept);
        index = skip[index]!;
        continue;
      }
      if (ignoreWhitespace && kind === "open") significant.push(keepsSpace(events, index, significant.length > 0 && significant[significant.length - 1]!));
      else if (ignoreWhitespace && kind === "close") significant.pop();
      const ignoredHere = kind === "open" && ignoresAttributes ? plan.attributes.get(index) : undefined;
      const entry = ignoredHere ? ownEntry(events.event(index), options, table, ignoredHere) : markupEntry(events, index, kind, options, table);
      const start = spans ? spans.starts[index - from]! : events.startAt(index);
      const end = spans ? spans.ends[index - from]! : events.endAt(index);
      // Most markup is written as its key. (A slice compared with === is several times cheaper than startsWith on a two-byte source.)
      out.add(KIND_CODE[kind] | (end - start === entry.key.length && source.slice(start, end) === entry.key ? WRITTEN_AS_KEY : 0), start, end, entry.id);
      continue;
    }
    // (Not significant[-1] on an empty stack: a negative index is a slow property lookup.)
    keepSpace = significant.length > 0 && significant[significant.length - 1]!;
    base = spans ? spans.starts[index - from]! : events.startAt(index);
    const end = spans ? spans.ends[index - from]! : events.endAt(index);
    // Every reference is longer than what it decodes to, so equal lengths mean nothing was
    // decoded (no references, or raw text such as script and style, kept verbatim): the
    // event's text is then its source. (A text the table decodes when read is decoded here once.)
    const read = code & DECODED_ON_READ ? decodeText(source.slice(base, end), mode) : null;
    const eventText = read === null ? events.textAt(index) : read.text;
    decoded = eventText.length === end - base ? null : (read ?? decodeText(source.slice(base, end), mode));
    text = decoded === null ? eventText : decoded.text;
    // A text as written whose tokens were made before (see TextTokens): copied, moved to where it
    // stands. (Not where its white space is kept against the option: its tokens differ from the memo's.)
    const memoised = decoded === null && !keepSpace;
    const memo = memoised ? texts.get(text) : undefined;
    if (memo !== undefined) {
      out.copy(memo.columns, memo.first, memo.length, base - memo.base);
      continue;
    }
    const firstToken = out.count;
    const runs = textPatterns.length ? matchRuns(text, textPatterns) : null;
    if (runs?.length) splitAround(runs);
    else splitWords(text, emit);
    if (memoised) texts.set(text, { columns: out, first: firstToken, length: out.count - firstToken, base });
  }
  return keyedTokens(out.columns(source, table), plan);
}

/**
 * Forgets the texts whose tokens in `out` were taken back (the spaces before an ignored element,
 * tokens `out.count..kept`): the memo must not copy tokens that are gone, or were written over.
 */
function forgetTakenBack(texts: TextTokens, out: ColumnWriter, events: EventTable, kept: number): void {
  for (let t = out.count; t < kept; t++) {
    const event = out.eventAt(t);
    if (events.kindAt(event) !== "text") continue;
    const text = events.textAt(event);
    const made = texts.get(text);
    if (made !== undefined && made.columns === out && made.first + made.length > out.count) texts.delete(text);
  }
}

/** The columns a tokenizer writes, token by token (or copied), grown as they fill. */
class ColumnWriter {
  /** Kind codes, with {@link WRITTEN_AS_KEY} where the token's text is its key. */
  kinds: Uint8Array;
  private events: Int32Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private ids: Int32Array;
  /** How many tokens are written (lowered to take back the last ones). */
  count = 0;
  /** The event the tokens written next come from. */
  event = 0;

  constructor(private capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.events = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** Writes a token of kind code `kind` at `start..end` whose key has id `id`. */
  add(kind: number, start: number, end: number, id: number): void {
    if (this.count === this.capacity) this.grow(1);
    const at = this.count++;
    this.kinds[at] = kind;
    this.events[at] = this.event;
    this.starts[at] = start;
    this.ends[at] = end;
    this.ids[at] = id;
  }

  /** The event token `t` (written, not taken back) comes from. */
  eventAt(t: number): number {
    return this.events[t]!;
  }

  /** Writes the tokens `first..first + length` of `from` again, `shift` characters later. */
  copy(from: ColumnWriter, first: number, length: number, shift: number): void {
    if (this.count + length > this.capacity) this.grow(length);
    const { kinds, events, starts, ends, ids, event } = this;
    let at = this.count;
    for (let t = first; t < first + length; t++, at++) {
      kinds[at] = from.kinds[t]!;
      events[at] = event;
      starts[at] = from.starts[t]! + shift;
      ends[at] = from.ends[t]! + shift;
      ids[at] = from.ids[t]!;
    }
    this.count = at;
  }

  /** Writes the tokens `first..end` of `from` again, `shift` characters and `eventShift` events later. */
  copyMoved(from: TokenColumns, first: number, end: number, shift: number, eventShift: number): void {
    const length = end - first;
    if (this.count + length > this.capacity) this.grow(length);
    const at = this.count;
    this.kinds.set(from.kinds.subarray(first, end), at);
    this.ids.set(from.ids.subarray(first, end), at);
    const { events, starts, ends } = this;
    for (let k = 0; k < length; k++) {
      events[at + k] = from.events[first + k]! + eventShift;
      starts[at + k] = from.starts[first + k]! + shift;
      ends[at + k] = from.ends[first + k]! + shift;
    }
    this.count = at + length;
  }

  /** The tokens written, as columns over `source` with keys in `table`. */
  columns(source: string, table: KeyTable): TokenColumns {
    const n = this.count;
    return new TokenColumns(n, this.kinds.subarray(0, n), this.events.subarray(0, n), this.starts.subarray(0, n), this.ends.subarray(0, n), this.ids.subarray(0, n), source, table);
  }

  /** Makes room for `more` tokens. */
  private grow(more: number): void {
    while (this.capacity < this.count + more) this.capacity *= 2;
    this.kinds = grown(this.kinds, new Uint8Array(this.capacity));
    this.events = grown(this.events, new Int32Array(this.capacity));
    this.starts = grown(this.starts, new Int32Array(this.capacity));
    this.ends = grown(this.ends, new Int32Array(this.capacity));
    this.ids = grown(this.ids, new Int32Array(this.capacity));
  }
}

/**
 * The old document's tokens, for the new document's events copied from it (see `parsePair`):
 * those events are the old one's, moved, and so are their tokens, where the selector options
 * leave the events as they are on both sides. Not with ignored white space, whose tokens depend
 * on the elements open around them.
 */
export interface CopiedTokens {
  /** The old document's whole token list. */
  readonly columns: TokenColumns;
  /** The old document's ignore plan. */
  readonly plan: IgnorePlan;
  /** The runs of the new document's events copied from the old one, in order. */
  readonly copies: readonly CopiedEvents[];
}

/**
 * Whether the old document's tokens of the events before `end` are as those events alone make
 * them: no ignored element after them took the white space at their end back (see the skip in
 * {@link tokenizeKeyed}), which it does up to the first token that is not white space. Where no
 * such token stands between `end` and the next ignored element, it may have: not as made, then.
 */
function noneTakenBack(copied: CopiedTokens, end: number): boolean {
  const next = firstIgnoredFrom(copied.plan, end);
  if (next < 0) return true;
  const { events, kinds } = copied.columns;
  const last = firstAtLeast(events, next);
  for (let t = firstAtLeast(events, end); t < last; t++) if ((kinds[t]! & ~WRITTEN_AS_KEY) !== KIND_CODE.space) return true;
  return false;
}

/** Where the tokens of a text were made: `length` tokens from `first` on, of a text event written at `base`. */
interface MadeText {
  readonly columns: ColumnWriter;
  readonly first: number;
  readonly length: number;
  readonly base: number;
}

/**
 * The tokens made of each text as written (no references decoded), by its text, for one set of
 * options and one key table: a text event's tokens depend on its text alone (the options
 * fixed, white space not kept against them), so a text met again (a line's indentation, a
 * repeated phrase, and in the new document of a pair most of the old one's) is copied, moved to
 * where it stands, instead of split into words again. Pass one to both sides' {@link tokenizeKeyed}.
 *
 * @example const texts = new TextTokens(); tokenizeKeyed(docA, opts, table, 0, n, texts); tokenizeKeyed(docB, opts, table, 0, m, texts) // docB's texts found in docA's are copied
 */
export class TextTokens extends Map<string, MadeText> {}

/**
 * How many tokens {@link tokenizeKeyed} makes of each of the events `from..to` (half-open),
 * added into `counts[event]`, without making them: one per markup event (none for a comment
 * when comments are ignored), one per word, space or punctuation piece of a text event. Only
 * for options that decide each event's tokens by the event alone: no selector option, no
 * ignoring of white space, no ignore-text pattern (the caller checks; this throws otherwise).
 *
 * @example const counts = new Int32Array(3); countTokens(parseDocument("<b>Hi you</b>"), opts, 0, 3, counts); counts // Int32Array [1, 3, 1]
 */
export function countTokens(doc: ParsedDocument, options: NormalizedOptions, from: number, to: number, counts: Int32Array): void {
  if (!eventLocal(options)) throw new Error("internal error: countTokens with options that look beyond one event");
  const { source, mode } = doc;
  const events = eventTable(doc);
  const { ignoreComments } = options;
  // Read from the columns: a scan over most of a document's events.
  const codes = events.allCodes();
  const { starts, ends } = events.allSpans();
  for (let index = from; index < to; index++) {
    const code = codes[index]!;
    const kind = code & KIND_MASK;
    if (kind !== EVENT_CODE.text) {
      if (!(kind === EVENT_CODE.comment && ignoreComments)) counts[index] = counts[index]! + 1;
      continue;
    }
    const start = starts[index]!;
    const end = ends[index]!;
    // A text as written is counted in the source, without a string of its own.
    if (code & AS_WRITTEN) {
      counts[index] = counts[index]! + countWordsIn(source, start, end);
      continue;
    }
    // (A text decoded when read is that decoding already.)
    const written = events.textAt(index);
    const text = code & DECODED_ON_READ || written.length === end - start ? written : decodeText(source.slice(start, end), mode).text;
    counts[index] = counts[index]! + countWords(text);
  }
}

/**
 * Whether the options make each event's tokens depend on that event (and the source under it)
 * alone: no selector option (whole elements, siblings), no ignoring of white space (it depends
 * on the open elements), no ignore-text pattern.
 */
export function eventLocal(options: NormalizedOptions): boolean {
  return !options.ignoreElements.length && !options.attributeRules.length && !options.ignoreWhitespace && !options.textPatterns.length;
}

/** Elements whose white space a browser shows as written. */
const PREFORMATTED = new Set(["pre", "textarea", "listing"]);

/**
 * Whether white space in the element `open` starts is significant, so that ignoring white space
 * leaves it compared: in pre, textarea and listing, and where `xml:space="preserve"` says so
 * (until an `xml:space="default"` inside); `inherited` is its parent's answer.
 */
function keepsSpace(events: EventTable, open: number, inherited: boolean): boolean {
  const space = events.attrsAt(open).find(([name]) => name === "xml:space")?.[1];
  if (space === "preserve") return true;
  if (space === "default") return false;
  return inherited || PREFORMATTED.has(events.nameAt(open).toLowerCase());
}

/** The key of a start tag with attributes ignored on it alone: not memoised (its attribute list may be shared with tags that keep them). */
function ownEntry(event: DocEvent, options: NormalizedOptions, table: KeyTable, ignoredHere: (name: string) => boolean): MarkupEntry {
  const id = table.id(markupKey(event, options, ignoredHere));
  return { key: table.key(id), id };
}

/**
 * The interned key of markup event `index` (of kind `kind`), memoised by what decides it (see
 * KeyTable.memoised); the event's object is made only when its key is not known yet.
 */
function markupEntry(events: EventTable, index: number, kind: DocEvent["kind"], options: NormalizedOptions, table: KeyTable): MarkupEntry {
  switch (kind) {
    case "open": {
      const name = events.nameAt(index);
      const attrs = events.attrsAt(index);
      const by = attrs.length ? attrs : name;
      const hit = table.memoised("open", by);
      // A shared attribute list comes from tags written alike, so of one name; events made by hand might not be.
      if (hit !== undefined && (by === name || isKeyOf(hit.key, name))) return hit;
      return table.remember("open", by, markupKey(events.event(index), options));
    }
    case "close": {
      const name = events.nameAt(index);
      return table.memoised("close", name) ?? table.remember("close", name, markupKey(events.event(index), options));
    }
    case "comment":
    case "cdata": {
      const text = events.textAt(index);
      return table.memoised(kind, text) ?? table.remember(kind, text, markupKey(events.event(index), options));
    }
    default: {
      const id = table.id(markupKey(events.event(index), options));
      return { key: table.key(id), id };
    }
  }
}

/** Whether a start tag's key (`<a href="x">`) is for the element `name`. */
function isKeyOf(key: string, name: string): boolean {
  const after = key.charCodeAt(name.length + 1);
  return key.startsWith(name, 1) && (after === 0x20 || after === 0x3e);
}

/** `to` holding `from` at its start. */
function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A side of a comparison whose tokens are columns (see {@link columnSide}). */
export interface ColumnSide {
  readonly doc: ParsedDocument;
  readonly list: TokenColumns;
  readonly ids: Int32Array;
  readonly ignoredAttributes: IgnorePlan["attributes"];
  /** Every token as an object, made on first read. */
  readonly tokens: readonly Token[];
}

/**
 * A document and its keyed tokens as a side of a comparison (an EditScript's Side, as the refine
 * stage reads it): read a field at a time through `list`; `tokens` makes every token when read.
 *
 * @example const side = columnSide(doc, tokenizeKeyed(doc, opts, new KeyTable())); side.list.kind(0) // "open"
 */
export function columnSide(doc: ParsedDocument, keyed: KeyedTokens): ColumnSide {
  return {
    doc,
    list: keyed.columns,
    ids: keyed.ids,
    ignoredAttributes: keyed.plan.attributes,
    get tokens() {
      return keyed.columns.tokens;
    },
  };
}
