// htmlparser2's Parser, adapted: O(1) element stacks, exact event starts, and the hot paths
// (text, attributes) reported as source offsets to one EventSink instead of as strings and
// dictionaries to callbacks.

import type { Handler } from "htmlparser2";
import type { ParseMode } from "../types.js";
import { breaksOut, type ContentKind, ContentKindStack } from "../html/foreign.js";
import { ImpliedTags } from "../html/implied-tags.js";
import { scriptState } from "../html/script-state.js";
import { Parser } from "./htmlparser2-parser.js";

/**
 * What {@link DeepParser} reports. Offsets are into the whole source; `end` is exclusive.
 * Attributes of a start tag arrive before the tag itself, which is reported once its `>` (or
 * the implying tag) has been read.
 */
export interface EventSink {
  /** A piece of character data (adjacent pieces belong to one text run). */
  text(start: number, end: number): void;
  /** An attribute of the start tag being read: the spans of its name and of its raw value (`valueStart` −1 when it has none). */
  attribute(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void;
  /**
   * A start tag from `start` (its `<`) to `end`; implied ones have no text of their own.
   * `rawText`: the tokenizer reads the element's content as raw text (a script, style, title,
   * textarea or xmp in HTML content; in svg or math they hold markup).
   */
  open(name: string, start: number, end: number, implied: boolean, rawText: boolean): void;
  /** An end tag from its `<` (at `start`), the tag name ending at `nameEnd`; implied ones have no text. */
  close(name: string, start: number, nameEnd: number, implied: boolean): void;
  /** A comment (its data already cut out of the source) from `start` to `end`. */
  comment(data: string, start: number, end: number): void;
  /** A CDATA section from `start` to `end` (XML mode; HTML reads one as a comment). */
  cdata(start: number, end: number): void;
  /** A processing instruction or declaration: `?xml`, `!doctype`, … and all that follows `<`. */
  instruction(name: string, data: string, start: number, end: number): void;
  /** Where the white space that ends at `at`, read since the last event, starts (`at` when there is none). */
  spaceBefore(at: number): number;
}

/**
 * A stack with its top at index 0, as htmlparser2's Parser expects of its open-element and
 * foreign-context stacks, but stored top-last. The parser uses `unshift`/`shift` on plain
 * arrays, which is O(depth) per tag and made 100,000 nested elements take about 20 s;
 * push/pop keeps every tag O(1). Only the members the parser uses are provided.
 */
class TopFirstStack<T> {
  private readonly items: T[] = [];
  /**
   * The top item, kept as an own data property: the parser reads `stack[0]` per tag, and an
   * indexed getter on the prototype is a slow keyed lookup (about 15 times a field's cost).
   */
  0: T | undefined = undefined;
  /**
   * How many items the stack holds, an own data property for the same reason: the parser reads
   * it per start tag that may close others. Its one write (`length = 0`, in the stock `reset`)
   * comes after {@link DeepParser.reset} has emptied the stack.
   */
  length = 0;
  unshift(item: T): number {
    this[0] = item;
    return (this.length = this.items.push(item));
  }
  shift(): T | undefined {
    const { items } = this;
    const top = items.pop();
    const n = (this.length = items.length);
    this[0] = items[n - 1];
    return top;
  }
  indexOf(item: T): number {
    const at = this.items.lastIndexOf(item);
    return at < 0 ? -1 : this.items.length - 1 - at;
  }
  /** The items top first, as a plain array. */
  toArray(): T[] {
    return [...this.items].reverse();
  }
  /** A copy of the items, bottom first (see {@link replaceWith}). */
  saved(): T[] {
    return this.items.slice();
  }
  /** Replaces the items by `items`, bottom first, as {@link saved} gave them. */
  replaceWith(items: readonly T[]): void {
    this.items.length = 0;
    for (const item of items) this.items.push(item);
    this.length = this.items.length;
    this[0] = this.items[this.length - 1];
  }
}

/**
 * The open-element stack, which also knows how a browser reads each open element's content
 * (HTML, SVG or MathML): kept with the names as the parser pushes and pops them, it stays right
 * whichever way an element closes (its own end tag, an implying tag, a parent's end tag).
 */
class ElementStack extends TopFirstStack<string> {
  private readonly kinds = new ContentKindStack();
  override unshift(name: string): number {
    // A tag that leaves foreign content closes the svg or math for a browser: what follows in
    // them (as our parser nests it) is HTML too.
    if (this.kinds.current !== "html" && breaksOut(name)) this.kinds.leaveForeign();
    this.kinds.open(name);
    return super.unshift(name);
  }
  override shift(): string | undefined {
    this.kinds.close();
    return super.shift();
  }
  /** How a browser reads the content of the element `depth` below the innermost (0: the innermost). */
  contentAt(depth: number): ContentKind {
    return this.kinds.at(depth);
  }
  /** A copy of the content kinds, outermost first. */
  savedKinds(): ContentKind[] {
    return this.kinds.saved();
  }
  /** Replaces the content kinds by `kinds`, as {@link savedKinds} gave them (after {@link replaceWith}). */
  replaceKinds(kinds: readonly ContentKind[]): void {
    this.kinds.replaceWith(kinds);
  }
}

/**
 * What {@link DeepParser} holds between two pieces of character data, all it has read ending at
 * `index`: its open elements, and the tokenizer's and parser's fields that a later tag reads.
 */
export interface ParserState {
  readonly index: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly elements: readonly string[];
  readonly kinds: readonly ContentKind[];
  readonly foreign: readonly boolean[];
  readonly currentSequence: unknown;
  readonly sequenceIndex: number;
}

/** The tokenizer's fields that {@link ParserState} is made of (private in htmlparser2's types). */
interface TokenizerFields {
  state: number;
  baseState: number;
  sectionStart: number;
  index: number;
  offset: number;
  buffer: string;
  isSpecial: boolean;
  currentSequence: unknown;
  sequenceIndex: number;
}

/** The tokenizer states that read what follows `<!` (private in htmlparser2's types). */
interface DeclarationStates {
  stateBeforeDeclaration(c: number): void;
  stateBeforeComment(c: number): void;
  stateInDeclaration(c: number): void;
}

/**
 * Makes `<!>` and `<!->` end at their own `>`, as in a browser (an empty or `-` bogus comment).
 * The stock tokenizer moves on to the declaration state without looking at the `>`, so it read
 * on to the next `>`, swallowing the markup between (`<!></textarea>` was one declaration).
 */
function endDeclarationsAtOnce(tokenizer: DeclarationStates): void {
  const beforeDeclaration = tokenizer.stateBeforeDeclaration.bind(tokenizer);
  const beforeComment = tokenizer.stateBeforeComment.bind(tokenizer);
  const GT = 0x3e;
  tokenizer.stateBeforeDeclaration = (c) => (c === GT ? tokenizer.stateInDeclaration(c) : beforeDeclaration(c));
  tokenizer.stateBeforeComment = (c) => (c === GT ? tokenizer.stateInDeclaration(c) : beforeComment(c));
}

/** The tokenizer state that reads the content of script, style, title, textarea and xmp (private in htmlparser2's types). */
interface SpecialTagStates {
  sequenceIndex: number;
  currentSequence: Uint8Array;
  sectionStart: number;
  index: number;
  stateInSpecialTag(c: number): void;
}

/** Whether a character code is HTML whitespace (space, tab, LF, FF, CR). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Makes raw-text elements (script, style, title, textarea, xmp) end where a browser ends them:
 * also at an end tag with a slash after its name (`</script/x>`; the stock tokenizer takes only
 * `>` or whitespace there, so it read the end tag and all that followed as the element's text),
 * and a script not at a `</script>` inside `<!--<script>` (double-escaped script data, which the
 * stock tokenizer does not know).
 */
function endRawTextAsBrowsers(tokenizer: SpecialTagStates, source: string): void {
  const inSpecialTag = tokenizer.stateInSpecialTag.bind(tokenizer);
  const SLASH = 0x2f;
  const SPACE = 0x20;
  const GT = 0x3e;
  tokenizer.stateInSpecialTag = (c) => {
    const atEndTag = tokenizer.sequenceIndex === tokenizer.currentSequence.length;
    const ends = atEndTag && (c === SLASH || c === GT || isSpace(c));
    // In a script, `</script>` after `<!--<script>` ends nothing: a browser reads on.
    if (ends && tokenizer.currentSequence.length === 8 && tokenizer.currentSequence[2] === 0x73 && tokenizer.currentSequence[3] === 0x63) {
      const text = source.slice(tokenizer.sectionStart, tokenizer.index - tokenizer.currentSequence.length);
      if (scriptState(text) === "double") {
        tokenizer.sequenceIndex = 0;
        return;
      }
    }
    // Read as a space, the slash leads to the rest of the tag being skipped up to its `>`, as after a space.
    inSpecialTag(c === SLASH && atEndTag ? SPACE : c);
  };
}

/** The tokenizer states that read what follows `</` and a start tag's `/`, and whether the tag being read starts raw text (private in htmlparser2's types). */
interface EndTagStates {
  stateBeforeClosingTagName(c: number): void;
  stateInSelfClosingTag(c: number): void;
  stateBeforeAttributeName(c: number): void;
  isSpecial: boolean;
}

/**
 * Makes `<title/>`, `<script/>` and the other raw-text start tags in HTML content start raw
 * text as without the slash, as in a browser (which ignores the slash on a non-void HTML
 * element). The stock tokenizer read what followed as markup. In svg and math, where the slash
 * closes the element, {@link DeepParser.onopentagname} has already cleared the raw-text flag.
 */
function rawTextAfterSlash(tokenizer: EndTagStates): void {
  const inSelfClosingTag = tokenizer.stateInSelfClosingTag.bind(tokenizer);
  const GT = 0x3e;
  // At `>`, the state before an attribute name ends the tag as an ordinary one, raw text next.
  tokenizer.stateInSelfClosingTag = (c) => (c === GT && tokenizer.isSpecial ? tokenizer.stateBeforeAttributeName(c) : inSelfClosingTag(c));
}

/**
 * Makes `</` followed by whitespace start a comment that ends at the next `>` (`</ x>` is the
 * comment ` x`), as in a browser. The stock tokenizer skipped the whitespace and read an end tag
 * (`</ x>` closed an open `x`) or, at once `>`, left `</ >` in the text.
 */
function bogusCommentAfterSpace(tokenizer: EndTagStates): void {
  const beforeClosingTagName = tokenizer.stateBeforeClosingTagName.bind(tokenizer);
  // A character that starts no tag name leads to the state that reads such a comment, from here.
  const NOT_A_NAME = 0x31;
  tokenizer.stateBeforeClosingTagName = (c) => beforeClosingTagName(isSpace(c) ? NOT_A_NAME : c);
}

/**
 * Where the text that the tokenizer reports from `start` to the end of the input begins, or
 * "start tag" when it is a start tag's name, to be dropped. At the end of the input the
 * tokenizer reports what is left of the markup it was reading as text from where that
 * markup's section starts, which for some is after its `<`: a name that could begin a script,
 * style, title, textarea or xmp (`<s`, `<scr`, `<t`, `<x`; any other cut-off start tag it
 * drops, as a browser drops them all), and what follows `<!`, `<?` or `</` not followed by a
 * name (`<!x`, `<?x`, `</1x`), which is text from its `<`. Text proper never starts just after
 * such an opener.
 */
function cutOffMarkup(source: string, start: number): number | "start tag" {
  const LT = 0x3c;
  if (source.charCodeAt(start - 1) === LT) return /[a-zA-Z]/.test(source.charAt(start)) ? "start tag" : start;
  if (source.charCodeAt(start - 2) === LT && /[!?/]/.test(source.charAt(start - 1))) return start - 2;
  return start;
}

/**
 * htmlparser2's Parser with O(1) stacks (see {@link TopFirstStack}), exact event starts, and
 * no strings it does not need.
 *
 * Exact starts: the stock parser dates an event from where the previous one ended, which is
 * wrong after an end tag with junk before its `>` (`</p >`, `</a <b>`); here every event starts
 * where its own text does. It needs the whole source for that.
 *
 * Cheaper hot paths: the stock parser slices every piece of text into a string, concatenates
 * each attribute value and files it in a per-tag dictionary, and calls its callbacks through
 * `Function.prototype.call`. Here text and attribute values are reported as offsets (the sink
 * slices what it keeps), no attribute dictionary is filled, and the sink is called directly.
 * The tree rules (implied and void tags, foreign content) stay the stock parser's own.
 */
export class DeepParser extends Parser {
  /**
   * Per open element, how a browser reads its content (the stock parser's own record of foreign
   * content is not popped when an svg is closed by its parent's end tag).
   */
  private readonly elements = new ElementStack();
  /** The open elements as the parser sees them: {@link elements} in HTML, a plain stack in XML. */
  private readonly openStack: TopFirstStack<string>;
  private readonly foreign = new TopFirstStack<boolean>();
  private readonly tokenizerFields: TokenizerFields;
  /** The tokenizer's state between tags (its first). */
  private readonly textState: number;
  private readonly states: EndTagStates;
  private valueStart = -1;
  private valueEnd = -1;
  private nameStart = 0;
  private nameEnd = 0;
  /** The start tag read and not yet reported (see {@link reportOpen}), or null; and where it starts. */
  private openName: string | null = null;
  private openStart = 0;
  /** The omissible start tags to add where a browser would (HTML only); null when none are asked for. */
  private readonly implied: ImpliedTags | null;

  constructor(
    private readonly source: string,
    private readonly sink: EventSink,
    private readonly mode: ParseMode,
    impliedNames: ReadonlySet<string> = new Set(),
  ) {
    const handler: Partial<Handler> = {};
    super(handler, { xmlMode: mode === "xml", decodeEntities: false });
    // The stock parser still drives these: for the tags it implies and for the rarer events.
    // No onopentag: the stock parser would make an attribute dictionary for every start tag.
    // The start tag is reported where it ends (onopentagend, onselfclosingtag), or, for the tags
    // it implies (`</p>` without a <p>, `</br>`), just before their end tag.
    handler.onopentagname = (name) => {
      this.openName = name;
      this.openStart = this.startIndex;
    };
    handler.onclosetag = (name, implied) => {
      if (!implied && this.openName !== null) this.reportOpen(true);
      sink.close(name, this.startIndex, this.endIndex, implied);
    };
    handler.oncomment = (data) => sink.comment(data, this.startIndex, this.endIndex + 1);
    handler.oncdataend = () => sink.cdata(this.startIndex, this.endIndex + 1);
    handler.onprocessinginstruction = (name, data) => sink.instruction(name, data, this.startIndex, this.endIndex + 1);
    const self = this as unknown as { stack: unknown; foreignContext: TopFirstStack<boolean> };
    this.foreign.unshift(mode === "xml");
    // In XML nothing is raw text: the plain stack will do.
    this.openStack = mode === "html" ? this.elements : new TopFirstStack<string>();
    self.stack = this.openStack;
    self.foreignContext = this.foreign;
    const tokenizer = (this as unknown as { tokenizer: DeclarationStates & SpecialTagStates & EndTagStates & TokenizerFields }).tokenizer;
    this.states = tokenizer;
    this.tokenizerFields = tokenizer;
    this.textState = tokenizer.state;
    endDeclarationsAtOnce(tokenizer);
    if (mode === "html") {
      endRawTextAsBrowsers(tokenizer, source);
      bogusCommentAfterSpace(tokenizer);
      rawTextAfterSlash(tokenizer);
    }
    const { elements } = this;
    this.implied =
      mode === "html" && impliedNames.size > 0
        ? new ImpliedTags(impliedNames, {
            top: () => elements[0],
            open: (name, at, early) => {
              elements.unshift(name);
              const where = early ? sink.spaceBefore(at) : at;
              sink.open(name, where, where, true, false);
            },
            close: (name, at) => {
              elements.shift();
              const where = sink.spaceBefore(at);
              sink.close(name, where, where, true);
            },
          })
        : null;
  }

  override ontext(start: number, endIndex: number): void {
    // A start tag cut off by the end of the input just after a slash (`<p/`) comes as text from
    // -1: dropped, as htmlparser2 drops a tag cut off anywhere else, and as a browser drops it.
    if (start < 0) return;
    if (endIndex === this.source.length) {
      const opener = cutOffMarkup(this.source, start);
      if (opener === "start tag") return;
      start = opener;
    }
    this.endIndex = endIndex - 1;
    if (this.implied !== null && this.implied.watchesText) {
      // Text that is not white space may start the head or the body: its white space stays before them.
      let at = start;
      while (at < endIndex && isSpace(this.source.charCodeAt(at))) at++;
      if (at < endIndex) {
        if (at > start) this.sink.text(start, at);
        this.implied.beforeText(at);
        start = at;
      }
    }
    this.sink.text(start, endIndex);
    this.startIndex = endIndex;
  }

  /**
   * In svg and math content, style, script, title, textarea and xmp are foreign elements whose
   * content a browser reads as markup (a CDATA section in an svg's style is text): the tokenizer,
   * which knows no context, had started raw text for them.
   */
  override onopentagname(start: number, endIndex: number): void {
    this.startIndex = start - 1;
    if (this.implied?.watchesStart) this.implied.beforeStart(this.source.slice(start, endIndex).toLowerCase(), start - 1);
    super.onopentagname(start, endIndex);
    // The tag's element (never void for these names) is the innermost now: its parent's content decides.
    if (this.mode === "html" && this.states.isSpecial && this.elements.contentAt(1) !== "html") this.states.isSpecial = false;
  }

  override onattribname(start: number, endIndex: number): void {
    this.startIndex = start;
    this.nameStart = start;
    this.nameEnd = endIndex;
  }

  /** A value arrives in one piece, or in several adjacent ones when the input was written in chunks. */
  override onattribdata(start: number, endIndex: number): void {
    if (this.valueStart < 0) this.valueStart = start;
    this.valueEnd = endIndex;
  }

  override onattribend(_quote: unknown, endIndex: number): void {
    this.endIndex = endIndex;
    this.sink.attribute(this.nameStart, this.nameEnd, this.valueStart, this.valueEnd);
    this.valueStart = -1;
  }

  /** Reports the start tag read (if any), its end read up to `this.endIndex`; `implied` where the parser made it up. */
  private reportOpen(implied: boolean): void {
    const name = this.openName;
    if (name === null) return;
    this.openName = null;
    this.sink.open(name, this.openStart, this.endIndex + 1, implied, !implied && this.states.isSpecial);
  }

  override onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.reportOpen(false);
    super.onopentagend(endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.endIndex = endIndex;
    this.reportOpen(false);
    super.onselfclosingtag(endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.startIndex = start - 2;
    if (this.implied?.watchesEnd) this.implied.beforeEnd(this.source.slice(start, endIndex).toLowerCase(), start - 2);
    super.onclosetag(start, endIndex);
  }

  override oncomment(start: number, endIndex: number, offset: number): void {
    this.startIndex = this.source.lastIndexOf("<", start - 1);
    super.oncomment(start, endIndex, offset);
  }

  override oncdata(start: number, endIndex: number, offset: number): void {
    this.startIndex = this.source.lastIndexOf("<", start - 1);
    super.oncdata(start, endIndex, offset);
  }

  override ondeclaration(start: number, endIndex: number): void {
    this.startIndex = this.source.lastIndexOf("<", start - 1);
    super.ondeclaration(start, endIndex);
  }

  override onprocessinginstruction(start: number, endIndex: number): void {
    this.startIndex = this.source.lastIndexOf("<", start - 1);
    super.onprocessinginstruction(start, endIndex);
  }

  /**
   * The parser's state, when all it has read is written and it stands between pieces of
   * character data (outside tags, comments and raw text); else null.
   */
  checkpoint(): ParserState | null {
    const t = this.tokenizerFields;
    const clean = t.state === this.textState && t.baseState === this.textState && !t.isSpecial && t.sectionStart === t.index;
    const parser = this as unknown as { tagname: string; ended: boolean };
    // Where omitted html, head or body tags are still to come, the state holds the document level too.
    if (!clean || parser.tagname !== "" || parser.ended || (this.implied && !this.implied.settled)) return null;
    const { startIndex, endIndex } = this;
    return {
      index: t.index,
      startIndex,
      endIndex,
      elements: this.openStack.saved(),
      kinds: this.elements.savedKinds(),
      foreign: this.foreign.saved(),
      currentSequence: t.currentSequence,
      sequenceIndex: t.sequenceIndex,
    };
  }

  /**
   * Goes on from `state`, taken from a parser of a document whose text before `state.index` is
   * this one's before `state.index + shift`, as far back as that state reads (see
   * {@link inState}): the next write must hold this document from `state.index + shift` on.
   */
  restore(state: ParserState, shift = 0): void {
    const t = this.tokenizerFields;
    const at = state.index + shift;
    t.index = t.sectionStart = t.offset = at;
    t.buffer = "";
    // The stock parser's own copies of what was written, which it slices tag names from.
    const written = this as unknown as { buffers: string[]; bufferOffset: number; writeIndex: number };
    written.buffers.length = 0;
    written.bufferOffset = at;
    written.writeIndex = 0;
    t.currentSequence = state.currentSequence;
    t.sequenceIndex = state.sequenceIndex;
    this.startIndex = state.startIndex + shift;
    this.endIndex = state.endIndex + shift;
    this.openStack.replaceWith(state.elements);
    if (this.openStack === this.elements) this.elements.replaceKinds(state.kinds);
    this.foreign.replaceWith(state.foreign);
    this.implied?.settle();
  }

  /** Whether this parser is in `state` (see {@link checkpoint}), moved `shift` characters on. */
  inState(state: ParserState, shift: number): boolean {
    const now = this.checkpoint();
    if (now === null || now.index !== state.index + shift || now.startIndex !== state.startIndex + shift || now.endIndex !== state.endIndex + shift) return false;
    if (now.currentSequence !== state.currentSequence || now.sequenceIndex !== state.sequenceIndex) return false;
    return sameItems(now.elements, state.elements) && sameItems(now.kinds, state.kinds) && sameItems(now.foreign, state.foreign);
  }

  /**
   * The stacks are emptied first: the stock reset only sets their lengths (see
   * {@link TopFirstStack.length}); and the open elements are this parser's stack again (see {@link onend}).
   */
  override reset(): void {
    (this as unknown as { stack: unknown }).stack = this.openStack;
    this.openStack.replaceWith([]);
    this.elements.replaceKinds([]);
    this.foreign.replaceWith([]);
    super.reset();
  }

  /** Closing what is still open at the end indexes the stack freely: hand the parser a plain array for it. */
  override onend(): void {
    if (/[^\t\n\f\r ]/.test(this.source)) this.implied?.atEnd(this.source.length);
    const self = this as unknown as { stack: TopFirstStack<string> | string[] };
    if (self.stack instanceof TopFirstStack) self.stack = self.stack.toArray();
    super.onend();
  }
}

/** Whether two arrays hold the same items in the same order. */
function sameItems<T>(x: readonly T[], y: readonly T[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
