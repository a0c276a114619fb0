// Parses a document into a frozen array of events with exact source spans.
// This is the only module that imports htmlparser2.

import { Parser } from "htmlparser2";
import type { Attribute, DocEvent, ParseMode } from "../types.js";
import { closeEvent, instructionEvent, openEvent, textEvent } from "./event.js";
import { decodeAttribute, decodeText } from "./references.js";

/** A parsed document: its source, the mode it was parsed in, and its events in source order. */
export interface ParsedDocument {
  readonly source: string;
  readonly mode: ParseMode;
  readonly events: readonly DocEvent[];
}

/** Options of {@link parseDocument}. */
export interface ParseOptions {
  /** HTML rules (default) or XML rules: case kept, CDATA, processing instructions, `<x/>`. */
  readonly mode?: ParseMode;
}

/**
 * A stack with its top at index 0, as htmlparser2's Parser expects of its open-element and
 * foreign-context stacks, but stored top-last. The parser uses `unshift`/`shift` on plain
 * arrays, which is O(depth) per tag and made 100,000 nested elements take about 20 s;
 * push/pop keeps every tag O(1). Only the members the parser uses are provided.
 */
class TopFirstStack<T> {
  private readonly items: T[] = [];
  get length(): number {
    return this.items.length;
  }
  set length(n: number) {
    this.items.length = n;
  }
  get 0(): T | undefined {
    return this.items[this.items.length - 1];
  }
  unshift(item: T): number {
    return this.items.push(item);
  }
  shift(): T | undefined {
    return this.items.pop();
  }
  indexOf(item: T): number {
    const at = this.items.lastIndexOf(item);
    return at < 0 ? -1 : this.items.length - 1 - at;
  }
  /** The items top first, as a plain array. */
  toArray(): T[] {
    return [...this.items].reverse();
  }
}

/**
 * htmlparser2's Parser with O(1) stacks (see {@link TopFirstStack}) and exact event starts.
 * The stock parser dates an event from where the previous one ended, which is wrong after an
 * end tag with junk before its `>` (`</p >`, `</a <b>`); here every event starts where its own
 * text does. It needs the whole source for that, which parseChunks has.
 */
class DeepParser extends Parser {
  constructor(
    private readonly source: string,
    ...args: ConstructorParameters<typeof Parser>
  ) {
    super(...args);
    const self = this as unknown as { stack: unknown; foreignContext: TopFirstStack<boolean> };
    const foreign = new TopFirstStack<boolean>();
    foreign.unshift(args[1]?.xmlMode === true);
    self.stack = new TopFirstStack<string>();
    self.foreignContext = foreign;
  }

  override ontext(start: number, endIndex: number): void {
    this.startIndex = start;
    super.ontext(start, endIndex);
  }

  override onopentagname(start: number, endIndex: number): void {
    this.startIndex = start - 1;
    super.onopentagname(start, endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.startIndex = start - 2;
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

  /** Closing what is still open at the end indexes the stack freely: hand the parser a plain array for it. */
  override onend(): void {
    const self = this as unknown as { stack: TopFirstStack<string> | string[] };
    if (self.stack instanceof TopFirstStack) self.stack = self.stack.toArray();
    super.onend();
  }
}

/** Elements whose content HTML keeps as raw text: no character references are decoded there. */
const RAW_TEXT = new Set(["script", "style", "xmp"]);

/**
 * Parses `source` into frozen events. Malformed markup is input, never an error.
 *
 * @example parseDocument("<p>Hi</p>").events.map((e) => e.kind) // ["open", "text", "close"]
 */
export function parseDocument(source: string, options: ParseOptions = {}): ParsedDocument {
  return parseChunks([source], options);
}

/**
 * Parses a document written to the parser in pieces; the result is the same as for one write.
 *
 * @example parseChunks(["<p>H", "i</p>"]).events.length // 3
 */
export function parseChunks(chunks: readonly string[], options: ParseOptions = {}): ParsedDocument {
  const mode = options.mode ?? "html";
  const source = chunks.join("");
  const events: DocEvent[] = [];
  // Text arrives in pieces (per write, per entity); adjacent pieces become one event.
  let textStart = -1;
  let textEnd = -1;
  let rawText = false;
  let cdata = false;
  let attrs: Attribute[] = [];
  let lastEnd = 0;

  const flushText = (): void => {
    if (textStart < 0) return;
    const raw = source.slice(textStart, textEnd);
    events.push(textEvent("text", textStart, textEnd, rawText ? raw : decodeText(raw, mode).text));
    textStart = -1;
  };
  /** Names of the elements opened so far and not closed, innermost last. */
  const openNames: string[] = [];
  const push = (event: DocEvent): void => {
    flushText();
    events.push(event);
    lastEnd = event.end;
  };

  const parser = new DeepParser(
    source,
    {
      onattribute(name, value) {
        attrs.push([name, decodeAttribute(value, mode)]);
      },
      onopentag(name, _attribs, isImplied) {
        openNames.push(name);
        const start = isImplied ? Math.min(Math.max(parser.startIndex, lastEnd), source.length) : parser.startIndex;
        const end = isImplied ? start : parser.endIndex + 1;
        const own = attrs;
        if (own.length) attrs = [];
        push(openEvent(start, end, name, own, !isImplied && source.charCodeAt(end - 2) === 0x2f));
        if (mode === "html" && RAW_TEXT.has(name)) rawText = true;
      },
      onclosetag(name, isImplied) {
        // A tag cut off by the end of the input (`<a href="`) was never opened: its implied close is dropped too.
        if (openNames[openNames.length - 1] !== name) return;
        openNames.pop();
        if (isImplied) {
          const at = Math.min(Math.max(parser.startIndex, lastEnd), source.length);
          push(closeEvent(at, at, name, true));
        } else {
          // The parser's end is where the name ended; junk may stand before the `>` (`</p >`).
          const gt = source.indexOf(">", parser.endIndex);
          push(closeEvent(parser.startIndex, gt < 0 ? source.length : gt + 1, name, false));
        }
        rawText = false;
      },
      ontext() {
        if (cdata) return;
        if (textStart < 0) textStart = parser.startIndex;
        textEnd = parser.endIndex + 1;
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        push(textEvent("cdata", start, end, source.slice(start + 9, end - 3)));
      },
      oncomment(data) {
        push(textEvent("comment", parser.startIndex, parser.endIndex + 1, data));
      },
      onprocessinginstruction(name, data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        push(instructionEvent(start, end, name, data.slice(name.length).trim()));
      },
    },
    { xmlMode: mode === "xml", decodeEntities: false },
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  flushText();
  return Object.freeze({ source, mode, events: Object.freeze(events) });
}
