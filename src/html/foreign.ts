// How a browser reads the content of an element: as HTML, or as SVG or MathML (foreign content,
// where a CDATA section is text and style or script hold markup). Shared by the parser, which
// must know where raw text starts, and the renderer, which writes CDATA sections back.

import type { Attribute } from "../types.js";
import { BREAKS_OUT_OF_FOREIGN, MATHML_TEXT_INTEGRATION_POINTS, SVG_HTML_INTEGRATION_POINTS } from "./elements.js";

/**
 * Whether a start tag in foreign content makes a browser leave it: it closes the svg or math
 * there and reads the tag, and all that follows, as HTML.
 *
 * @example breaksOut("p") // true; breaksOut("font", [["color", "red"]]) // true; breaksOut("path") // false
 */
export function breaksOut(name: string, attrs?: readonly Attribute[]): boolean {
  const lower = name.toLowerCase();
  return BREAKS_OUT_OF_FOREIGN.has(lower) || (lower === "font" && attrs !== undefined && attrs.some(([n]) => n === "color" || n === "face" || n === "size"));
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
export function contentKind(around: ContentKind, name: string, attrs?: readonly Attribute[]): ContentKind {
  // In HTML (nearly every element, on the parser's hot path) only svg and math change anything.
  if (around === "html") {
    const lower = name.length === 3 || name.length === 4 ? name.toLowerCase() : "";
    return lower === "svg" || lower === "math" ? lower : "html";
  }
  const lower = name.toLowerCase();
  if (breaksOut(lower, attrs)) return "html";
  if (around === "svg") return SVG_HTML_INTEGRATION_POINTS.has(lower) ? "html" : "svg";
  if (MATHML_TEXT_INTEGRATION_POINTS.has(lower)) return "html";
  const html = lower === "annotation-xml" && attrs !== undefined && attrs.some(([n, v]) => n.toLowerCase() === "encoding" && /^(text\/html|application\/xhtml\+xml)$/i.test(v));
  return html ? "html" : "math";
}

/**
 * How a browser reads the content of each open element, innermost last, kept as elements open
 * and close: the one stack the parser, the writers and the tests keep beside their own open
 * elements. Outside every element the content reads as `outside`.
 *
 * @example const kinds = new ContentKindStack(); kinds.open("svg"); kinds.open("foreignObject"); kinds.current // "html"
 */
export class ContentKindStack {
  private readonly kinds: ContentKind[] = [];

  constructor(private readonly outside: ContentKind = "html") {}

  /** How many elements are open. Set lower to close the innermost ones at once. */
  get depth(): number {
    return this.kinds.length;
  }
  set depth(n: number) {
    this.kinds.length = n;
  }

  /** How content reads where the stack stands: inside the innermost open element. */
  get current(): ContentKind {
    // (Not kinds[-1] outside every element: a negative index is a slow property lookup.)
    const depth = this.kinds.length;
    return depth > 0 ? (this.kinds[depth - 1] ?? this.outside) : this.outside;
  }

  /** How a browser reads the content of the element `depth` below the innermost (0: the innermost). */
  at(depth: number): ContentKind {
    return this.kinds[this.kinds.length - 1 - depth] ?? this.outside;
  }

  /** Opens an element named `name` (with `attrs`, when it has any); returns how the content around it reads (where its tag stands). */
  open(name: string, attrs?: readonly Attribute[]): ContentKind {
    const { kinds } = this;
    const around = kinds.length === 0 ? this.outside : kinds[kinds.length - 1]!;
    // In HTML only svg and math change anything (see contentKind): most names are told by their length, without a call.
    kinds.push(around === "html" && name.length !== 3 && name.length !== 4 ? "html" : contentKind(around, name, attrs));
    return around;
  }

  /** Opens an element whose content reads as `kind`, whatever its name. */
  enter(kind: ContentKind): void {
    this.kinds.push(kind);
  }

  /** Closes the innermost element, if any; returns how the content around it reads. */
  close(): ContentKind {
    const { kinds } = this;
    kinds.pop();
    return kinds.length === 0 ? this.outside : kinds[kinds.length - 1]!;
  }

  /**
   * A tag that leaves foreign content closes the svg or math there for a browser: the open
   * elements of that foreign content, as our parser nests them, hold HTML from here on.
   */
  leaveForeign(): void {
    for (let i = this.kinds.length - 1; i >= 0 && this.kinds[i] !== "html"; i--) this.kinds[i] = "html";
  }

  /** A copy of the open elements' kinds, outermost first (see {@link replaceWith}). */
  saved(): ContentKind[] {
    return this.kinds.slice();
  }

  /** Replaces the open elements' kinds by `kinds`, as {@link saved} gave them. */
  replaceWith(kinds: readonly ContentKind[]): void {
    this.kinds.length = 0;
    for (const kind of kinds) this.kinds.push(kind);
  }
}
