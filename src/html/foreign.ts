// How a browser reads the content of an element: as HTML, or as SVG or MathML (foreign content,
// where a CDATA section is text and style or script hold markup). Shared by the parser, which
// must know where raw text starts, and the renderer, which writes CDATA sections back.

import type { Attribute } from "../types.js";

/** SVG elements whose content a browser reads as HTML again (HTML integration points). */
const SVG_HTML_POINTS = new Set(["foreignobject", "desc", "title"]);
/** MathML elements whose content a browser reads as HTML again (text integration points). */
const MATH_TEXT_POINTS = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/** Start tags that end svg or math content where it is foreign (HTML's "in foreign content" list). */
const BREAKS_OUT = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4",
  "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
  "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
]);

/**
 * Whether a start tag in foreign content makes a browser leave it: it closes the svg or math
 * there and reads the tag, and all that follows, as HTML.
 *
 * @example breaksOut("p") // true; breaksOut("font", [["color", "red"]]) // true; breaksOut("path") // false
 */
export function breaksOut(name: string, attrs: readonly Attribute[] = []): boolean {
  const lower = name.toLowerCase();
  return BREAKS_OUT.has(lower) || (lower === "font" && attrs.some(([n]) => n === "color" || n === "face" || n === "size"));
}

/** How a browser reads content: as HTML, or as SVG or MathML (foreign content, where a CDATA section is text). */
export type ContentKind = "html" | "svg" | "math";

/**
 * How a browser reads the content of an element named `name` (with `attrs`), given how it reads
 * the content the element stands in: svg and math start foreign content; foreignObject, desc and
 * title in SVG, MathML's text elements (mi, mo, mn, ms, mtext) and an annotation-xml holding
 * HTML return to HTML, where `<![CDATA[` is a comment that ends at the first `>`, and so does a
 * tag that leaves foreign content ({@link breaksOut}). The same names elsewhere (an `mi` in an
 * svg, a `title` in math) are foreign elements like any other.
 *
 * @example contentKind("html", "svg") // "svg"; contentKind("svg", "foreignObject") // "html"; contentKind("svg", "mi") // "svg"
 */
export function contentKind(around: ContentKind, name: string, attrs: readonly Attribute[] = []): ContentKind {
  // In HTML (nearly every element, on the parser's hot path) only svg and math change anything.
  if (around === "html") {
    const lower = name.length === 3 || name.length === 4 ? name.toLowerCase() : "";
    return lower === "svg" || lower === "math" ? lower : "html";
  }
  const lower = name.toLowerCase();
  if (breaksOut(lower, attrs)) return "html";
  if (around === "svg") return SVG_HTML_POINTS.has(lower) ? "html" : "svg";
  if (MATH_TEXT_POINTS.has(lower)) return "html";
  const html = lower === "annotation-xml" && attrs.some(([n, v]) => n.toLowerCase() === "encoding" && /^(text\/html|application\/xhtml\+xml)$/i.test(v));
  return html ? "html" : "math";
}
