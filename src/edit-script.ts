// The edit script: opcodes over the two token lists, with counts and ways to name the events
// and source spans behind each opcode. It is the one contract between diffing and rendering.

import { eventTable, tableDocument } from "./events/event-table.js";
import { opcodeCounts } from "./match/opcodes.js";
import type { ParsedDocument } from "./events/parse.js";
import type { Change, Coarser, CompareUnit, Opcode, Span, Token, TokenList } from "./types.js";

/** One side of a comparison: the parsed document and the tokens that were compared. */
export interface Side {
  readonly doc: ParsedDocument;
  readonly tokens: readonly Token[];
  /**
   * The same tokens read a field at a time (see {@link sideList}), where the side stores them so:
   * then reading {@link tokens} makes every token, and {@link EditScript.token} makes only the one.
   */
  readonly list?: TokenList;
  /**
   * A side whose tokens are made on demand may give one token without making the whole
   * list (reading {@link tokens} makes it); {@link EditScript.token} uses it when present.
   */
  readonly tokenAt?: (index: number) => Token;
  /** With {@link tokenAt}: how many tokens {@link tokens} has. */
  readonly tokenCount?: number;
  /**
   * With {@link tokenAt}: per event of `doc`, the index of its first token (of the next event's
   * where it has none), the last entry the number of tokens. Must not be written to.
   */
  readonly firstTokens?: Int32Array;
}

/**
 * Tokens the two sides share as they are: the first `head` tokens of each side are copies of
 * each other at the same offsets, and the last `tail` tokens copies moved by the difference in
 * length, all in source text the two documents share; so the text between two of them is the
 * same on both sides too.
 */
export interface SharedTokens {
  readonly head: number;
  readonly tail: number;
}

/** Nothing known to be shared. */
const NOTHING_SHARED: SharedTokens = Object.freeze({ head: 0, tail: 0 });

/** Token counts of an edit script. */
export interface DiffStats {
  readonly inserted: number;
  readonly deleted: number;
  readonly unchanged: number;
}

/** Half-open event index ranges on both sides (`aStart === aEnd` when a side is empty). */
export interface EventRanges {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * What changed from `a` to `b`: opcodes that tile both token lists, their counts, and why the
 * diff is coarser than a minimal one, if it is (a cost cap, or lines and tags matched first when
 * the work budget was too small: {@link Coarser}).
 *
 * @example const s = diffDocuments("<p>a b</p>", "<p>a c</p>"); s.identical // false; s.stats.inserted // 1
 */
export class EditScript {
  /** Token counts over all opcodes. */
  readonly stats: DiffStats;
  /** True when no opcode changes anything (after the ignore options). */
  readonly identical: boolean;

  constructor(
    readonly a: Side,
    readonly b: Side,
    readonly opcodes: readonly Opcode[],
    /** One per non-equal opcode, in order: what a reader calls the change (move, attributes, tag, …). */
    readonly changes: readonly Change[],
    /** Why the diff is coarser than a minimal one; absent when it is not. */
    readonly coarser?: Coarser,
    /** Tokens known to be copies of each other at both ends (renderers skip comparing the text between them). */
    readonly shared: SharedTokens = NOTHING_SHARED,
  ) {
    const { inserted, deleted, unchanged } = opcodeCounts(opcodes);
    this.stats = Object.freeze({ inserted, deleted, unchanged });
    this.identical = inserted === 0 && deleted === 0;
    Object.freeze(this);
  }

  /** Whether the diff is coarser than a minimal one (JSON's `fallback`). */
  get fallback(): boolean {
    return this.coarser !== undefined;
  }

  /** What the matcher compared: `token`, or `line` when the work budget made it match lines and tags first (JSON's `unit`). */
  get unit(): CompareUnit {
    return this.coarser?.reason === "work-budget" ? "line" : "token";
  }

  /**
   * The token at `index` of side `side`: `this[side].tokens[index]`, without making the whole
   * list when the side makes its tokens on demand.
   *
   * @example diffDocuments("<p>a</p>", "<p>b</p>").token("b", 1).text // "b"
   */
  token(side: "a" | "b", index: number): Token {
    const chosen = this[side];
    // Not destructured: reading `tokens` makes the whole list.
    return chosen.tokenAt ? chosen.tokenAt(index) : chosen.list ? chosen.list.at(index) : chosen.tokens[index]!;
  }

  /**
   * How many tokens side `side` has: `this[side].tokens.length`, without making the list.
   *
   * @example diffDocuments("<p>a</p>", "<p>b</p>").tokenCount("a") // 3
   */
  tokenCount(side: "a" | "b"): number {
    return this[side].tokenCount ?? this[side].list?.length ?? this[side].tokens.length;
  }

  /** The events behind an opcode's tokens, as half-open index ranges into each side's events. */
  eventsOf(op: Opcode): EventRanges {
    const [aStart, aEnd] = this.eventRange("a", op.aStart, op.aEnd);
    const [bStart, bEnd] = this.eventRange("b", op.bStart, op.bEnd);
    return { aStart, aEnd, bStart, bEnd };
  }

  /** The source text behind an opcode's tokens on each side (an empty side: an empty span where it would be). */
  spansOf(op: Opcode): { readonly a: Span; readonly b: Span } {
    return { a: this.spanOf("a", op.aStart, op.aEnd), b: this.spanOf("b", op.bStart, op.bEnd) };
  }

  private eventRange(side: "a" | "b", start: number, end: number): [number, number] {
    const count = this.tokenCount(side);
    if (start === end) {
      const at = start < count ? this.field(side, start, "event") : count ? this.field(side, count - 1, "event") + 1 : 0;
      return [at, at];
    }
    return [this.field(side, start, "event"), this.field(side, end - 1, "event") + 1];
  }

  private spanOf(side: "a" | "b", start: number, end: number): Span {
    const count = this.tokenCount(side);
    if (start === end) {
      const at = start < count ? this.field(side, start, "start") : count ? this.field(side, count - 1, "end") : 0;
      return { start: at, end: at };
    }
    return { start: this.field(side, start, "start"), end: this.field(side, end - 1, "end") };
  }

  /** One number of {@link token}`(side, index)`, read from the side's list where it reads so (no token made). */
  private field(side: "a" | "b", index: number, name: "event" | "start" | "end"): number {
    const { tokenAt, list } = this[side];
    return tokenAt === undefined && list ? list[name](index) : this.token(side, index)[name];
  }
}

/**
 * `script`, made over the heads of two documents (`parseHeads`: the same text on both sides after
 * the last opcode's changes, read from the same state), with its sides' documents given their
 * whole sources `a` and `b`, which begin with the heads' sources: what a report of hunks shows
 * from it is what the script of the whole documents gives, since the text after the heads is
 * unchanged. The opcodes, changes and token counts are still those of the heads.
 *
 * @example onWholeSources(diffDocuments(...parseHeads(a, b)!), a, b).b.doc.source === b // true
 */
export function onWholeSources(script: EditScript, a: string, b: string): EditScript {
  return new EditScript(onSource(script.a, a), onSource(script.b, b), script.opcodes, script.changes, script.coarser, script.shared);
}

/** `side` with its document's source `source` (the same events); its getters are kept as getters, not read. */
function onSource(side: Side, source: string): Side {
  const doc = tableDocument(source, side.doc.mode, eventTable(side.doc));
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(side), doc: { value: doc, enumerable: true } }) as Side;
}
