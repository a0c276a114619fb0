// A side's tokens read by index, one field at a time: the hot loops of matching, refining and
// rendering read a token's kind, event or span, never a whole token. TokenColumns stores them so
// (typed arrays, no object per token); listOf reads a plain Token[] the same way.

import { eventTable } from "../events/event-table.js";
import type { ParsedDocument } from "../events/parse.js";
import type { DocEvent, Token, TokenKind, TokenList } from "../types.js";
import type { KeyTable } from "./intern.js";

/** The token kinds by their code in {@link TokenColumns}. */
const KINDS: readonly TokenKind[] = ["word", "space", "punct", "open", "close", "comment", "cdata", "instruction"];

/** The code of each token kind. */
export const KIND_CODE: Readonly<Record<TokenKind, number>> = Object.freeze({ word: 0, space: 1, punct: 2, open: 3, close: 4, comment: 5, cdata: 6, instruction: 7 });

/** Set in a kind code when the token's text is its key as written (no slice of the source to make). */
export const WRITTEN_AS_KEY = 0x80;

/**
 * Tokens stored column by column: per token a kind code (with {@link WRITTEN_AS_KEY}), its
 * event, its span and its key's id in `table`. A token's key is the table's string for its id;
 * its text is that same string where it was written so, else the source under its span.
 *
 * @example const c = tokenizeKeyed(parseDocument("<b>Hi</b>"), opts, new KeyTable()).columns; c.text(1) // "Hi"; c.at(1).event // 1
 */
export class TokenColumns implements TokenList {
  private tokensMade: Token[] | undefined;

  constructor(
    readonly length: number,
    /** Kind codes ({@link KIND_CODE}), {@link WRITTEN_AS_KEY} set where the text is the key. */
    readonly kinds: Uint8Array,
    readonly events: Int32Array,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** The interned ids of the keys. */
    readonly ids: Int32Array,
    readonly source: string,
    readonly table: KeyTable,
    /** Tokens whose objects, once made, are another list's: its first `count` (see {@link tokens}). */
    private readonly sharedHead?: { readonly list: TokenColumns; readonly count: number },
  ) {}

  at(i: number): Token {
    return { kind: this.kind(i), text: this.text(i), key: this.key(i), event: this.events[i]!, start: this.starts[i]!, end: this.ends[i]! };
  }

  kind(i: number): TokenKind {
    return KINDS[this.kinds[i]! & ~WRITTEN_AS_KEY]!;
  }

  event(i: number): number {
    return this.events[i]!;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  key(i: number): string {
    return this.table.key(this.ids[i]!);
  }

  text(i: number): string {
    return this.kinds[i]! & WRITTEN_AS_KEY ? this.table.key(this.ids[i]!) : this.source.slice(this.starts[i]!, this.ends[i]!);
  }

  /**
   * Every token as an object, made on first use and kept (for readers of a whole `Token[]`);
   * where this list starts with another's tokens (see tokenizePair), those objects are shared.
   */
  get tokens(): Token[] {
    if (this.tokensMade === undefined) {
      const head = this.sharedHead ? this.sharedHead.list.tokens.slice(0, this.sharedHead.count) : [];
      for (let i = head.length; i < this.length; i++) head.push(this.at(i));
      this.tokensMade = head;
    }
    return this.tokensMade;
  }
}

/**
 * Each token's kind code ({@link KIND_CODE}) of a list, possibly with {@link WRITTEN_AS_KEY} set
 * (mask it off with `& ~WRITTEN_AS_KEY`): a columnar list's own column, else read token by token.
 * Must not be written to. For loops over every token that look at few of them by kind.
 *
 * @example kindCodes(tokenizeKeyed(parseDocument("<b>Hi</b>"), opts, new KeyTable()).columns)[0] & ~WRITTEN_AS_KEY // KIND_CODE.open
 */
export function kindCodes(list: TokenList): Uint8Array {
  if (list instanceof TokenColumns) return list.kinds.length === list.length ? list.kinds : list.kinds.subarray(0, list.length);
  const codes = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) codes[i] = KIND_CODE[list.kind(i)];
  return codes;
}

/**
 * Each token's event of a list: a columnar list's own column, else read token by token. Must
 * not be written to. For loops over every token.
 *
 * @example tokenEvents(tokenizeKeyed(parseDocument("<b>Hi</b>"), opts, new KeyTable()).columns) // Int32Array [0, 1, 2]
 */
export function tokenEvents(list: TokenList): Int32Array {
  if (list instanceof TokenColumns) return list.events.length === list.length ? list.events : list.events.subarray(0, list.length);
  const events = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) events[i] = list.event(i);
  return events;
}

/** Token objects read as a {@link TokenList}: each field read from the object `at` gives, whether it is kept (see {@link listOf}) or made per read (see {@link sideList}). */
class ObjectList implements TokenList {
  constructor(
    readonly length: number,
    readonly at: (i: number) => Token,
  ) {}

  kind(i: number): TokenKind {
    return this.at(i).kind;
  }

  event(i: number): number {
    return this.at(i).event;
  }

  start(i: number): number {
    return this.at(i).start;
  }

  end(i: number): number {
    return this.at(i).end;
  }

  key(i: number): string {
    return this.at(i).key;
  }

  text(i: number): string {
    return this.at(i).text;
  }
}

/** The lists made for token arrays, so that one array is always read through one list. */
const LISTS = new WeakMap<readonly Token[], TokenList>();

/**
 * `tokens` read as a {@link TokenList} (the same list for the same array).
 *
 * @example listOf([{ kind: "word", text: "a", key: "a", event: 0, start: 0, end: 1 }]).kind(0) // "word"
 */
export function listOf(tokens: readonly Token[]): TokenList {
  let list = LISTS.get(tokens);
  if (list === undefined) LISTS.set(tokens, (list = new ObjectList(tokens.length, (i) => tokens[i]!)));
  return list;
}

/** What {@link sideList} reads of a side (an EditScript's Side). */
interface ListedSide {
  readonly tokens: readonly Token[];
  readonly list?: TokenList;
  readonly tokenAt?: (index: number) => Token;
  readonly tokenCount?: number;
}

/** The lists made for sides that make their tokens on demand. */
const ON_DEMAND = new WeakMap<ListedSide, TokenList>();

/**
 * Event `index` of a side's document as an object, made alone (the document's other events are
 * not made; two reads give the same object).
 *
 * @example sideEvent(diffDocuments("<p>a</p>", "<p>b</p>").b, 0).kind // "open"
 */
export function sideEvent(side: { readonly doc: ParsedDocument }, index: number): DocEvent {
  return eventTable(side.doc).event(index);
}

/**
 * A side's tokens as a {@link TokenList} (the same list for the same side): its own `list`
 * where it has one, else one making each token on demand where it makes them so (`tokenAt`),
 * else its `tokens` read as a list.
 *
 * @example sideList(diffDocuments("<p>a</p>", "<p>b</p>").b).text(1) // "b"
 */
export function sideList(side: ListedSide): TokenList {
  if (side.list) return side.list;
  if (side.tokenAt === undefined) return listOf(side.tokens);
  let list = ON_DEMAND.get(side);
  if (list === undefined) ON_DEMAND.set(side, (list = new ObjectList(side.tokenCount ?? side.tokens.length, side.tokenAt)));
  return list;
}

/**
 * The tokens `start..end` of `list` as a list of their own (indexes from 0), their objects made.
 *
 * @example sliceList(list, 2, 4).at(0) // a token equal to list.at(2)
 */
export function sliceList(list: TokenList, start: number, end: number): TokenList {
  const tokens: Token[] = [];
  for (let i = start; i < end; i++) tokens.push(list.at(i));
  return listOf(tokens);
}
