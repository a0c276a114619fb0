// Tokenizes the two sides of a comparison, reading the text they share at their start and end
// once: the new side's tokens there are the old side's (the same objects at the start, copies
// moved by the difference in length at the end), and only its events in between are split
// into words.

import type { ParsedDocument } from "../events/parse.js";
import { commonEnds } from "../events/common-ends.js";
import { takenEvents } from "../events/shared-parse.js";
import type { NormalizedOptions } from "../options.js";
import type { Attribute, DocEvent, Token } from "../types.js";
import type { KeyTable } from "./intern.js";
import { type KeyedTokens, tokenizeKeyed } from "./tokens.js";

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
  const keyedA = tokenizeKeyed(a, options, table);
  if (options.ignoreElements.length || options.attributeRules.length || options.ignoreWhitespace) return [keyedA, tokenizeKeyed(b, options, table)];
  const { headEvents, tailEvents } = shared ?? sharedEvents(a, b);
  const eventsA = a.events.length;
  const eventsB = b.events.length;
  if (headEvents === 0 && tailEvents === 0) return [keyedA, tokenizeKeyed(b, options, table)];
  const middle = tokenizeKeyed(b, options, table, headEvents, eventsB - tailEvents);
  const tokensA = keyedA.tokens;
  const headTokens = firstTokenOf(tokensA, headEvents);
  const tailTokens = tokensA.length - firstTokenOf(tokensA, eventsA - tailEvents);
  const shift = b.source.length - a.source.length;
  const eventShift = eventsB - eventsA;
  const tokens: Token[] = tokensA.slice(0, headTokens);
  for (const token of middle.tokens) tokens.push(token);
  for (let i = tokensA.length - tailTokens; i < tokensA.length; i++) tokens.push(moved(tokensA[i]!, shift, eventShift));
  const ids = new Int32Array(tokens.length);
  ids.set(keyedA.ids.subarray(0, headTokens));
  ids.set(middle.ids, headTokens);
  ids.set(keyedA.ids.subarray(tokensA.length - tailTokens), headTokens + middle.tokens.length);
  return [keyedA, { tokens, ids, plan: middle.plan }];
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
  const eventsA = a.events;
  const eventsB = b.events;
  const fewest = Math.min(eventsA.length, eventsB.length);
  let headEvents = 0;
  // The new document's parse hands over the old one's event objects where it read the same text: those are equal as they are.
  while (headEvents < fewest && eventsA[headEvents]!.end <= head && (headEvents < takenHead || eventsA[headEvents] === eventsB[headEvents] || sameEvent(eventsA[headEvents]!, eventsB[headEvents]!, 0)))
    headEvents++;
  const tailStartA = x.length - tail;
  const shift = y.length - x.length;
  let tailEvents = 0;
  while (tailEvents < fewest - headEvents) {
    const eventA = eventsA[eventsA.length - 1 - tailEvents]!;
    if (eventA.start < tailStartA || (tailEvents >= takenTail && !sameEvent(eventA, eventsB[eventsB.length - 1 - tailEvents]!, shift))) break;
    tailEvents++;
  }
  return { headEvents, tailEvents };
}

/** Whether `y` is `x` written `shift` characters later: the same kind, span, names, attributes, text and flags. */
function sameEvent(x: DocEvent, y: DocEvent, shift: number): boolean {
  if (x.kind !== y.kind || x.start + shift !== y.start || x.end + shift !== y.end) return false;
  switch (x.kind) {
    case "open": {
      const other = y as typeof x;
      return x.name === other.name && x.selfClosing === other.selfClosing && sameAttributes(x.attrs, other.attrs);
    }
    case "close":
      return x.name === (y as typeof x).name && x.implied === (y as typeof x).implied;
    case "instruction":
      return x.name === (y as typeof x).name && x.data === (y as typeof x).data;
    default:
      return x.text === (y as typeof x).text;
  }
}

/** Whether two attribute lists hold the same names and values in the same order. */
function sameAttributes(x: readonly Attribute[], y: readonly Attribute[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]![0] !== y[i]![0] || x[i]![1] !== y[i]![1]) return false;
  return true;
}

/** The index of the first token of the event `event` or a later one (tokens are in event order). */
function firstTokenOf(tokens: readonly Token[], event: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid]!.event < event) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `token` as the same text written `shift` characters and `eventShift` events later. */
function moved(token: Token, shift: number, eventShift: number): Token {
  if (shift === 0 && eventShift === 0) return token;
  return { kind: token.kind, text: token.text, key: token.key, event: token.event + eventShift, start: token.start + shift, end: token.end + shift };
}
