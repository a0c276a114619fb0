// How a browser reads the content of an element: as HTML, or as SVG or MathML (foreign content,
// where a CDATA section is text and style or script hold markup). Shared by the parser, which
// must know where raw text starts, and the renderer, which writes CDATA sections back.

import type { Attribute } from "../types.js";

/** SVG elements whose content a browser reads as HTML again (HTML integration points). */
const SVG_HTML_POINTS = new Set(["foreignobject", "desc", "title"]);
/** MathML elements whose content a browser reads as HTML again (text integration points). */
const MATH_TEXT_POINTS = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/** How a browser reads content: as HTML, or as SVG or MathML (foreign content, where a CDATA section is text). */
export type ContentKind = "html" | "svg" | "math";

/**
 * How a browser reads the content of an element named `name` (with `attrs`), given how it reads
 * the content the element stands in: svg and math start foreign content; foreignObject, desc and
 * title in SVG, MathML's text elements (mi, mo, mn, ms, mtext) and an annotation-xml holding
 * HTML return to HTML, where `<![CDATA[` is a comment that ends at the first `>`. The same names
 * elsewhere (an `mi` in an svg, a `title` in math) are foreign elements like any other.
 *
 * @example contentKind("html", "svg") // "svg"; contentKind("svg", "foreignObject") // "html"; contentKind("svg", "mi") // "svg"
 */
export function contentKind(around: ContentKind, name: string, attrs: readonly Attribute[] = []): ContentKind {
  const lower = name.toLowerCase();
  if (around === "html") return lower === "svg" || lower === "math" ? lower : "html";
  if (around === "svg") return SVG_HTML_POINTS.has(lower) ? "html" : "svg";
  if (MATH_TEXT_POINTS.has(lower)) return "html";
  const html = lower === "annotation-xml" && attrs.some(([n, v]) => n.toLowerCase() === "encoding" && /^(text\/html|application\/xhtml\+xml)$/i.test(v));
  return html ? "html" : "math";
}
