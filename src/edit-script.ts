// The edit script: opcodes over the two token lists, with counts and ways to name the events
// and source spans behind each opcode. It is the one contract between diffing and rendering.

import type { ParsedDocument } from "./events/parse.js";
import type { Change, Coarser, CompareUnit, Opcode, Span, Token } from "./types.js";

/** One side of a comparison: the parsed document and the tokens that were compared. */
export interface Side {
  readonly doc: ParsedDocument;
  readonly tokens: readonly Token[];
}

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
  ) {
    let inserted = 0;
    let deleted = 0;
    let unchanged = 0;
    for (const op of opcodes) {
      if (op.tag === "equal") unchanged += op.aEnd - op.aStart;
      else {
        deleted += op.aEnd - op.aStart;
        inserted += op.bEnd - op.bStart;
      }
    }
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

  /** The events behind an opcode's tokens, as half-open index ranges into each side's events. */
  eventsOf(op: Opcode): EventRanges {
    const [aStart, aEnd] = eventRange(this.a.tokens, op.aStart, op.aEnd);
    const [bStart, bEnd] = eventRange(this.b.tokens, op.bStart, op.bEnd);
    return { aStart, aEnd, bStart, bEnd };
  }

  /** The source text behind an opcode's tokens on each side (an empty side: an empty span where it would be). */
  spansOf(op: Opcode): { readonly a: Span; readonly b: Span } {
    return { a: spanOf(this.a, op.aStart, op.aEnd), b: spanOf(this.b, op.bStart, op.bEnd) };
  }
}

function eventRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  if (start === end) {
    const at = start < tokens.length ? tokens[start]!.event : tokens.length ? tokens[tokens.length - 1]!.event + 1 : 0;
    return [at, at];
  }
  return [tokens[start]!.event, tokens[end - 1]!.event + 1];
}

function spanOf(side: Side, start: number, end: number): Span {
  const { tokens } = side;
  if (start === end) {
    const at = start < tokens.length ? tokens[start]!.start : tokens.length ? tokens[tokens.length - 1]!.end : 0;
    return { start: at, end: at };
  }
  return { start: tokens[start]!.start, end: tokens[end - 1]!.end };
}
