// The shared vocabulary of the pipeline: events, tokens, opcodes and the edit script.
// Every stage speaks in these types; none of them holds behaviour.

/** Half-open offsets into the source: `source.slice(start, end)` is the item's own text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a document is parsed: HTML rules (void elements, implied end tags) or XML rules. */
export type ParseMode = "html" | "xml";

/** One attribute as written: name and value with character references decoded. */
export type Attribute = readonly [name: string, value: string];

/** A start tag. `selfClosing` is true for `<x/>` where the mode honours it. */
export interface OpenEvent extends Span {
  readonly kind: "open";
  readonly name: string;
  readonly attrs: readonly Attribute[];
  readonly selfClosing: boolean;
}

/** An end tag. `implied` is true when the parser closed the element without an end tag (empty span). */
export interface CloseEvent extends Span {
  readonly kind: "close";
  readonly name: string;
  readonly implied: boolean;
}

/** Character data, a comment or a CDATA section; `text` is the content with references decoded. */
export interface TextEvent extends Span {
  readonly kind: "text" | "comment" | "cdata";
  readonly text: string;
}

/** A processing instruction or a doctype: `name` is `?xml`, `!doctype`, …; `data` is what follows it. */
export interface InstructionEvent extends Span {
  readonly kind: "instruction";
  readonly name: string;
  readonly data: string;
}

/** One frozen event of a parsed document. */
export type DocEvent = OpenEvent | CloseEvent | TextEvent | InstructionEvent;

/**
 * A document's events read by index, without an object per event (an `EventTable`,
 * src/events/event-table.ts; `eventTable(doc)` gives a parsed document's): `event(i)` makes
 * one frozen {@link DocEvent} for the readers that want one.
 *
 * @example const events = eventTable(parseDocument("<p>Hi</p>")); events.kindAt(0) // "open"; events.nameAt(0) // "p"
 */
export interface EventReader {
  readonly length: number;
  kindAt(i: number): DocEvent["kind"];
  /** The name of a start or end tag or an instruction. */
  nameAt(i: number): string;
  startAt(i: number): number;
  endAt(i: number): number;
  /** The attributes of a start tag. */
  attrsAt(i: number): readonly Attribute[];
  /** Whether a start tag closes itself or an end tag is implied. */
  flagAt(i: number): boolean;
  /** The text of a text, comment or CDATA section, references decoded. */
  textAt(i: number): string;
  event(i: number): DocEvent;
}

/** The kinds of token the tokenizer produces; markup events are one token each. */
export type TokenKind = "word" | "space" | "punct" | "open" | "close" | "comment" | "cdata" | "instruction";

/** A unit of comparison: `text` as written (for display), `key` what is compared (after the ignore options). */
export interface Token extends Span {
  readonly kind: TokenKind;
  readonly text: string;
  readonly key: string;
  /** Index of the event this token comes from. */
  readonly event: number;
}

/**
 * Tokens read by index: `length`, and per token its fields, or (for a reader that wants one)
 * the whole token, made when asked. Indexes must lie in `0..length`.
 *
 * @example const list = listOf(tokens) // (text/token-list.ts); list.kind(0) // "open"; list.at(0) // tokens[0]
 */
export interface TokenList {
  /** How many tokens the list holds. */
  readonly length: number;
  /** Token `i` as an object: made on each call by a columnar list (it keeps none). */
  at(i: number): Token;
  /** Token `i`'s {@link Token.kind}. */
  kind(i: number): TokenKind;
  /** Token `i`'s {@link Token.event}: the index of the event it comes from. */
  event(i: number): number;
  /** Where token `i`'s source text starts. */
  start(i: number): number;
  /** Where token `i`'s source text ends (exclusive). */
  end(i: number): number;
  /** Token `i`'s {@link Token.key}: what is compared. */
  key(i: number): string;
  /** Token `i`'s {@link Token.text}: as written. */
  text(i: number): string;
}

/** The tag of an opcode, as in Python's difflib. */
export type OpTag = "equal" | "delete" | "insert" | "replace";

/** `a[aStart:aEnd]` becomes `b[bStart:bEnd]`; consecutive opcodes tile both sequences. */
export interface Opcode {
  readonly tag: OpTag;
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** A run of equal items: `a[a:a+size] == b[b:b+size]`. */
export interface MatchingBlock {
  readonly a: number;
  readonly b: number;
  readonly size: number;
}

/** What a sequence-matching algorithm returns: opcodes, and whether a cost cap forced a coarser result. */
export interface Alignment {
  readonly opcodes: readonly Opcode[];
  /** True when the work budget ran out and part of the result is coarser than minimal. */
  readonly fallback: boolean;
  /**
   * Present (and true) only when the whole work budget was spent, so that the regions left were
   * replaced wholesale; a cost cap alone sets {@link fallback} but not this.
   */
  readonly exhausted?: true;
}

/** The unit the matcher compared: `token` (words, spaces, tags), or `line` (lines and tags first, then tokens inside the changed ones). */
export type CompareUnit = "token" | "line";

/**
 * Why a diff is coarser than a minimal one, when it is: `cost-cap`, a matcher's cost cap or the
 * work budget cut a search short and parts were replaced whole; `work-budget`, the budget was too
 * small for a token diff, so lines and tags were matched first (tokens only inside changed ones).
 * `budget` is the work budget that applied, in work units.
 */
export interface Coarser {
  readonly reason: "cost-cap" | "work-budget";
  readonly budget: number;
}

/** The matching algorithms the pipeline can run over interned keys. */
export type AlgorithmName = "default" | "myers" | "histogram" | "difflib";

/** What a change is, as a reader names it. */
export type ChangeKind = "insert" | "delete" | "replace" | "move" | "attributes" | "tag" | "reindent";

/** One attribute that differs between two paired start tags; `null` where the attribute is absent. */
export interface AttributeDelta {
  readonly name: string;
  readonly old: string | null;
  readonly new: string | null;
}

/**
 * The reading of one non-equal opcode. Which side a move half stands on follows from its
 * opcode (a delete is where the block left, an insert where it arrived).
 */
export interface Change {
  readonly kind: ChangeKind;
  /** Index of the opcode this change describes. */
  readonly op: number;
  /** A move's other half, or a renamed start tag's end tag (and back): an index into the changes. */
  readonly partner?: number;
  /** For a tag change: the element's old and new names. */
  readonly oldName?: string;
  readonly newName?: string;
  /** For an attribute change (or a tag change whose attributes changed too): what differs. */
  readonly attributes?: readonly AttributeDelta[];
  /**
   * For both halves of a move that was edited too: opcodes (old and new token indexes) that tile
   * the moved block's old and new text, edge whitespace aside, and turn one into the other.
   */
  readonly inner?: readonly Opcode[];
}
