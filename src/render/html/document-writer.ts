// Writes the new document with the changes of an edit script marked, following its layout: kept
// tokens as they are (with attribute and rename marks), deleted and inserted runs where the content
// model allows them: in <del>/<ins>, a class on the element, an inert <template>, a marker comment.

import { EVENT_CODE, eventTable, KIND_MASK } from "../../events/event-table.js";
import { sameAttributes } from "../../events/event.js";
import type { EditScript, Side } from "../../edit-script.js";
import { sideList, tokenEvents } from "../../text/token-list.js";
import { attributeDeltas } from "../../text/keys.js";
import type { Change, EventReader, OpenEvent, TokenList } from "../../types.js";
import { writtenAttributes, type ElementMarks } from "../../html/attributes.js";
import { BrowserModel, lastOfElement, type Piece, shownCopyEvents, writtenName } from "../../html/placement.js";
import { ATOMIC, ROOTS, VOID } from "../../html/elements.js";
import { BOTH, keptRunEnd, layoutOf, type LayoutItems, OLD } from "./layout.js";
import { escapeText } from "../../html/escape.js";
import { COMMENT, MOVE, REINDENT, REPLACED, SHOWN, WRAP } from "../../html/marks.js";
import { type BlockSide, changedWords, type InnerEdits, moveEdits, replacedEdits } from "./inner-edits.js";
import { closeTag, openTag } from "../../html/serialize.js";
import { isStop, stopComment } from "./stops.js";
import { endTagOf, eventSource, textOf, writtenAsIs } from "./verbatim.js";
import { documentComment, inert, markerComment, type SideView, sideViews, sourceText, UnitWriter, type UnitOptions } from "./piece-writer.js";

/** What the writer writes: the whole document, or only the body's content (`fragment`); on the review page or not. */
export interface WriterOptions extends UnitOptions {
  readonly fragment: boolean;
  /** Write a stop comment where each change starts (the review page finds its changes by them). */
  readonly stops?: boolean;
}

const NO_MARKS: ElementMarks = {};
const TEXT = new Set(["word", "space", "punct"]);

/** A run of one side's tokens written as one piece: a whole element, a text run, or a comment/doctype. */
interface Unit extends Piece {
  /** The move this unit is half of (shared id), or -1. */
  readonly move: number;
  /** The change it belongs to (an index into the script's changes), or -1. */
  readonly change: number;
  /** True for a line's old or new indentation, when only its indentation changed. */
  readonly reindent?: boolean;
}

/**
 * The new document of `script` as HTML with its changes marked (HTML mode only).
 *
 * @example writeDocument(diffDocuments("<p>a b</p>", "<p>a c</p>"), { page: false, fragment: false })
 *   // '<p>a <del data-diff-wrap="del">b</del><ins data-diff-wrap="ins">c</ins></p>'
 */
export function writeDocument(script: EditScript, options: WriterOptions): string {
  return new DocumentWriter(script, options).write();
}

class DocumentWriter {
  private readonly items: LayoutItems;
  private readonly old: UnitWriter;
  private readonly now: UnitWriter;
  private readonly out: string[] = [];
  /** What a browser has built where the writer stands: it says where each deleted or inserted piece goes. */
  private readonly model: BrowserModel;
  /** Depth of skipped content (the head, in a fragment without a body). */
  private muted = 0;
  /** The last token of the new document written, for the text the comparison left out between tokens. */
  private lastB = -1;
  /** The old token whose gap before it was written already, before the wrapper of its unit (see commentsLeading). */
  private oldLeadWritten = -1;
  /** While a text run is written wrapped where a browser moves the wrapper out of a table: its tag and start tag (see outsideWrap). */
  private splitWrap: { tag: string; open: string } | null = null;
  /**
   * Per side (old, new), for each token of the run of deleted and inserted items being written:
   * the change it belongs to, or -1 where the script kept it (the layout demoted it so that the
   * output nests). A block holding both is written whole with its changed words marked inside.
   */
  private blocks: readonly [BlockSide, BlockSide] | undefined;
  /** Whether the run of deleted and inserted items being written marks its changed words inside what it writes whole (see fineRun). */
  private fineWords = false;
  /** Whether the new document holds a U+FEFF, which text written as it stands may not (see writtenAsIs). */
  private readonly bom: boolean;
  /** Per side, each event's first token (see {@link firstTokens}), made on first use. */
  private firsts: { a: Int32Array; b: Int32Array } | undefined;
  /** Per side, each event's code (see EventTable.allCodes), read on first use. */
  private codes: { a: Uint8Array; b: Uint8Array } | undefined;

  constructor(
    private readonly script: EditScript,
    private readonly options: WriterOptions,
  ) {
    const lay = layoutOf(script);
    this.items = lay.items;
    const views = sideViews(script, lay.partnersA, lay.partnersB);
    // Deleted content carries what the comparison left out of the old document before it, for reject.
    this.old = new UnitWriter(views.a, options, (t) => (t === this.oldLeadWritten ? "" : this.outsideWrap(t, true, oldGapBefore(views.a, t))));
    this.now = new UnitWriter(views.b, options, (t) => this.outsideWrap(t, false, this.gapBefore(t)));
    this.model = new BrowserModel(options, this.old.events, this.now.events);
    this.bom = script.b.doc.source.includes("\uFEFF");
  }

  /**
   * Per side, the {@link BlockSide} of the run of deleted and inserted items from `k` on (before
   * `to`): each side's tokens in it follow each other, so their changes fill an array as long as
   * the run.
   */
  private runBlocks(k: number, to: number): readonly [BlockSide, BlockSide] {
    const { side, token, change } = this.items;
    const firsts = [-1, -1];
    const lasts = [-1, -1];
    let end = k;
    for (; end < to && side[end] !== BOTH; end++) {
      const s = side[end] === OLD ? 0 : 1;
      if (firsts[s]! < 0) firsts[s] = token[end]!;
      lasts[s] = token[end]!;
    }
    const changes = [new Int32Array(lasts[0]! - firsts[0]! + 1).fill(-2), new Int32Array(lasts[1]! - firsts[1]! + 1).fill(-2)] as const;
    for (let m = k; m < end; m++) {
      const s = side[m] === OLD ? 0 : 1;
      changes[s][token[m]! - firsts[s]!] = change[m]!;
    }
    const block = (writer: UnitWriter, s: 0 | 1): BlockSide => ({
      tokens: writer.tokens,
      first: firsts[s]!,
      last: lasts[s]!,
      changeOf: changes[s],
      skip: (t) => {
        const event = writer.tokens.kind(t) === "open" ? writer.event(t) : undefined;
        return event?.kind === "open" && ATOMIC.has(event.name) ? Math.max(t, writer.view.partners[t]!) : t;
      },
    });
    return [block(this.old, 0), block(this.now, 1)];
  }

  /** Whether the new document's event `e` has tokens (the others were left out of the comparison). */
  private hasTokens(e: number): boolean {
    const first = this.firstTokens.b;
    return first[e + 1]! > first[e]!;
  }

  /** Each side's first token per event. */
  private get firstTokens(): { a: Int32Array; b: Int32Array } {
    return (this.firsts ??= { a: firstTokens(this.script.a), b: firstTokens(this.script.b) });
  }

  /** Each side's event codes: a kind read from them takes no call. */
  private get eventCodes(): { a: Uint8Array; b: Uint8Array } {
    return (this.codes ??= { a: eventTable(this.script.a.doc).allCodes(), b: eventTable(this.script.b.doc).allCodes() });
  }

  write(): string {
    let [from, to] = [0, this.items.length];
    const body = this.options.fragment ? this.keptBody() : null;
    if (body) {
      [from, to] = [body[0] + 1, body[1]];
      this.lastB = this.items.token[body[0]]!;
    }
    const { side } = this.items;
    const stopped = this.options.stops ? new Uint8Array(this.script.changes.length) : null;
    for (let k = from; k < to;) {
      const at = this.out.length;
      if (side[k] !== BOTH && (k === from || side[k - 1] === BOTH)) {
        this.blocks = this.runBlocks(k, to);
        this.fineWords = this.fineRun(this.blocks);
      }
      const next = side[k] === BOTH ? this.kept(k, to) : this.gap(k, to);
      if (stopped) this.stopBefore(at, k, next, stopped);
      k = next;
    }
    if (!body) this.emit(this.keptGap(this.script.tokenCount("a"), this.script.tokenCount("b")));
    return this.out.join("");
  }

  /**
   * Whether the run of deleted and inserted items of `blocks` must show its changed words inside
   * what it writes whole: it holds tokens the script kept (demoted so that the output nests) and
   * changed words. A run that changed no word (a word made bold) is marked as a whole.
   */
  private fineRun(blocks: readonly [BlockSide, BlockSide]): boolean {
    let kept = false;
    let words = false;
    for (const block of blocks) {
      if (block.first < 0) continue;
      const found = changedWords(this.script, block, block.first, block.last);
      kept ||= found.kept;
      words ||= found.words;
    }
    return kept && words;
  }

  /**
   * Puts a stop comment before the output written from `out[at]` on for each change of items
   * `from..to` not stopped at yet. A comment stands anywhere a tag does and changes no tree.
   */
  private stopBefore(at: number, from: number, to: number, stopped: Uint8Array): void {
    let comments = "";
    for (let k = from; k < to; k++) {
      const change = this.items.change[k]!;
      // A run of unchanged kept items holds no change: skipped whole.
      if (change < 0 && this.items.side[k] === BOTH) k = Math.max(k, keptRunEnd(this.items, k) - 1);
      if (change < 0 || stopped[change]) continue;
      stopped[change] = 1;
      if (isStop(this.script.changes, change)) comments += stopComment(change);
    }
    // Prepended to the first piece written from `at` on (a splice would copy the whole output each time).
    if (!comments) return;
    if (at < this.out.length) this.out[at] = comments + this.out[at]!;
    else this.out.push(comments);
  }

  private emit(markup: string): void {
    if (this.muted || !markup) return;
    this.out.push(markup);
    this.model.wrote(markup);
  }

  /** Item indexes of the kept body's start and end tags, if the new document has a body kept from the old. */
  private keptBody(): [number, number] | null {
    const { side, token, length } = this.items;
    let open = 0;
    while (open < length && !(side[open] === BOTH && this.isTag(token[open]!, "open", "body"))) open++;
    if (open === length) return null;
    const closeToken = this.now.view.partners[token[open]!]!;
    let close = open + 1;
    while (close < length && !(side[close] === BOTH && token[close] === closeToken)) close++;
    return close === length ? null : [open, close];
  }

  private isTag(token: number, kind: "open" | "close", name: string): boolean {
    const event = this.now.event(token);
    return event.kind === kind && event.name === name;
  }

  /**
   * Writes the kept item `k` with what the comparison left out before it, and the kept items
   * after it that {@link keptEvents} writes; returns the next item index.
   */
  private kept(k: number, to: number): number {
    this.emit(this.keptGap(this.items.aToken[k]!, this.items.token[k]!));
    const next = this.keptEvents(k, to);
    return next > k ? next : this.both(k);
  }

  /**
   * Writes kept items from `k` on (before `to`) event by event, as {@link both} would, while each
   * event is kept whole and unchanged on both sides, alike on both (see {@link alike}) with the
   * same source, and one that {@link keptEvent} or {@link keptTextEvent} writes; returns the next
   * item index, `k` when it wrote none. Such events leave nothing out between them, so no gap is
   * written; what is written as it stands in the source is copied from it in one piece. The text
   * the comparison left out before `k` is written already.
   */
  private keptEvents(k: number, to: number): number {
    if (this.muted || !this.model.begun) return k;
    const { token, aToken } = this.items;
    // No destructuring in the loop: the first run of a process reads it before it is optimised.
    const j = token[k]!;
    const i = aToken[k]!;
    // The items from `k` up to `plainEnd` are kept unchanged, their tokens following each other on both sides.
    const plainEnd = Math.min(keptRunEnd(this.items, k), to);
    let e = this.now.tokens.event(j);
    let f = this.old.tokens.event(i);
    const firstB = this.firstTokens.b;
    const firstA = this.firstTokens.a;
    if (firstB[e] !== j || firstA[f] !== i) return k;
    const codes = this.eventCodes.b;
    const oldCodes = this.eventCodes.a;
    const events = this.now.events;
    const oldEvents = this.old.events;
    const source = this.now.view.side.doc.source;
    const same = new SameSource(source, this.old.view.side.doc.source);
    const tiling = !this.now.view.side.tokenAt;
    // The source copied next: from `copyFrom` to `copyTo`.
    let copyFrom = events.startAt(e);
    let copyTo = copyFrom;
    let m = k;
    for (; e < events.length && f < oldEvents.length; e++, f++) {
      const count = firstB[e + 1]! - firstB[e]!;
      if (count === 0 || firstA[f + 1]! - firstA[f]! !== count || m + count > plainEnd) break;
      const kind = codes[e]! & KIND_MASK;
      const start = events.startAt(e);
      const end = events.endAt(e);
      if (kind !== (oldCodes[f]! & KIND_MASK) || !alike(kind, events, e, oldEvents, f) || !same.at(start, end, oldEvents.startAt(f), oldEvents.endAt(f))) break;
      const text = kind === EVENT_CODE.text;
      if (tiling && text && !tiled(this.now.view.tokens, firstB, e, start, end)) break;
      const written = text ? this.keptTextEvent(start, end) : this.keptEvent(e, kind, start, end);
      if (written === undefined) break;
      if (written === null && start === copyTo) copyTo = end;
      else {
        this.emit(source.slice(copyFrom, copyTo));
        copyFrom = written === null ? start : end;
        copyTo = end;
        if (written !== null) this.emit(written);
      }
      m += count;
    }
    this.emit(source.slice(copyFrom, copyTo));
    if (m > k) this.lastB = j + (m - k) - 1;
    return m;
  }

  /** A kept text event as {@link keptText} writes it: null where as it stands, undefined where {@link both} must write it. */
  private keptTextEvent(start: number, end: number): string | null | undefined {
    if (this.model.textMayStartBody()) return undefined;
    const source = this.now.view.side.doc.source;
    return writtenAsIs(source, start, end, this.bom) ? null : textOf(source, start, end);
  }

  /**
   * A kept event of the new document other than text (unchanged, its tokens kept, the old
   * side's alike) as {@link both} writes it, noted in the model: null where as it stands in the
   * source; undefined for those it leaves to {@link both}: an atomic element, a root left out of
   * a fragment, a void element made by an end tag.
   */
  private keptEvent(e: number, kind: number, start: number, end: number): string | null | undefined {
    const source = this.now.view.side.doc.source;
    const events = this.now.events;
    let written: string;
    // Most kept tags are written as they stand: found so without copying their text or making their event.
    if (kind === EVENT_CODE.open) {
      const name = events.nameAt(e);
      if (ATOMIC.has(name) || (this.options.fragment && ROOTS.has(name)) || start === end) return undefined;
      this.model.wroteStartTag(name);
      // (Off the page, a kept tag is never made inert: no tag object to build for the question.)
      if (this.now.copiedUnmarkedAt(e, name) && !(this.options.page && this.now.mustBeInert({ name, attrs: events.attrsAt(e) }, false))) return null;
      const event = events.event(e) as OpenEvent;
      written = this.guard(event, this.now.startTag(event, NO_MARKS, source.slice(start, end)));
    } else if (kind === EVENT_CODE.close) {
      const own = events.nameAt(e);
      if (this.options.fragment && ROOTS.has(own)) return undefined;
      const name = this.model.wroteEndTag() ?? own;
      if (name === own && !VOID.has(name) && plainEndTagAt(source, start, end, name)) return null;
      const text = source.slice(start, end);
      written = VOID.has(name) ? "" : endTagOf(name, own, text, { name: own, text });
    } else if (this.options.fragment && kind === EVENT_CODE.instruction) written = "";
    else written = this.now.leafEvent(events.event(e), this.model.insideDocument(), "both");
    return written === source.slice(start, end) ? null : written;
  }

  /** Writes a kept token (a whole atomic element at once); returns the next item index. The text left out before it is written. */
  private both(k: number): number {
    const j = this.items.token[k]!;
    const kind = this.now.tokens.kind(j);
    const event = this.now.event(j);
    if (event.kind === "open") {
      const marks = this.pairMarks(k, event);
      if (ATOMIC.has(event.name)) {
        const close = this.now.view.partners[j]!;
        this.model.wroteElement(event.name);
        const markup = this.guard(event, this.now.atomic(j, marks, false, this.oldSource(k), this.oldEnd(this.old.view.partners[this.items.aToken[k]!]!, event.name)));
        // Kept whole with other source (what differs was ignored): the old element goes in a marker, for reject.
        const oldSource = this.oldSourceOf(this.items.aToken[k]!);
        const source = this.now.view.side.doc.source;
        if (oldSource === null || oldSource === source.slice(event.start, this.now.event(close).end)) this.emit(markup);
        else this.emit(`${markerComment("del", this.oldElementMarkup(this.items.aToken[k]!))}<!--${COMMENT}ins-begin-->${markup}<!--${COMMENT}ins-end-->`);
        this.lastB = close;
        return k + (close - j) + 1;
      }
      if (this.options.fragment && ROOTS.has(event.name)) {
        if (event.name === "head") this.muted++;
        this.model.entered(event.name === "head" ? "head" : "div");
        return k + 1;
      }
      this.emit(this.guard(event, this.now.startTag(event, marks, this.oldSource(k))));
      this.model.wroteStartTag(event.name);
    } else if (event.kind === "close") {
      const name = this.model.wroteEndTag() ?? event.name;
      if (this.options.fragment && ROOTS.has(event.name)) {
        if (event.name === "head") this.muted--;
      } else this.emit(this.now.endTag(name, j, this.oldEnd(this.items.aToken[k]!, name)));
    } else if (TEXT.has(kind)) {
      return this.keptText(k);
    } else if (!(this.options.fragment && event.kind === "instruction")) {
      // Kept with other source (a doctype's name in other letters, a comment with --ignore-case): the old one goes in a marker, for reject.
      const i = this.items.aToken[k]!;
      if (this.old.written(this.old.event(i)) === this.now.written(event)) this.emit(this.now.leaf(j, this.model.insideDocument(), "both"));
      else {
        const at = this.old.tokens.event(i);
        const oldMarkup = eventSource(this.old.events, this.script.a.doc.source, at, at + 1);
        this.emit(`${markerComment("del", oldMarkup)}<!--${COMMENT}ins-begin-->${this.now.leaf(j, this.model.insideDocument(), "ins")}<!--${COMMENT}ins-end-->`);
      }
    }
    return k + 1;
  }

  /**
   * Writes the kept text token of item `k` and the kept tokens of its text event that follow it
   * item for item (on both sides); returns the next item index. The run is written from its
   * source at once (the tokens and the text left out between them, ignored whitespace, tile it),
   * as written where it reads alike everywhere ({@link textOf}). Where the old side wrote the
   * same text otherwise (`&lt;` for `<`, or what an ignore option ignored), the run is marked
   * as inserted and the old text follows in a deletion marker, both unseen, so that reject gives
   * it back, where a browser leaves text in place (where `<ins>` may stand, outside tables); elsewhere
   * both sides' text go in marker comments.
   */
  private keptText(k: number): number {
    const { side, token, aToken } = this.items;
    // (No destructuring of array literals on the writer's paths: unoptimized, each makes an array and iterates it.)
    const tokens = this.now.tokens;
    const oldTokens = this.old.tokens;
    const j = token[k]!;
    const i = aToken[k]!;
    const event = tokens.event(j);
    const oldEvent = oldTokens.event(i);
    let m = k + 1;
    const kept = (m: number): boolean => side[m] === BOTH && token[m] === j + (m - k) && aToken[m] === i + (m - k);
    while (m < this.items.length && kept(m) && tokens.event(token[m]!) === event && oldTokens.event(aToken[m]!) === oldEvent) m++;
    const last = j + (m - k) - 1;
    this.model.wroteText(() => {
      for (let t = j; t <= last; t++) if (this.now.visibleText(t)) return true;
      return false;
    });
    const source = this.now.view.side.doc.source;
    const oldSource = this.old.view.side.doc.source;
    const start = tokens.start(j);
    const end = tokens.end(last);
    const oldStart = oldTokens.start(i);
    const oldEnd = oldTokens.end(i + (m - k) - 1);
    // A last `<` stands as written only where markup follows it on both sides: reject puts the old side's next content after it.
    const text = textOf(source, start, end, source.charAt(end) === "<" && oldSource.charAt(oldEnd) === "<");
    const same = end - start === oldEnd - oldStart && source.startsWith(oldSource.slice(oldStart, oldEnd), start);
    if (same) this.emit(text);
    // Where a browser leaves text in place, the new text is marked unseen and the old follows in a marker.
    else if (this.model.leavesInPlace()) this.emit(`<!--${COMMENT}ins-begin-->${text}<!--${COMMENT}ins-end-->${markerComment("del", textOf(oldSource, oldStart, oldEnd))}`);
    // Elsewhere (in a table, before the body) a browser would move the text away from the marks: both sides' text go in markers.
    else this.emit(`${markerComment("ins", text)}${markerComment("del", textOf(oldSource, oldStart, oldEnd))}`);
    this.lastB = last;
    return m;
  }

  /** The old side's end tag at old token `token`: its element's name (else `name`) and source text. */
  private oldEnd(token: number, name: string): { name: string; text: string } {
    const old = this.old.event(token);
    return { name: old.kind === "close" ? old.name : name, text: this.old.written(old) };
  }

  /** The old side's source text of the tag kept at item `k`. */
  private oldSource(k: number): string {
    return this.old.written(this.old.event(this.items.aToken[k]!));
  }

  /** Void elements made inert on the page (base, link, meta refresh, embed); atomic ones are guarded whole. */
  private guard(event: OpenEvent, markup: string): string {
    return this.now.mustBeInert(event, false) ? inert(markup) : markup;
  }

  /**
   * Marks of a kept element whose attributes changed or which was renamed; for one kept as it is
   * but whose attributes differ where the comparison ignored them, only the old values (no
   * flag), so that reject gives them back.
   */
  private pairMarks(k: number, event: OpenEvent): ElementMarks {
    const index = this.items.change[k]!;
    const change: Change | undefined = index < 0 ? undefined : this.script.changes[index];
    const old = this.old.event(this.items.aToken[k]!);
    if (!change || (change.kind !== "attributes" && change.kind !== "tag")) {
      if (old.kind !== "open" || sameAttributes(old.attrs, event.attrs)) return NO_MARKS;
      return { deltas: attributeDeltas(old, event, { isIgnoredAttribute: () => false }) };
    }
    const deltas = old.kind === "open" ? attributeDeltas(old, event, { isIgnoredAttribute: () => false }) : [];
    const flags = [...(deltas.length ? ["attrs"] : []), ...(change.kind === "tag" ? ["tag"] : [])];
    return { flags, deltas, ...(change.kind === "tag" ? { oldName: old.kind === "open" ? old.name : "" } : {}) };
  }

  /** Writes a run of deleted or inserted items, unit by unit; returns the next item index. */
  private gap(k: number, to: number): number {
    const items = this.items;
    const side = items.side[k]!;
    const writer = side === OLD ? this.old : this.now;
    const units: Unit[] = [];
    let m = k;
    while (m < to && items.side[m] === side) {
      const token = items.token[m]!;
      const kind = writer.tokens.kind(token);
      const move = this.moveOf(items.change[m]!);
      const partner = writer.view.partners[token]!;
      if ((kind === "open" || kind === "close") && partner < 0) {
        // A tag the parser left without a partner cannot be written as an element: it is dropped.
        m++;
      } else if (kind === "open") {
        units.push({ kind: "element", first: token, last: partner, move, change: items.change[m]! });
        m += partner - token + 1;
      } else if (kind === "close") {
        throw new Error(`internal: layout does not nest at ${side === OLD ? "old" : "new"} token ${token}`);
      } else if (TEXT.has(kind)) {
        const change = items.change[m]!;
        let last = token;
        while (m + 1 < to && items.side[m + 1] === side && last + 1 < writer.tokens.length && TEXT.has(writer.tokens.kind(last + 1)) && this.moveOf(items.change[m + 1]!) === move) {
          m++;
          last++;
        }
        const reindent = this.script.changes[change]?.kind === "reindent";
        units.push(reindent ? { kind: "text", first: token, last, move, change, reindent } : { kind: "text", first: token, last, move, change });
        m++;
      } else {
        units.push({ kind: "leaf", first: token, last: token, move, change: items.change[m]! });
        m++;
      }
    }
    this.writeUnits(units, writer, side === OLD);
    return m;
  }

  /** The id shared by a move's two halves, or -1. */
  private moveOf(change: number): number {
    const c = change < 0 ? undefined : this.script.changes[change];
    return c?.kind === "move" && c.partner !== undefined ? Math.min(change, c.partner) : -1;
  }

  private writeUnits(units: readonly Unit[], writer: UnitWriter, deleted: boolean): void {
    const nested = this.model.parent() !== null;
    const tag = deleted ? "del" : "ins";
    /** What the open wrapper holds (see wrapKey), or -1 when none is open. */
    let wrapping = -1;
    const closeWrap = (): void => {
      if (wrapping !== -1) this.emit(`</${tag}>`);
      wrapping = -1;
    };
    for (const unit of units) {
      if (this.options.fragment && unit.kind === "element" && (writer.event(unit.first) as OpenEvent).name === "head") continue;
      const placement = this.model.placement(unit, writer, deleted);
      if (placement !== "wrap") closeWrap();
      if (placement === "wrap") {
        const edits = this.editsOf(unit, deleted, true);
        const replaced = edits !== undefined && !this.isMove(unit);
        const key = wrapKey(unit.move, replaced);
        const lead = this.commentsLeading(unit.first, deleted);
        if (lead) closeWrap();
        this.emit(lead);
        const move = unit.move >= 0 ? ` class="diff-move" ${MOVE}="${unit.move}"` : replaced ? ` class="${REPLACED}"` : unit.reindent ? ` class="${REINDENT}"` : "";
        const open = `<${tag} ${WRAP}="${tag}"${move}>`;
        if (wrapping !== key) {
          closeWrap();
          this.emit(open);
          wrapping = key;
        }
        // Comments inside a text run go between wrappers too (see commentsLeading).
        if (unit.kind === "text" && !this.model.leavesInPlace()) this.splitWrap = { tag, open };
        this.model.placed(unit, writer, placement, deleted);
        this.emit(writer.subtree(unit.first, unit.last, NO_MARKS, deleted, nested, false, edits));
        this.splitWrap = null;
      } else if (placement === "class") {
        this.model.placed(unit, writer, placement, deleted);
        // What the comparison left out before an inserted element would stand outside its marks: it goes unseen between ins marks.
        const lead = deleted ? "" : this.gapBefore(unit.first);
        if (lead) this.emit(this.unseen(lead));
        const edits = this.editsOf(unit, deleted, false);
        const replaced = edits !== undefined && !this.isMove(unit);
        const marks: ElementMarks = { flags: [tag], ...(unit.move >= 0 ? { move: unit.move } : {}), ...(replaced ? { replaced } : {}) };
        this.emit(writer.subtree(unit.first, unit.last, marks, deleted, nested, false, edits));
      } else if (placement === "template") {
        this.emit(inert(writer.subtree(unit.first, unit.last, NO_MARKS, deleted, true), "del"));
      } else {
        this.emit(deleted ? markerComment("del", writer.subtree(unit.first, unit.last, NO_MARKS, deleted, nested, true)) : this.insertedMarker(writer, unit, nested));
        this.model.placed(unit, writer, placement, deleted);
      }
    }
    closeWrap();
  }

  /**
   * What the comparison left out before a wrapped unit at token `first`, where it is comments
   * (white space aside) and a browser moves the wrapper out of a table: a browser leaves comments
   * in the table, so they go before the wrapper, unseen (inserted) or in their `del` marker
   * (deleted), and are not written again inside it. Else nothing.
   */
  private commentsLeading(first: number, deleted: boolean): string {
    if (this.model.leavesInPlace()) return "";
    if (!onlyCommentsBefore(deleted ? this.old.view : this.now.view, first)) return "";
    if (deleted) {
      this.oldLeadWritten = first;
      return oldGapBefore(this.old.view, first);
    }
    const gap = this.gapBefore(first);
    return gap ? this.unseen(gap) : "";
  }

  /**
   * The gap before token `t` inside a wrapped text run: where it is comments and a browser moves
   * the wrapper out of a table, the wrapper is closed around them (they are written unseen, or in
   * their `del` marker), since a browser leaves comments in the table; else the gap as it is.
   */
  private outsideWrap(t: number, deleted: boolean, gap: string): string {
    const wrap = this.splitWrap;
    if (!wrap || !gap || !onlyCommentsBefore(deleted ? this.old.view : this.now.view, t)) return gap;
    return `</${wrap.tag}>${deleted ? gap : this.unseen(gap)}${wrap.open}`;
  }

  /** Whether a unit is half of a move. */
  private isMove(unit: Unit): boolean {
    return unit.move >= 0;
  }

  /**
   * The edits to mark inside a deleted or inserted unit: those of an edited move where it
   * arrived, or, in a unit written whole although the script kept part of it, its changed words.
   */
  private editsOf(unit: Unit, deleted: boolean, wrapped: boolean): InnerEdits | undefined {
    const moved = deleted || unit.change < 0 ? undefined : moveEdits(this.script, this.script.changes[unit.change], wrapped);
    if (moved || this.isMove(unit) || !this.fineWords) return moved;
    return replacedEdits(this.script, this.blocks![deleted ? 0 : 1], unit.first, unit.last, deleted, wrapped);
  }

  /**
   * Inserted content where no `<ins>` may stand, as the model says it is carried: between marker
   * comments, or encoded in one (a doctype as its source alone).
   */
  private insertedMarker(writer: UnitWriter, unit: Unit, nested: boolean): string {
    const form = this.model.insertedMarker(unit, writer);
    if (form === "source") {
      const event = writer.event(unit.first);
      // What the comparison left out before it (white space with -w) goes first in the marker, in its place.
      return markerComment("ins", this.gapBefore(unit.first) + this.now.view.side.doc.source.slice(event.start, event.end));
    }
    const markup = writer.subtree(unit.first, unit.last, NO_MARKS, false, nested, form === "encoded");
    return form === "encoded" ? markerComment("ins", markup) : this.unseen(markup);
  }

  /**
   * Inserted markup that no mark may show, unseen between ins marks, or encoded in a marker
   * where it holds text (its own, or what the comparison left out before it: a no-break space
   * with -w) that a browser would move away from the marks (out of a table, into the body).
   */
  private unseen(markup: string): string {
    if (!this.model.leavesInPlace() && /[^ \t\n\f\r]/.test(markup.replace(/<!--[\s\S]*?-->|<[?!][^>]*>/g, ""))) return markerComment("ins", markup);
    return `<!--${COMMENT}ins-begin-->${markup}<!--${COMMENT}ins-end-->`;
  }

  /**
   * The old document's atomic element whose start tag is old token `i`, as a marker carries it
   * ({@link eventSource}): read in place, what the end of the file left unfinished in it (a
   * CDATA section, a comment) would take in what follows.
   */
  private oldElementMarkup(i: number): string {
    const tokens = this.old.tokens;
    return eventSource(this.old.events, this.script.a.doc.source, tokens.event(i), tokens.event(this.old.view.partners[i]!) + 1);
  }

  /** The old document's source of the atomic element whose start tag is old token `i`, or null when it has no end. */
  private oldSourceOf(i: number): string | null {
    const close = this.old.view.partners[i]!;
    if (close < 0) return null;
    return this.script.a.doc.source.slice(this.old.event(i).start, this.old.event(close).end);
  }

  /**
   * What the comparison left out before the kept tokens `i` (old) and `j` (new). Where an
   * element was left out whole (`--ignore`) on either side and the two sides' source there
   * differs, the old side's goes in a `del` marker and the new side's in an `ins` one, so that
   * reject and accept each give their own back.
   */
  private keptGap(i: number, j: number): string {
    const a = this.old.view;
    const b = this.now.view;
    const oldGap = sourceGap(a, i);
    if (oldGap === sourceGap(b, j)) return this.gapBefore(j, true);
    // White space or comments ignored: where a browser leaves them in place, the new side's are
    // written unseen between ins marks and the old side's follow in a marker.
    if (!leftOutElement(a, i) && !leftOutElement(b, j) && this.model.leavesInPlace()) return `<!--${COMMENT}ins-begin-->${this.gapBefore(j)}<!--${COMMENT}ins-end-->${markerComment("del", oldGap)}`;
    const shown = this.shownCopies(j);
    this.lastB = j;
    return `${markerComment("del", oldGap)}${markerComment("ins", sourceGap(b, j))}${shown}`;
  }

  /**
   * The shown copies ({@link shownCopy}) of the new document's elements left out between token
   * `j` and the token before it, each with the white space before it (which the markers alone
   * carry here) inside it.
   */
  private shownCopies(j: number): string {
    const tokens = this.now.tokens;
    const { source } = this.script.b.doc;
    const events = this.now.events;
    const from = j > 0 ? tokens.event(j - 1) + 1 : 0;
    const to = j < tokens.length ? tokens.event(j) : events.length;
    let cursor = j > 0 ? tokens.end(j - 1) : 0;
    let out = "";
    for (let e = from; e < to; e++) {
      if (this.hasTokens(e) || events.kindAt(e) !== "open") continue;
      const last = lastOfElement(events, e);
      const lead = source.slice(cursor, Math.max(cursor, events.startAt(e)));
      out += this.shownCopy(e, last, /^[ \t\n\f\r]*$/.test(lead) ? lead : "");
      cursor = events.endAt(last);
      e = last;
    }
    return out;
  }

  /**
   * A copy of the new document's element left out of the comparison (events `open..last`), for
   * the page to show it where it stands as unchanged context: written from its events, every
   * element with its end tag, its text escaped, comments and active elements (scripts, styles)
   * left out, and flagged so that accept and reject skip it (the element itself travels in a
   * marker). None where a browser would build it elsewhere than written (in a table outside its
   * cells, in the head, in a select, beside the root) or where it holds other atomic content
   * (svg, media, a widget), and none for an active element itself. `lead`, white space, goes
   * first inside it.
   */
  private shownCopy(open: number, last: number, lead = ""): string {
    const events = this.now.events;
    if (!this.model.showsCopy(events, open, last)) return "";
    let out = "";
    const names: string[] = [];
    for (const event of shownCopyEvents(events, open, last)) {
      if (event.kind === "open") {
        const name = writtenName(event.name, this.options);
        const attrs = writtenAttributes(event, {}, this.options.page);
        // A line break first in a pre or listing is not its content: the white space is left out there.
        const first = name === "pre" || name === "listing" ? "" : lead;
        out += event === events.event(open) ? `${openTag(name, [...attrs, [SHOWN, ""]])}${first}` : openTag(name, attrs);
        names.push(name);
      } else if (event.kind === "close" && names.length > 0) {
        out += closeTag(names.pop()!);
      } else if (event.kind === "text") out += escapeText(event.text);
    }
    // An element the end of the file closed has no end tag event: its end tags are written.
    while (names.length > 0) out += closeTag(names.pop()!);
    return out;
  }

  /**
   * Text of the new document that the comparison left out (ignored whitespace or comments) before
   * token `j`; an element left out whole goes in a marker, followed by its shown copy where the
   * gap is written between kept tokens (`shown`).
   */
  private gapBefore(j: number, shown = false): string {
    let prev = this.lastB;
    // Written already, before the unit it leads (see writeUnits).
    if (prev >= j) return "";
    this.lastB = j;
    const side = this.now.view.side;
    const tokens = this.now.tokens;
    const events = this.now.events;
    // An atomic element's content was written with it (left-out elements inside it too): the gap starts at its end.
    const partner = prev >= 0 ? this.now.view.partners[prev]! : -1;
    if (partner > prev && partner < j && ATOMIC.has((this.now.event(prev) as OpenEvent).name)) prev = partner;
    // The tokens before and at the gap, where there are: their events and the gap's ends.
    const before = prev >= 0;
    const at = j < tokens.length;
    const beforeEvent = before ? tokens.event(prev) : -1;
    const beforeEnd = before ? tokens.end(prev) : 0;
    const atEvent = at ? tokens.event(j) : events.length;
    const atStart = at ? tokens.start(j) : 0;
    if (before && at && beforeEnd === atStart) return "";
    if (before && at && beforeEvent === atEvent) return sourceText(side, beforeEnd, atStart);
    let out = "";
    const firstEvent = beforeEvent + 1;
    const lastEvent = atEvent;
    if (before && events.kindAt(beforeEvent) === "text" && beforeEnd < events.endAt(beforeEvent)) out += sourceText(side, beforeEnd, events.endAt(beforeEvent));
    for (let e = firstEvent; e < lastEvent; e++) {
      if (this.hasTokens(e)) continue;
      const kind = events.kindAt(e);
      if (kind === "text") out += textOf(side.doc.source, events.startAt(e), events.endAt(e));
      else if (kind === "comment") out += documentComment(events.textAt(e), "both", side.doc.source.slice(events.startAt(e), events.endAt(e)));
      else if (kind === "open") {
        // An element the comparison left out whole (--ignore) goes in a marker for both sides: written
        // live, its markup is not placed by the writer's rules, and a browser could build it elsewhere.
        const last = lastOfElement(events, e);
        out += markerComment("both", eventSource(events, side.doc.source, e, last + 1));
        if (shown) out += this.shownCopy(e, last);
        e = last;
      }
    }
    if (at && events.kindAt(atEvent) === "text" && events.startAt(atEvent) < atStart) out += sourceText(side, events.startAt(atEvent), atStart);
    return out;
  }
}

/**
 * Per event of a side, the index of its first token, or of the next event's where it has none;
 * the last entry is the number of tokens. Must not be written to.
 */
function firstTokens(side: Side): Int32Array {
  if (side.firstTokens) return side.firstTokens;
  const tokens = tokenEvents(sideList(side));
  const events = eventTable(side.doc).length;
  const first = new Int32Array(events + 1);
  let t = 0;
  for (let e = 0; e <= events; e++) {
    while (t < tokens.length && tokens[t]! < e) t++;
    first[e] = t;
  }
  return first;
}

/**
 * Whether the tokens of a side's text event `e`, written at `start..end`, span it whole (white space ignored
 * at its ends leaves them short). Not asked of a side making its tokens on demand: it is only
 * made for options that leave out no text (see tokenWindow), and its tokens are not made to tell.
 */
function tiled(tokens: TokenList, first: Int32Array, e: number, start: number, end: number): boolean {
  return tokens.start(first[e]!) === start && tokens.end(first[e + 1]! - 1) === end;
}

/**
 * Whether spans of two sources hold the same text, asked for span after span along both: each
 * check compares ahead of the span too, twice as far each time it finds the same (back to a short
 * way after a difference), so that a long run of equal spans costs a few comparisons, and a
 * run of differing ones little more than comparing each.
 */
class SameSource {
  /** Up to where the new source is known to equal the old one moved by {@link shift}. */
  private knownTo = -1;
  private shift = 0;
  private ahead = 256;

  constructor(
    private readonly source: string,
    private readonly oldSource: string,
  ) {}

  /** Whether `source[start..end)` equals `oldSource[oldStart..oldEnd)`. */
  at(start: number, end: number, oldStart: number, oldEnd: number): boolean {
    if (end - start !== oldEnd - oldStart) return false;
    const shift = oldStart - start;
    if (shift === this.shift && end <= this.knownTo) return true;
    const to = Math.max(end, Math.min(this.source.length, this.oldSource.length - shift, start + this.ahead));
    if (this.source.slice(start, to) === this.oldSource.slice(oldStart, to + shift)) {
      this.knownTo = to;
      this.shift = shift;
      this.ahead = Math.min(this.ahead * 2, 1 << 16);
      return true;
    }
    this.ahead = 256;
    if (this.source.slice(start, end) !== this.oldSource.slice(oldStart, oldEnd)) return false;
    this.knownTo = end;
    this.shift = shift;
    return true;
  }
}

/**
 * Whether old event `f` reads as new event `e` for the writer, where the two have the same source
 * and the same kind (code `kind`, see EVENT_CODE): for a tag, the same name (and attributes).
 */
function alike(kind: number, events: EventReader, e: number, oldEvents: EventReader, f: number): boolean {
  if (kind === EVENT_CODE.open) return events.nameAt(e) === oldEvents.nameAt(f) && sameAttributes(events.attrsAt(e), oldEvents.attrsAt(f));
  return kind !== EVENT_CODE.close || events.nameAt(e) === oldEvents.nameAt(f);
}

/** What a wrapper holds, so that units of another kind get a wrapper of their own: a move's half (by id), a replaced unit, or plain content. */
function wrapKey(move: number, replaced: boolean): number {
  return move >= 0 ? 2 + move : replaced ? 1 : 0;
}

/** Whether `source[start..end)` is `</name>`. */
function plainEndTagAt(source: string, start: number, end: number, name: string): boolean {
  return end - start === name.length + 3 && source.startsWith("</", start) && source.startsWith(name, start + 2) && source.charCodeAt(end - 1) === 62;
}

/**
 * What the comparison left out between a side's token `t` and the token before it: the source of
 * the events between them ({@link eventSource}: what the end of the file cut off is left out or
 * finished), and the rest of the text events the two tokens stand in.
 */
function sourceGap(view: SideView, t: number): string {
  const { tokens } = view;
  const { source } = view.side.doc;
  const events = eventTable(view.side.doc);
  const before = has(tokens, t - 1);
  const at = has(tokens, t);
  const first = before ? tokens.event(t - 1) : -1;
  const last = at ? tokens.event(t) : events.length;
  const beforeEnd = before ? tokens.end(t - 1) : 0;
  const atStart = at ? tokens.start(t) : 0;
  if (before && at && first === last) return source.slice(beforeEnd, Math.max(beforeEnd, atStart));
  const out = (before ? source.slice(beforeEnd, Math.max(beforeEnd, events.endAt(first))) : "") + eventSource(events, source, first + 1, last);
  return at ? out + source.slice(events.startAt(last), Math.max(events.startAt(last), atStart)) : out;
}

/** Whether `tokens` has a token `i`. */
function has(tokens: TokenList, i: number): boolean {
  return i >= 0 && i < tokens.length;
}

/**
 * What the comparison left out of the old document before its deleted token `t`: ignored white
 * space inside a text as it stands (it is written inside the deletion's marks), anything else
 * (comments, elements, white space between tags) in a `del` marker, for reject.
 */
function oldGapBefore(view: SideView, t: number): string {
  const gap = sourceGap(view, t);
  if (!gap) return "";
  const { tokens } = view;
  if (has(tokens, t - 1) && tokens.event(t - 1) === tokens.event(t) && TEXT.has(tokens.kind(t - 1)) && TEXT.has(tokens.kind(t)))
    return textOf(view.side.doc.source, tokens.end(t - 1), tokens.start(t));
  return markerComment("del", gap);
}

/** Whether what the comparison left out between a side's token `t` and the token before it is comments, with white space at most. */
function onlyCommentsBefore(view: SideView, t: number): boolean {
  const { tokens } = view;
  const { doc } = view.side;
  const events = eventTable(doc);
  const before = has(tokens, t - 1);
  const at = has(tokens, t);
  const beforeEvent = before ? tokens.event(t - 1) : -1;
  const atEvent = at ? tokens.event(t) : -1;
  const from = before ? beforeEvent + 1 : 0;
  const to = at ? atEvent : events.length;
  const blank = (start: number, end: number): boolean => !/[^ \t\n\f\r]/.test(doc.source.slice(start, end));
  if (before && at && beforeEvent === atEvent) return false;
  if (before && !blank(tokens.end(t - 1), events.endAt(beforeEvent))) return false;
  if (at && !blank(events.startAt(atEvent), tokens.start(t))) return false;
  let comments = 0;
  for (let e = from; e < to; e++) {
    const kind = events.kindAt(e);
    if (kind === "comment") comments++;
    else if (kind !== "text" || !blank(events.startAt(e), events.endAt(e))) return false;
  }
  return comments > 0;
}

/** Whether an element was left out of the comparison whole between a side's token `t` and the token before it. */
function leftOutElement(view: SideView, t: number): boolean {
  const { tokens } = view;
  const events = eventTable(view.side.doc);
  const from = t > 0 ? tokens.event(t - 1) + 1 : 0;
  const to = t < tokens.length ? tokens.event(t) : events.length;
  for (let e = from; e < to; e++) if (events.kindAt(e) === "open") return true;
  return false;
}
