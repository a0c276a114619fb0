// The words of two documents made only where they differ: the events between the runs the two
// share at their start and end, with a margin, are split into tokens; the shared runs are only
// counted, and their tokens made on demand (one event at a time, or the whole list when a
// renderer asks for it).

import type { ParsedDocument } from "../events/parse.js";
import type { NormalizedOptions } from "../options.js";
import type { Token } from "../types.js";
import { eventTable } from "../events/event-table.js";
import { KeyTable } from "./intern.js";
import { sharedEvents, tokenizePair } from "./shared-tokens.js";
import { countTokens, eventLocal, type KeyedTokens, tokenizeKeyed } from "./tokens.js";
import { balancedBounds } from "./window-bounds.js";

/** One side of a window: its document, every token on demand, and the window's own tokens. */
export interface WindowSide {
  readonly doc: ParsedDocument;
  /** Every token of the document, as {@link tokenizePair} makes them; made on first use. */
  readonly tokens: readonly Token[];
  /** The token at `index` of the whole list, made without the others where it lies outside the window. */
  readonly tokenAt: (index: number) => Token;
  /** How many tokens the whole list has. */
  readonly tokenCount: number;
  /** Per event, the index of its first token (of the next event's where it has none); the last entry is {@link tokenCount}. Must not be written to. */
  readonly firstTokens: Int32Array;
  /** The window's tokens (the whole list's `head..head + length`) and their key ids. */
  readonly window: KeyedTokens;
}

/** Two documents' tokens, split into words only in a window around where they differ. */
export interface TokenWindow {
  readonly a: WindowSide;
  readonly b: WindowSide;
  /** Tokens before the window, the same on both sides: copies at the same offsets, in text the two sources share. */
  readonly head: number;
  /** Tokens after the window, the same on both sides: copies moved by the difference in length, in text the two share. */
  readonly tail: number;
}

/** The window is not worth it when it holds more than this share of the old document's events. */
const MAX_WINDOW_SHARE = 0.5;

/**
 * The window of events that holds every difference between `a` and `b` and `margin` more
 * events at each end, widened until it holds both tags of each element it holds a tag of (on
 * both sides), with its tokens keyed in `table`; or undefined when the options look beyond
 * single events (see {@link eventLocal}), when an element is left open, or when the window
 * would hold most of the document (tokenizing everything then costs less than counting).
 *
 * The events before and after the window are equal events in text the two sources share (see
 * {@link sharedEvents}), so their tokens are equal and, written in the same bytes, have the
 * same text between them.
 *
 * @example const w = tokenWindow(parseDocument(`${big}<p>a</p>${big}`), parseDocument(`${big}<p>b</p>${big}`), opts, new KeyTable(), 16)!;
 *   w.a.window.tokens.length // a few dozen; w.head + w.a.window.tokens.length + w.tail === w.a.tokenCount
 */
export function tokenWindow(a: ParsedDocument, b: ParsedDocument, options: NormalizedOptions, table: KeyTable, margin: number): TokenWindow | undefined {
  if (!eventLocal(options)) return undefined;
  const tableA = eventTable(a);
  const tableB = eventTable(b);
  const eventsA = tableA.length;
  const eventsB = tableB.length;
  const shared = sharedEvents(a, b);
  const { headEvents, tailEvents } = shared;
  if (eventsA - tailEvents - headEvents > MAX_WINDOW_SHARE * eventsA) return undefined;
  const bounds = balancedBounds(tableA.allCodes(), tableB.allCodes(), Math.max(0, headEvents - margin), Math.max(0, tailEvents - margin), tableA.balanced && tableB.balanced);
  if (!bounds || bounds.endA - bounds.from > MAX_WINDOW_SHARE * eventsA) return undefined;
  const { from, endA, endB } = bounds;
  const windowA = tokenizeKeyed(a, options, table, from, endA);
  const windowB = tokenizeKeyed(b, options, table, from, endB);
  const countsA = new Int32Array(eventsA);
  countTokens(a, options, 0, from, countsA);
  countTokens(a, options, endA, eventsA, countsA);
  for (const event of windowA.columns.events) countsA[event]!++;
  const firstA = firstTokens(countsA);
  const firstB = sharingFirstTokens(firstA, from, endA, endB, windowB.columns.events);
  let whole: [readonly Token[], readonly Token[]] | undefined;
  const wholeLists = (): [readonly Token[], readonly Token[]] => {
    if (whole === undefined) {
      const [x, y] = tokenizePair(a, b, options, new KeyTable(), shared);
      whole = [x.tokens, y.tokens];
    }
    return whole;
  };
  const head = firstA[from]!;
  return {
    a: windowSide(a, windowA, firstA, head, options, () => wholeLists()[0]),
    b: windowSide(b, windowB, firstB, head, options, () => wholeLists()[1]),
    head,
    tail: firstA[eventsA]! - firstA[endA]!,
  };
}

/** Per event, the index of its first token (the last entry: the number of tokens). */
function firstTokens(counts: Int32Array): Int32Array {
  const first = new Int32Array(counts.length + 1);
  for (let e = 0; e < counts.length; e++) first[e + 1] = first[e]! + counts[e]!;
  return first;
}

/**
 * The new side's {@link firstTokens}, given the old side's (`firstA`): the same before the window
 * (`from`), made from the window's tokens' events (`windowEvents`, from `from` to `endB`) in it,
 * and after it the old side's after `endA`, moved by the difference in the window's tokens.
 */
function sharingFirstTokens(firstA: Int32Array, from: number, endA: number, endB: number, windowEvents: Int32Array): Int32Array {
  const eventsB = endB + firstA.length - 1 - endA;
  const first = new Int32Array(eventsB + 1);
  first.set(firstA.subarray(0, from + 1));
  for (const event of windowEvents) first[event + 1]!++;
  for (let e = from; e < endB; e++) first[e + 1]! += first[e]!;
  const moved = first[endB]! - firstA[endA]!;
  for (let e = endB; e < eventsB; e++) first[e + 1] = firstA[e + 1 - endB + endA]! + moved;
  return first;
}

/** A window side: its window's tokens, the rest made an event at a time on demand, the whole list on first use. */
function windowSide(doc: ParsedDocument, window: KeyedTokens, first: Int32Array, head: number, options: NormalizedOptions, whole: () => readonly Token[]): WindowSide {
  const inWindow = window.tokens.length;
  const made = new Map<number, readonly Token[]>();
  const own = new KeyTable();
  const tokenAt = (index: number): Token => {
    if (index >= head && index < head + inWindow) return window.tokens[index - head]!;
    const event = eventOf(first, index);
    let tokens = made.get(event);
    if (tokens === undefined) made.set(event, (tokens = tokenizeKeyed(doc, options, own, event, event + 1).tokens));
    return tokens[index - first[event]!]!;
  };
  return {
    doc,
    get tokens() {
      return whole();
    },
    tokenAt,
    tokenCount: first[first.length - 1]!,
    firstTokens: first,
    window,
  };
}

/** The event whose tokens hold token `index`, given each event's first token. */
function eventOf(first: Int32Array, index: number): number {
  let low = 0;
  let high = first.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (first[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}
