// Checks for HTML output used by tests: event streams compared as the issue defines them
// (marks aside, attribute order aside), and the parse5 check that a browser builds exactly the
// tree the renderer meant. The check reads the marks by their description (output-marks.ts), not
// by the writer's own readers, and takes only the browser's rules, the marks' names and the
// omitted tags our parser adds (as diffDocuments asks for them) from src/html.

import type { DefaultTreeAdapterTypes as P } from "parse5";
import { defaultTreeAdapter, html, parseFragment } from "parse5";
import { parseDocument } from "../../src/events/parse.js";
import { omittedTagsToImply } from "../../src/html/implied-tags.js";
import { AS, CHARSET, MARK, OLD_SOURCE, OLD_TAG, SHOWN, SOURCE, STOP, UNCHANGED, VIEW, WRAP } from "../../src/html/marks.js";
import { serializeEvents } from "../../src/html/serialize.js";
import { BROWSER_RAW_TEXT, isDoctype, isStrayEndTag } from "../../src/html/elements.js";
import { ContentKindStack } from "../../src/html/foreign.js";
import type { DocEvent, ParseMode } from "../../src/types.js";
import { attributesOnSide, markerMarkup, readMarker } from "./output-marks.js";
import { compareTrees, type Element, fromParse5, type Node, normalise, ourTree, parse5Document, parse5Tree } from "./trees.js";

/**
 * A document's events as comparable lines: attributes sorted, adjacent text joined, implied and
 * explicit end tags alike.
 */
export function eventLines(source: string, mode: ParseMode): string[] {
  const out: string[] = [];
  let text: string | null = null;
  const flush = (): void => {
    if (text !== null) out.push(`text ${JSON.stringify(text)}`);
    text = null;
  };
  for (const event of parseDocument(source, { mode }).events) {
    if (event.kind === "text") {
      text = (text ?? "") + event.text;
      continue;
    }
    flush();
    out.push(eventLine(event));
  }
  flush();
  return out;
}

function eventLine(event: DocEvent): string {
  switch (event.kind) {
    case "open":
      return `<${event.name}${event.attrs
        .map(([n, v]) => ` ${n}=${JSON.stringify(v)}`)
        .sort()
        .join("")}>`;
    case "close":
      return `</${event.name}>`;
    case "instruction":
      return `<${event.name} ${event.data}>`;
    default:
      return `${event.kind} ${JSON.stringify(event.text)}`;
  }
}

/** The first difference between two event streams (the expected one as markup or as its {@link eventLines}), or null when they are the same. */
export function firstEventDifference(actual: string, expected: string | readonly string[], mode: ParseMode): string | null {
  const x = eventLines(actual, mode);
  const y = typeof expected === "string" ? eventLines(expected, mode) : expected;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) {
      return `event ${i}: got ${x[i] ?? "(end)"}, expected ${y[i] ?? "(end)"}\n  got around: ${x.slice(Math.max(0, i - 3), i + 3).join(" ")}\n  expected around: ${y.slice(Math.max(0, i - 3), i + 3).join(" ")}`;
    }
  }
  return null;
}

/**
 * The parse5 check: the output parsed by parse5 (what a browser builds) against the tree the
 * renderer wrote (the output parsed by our own parser, where every element is explicit).
 * Normalised alike: elements parse5 creates without a tag (html, head, body, tbody) stand for
 * their content; whitespace-only text directly in the document, html or head, and at the end of
 * body, is left out (browsers move or drop it); CRLF is LF. Returns the first difference, or null.
 * Given the two documents, a difference that the plain documents already show (a browser
 * builds them differently from our parser; for the review page, in the standards mode of the
 * page) is judged by the browser's own view instead: the
 * output with every change taken, and with none, must show the elements and text of the new
 * and the old document, in order (see {@link sequence}).
 */
export function parse5Difference(output: string, sides?: { readonly a: string; readonly b: string }): string | null {
  return sides ? parse5Checker(sides)(output) : compareTrees(ourTree(output), parse5Tree(output));
}

/**
 * {@link parse5Difference} for several outputs of one pair, computing what concerns the two
 * documents (how a browser builds them, and whether our parser agrees) once.
 */
export function parse5Checker(sides: { readonly a: string; readonly b: string }): (output: string) => string | null {
  // The review page shows the documents in standards mode (its own doctype); HTML output in theirs.
  const browsers = new Map<boolean, { a: string[]; b: string[]; unstable: boolean }>();
  // Parsed as diffDocuments parses them, with the omitted tags it adds (without the tbody a
  // browser adds, our parser takes a `</tbody>` that closes it for an end tag that closes
  // nothing), those tags then left out again, as the source has them.
  const implied = omittedTagsToImply([sides.a, sides.b]);
  const plain = (source: string, page: boolean): string => {
    const events = asRendered(withoutImpliedTags(parseDocument(source, { mode: "html", implied }).events));
    if (!page) return withRawTextSource(events, source);
    // The page's doctype replaces the document's own, before or beside its root; one nested in
    // an element (copied with its atomic content) stays where it was, dropped by a browser alike.
    let depth = 0;
    const outside = events.filter((e) => {
      if (e.kind === "open") depth++;
      else if (e.kind === "close") depth--;
      return !(depth === 0 && isDoctype(e));
    });
    return `<!DOCTYPE html>${withRawTextSource(outside, source)}`;
  };
  return (output) => {
    const document = parse5Document(output);
    const strict = compareTrees(ourTree(output), normalise(fromParse5(document, true, "#document"), false));
    if (strict === null) return null;
    const page = output.includes(`${VIEW}="document"`);
    let browser = browsers.get(page);
    if (!browser) {
      const [a, b] = [plain(sides.a, page), plain(sides.b, page)];
      const [treeA, treeB] = [parse5Tree(a), parse5Tree(b)];
      const unstable = compareTrees(ourTree(a), treeA) !== null || compareTrees(ourTree(b), treeB) !== null;
      browser = { a: sequence(treeA), b: sequence(treeB), unstable };
      browsers.set(page, browser);
    }
    if (!browser.unstable) return strict;
    for (const [keep, expected] of [
      ["ins", browser.b],
      ["del", browser.a],
    ] as const) {
      // Projected before normalising: whitespace that a mark separated from text joins it again first.
      const built = project(fromParse5(parse5Document(withMarkersRead(output, keep)), true, "#document"), keep);
      const difference = compareSequences(expected, sequence(normalise(built, false)));
      if (difference) return `${keep === "ins" ? "accepted" : "rejected"} output as a browser builds it: ${difference}`;
    }
    return null;
  };
}

/** Events without the start tags the parser added (no text of their own), nor their end tags where the source has none either. */
function withoutImpliedTags(events: readonly DocEvent[]): DocEvent[] {
  const added: boolean[] = [];
  return events.filter((event) => {
    if (event.kind === "open") {
      const implied = event.start === event.end && TAGLESS.has(event.name);
      added.push(implied);
      return !implied;
    }
    return event.kind !== "close" || !(added.pop() && event.start === event.end);
  });
}

/**
 * A document's events as the renderer writes them, for the browser's view of the plain
 * document: plaintext as span (outside svg and math), no end tag that closes nothing, and a CDATA section in svg or math content (which our parser reads as
 * a comment, and the renderer copies from the source) as CDATA; in an integration point (mi,
 * foreignObject) it stays a comment, as the renderer writes it there.
 */
function asRendered(events: readonly DocEvent[]): DocEvent[] {
  const kinds = new ContentKindStack();
  // An end tag that closes nothing is written in a marker, which a browser ignores as it ignores
  // the tag; in an iframe and the like, which a browser reads as text, it is written as it stands.
  let rawText = 0;
  return events
    .filter((event) => {
      if (event.kind === "open" && BROWSER_RAW_TEXT.has(event.name)) rawText++;
      else if (event.kind === "close" && BROWSER_RAW_TEXT.has(event.name)) rawText--;
      return rawText > 0 || !isStrayEndTag(event);
    })
    .map((event): DocEvent => {
      if (event.kind === "open" || event.kind === "close") {
        if (event.kind === "close") kinds.close();
        // In svg or math, plaintext is a foreign element like any other: the renderer keeps it.
        const around = event.kind === "open" ? kinds.open(event.name, event.attrs) : kinds.current;
        return event.name === "plaintext" && around === "html" ? { ...event, name: "span" } : event;
      }
      const cdata = event.kind === "comment" && kinds.current !== "html" ? /^\[CDATA\[([\s\S]*)\]\]$/.exec(event.text) : null;
      if (cdata && !cdata[1]!.includes("]]>")) return { ...event, kind: "cdata", text: cdata[1]! };
      // A comment a browser would end early travels in a marker, which a browser shows as a comment.
      return event.kind === "comment" && endsEarly(event.text) ? { ...event, text: standIn(event.text) } : event;
    });
}

/**
 * Events serialised as {@link serializeEvents} does, but for the content of an iframe, noembed,
 * noframes or noscript in HTML content that has its end tag: a browser reads it as raw text, and
 * the renderer copies it from the source, so it is the source here too (our parser decoded and
 * split it as markup).
 */
function withRawTextSource(events: readonly DocEvent[], source: string): string {
  const out: string[] = [];
  const kinds = new ContentKindStack();
  let from = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.kind === "close") kinds.close();
    if (event.kind !== "open") continue;
    const around = kinds.open(event.name, event.attrs);
    if (around !== "html" || !BROWSER_RAW_TEXT.has(event.name)) continue;
    let close = i + 1;
    for (let depth = 1; close < events.length; close++) {
      const kind = events[close]!.kind;
      if (kind === "open") depth++;
      else if (kind === "close" && --depth === 0) break;
    }
    // Cut off by the end of the file, the renderer writes it from its events, as here.
    const end = events[close];
    if (end?.kind !== "close" || end.implied) continue;
    const contentEnd = close > i + 1 ? events[close - 1]!.end : event.end;
    out.push(serializeEvents(events.slice(from, i + 1)), source.slice(event.end, contentEnd), `</${event.name}>`);
    kinds.close();
    i = close;
    from = close + 1;
  }
  out.push(serializeEvents(events.slice(from)));
  return out.join("");
}

/** Whether a browser would end a comment with this text before its end (at a `-->` or `--!>` inside). */
function endsEarly(text: string): boolean {
  return /--!?>/.test(text);
}

/**
 * The comment that stands for one a browser would end early: the renderer writes such a comment
 * in a marker, so that what follows its early end is not read as markup (in our marks too); a
 * browser shows the marker as a comment, and the browser's view of the plain documents has this
 * one in its place.
 */
function standIn(text: string): string {
  // With `>` written as `%3E`, no `-->` or `--!>` ends the stand-in early.
  return `comment ending early: ${text.replace(/[%>]/g, (c) => (c === "%" ? "%25" : "%3E"))}`;
}

/** Whether a marker's markup is an end tag (one that closes nothing), not a bogus comment begun by `</` (`</ x>`, `</</p>`). */
function isEndTag(markup: string): boolean {
  return /^<\/[a-zA-Z]/.test(markup);
}

/** The text of the comment that a marker's markup is, when it is one comment a browser would end early; else null. */
function earlyEndingComment(markup: string): string | null {
  const events = parseDocument(markup, { mode: "html" }).events;
  const only = events.length === 1 ? events[0]! : undefined;
  return only?.kind === "comment" && endsEarly(only.text) ? only.text : null;
}

/**
 * For documents that a browser builds differently from our parser (an end tag left out where
 * HTML closes more than the innermost element), the browser's own view: the tree it built from
 * the output with every change taken (`ins`) or none (`del`), as accept and reject take them.
 */
/** Elements a browser creates without a tag, which normalise() lets stand for their content. */
const TAGLESS = new Set(["html", "head", "body", "tbody", "colgroup"]);

function project(root: Element, keep: "ins" | "del"): Element {
  const drop = keep === "ins" ? "del" : "ins";
  const attr = (node: Element, name: string): string | undefined => node.attrs.find(([n]) => n === name)?.[1];
  const container = findElement(root, (node) => attr(node, VIEW) === "document");
  const out: Element = { kind: "element", name: "#document", attrs: [], children: [] };
  const stack: [Node[], Element][] = [[(container ?? root).children, out]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [children, into] = next;
    // Unwrapped and decoded content takes the place of its wrapper, in order.
    const list = [...children];
    let skipping = false;
    for (let i = 0; i < list.length; i++) {
      const child = list[i]!;
      if (child.kind === "comment" && child.text === "htmldiff:ins-begin") skipping = keep === "del";
      if (skipping || (child.kind === "comment" && /^htmldiff:ins-(begin|end)$/.test(child.text))) {
        if (child.kind === "comment" && child.text === "htmldiff:ins-end") skipping = false;
        continue;
      }
      if (child.kind === "comment") {
        // Markers of the side kept were read in place (withMarkersRead), but for those beside the
        // root element or directly in it (read alone, as a fragment: in place they would start the
        // body before the root, or go into the other side's head or body) and comments a browser
        // would end early; left are the other side's, end tags that close nothing (which a browser
        // ignores), and document comments that looked like markers. The comment recording the
        // documents' encodings is no part of either, nor are the review page's stop comments and
        // the one that marks the output of documents without differences.
        const marker = readMarker(child.text);
        if (child.text.startsWith(CHARSET) || child.text.startsWith(STOP) || child.text === UNCHANGED) continue;
        if (!marker) into.children.push(child);
        else if (marker.role === "raw") into.children.push({ kind: "comment", text: marker.payload });
        else if (marker.role !== drop) {
          const markup = markerMarkup(marker.payload);
          const comment = earlyEndingComment(markup);
          if (comment !== null) into.children.push({ kind: "comment", text: standIn(comment) });
          // Read alone, the piece's own markers of the side kept (white space that -w left out, in a deleted piece) are read in it first.
          else if (((into === out && !container) || into.name === "html") && !isEndTag(markup))
            list.splice(i + 1, 0, ...normalise(fromParse5(parseIn(into.name, withMarkersRead(markup, keep)), true, "#fragment"), false).children);
        }
        continue;
      }
      if (child.kind !== "element") {
        into.children.push(child);
        continue;
      }
      const wrap = attr(child, WRAP);
      if (wrap === drop || (attr(child, MARK) ?? "").split(" ").includes(drop) || attr(child, SHOWN) !== undefined) continue;
      if (wrap !== undefined) {
        list.splice(i + 1, 0, ...child.children);
        continue;
      }
      // A tag the side left out (written with an empty source) that a browser adds without a tag stands for its content, as those do.
      const as = attr(child, AS);
      const oldName = keep === "del" ? attr(child, OLD_TAG) : undefined;
      const source = (keep === "del" ? attr(child, OLD_SOURCE) : undefined) ?? attr(child, SOURCE);
      // Judged by its name on the side kept: a tbody the old side left out, written as the new side's thead.
      if (source === "" && TAGLESS.has(oldName ?? as ?? child.name)) {
        list.splice(i + 1, 0, ...child.children);
        continue;
      }
      // A plaintext written as span stays a span: the browser's view of the plain documents has it so too (asRendered).
      const name = oldName ?? (as === "plaintext" ? undefined : as) ?? child.name;
      const element: Element = { kind: "element", name, attrs: sideAttributes(child.attrs, keep).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)), children: [] };
      if (child.reopened) element.reopened = true;
      into.children.push(element);
      stack.push([child.children, element]);
    }
  }
  return withoutEmptyReopened(out);
}

/**
 * An element's attributes on one side, as a browser reads them: those of the start tag source text recorded on it
 * (the writer records it where it writes a tag otherwise: marked, or a `<meta>` made to declare
 * UTF-8), else those its marks give back (attributesOnSide).
 */
function sideAttributes(attrs: readonly (readonly [string, string])[], keep: "ins" | "del"): [string, string][] {
  const find = (name: string): string | undefined => attrs.find(([n]) => n === name)?.[1];
  const recorded = (keep === "del" ? find(OLD_SOURCE) : undefined) ?? find(SOURCE);
  const tag = recorded === undefined ? undefined : parseDocument(recorded, { mode: "html" }).events.find((e) => e.kind === "open");
  if (tag?.kind !== "open") return attributesOnSide(attrs, keep);
  // Read from the record by our parser, which keeps CR; a browser reading the same bytes in place turns CR LF and CR into LF.
  return tag.attrs.map(([n, v]) => [n, v.replace(/\r\n?/g, "\n")]);
}

/**
 * A tree without the formatting elements that a browser reopened and that hold nothing once the
 * other side's changes are left out: a browser reopens one only to hold content that follows
 * (a `<b>` around an `<ins>` after an implied end of its paragraph), so without that content it
 * would not have built it.
 */
function withoutEmptyReopened(root: Element): Element {
  // Inner elements first (reverse preorder), so that one holding only empty reopened ones is empty in turn.
  const order: Element[] = [];
  const stack: Element[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    order.push(node);
    for (const child of node.children) if (child.kind === "element") stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    node.children = node.children.filter((child) => child.kind !== "element" || !(child.reopened && child.children.length === 0));
  }
  return root;
}

/**
 * The output with the markers of the side kept (`del` markers to reject, `ins` to accept, and
 * `both`) replaced by the markup they carry, as a browser would read that markup where the
 * marker stands: in the full context of the document, its open elements, tables and formatting
 * elements. Markers inside carried markup are read in turn. An end tag that closes nothing stays
 * a marker: a browser ignores such a tag, and the plain documents leave it out (asRendered).
 */
function withMarkersRead(output: string, keep: "ins" | "del"): string {
  let markup = withoutPageEnd(output);
  for (let round = 0; ; round++) {
    const found: { start: number; end: number; payload: string }[] = [];
    const dropped = droppedComments(markup, keep);
    const stack: P.ParentNode[] = [parse5Document(markup)];
    for (let node = stack.pop(); node; node = stack.pop()) {
      const children = node.nodeName === "template" ? ((node as P.Template).content?.childNodes ?? node.childNodes) : node.childNodes;
      for (const child of children) {
        if (child.nodeName === "#comment") {
          const marker = readMarker((child as P.CommentNode).data);
          const payload = marker && (marker.role === keep || marker.role === "both") ? markerMarkup(marker.payload) : null;
          const at = child.sourceCodeLocation;
          if (payload === null || isEndTag(payload) || earlyEndingComment(payload) !== null || !at || dropped.has(at.startOffset)) continue;
          // Beside the root, read in place, the piece would start the body before the root element;
          // directly in html, it would go into a head or body of the other side (see project).
          if (node.nodeName === "#document" || node.nodeName === "html") continue;
          if (!markup.startsWith("<!--", at.startOffset) || !markup.startsWith("-->", at.endOffset - 3)) throw new Error(`marker comment not where parse5 put it: ${at.startOffset}`);
          found.push({ start: at.startOffset, end: at.endOffset, payload });
        } else if ("childNodes" in child) stack.push(child as P.ParentNode);
      }
    }
    if (!found.length) return markup;
    if (round > 100) throw new Error("markers nested more than 100 deep");
    found.sort((x, y) => y.start - x.start);
    for (const { start, end, payload } of found) markup = markup.slice(0, start) + payload + markup.slice(end);
  }
}

/**
 * Where the comments stand (their offsets in `markup`) that the side kept leaves out with the
 * other side's changes, as accept and reject read the output (our parser's events): inside a
 * wrapper or an element marked whole of the other side, or, to reject, between `ins-begin` and
 * `ins-end`. A `both` marker there (an element left out of the comparison inside an insertion)
 * is no part of the side kept, so it is not read in place for it.
 */
function droppedComments(markup: string, keep: "ins" | "del"): Set<number> {
  const drop = keep === "ins" ? "del" : "ins";
  const out = new Set<number>();
  let depth = 0;
  let unseen = false;
  for (const event of parseDocument(markup, { mode: "html" }).events) {
    if (event.kind === "comment" && event.text === "htmldiff:ins-begin") unseen = keep === "del";
    else if (event.kind === "comment" && event.text === "htmldiff:ins-end") unseen = false;
    else if (event.kind === "comment" && (depth > 0 || unseen)) out.add(event.start);
    else if (event.kind === "open") {
      const attr = (name: string): string | undefined => event.attrs.find(([n]) => n === name)?.[1];
      if (depth > 0 || attr(WRAP) === drop || (attr(MARK) ?? "").split(" ").includes(drop) || attr(SHOWN) !== undefined) depth++;
    } else if (event.kind === "close" && depth > 0) depth--;
  }
  return out;
}

/**
 * The review page cut off where its document view ends (the view's end tag, the page's script
 * and end tags after it left out): markup read from a marker may leave an element open (a
 * `<select>` in a comment a browser ends early) that would take in the page's own markup, which
 * the check does not compare. HTML output is returned as it is.
 */
function withoutPageEnd(output: string): string {
  const stack: P.ParentNode[] = [parse5Document(output)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ("attrs" in node && node.attrs.some((a) => a.name === VIEW && a.value === "document")) {
      const end = node.sourceCodeLocation?.endTag?.startOffset;
      return end === undefined ? output : output.slice(0, end);
    }
    for (const child of node.childNodes) if ("childNodes" in child) stack.push(child as P.ParentNode);
  }
  return output;
}

/** Markup parsed as a browser parses it inside an element named `parent` (the body for the document itself, where a browser puts content). */
function parseIn(parent: string, markup: string): P.DocumentFragment {
  const context = defaultTreeAdapter.createElement(parent.startsWith("#") ? "body" : parent, html.NS.HTML, []);
  return parseFragment(context, markup, { sourceCodeLocationInfo: true });
}

/**
 * The browser's view of a document that it builds differently from our parser, as a sequence:
 * elements (name and attributes) and texts in document order, nesting left out. Where the
 * markup itself cannot be built as written (a `<dd>` nested where a browser closes the outer
 * one), the nesting differs by definition; what must hold is that the browser shows the same
 * elements and text in the same order. html, head and body are left out (a browser has one of
 * each whatever the markup says), so are doctypes (the page has its own), and whitespace is left out of text: a browser drops or moves
 * it at the edges of what it restructures (the start of an implied body, a foster-parented run),
 * and comments are compared without whitespace and letter case: a browser reads instructions and
 * declarations as comments, and our parser keeps their names lowercased and their spacing normalised.
 */
function sequence(root: Element): string[] {
  const out: string[] = [];
  let text = "";
  const flush = (): void => {
    const trimmed = text.replace(/[ \t\n\f\r]+/g, "");
    if (trimmed) out.push(`text ${JSON.stringify(trimmed)}`);
    text = "";
  };
  const stack: Node[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === "text") {
      text += node.text;
      continue;
    }
    if (node.kind === "element" && /^(html|head|body)$/.test(node.name)) {
      stack.push(...[...node.children].reverse());
      continue;
    }
    flush();
    if (node.kind === "element") {
      out.push(`<${node.name}${node.attrs.map(([n, v]) => ` ${n}=${JSON.stringify(v)}`).join("")}>`);
      stack.push(...[...node.children].reverse());
    } else if (node.kind === "comment") out.push(`comment ${JSON.stringify(node.text.replace(/[ \t\n\f\r]+/g, "").toLowerCase())}`);
  }
  flush();
  return out;
}

/** The first difference between two {@link sequence}s, or null. */
function compareSequences(meant: readonly string[], built: readonly string[]): string | null {
  const n = Math.max(meant.length, built.length);
  for (let i = 0; i < n; i++) {
    if (meant[i] !== built[i]) {
      const around = (items: readonly string[]): string =>
        items
          .slice(Math.max(0, i - 2), i + 3)
          .join(" ")
          .slice(0, 400);
      return `item ${i}: meant ${meant[i] ?? "(end)"}, browser built ${built[i] ?? "(end)"}\n  meant around: ${around(meant)}\n  built around: ${around(built)}`;
    }
  }
  return null;
}

function findElement(root: Element, test: (node: Element) => boolean): Element | undefined {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind !== "element") continue;
    if (test(node)) return node;
    stack.push(...node.children);
  }
  return undefined;
}
