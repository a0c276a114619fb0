// The element names HTML gives rules to, each list said once: the categories of the HTML
// standard (void, raw text, special, formatting, …), the lists its tree builder names (what
// closes a p, what stays in a head, in a select, in a table), and the categories of our own
// output (atomic, active, classed). Lists that are unions of others are built from them.

import type { DocEvent } from "../types.js";

/** A set of element names (lower case, as the HTML parser gives them). */
export type ElementNames = ReadonlySet<string>;

/** The union of lists of element names. */
function names(...lists: readonly Iterable<string>[]): ElementNames {
  const out = new Set<string>();
  for (const list of lists) for (const name of list) out.add(name);
  return out;
}

// The HTML standard's categories.

/** Elements that never have content or an end tag (void elements, with the obsolete ones browsers still treat so). */
export const VOID: ElementNames = names([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Elements whose content the parser keeps as raw text: no character references are decoded there, nothing is escaped (raw text elements, and xmp). */
export const RAW_TEXT: ElementNames = names(["script", "style", "xmp"]);

/** Elements whose content is text in which character references are decoded (escapable raw text, RCDATA). */
export const ESCAPABLE_RAW_TEXT: ElementNames = names(["textarea", "title"]);

/** Elements whose content a browser reads as raw text while our parser reads markup in it (scripting on, for noscript). */
export const BROWSER_RAW_TEXT: ElementNames = names(["iframe", "noembed", "noframes", "noscript"]);

/** Elements whose content is text to our parser, markup-like or not: raw text, escapable raw text, the browser's raw text (noscript aside: htmlparser2 reads it as markup) and plaintext. */
export const PARSER_TEXT: ElementNames = names(
  RAW_TEXT,
  ESCAPABLE_RAW_TEXT,
  [...BROWSER_RAW_TEXT].filter((name) => name !== "noscript"),
  ["plaintext"],
);

/** Elements whose content is one text to our parser and to a browser: raw text and escapable raw text. */
export const TEXT_CONTENT: ElementNames = names(RAW_TEXT, ESCAPABLE_RAW_TEXT);

/** Elements whose content a browser reads as foreign markup (SVG, MathML). */
export const FOREIGN_ROOTS: ElementNames = names(["svg", "math"]);

/** SVG elements whose content a browser reads as HTML again (HTML integration points). */
export const SVG_HTML_INTEGRATION_POINTS: ElementNames = names(["foreignobject", "desc", "title"]);

/** MathML elements whose content a browser reads as HTML again (MathML text integration points). */
export const MATHML_TEXT_INTEGRATION_POINTS: ElementNames = names(["mi", "mo", "mn", "ms", "mtext"]);

/** The headings. */
export const HEADINGS: ElementNames = names(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Start tags that end svg or math content where it is foreign (the standard's "in foreign content" list; font with color, face or size too). */
export const BREAKS_OUT_OF_FOREIGN: ElementNames = names(HEADINGS, [
  "b",
  "big",
  "blockquote",
  "body",
  "br",
  "center",
  "code",
  "dd",
  "div",
  "dl",
  "dt",
  "em",
  "embed",
  "head",
  "hr",
  "i",
  "img",
  "li",
  "listing",
  "menu",
  "meta",
  "nobr",
  "ol",
  "p",
  "pre",
  "ruby",
  "s",
  "small",
  "span",
  "strong",
  "strike",
  "sub",
  "sup",
  "table",
  "tt",
  "u",
  "ul",
  "var",
]);

/** The standard's "special" category. */
export const SPECIAL: ElementNames = names(HEADINGS, [
  "address",
  "applet",
  "area",
  "article",
  "aside",
  "base",
  "basefont",
  "bgsound",
  "blockquote",
  "body",
  "br",
  "button",
  "caption",
  "center",
  "col",
  "colgroup",
  "dd",
  "details",
  "dir",
  "div",
  "dl",
  "dt",
  "embed",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "frame",
  "frameset",
  "head",
  "header",
  "hgroup",
  "hr",
  "html",
  "iframe",
  "img",
  "input",
  "keygen",
  "li",
  "link",
  "listing",
  "main",
  "marquee",
  "menu",
  "meta",
  "nav",
  "noembed",
  "noframes",
  "noscript",
  "object",
  "ol",
  "p",
  "param",
  "plaintext",
  "pre",
  "script",
  "search",
  "section",
  "select",
  "source",
  "style",
  "summary",
  "table",
  "tbody",
  "td",
  "template",
  "textarea",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "track",
  "ul",
  "wbr",
  "xmp",
]);

/** The formatting elements, which a browser reopens where content follows after it closed them without their end tag. */
export const FORMATTING: ElementNames = names(["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]);

/** Elements that end a search for an element in scope (the default scope; button scope adds `button`). */
export const SCOPE_BOUNDARIES: ElementNames = names(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]);

/** The elements of which a document has one: html, and head and body directly in it. */
export const ROOTS: ElementNames = names(["html", "head", "body"]);

// The lists the tree builder names.

/** Start tags that close an open `p` in button scope. */
export const CLOSES_P: ElementNames = names(HEADINGS, [
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "header",
  "hgroup",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "search",
  "section",
  "summary",
  "ul",
  "pre",
  "listing",
  "form",
  "plaintext",
  "table",
  "hr",
  "xmp",
  "li",
  "dd",
  "dt",
]);

/** What a browser keeps in the head; any other start tag there ends it and starts the body. */
export const IN_HEAD: ElementNames = names(["base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style", "script", "template"]);

/** What a browser keeps as elements inside a select. */
export const IN_SELECT: ElementNames = names(["option", "optgroup", "hr", "script", "template"]);

/** Table parts and the parents a browser accepts them in. */
export const TABLE_PARENTS: ReadonlyMap<string, ElementNames> = new Map([
  ["caption", names(["table"])],
  ["colgroup", names(["table"])],
  ["col", names(["table", "colgroup"])],
  ["thead", names(["table"])],
  ["tbody", names(["table"])],
  ["tfoot", names(["table"])],
  ["tr", names(["table", "thead", "tbody", "tfoot"])],
  ["td", names(["tr"])],
  ["th", names(["tr"])],
]);

/** Parents whose content a browser moves out (foster-parents) unless it is a table part or one of {@link TABLE_GUESTS}. */
export const TABLE_CONTEXT: ElementNames = names(["table", "thead", "tbody", "tfoot", "tr"]);

/** Elements a browser keeps where they stand in a table (not fostered out). */
export const TABLE_GUESTS: ElementNames = names(["script", "style", "template", "form", "input"]);

/** Elements whose innermost open one the tree builder looks for (in scope, or at all). */
export const SCOPE_TARGETS: ElementNames = names(["select", "a", "form", "table", "p", "button", "nobr", "li"]);

// The categories of our output.

/** Atomic elements whose source content is markup to a browser (others hold raw text). */
export const MARKUP_CONTENT: ElementNames = names(["svg", "math", "video", "audio", "picture", "canvas", "template", "object"]);

/**
 * Elements shown and compared as one unit: their content is raw text to a browser, foreign
 * markup, or a widget, so no mark can go inside them.
 */
export const ATOMIC: ElementNames = names(TEXT_CONTENT, BROWSER_RAW_TEXT, ["plaintext"], MARKUP_CONTENT, ["option", "applet", "portal", "frameset"]);

/** Elements that act when present (run, load, style, redirect): a deleted one goes into an inert `<template>`. */
export const ACTIVE: ElementNames = names(["script", "style", "link", "meta", "base", "title", "iframe", "object", "embed", "noscript", "template", "frame", "frameset", "applet", "portal"]);

/** Elements that run script or load a document when present: inert on the review page. */
export const PAGE_INERT: ElementNames = names(["script", "iframe", "object", "embed", "frame", "frameset", "applet", "portal", "base", "link"]);

/** Parents whose children must be specific elements, where `<ins>`/`<del>` would be moved or dropped by a browser. */
const STRICT_PARENTS: ElementNames = names(["html", "head", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "select", "optgroup", "datalist", "frameset", "ul", "ol", "menu", "dl", "ruby"]);

/** Children that need a particular parent: a whole one inserted or deleted carries a class on itself. */
const CLASSED: ElementNames = names([
  "html",
  "head",
  "body",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "caption",
  "col",
  "colgroup",
  "option",
  "optgroup",
  "source",
  "track",
  "param",
  "rt",
  "rp",
  "summary",
  "legend",
  "figcaption",
  "frame",
  "area",
]);

/** Whether `<ins>`/`<del>` may wrap content directly inside `parent` (null: the document itself). */
export function wrapsInside(parent: string | null): boolean {
  return parent !== null && !STRICT_PARENTS.has(parent);
}

/** Whether a whole inserted or deleted element is marked by a class on itself rather than wrapped. */
export function classedElement(name: string, parent: string | null): boolean {
  return CLASSED.has(name) || !wrapsInside(parent);
}

/**
 * Whether an event is a doctype: a declaration whose name starts with `!doctype`, as browsers
 * read `<!DOCTYPE\x01html>` too.
 *
 * @example isDoctype({ kind: "instruction", name: "!DOCTYPE", data: "html", start: 0, end: 15 }) // true
 */
export function isDoctype(event: DocEvent): boolean {
  return event.kind === "instruction" && event.name.toLowerCase().startsWith("!doctype");
}

/** Groups of element names whose content models match, so that a rename keeps the content valid. */
const RENAME_GROUPS: readonly (readonly string[])[] = [
  [...HEADINGS],
  [
    "b",
    "i",
    "em",
    "strong",
    "span",
    "code",
    "kbd",
    "samp",
    "var",
    "small",
    "big",
    "u",
    "s",
    "strike",
    "sub",
    "sup",
    "mark",
    "q",
    "cite",
    "dfn",
    "abbr",
    "time",
    "data",
    "tt",
    "font",
    "bdi",
    "bdo",
    "ins",
    "del",
  ],
  ["div", "section", "article", "aside", "nav", "header", "footer", "main", "blockquote", "figure", "center", "search"],
  ["ul", "ol", "menu"],
  ["td", "th"],
  ["thead", "tbody", "tfoot"],
  ["dt", "dd"],
];
const GROUP_OF = new Map(RENAME_GROUPS.flatMap((list, group) => list.map((name) => [name, group] as const)));

/**
 * Whether an element renamed from `from` to `to` can be shown as one renamed element: the two
 * names take the same content (custom elements count as inline ones).
 *
 * @example renameKeepsContent("b", "i") // true; renameKeepsContent("span", "p") // false
 */
export function renameKeepsContent(from: string, to: string): boolean {
  const group = (name: string): number | undefined => GROUP_OF.get(name) ?? (name.includes("-") ? 1 : undefined);
  const g = group(from);
  return g !== undefined && g === group(to);
}

/**
 * Whether an event is an end tag that closed no open element (our parser keeps it as an
 * instruction named `/td`; a browser ignores it). Written back as it stands it could close an
 * element of the output that the source did not have open (a mark, the page's own), so it
 * travels in a marker comment.
 *
 * @example isStrayEndTag(parseDocument("<p>a</td>").events[2]) // true
 */
export function isStrayEndTag(event: DocEvent): boolean {
  return event.kind === "instruction" && event.name.startsWith("/");
}
