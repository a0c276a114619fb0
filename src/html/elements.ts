// What HTML allows where, as far as marking changes needs it: which parents take <ins>/<del>,
// which elements must carry a class instead, which are compared and shown as whole units.

import type { DocEvent } from "../types.js";

/** Elements that never have content or an end tag. */
export const VOID = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
  "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

/**
 * Elements shown and compared as one unit: their content is raw text to a browser, foreign
 * markup, or a widget, so no mark can go inside them.
 */
export const ATOMIC = new Set([
  "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
  "svg", "math", "video", "audio", "object", "canvas", "option", "template", "picture", "applet", "portal", "frameset",
]);

/** Elements that act when present (run, load, style, redirect): a deleted one goes into an inert `<template>`. */
export const ACTIVE = new Set([
  "script", "style", "link", "meta", "base", "title", "iframe", "object", "embed", "noscript", "template", "frame",
  "frameset", "applet", "portal",
]);

/** Parents whose children must be specific elements, where `<ins>`/`<del>` would be moved or dropped by a browser. */
const STRICT_PARENTS = new Set([
  "html", "head", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "select", "optgroup", "datalist", "frameset",
  "ul", "ol", "menu", "dl", "ruby",
]);

/** Children that need a particular parent: a whole one inserted or deleted carries a class on itself. */
const CLASSED = new Set([
  "html", "head", "body", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "col",
  "colgroup", "option", "optgroup", "source", "track", "param", "rt", "rp", "summary", "legend", "figcaption", "frame",
  "area",
]);

/** Whether `<ins>`/`<del>` may wrap content directly inside `parent` (null: the document itself). */
export function wrapsInside(parent: string | null): boolean {
  return parent !== null && !STRICT_PARENTS.has(parent);
}

/** Atomic elements whose content a browser reads as raw text while our parser reads markup in it. */
export const BROWSER_RAW_TEXT: ReadonlySet<string> = new Set(["iframe", "noembed", "noframes", "noscript"]);

/** Whether a whole inserted or deleted element is marked by a class on itself rather than wrapped. */
export function classedElement(name: string, parent: string | null): boolean {
  return CLASSED.has(name) || !wrapsInside(parent);
}

/**
 * Whether an event is a doctype: a declaration whose name starts with `!doctype`, as browsers
 * read `<!DOCTYPE\x01html>` too.
 *
 * @example isDoctype({ kind: "instruction", name: "!DOCTYPE", data: "html", … }) // true
 */
export function isDoctype(event: DocEvent): boolean {
  return event.kind === "instruction" && event.name.toLowerCase().startsWith("!doctype");
}

/** Groups of element names whose content models match, so that a rename keeps the content valid. */
const RENAME_GROUPS: readonly (readonly string[])[] = [
  ["h1", "h2", "h3", "h4", "h5", "h6"],
  ["b", "i", "em", "strong", "span", "code", "kbd", "samp", "var", "small", "big", "u", "s", "strike", "sub", "sup",
    "mark", "q", "cite", "dfn", "abbr", "time", "data", "tt", "font", "bdi", "bdo", "ins", "del"],
  ["div", "section", "article", "aside", "nav", "header", "footer", "main", "blockquote", "figure", "center", "search"],
  ["ul", "ol", "menu"],
  ["td", "th"],
  ["thead", "tbody", "tfoot"],
  ["dt", "dd"],
];
const GROUP_OF = new Map(RENAME_GROUPS.flatMap((names, group) => names.map((name) => [name, group] as const)));

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
