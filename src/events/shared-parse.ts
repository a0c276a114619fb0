// Parses the two documents of a comparison, reading the text they share once: the new
// document's parse starts from the old one's state where their shared start ends, crosses each
// run of text shared between their differences where it is in the old one's state at the run's
// start (copying the old one's events there, moved), and stops where it has come back to the old
// one's state inside their shared end, whose events it takes from the old document, moved.

import { DeepParser, type ParserState } from "./htmlparser2-adapter.js";
import { commonEnds } from "./common-ends.js";
import { type EventTable, eventTable, tableDocument } from "./event-table.js";
import { type BuilderState, EventBuilder, type ParsedDocument, type ParseOptions, parseSharing } from "./parse.js";
import { RUN_SEARCH, type RunSearch, type SharedRun, sharedRuns } from "./shared-runs.js";

/** Characters between the places in the shared end where the new document's parse may rejoin the old one's. */
const REJOIN_STEP = 4096;

/** The parser's and the event builder's state at one place of the old document. */
interface Checkpoint {
  readonly parser: ParserState;
  readonly builder: BuilderState;
}

/**
 * How many events of a new document {@link parsePair} took from the old one, at the start as
 * they are and at the end moved; and how many characters the two sources share at their start
 * and (after those) at their end.
 */
interface TakenEvents extends SharedText {
  readonly old: ParsedDocument;
  readonly head: number;
  readonly tail: number;
  /** The runs of events copied from the old document where the two share text between their differences (see `sharedRuns`), in order. */
  readonly copies: readonly CopiedEvents[];
}

/** Events `b..b + count` of a new document, copies of its old document's events `a..a + count` written `shift` characters later. */
export interface CopiedEvents {
  readonly a: number;
  readonly b: number;
  readonly count: number;
  readonly shift: number;
}

/** How many characters two sources share at their start, and after those at their end. */
interface SharedText {
  readonly headChars: number;
  readonly tailChars: number;
}

/** The events each new document parsed by {@link parsePair} took from its old one. */
const taken = new WeakMap<ParsedDocument, TakenEvents>();

/**
 * How many events `b` took from `a` when {@link parsePair} parsed them (its first `head` events
 * are `a`'s own objects, its last `tail` are `a`'s last, moved by the difference in length; runs
 * of equal events may go on past them), with their shared text ({@link commonEnds}); undefined when `b` was
 * not parsed with `a`.
 *
 * @example const [a, b] = parsePair(`${big}<p>a</p>${big}`, `${big}<p>b</p>${big}`);
 *   takenEvents(a, b) // { head: 4000, tail: 3990, headChars: 40002, tailChars: 40003, … } (say)
 */
export function takenEvents(a: ParsedDocument, b: ParsedDocument): Omit<TakenEvents, "old"> | undefined {
  const known = taken.get(b);
  return known?.old === a ? known : undefined;
}

/**
 * Both documents parsed, with the events that {@link parseDocument} gives each.
 *
 * The parser is deterministic and reads forward: up to the first character where the two
 * sources differ, it does the same for both, so the new document's parse starts from the old
 * one's state at a `<` before that character, with the old one's events so far. In the text
 * the two share at their end, wherever the new document's parser and event builder are in the
 * old one's state at the same place (moved by the difference in length), what is left to read
 * is the same too: the rest of its events are the old one's, moved. So between the two: where
 * the sources share a run of text (`sharedRuns`) and the new document's parse reaches the run's
 * second `<` in the old one's state there, the events up to the run's last `<` are the old one's,
 * moved, and the parse goes on from the old one's state at that `<`. `search` tunes how runs are found.
 *
 * @example const [a, b] = parsePair(`${big}<p>a</p>${big}`, `${big}<p>b</p>${big}`);
 *   b.events[0] === a.events[0] // true: parsed once
 */
export function parsePair(a: string, b: string, options: ParseOptions = {}, search: RunSearch = RUN_SEARCH): [ParsedDocument, ParsedDocument] {
  const mode = options.mode ?? "html";
  const { head, tail } = commonEnds(a, b);
  const text: SharedText = { headChars: head, tailChars: tail };
  const tailStart = a.length - tail;

  const { implied } = options;
  const builderA = new EventBuilder(a, mode);
  const parserA = new DeepParser(a, builderA, mode, implied);
  const checkpoint = (): Checkpoint | null => {
    const parser = parserA.checkpoint();
    const builder = builderA.checkpoint();
    return parser && builder && { parser, builder };
  };
  let written = 0;
  const writeA = (to: number): Checkpoint | null => {
    parserA.write(a.slice(written, to));
    written = to;
    return checkpoint();
  };
  const cut = head > 0 ? a.lastIndexOf("<", head - 1) : -1;
  const start = cut > 0 ? writeA(cut) : null;
  const crossings: Crossing[] = [];
  for (const run of sharedRuns(a, b, head, tailStart, b.length - tail, search)) {
    const crossing = crossRun(a, run, written, search.minLength, writeA);
    if (crossing) crossings.push(crossing);
  }
  const rejoins: Checkpoint[] = [];
  for (let at = tail ? a.indexOf("<", Math.max(tailStart, written + 1)) : -1; at > written; at = a.indexOf("<", at + REJOIN_STEP)) {
    const here = writeA(at);
    if (here) rejoins.push(here);
  }
  parserA.write(a.slice(written));
  parserA.end();
  builderA.finish();
  const tableA = builderA.table;
  const docA = tableDocument(a, mode, tableA);
  // The new document's builder shares the old one's attribute lists and names (see BuilderTables).
  if (start === null && crossings.length === 0 && rejoins.length === 0) return [docA, parseSharing([b], { mode, ...(implied ? { implied } : {}) }, builderA.tables)];

  const builderB = new EventBuilder(b, mode, builderA.tables);
  const parserB = new DeepParser(b, builderB, mode, implied);
  let read = 0;
  const takenHead = start ? start.builder.events : 0;
  if (start) {
    builderB.restore(start.builder, tableA);
    parserB.restore(start.parser);
    read = start.parser.index;
  }
  // Reads the new document on up to `to`, when not past it already; whether it did.
  const readB = (to: number): boolean => {
    if (to <= read) return false;
    parserB.write(b.slice(read, to));
    read = to;
    return true;
  };
  const copies: CopiedEvents[] = [];
  for (const { enter, leave, run } of crossings) {
    const shift = run.b - run.a;
    if (!readB(enter.parser.index + shift)) continue;
    if (parserB.inState(enter.parser, shift) && builderB.inState(enter.builder, shift, run.a)) {
      // The text up to the run's last tag is the old document's, read from its state: so are its events.
      const count = leave.builder.events - enter.builder.events;
      if (count > 0) copies.push({ a: enter.builder.events, b: builderB.table.length, count, shift });
      builderB.table.copy(tableA, enter.builder.events, count, shift);
      builderB.moveTo(leave.builder, shift);
      parserB.restore(leave.parser, shift);
      read = leave.parser.index + shift;
    }
  }
  const shift = b.length - a.length;
  for (const rejoin of rejoins) {
    if (!readB(rejoin.parser.index + shift)) continue;
    if (parserB.inState(rejoin.parser, shift) && builderB.inState(rejoin.builder, shift, tailStart)) {
      // The rest is the old document's, moved: one record, not a copy per event.
      const tail = tableA.length - rejoin.builder.events;
      builderB.table.take(tableA, rejoin.builder.events, tail, shift);
      return [docA, took(tableDocument(b, mode, builderB.table), { old: docA, head: takenHead, tail, copies, ...text })];
    }
  }
  parserB.write(b.slice(read));
  parserB.end();
  builderB.finish();
  return [docA, took(tableDocument(b, mode, builderB.table), { old: docA, head: takenHead, tail: 0, copies, ...text })];
}

/** Where the new document's parse may cross a shared run: the old one's state at a `<` near the run's start and at its last `<`. */
interface Crossing {
  readonly run: SharedRun;
  readonly enter: Checkpoint;
  readonly leave: Checkpoint;
}

/**
 * The old document's states where the new one's parse would enter `run` and leave it (written
 * up to each by `writeA`, which has written up to `written`); null where either state is not
 * one to take (inside a tag, a comment, raw text) or the run holds too little between them.
 * The parse enters at the run's second `<`: at its first, the text before may have begun
 * before the run, where the sources differ.
 */
function crossRun(a: string, run: SharedRun, written: number, minLength: number, writeA: (to: number) => Checkpoint | null): Crossing | null {
  const first = a.indexOf("<", Math.max(run.a, written + 1));
  const enterAt = first < 0 ? -1 : a.indexOf("<", first + 1);
  const leaveAt = a.lastIndexOf("<", run.a + run.length - 1);
  if (enterAt < 0 || leaveAt - enterAt < minLength / 2) return null;
  const enter = writeA(enterAt);
  const leave = enter && writeA(leaveAt);
  return enter && leave && { run, enter, leave };
}

/** `doc`, noted as having taken what `events` says from its old document (see {@link takenEvents}). */
function took(doc: ParsedDocument, events: TakenEvents): ParsedDocument {
  taken.set(doc, events);
  return doc;
}

/** How far {@link parseHeads} cuts past where the two sources last differ, and how much it must leave unread to cut at all. */
export interface HeadCut {
  /** Characters of shared text kept after the last difference (the report's context, and the room a change may slide in). */
  readonly margin: number;
  /** Characters that must be left unread for the cut to be worth a second parse of the heads when it fails. */
  readonly minRest: number;
}

/** 64 KB of shared text after the last difference; cut only when at least 256 KB is left unread. */
const HEAD_CUT: HeadCut = Object.freeze({ margin: 1 << 16, minRest: 1 << 18 });

/**
 * The heads of `a` and `b`: both parsed only up to a `<` some way into the text they share at
 * their end ({@link HeadCut.margin} past their last difference), with the new one's parse back in
 * the old one's state before that place, so that the events of both documents up to there are
 * the events of their heads, and the rest of both is the same text read from the same state;
 * undefined when the sources share too little at their end for the cut to save work (or differ
 * over most of the heads), when the new document's parse does not come back to the old one's
 * state before the cut, or when a heading is open at the cut (its words may go on past it).
 *
 * @example const heads = parseHeads(`${big}<p>a</p>${big}`, `${big}<p>b</p>${big}`); heads?.[0].source.length // a.length - (most of big)
 */
export function parseHeads(a: string, b: string, options: ParseOptions = {}, cut: HeadCut = HEAD_CUT): [ParsedDocument, ParsedDocument] | undefined {
  const { head, tail } = commonEnds(a, b);
  const at = a.indexOf("<", a.length - tail + cut.margin);
  if (at < 0 || a.length - at < cut.minRest) return undefined;
  // Where the text between the first and last differences is most of the heads, the changes are
  // compared whole, not in a window (which the script of the heads needs): not worth a parse.
  if (2 * (a.length - tail - head) > at) return undefined;
  const shift = b.length - a.length;
  const [headA, headB] = parsePair(a.slice(0, at), b.slice(0, at + shift), options);
  if ((takenEvents(headA, headB)?.tail ?? 0) === 0 || headingOpenAtEnd(eventTable(headA))) return undefined;
  return [headA, headB];
}

/**
 * Whether a heading (`h1` to `h6`) is still open where the table's document ends (its end tag
 * implied there): a report names a hunk by the words of the heading before it, which would be cut.
 */
function headingOpenAtEnd(table: EventTable): boolean {
  for (let i = table.length - 1; i >= 0 && table.kindAt(i) === "close" && table.flagAt(i); i--) if (/^h[1-6]$/i.test(table.nameAt(i))) return true;
  return false;
}
