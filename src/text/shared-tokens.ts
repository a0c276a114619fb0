// Tokenizes the two sides of a comparison, reading the text they share at their start and end
// once: the new side's tokens there are the old side's (copied column by column, those at the
// end moved by the difference in length), and only its events in between are split into words.

import type { ParsedDocument } from "../events/parse.js";
import { commonEnds } from "../events/common-ends.js";
import { sameAttributes } from "../events/event.js";
import { takenEvents } from "../events/shared-parse.js";
import type { NormalizedOptions } from "../options.js";
import { type EventTable, eventTable, FLAG, KIND_MASK } from "../events/event-table.js";
import type { KeyTable } from "./intern.js";
import { firstAtLeast } from "./sorted.js";
import { TokenColumns } from "./token-list.js";
import { type CopiedTokens, type KeyedTokens, keyedTokens, TextTokens, tokenizeKeyed } from "./tokens.js";

/**
 * Both sides' tokens, with keys interned in `table` in the same order (and so with the same
 * ids) as `tokenizeKeyed(a)` then `tokenizeKeyed(b)` would give.
 *
 * A token depends only on its event and the source text under the event's span (and the
 * options). So where the new side's events are equal to the old side's — the same kind, names,
 * attributes, text and flags, at spans in the bytes the two sources share at their start (or,
 * moved by the difference in length, at their end) — its tokens are the old side's. Selector
 * options decide over whole elements and siblings, and ignoring white space depends on the open
 * elements (it is kept in pre, textarea, …), so with them both sides are tokenized in full.
 * `shared` is {@link sharedEvents} of the two documents when the caller has it already.
 *
 * @example const [a, b] = tokenizePair(parseDocument(`${big}<p>a</p>`), parseDocument(`${big}<p>b</p>`), opts, new KeyTable());
 *   b.tokens[0] === a.tokens[0] // true: tokenized once
 */
export function tokenizePair(a: ParsedDocument, b: ParsedDocument, options: NormalizedOptions, table: KeyTable, shared?: { headEvents: number; tailEvents: number }): [KeyedTokens, KeyedTokens] {
  // The new side's texts met in the old one are copied from there.
  const texts = new TextTokens();
  const keyedA = tokenizeKeyed(a, options, table, 0, eventTable(a).length, texts);
  // The events the new document's parse copied from the old one, between their differences.
  const copies = takenEvents(a, b)?.copies;
  const copied: CopiedTokens | undefined = copies?.length && !options.ignoreWhitespace ? { columns: keyedA.columns, plan: keyedA.plan, copies } : undefined;
  if (options.ignoreElements.length || options.attributeRules.length || options.ignoreWhitespace) return [keyedA, tokenizeKeyed(b, options, table, 0, eventTable(b).length, texts, copied)];
  const { headEvents, tailEvents } = shared ?? sharedEvents(a, b);
  const eventsA = eventTable(a).length;
  const eventsB = eventTable(b).length;
  // Shared ends that are a small part of the new side save little work, and joining them would
  // hold a second set of its columns (the middle's, then the whole list's) at once.
  if ((headEvents + tailEvents) * MIN_SHARE_TO_JOIN < eventsB) return [keyedA, tokenizeKeyed(b, options, table, 0, eventsB, texts, copied)];
  const middle = tokenizeKeyed(b, options, table, headEvents, eventsB - tailEvents, texts, copied);
  const x = keyedA.columns;
  const head = firstAtLeast(x.events, headEvents);
  const tailFrom = firstAtLeast(x.events, eventsA - tailEvents);
  return [keyedA, keyedTokens(joined(x, head, middle.columns, tailFrom, b.source, eventsB - eventsA), middle.plan)];
}

/** The shared ends are taken over only when they hold at least one in this many of the new side's events. */
const MIN_SHARE_TO_JOIN = 8;

/**
 * The old side's first `head` tokens, then `middle`, then the old side's from `tailFrom` on moved
 * to where they stand in `source` (by the difference in length, and `eventShift` events later):
 * a run moved is copied and offset, column by column. The head's token objects, once made, are
 * the old side's.
 */
function joined(x: TokenColumns, head: number, middle: TokenColumns, tailFrom: number, source: string, eventShift: number): TokenColumns {
  const at = head + middle.length;
  const length = at + x.length - tailFrom;
  const shift = source.length - x.source.length;
  const kinds = new Uint8Array(length);
  const events = new Int32Array(length);
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const ids = new Int32Array(length);
  for (const [to, from, own] of [
    [kinds, x.kinds, middle.kinds],
    [events, x.events, middle.events],
    [starts, x.starts, middle.starts],
    [ends, x.ends, middle.ends],
    [ids, x.ids, middle.ids],
  ] as const) {
    to.set(from.subarray(0, head));
    to.set(own, head);
    to.set(from.subarray(tailFrom), at);
  }
  for (let t = at; t < length; t++) {
    events[t]! += eventShift;
    starts[t]! += shift;
    ends[t]! += shift;
  }
  return new TokenColumns(length, kinds, events, starts, ends, ids, source, x.table, { list: x, count: head });
}

/**
 * How many events the two documents share at their start and at their end: equal events whose
 * spans lie in the source text the two share there (at the end, the spans are moved by the
 * difference in length). The two runs never overlap on either side.
 */
export function sharedEvents(a: ParsedDocument, b: ParsedDocument): { headEvents: number; tailEvents: number } {
  const x = a.source;
  const y = b.source;
  // What the parse of the pair found out is not worked out again: events it took from the old
  // document are equal by construction.
  const known = takenEvents(a, b);
  const { head, tail } = known ? { head: known.headChars, tail: known.tailChars } : commonEnds(x, y);
  const takenHead = known?.head ?? 0;
  const takenTail = known?.tail ?? 0;
  const eventsA = eventTable(a);
  const eventsB = eventTable(b);
  const fewest = Math.min(eventsA.length, eventsB.length);
  // Read from the columns: the runs may be most of the document.
  const { starts, ends } = eventsA.allSpans();
  let headEvents = 0;
  // The new document's parse hands over the old one's events where it read the same text: those are equal as they are.
  while (headEvents < fewest && ends[headEvents]! <= head && (headEvents < takenHead || sameEvent(eventsA, headEvents, eventsB, headEvents, 0))) headEvents++;
  const tailStartA = x.length - tail;
  const shift = y.length - x.length;
  let tailEvents = 0;
  while (tailEvents < fewest - headEvents) {
    const at = eventsA.length - 1 - tailEvents;
    if (starts[at]! < tailStartA || (tailEvents >= takenTail && !sameEvent(eventsA, at, eventsB, eventsB.length - 1 - tailEvents, shift))) break;
    tailEvents++;
  }
  return { headEvents, tailEvents };
}

/** Whether event `j` of `y` is event `i` of `x` written `shift` characters later: the same kind, span, names, attributes, text and flags. */
function sameEvent(x: EventTable, i: number, y: EventTable, j: number, shift: number): boolean {
  // (Kind and flag: whether a text's string is kept or made from the source when read does not matter.)
  if ((x.codeAt(i) ^ y.codeAt(j)) & (KIND_MASK | FLAG) || x.startAt(i) + shift !== y.startAt(j) || x.endAt(i) + shift !== y.endAt(j)) return false;
  switch (x.kindAt(i)) {
    case "open":
      return x.nameAt(i) === y.nameAt(j) && sameAttributes(x.attrsAt(i), y.attrsAt(j));
    case "close":
      return x.nameAt(i) === y.nameAt(j);
    case "instruction":
      return x.nameAt(i) === y.nameAt(j) && x.dataAt(i) === y.dataAt(j);
    default:
      return x.textAt(i) === y.textAt(j);
  }
}
