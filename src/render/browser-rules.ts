// The start tags that make a browser build a different tree from the one our parser built: HTML's
// tree construction closes elements further up than the innermost one (a `<dd>` closes an open
// `dd` through any inline element), leaves tags out (a second `<body>`, a `<td>` outside a
// table), and moves content out of tables. htmlparser2 only closes the innermost element, so
// content it nests in such places cannot be written as it stands: a browser would move part of it
// out of its marks.

/** Elements that stop the search for an open `li`, `dd` or `dt` (HTML's "special" category, less address, div and p). */
const SPECIAL = new Set([
  "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption",
  "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
  "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe",
  "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
  "noscript", "object", "ol", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style",
  "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr",
  "xmp",
]);

/** Start tags that close an open `p` in button scope. */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1",
  "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp", "li", "dd", "dt",
]);

/** Elements that end a scope search (HTML's default scope, plus `button` for button scope). */
const SCOPE = new Set(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Table parts and the parents a browser accepts them in. */
const TABLE_PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["caption", new Set(["table"])],
  ["colgroup", new Set(["table"])],
  ["col", new Set(["table", "colgroup"])],
  ["thead", new Set(["table"])],
  ["tbody", new Set(["table"])],
  ["tfoot", new Set(["table"])],
  ["tr", new Set(["table", "thead", "tbody", "tfoot"])],
  ["td", new Set(["tr"])],
  ["th", new Set(["tr"])],
]);

/** Parents whose content a browser moves out (foster-parents) unless it is a table part or one of {@link TABLE_GUESTS}. */
export const TABLE_CONTEXT = new Set(["table", "thead", "tbody", "tfoot", "tr"]);
const TABLE_GUESTS = new Set(["script", "style", "template", "form", "input"]);

/**
 * Whether a browser moves an element named `name` (or text, for `#text`) out of `parent`, to
 * just before the table (foster-parenting).
 *
 * @example fosteredIn("tr", "div") // true; fosteredIn("tr", "td") // false
 */
export function fosteredIn(parent: string, name: string): boolean {
  return TABLE_CONTEXT.has(parent) && !TABLE_PARENTS.has(name) && !TABLE_GUESTS.has(name);
}

/** What a browser keeps as elements inside a select. */
const IN_SELECT = new Set(["option", "optgroup", "hr", "script", "template"]);

/** Whether `name` is open in scope: found before a scope boundary (and before `button` when `button` is set). */
function inScope(open: readonly string[], name: string, button: boolean): boolean {
  for (let i = open.length - 1; i >= 0; i--) {
    const element = open[i]!;
    if (element === name) return true;
    if (SCOPE.has(element) || (button && element === "button")) return false;
  }
  return false;
}

/**
 * Whether a browser, reading a start tag `name` while `open` are open (outermost first, as our
 * parser nested them), would close one of them, leave the tag out, or move the element elsewhere.
 *
 * @example movedByBrowser(["dl", "dd", "span"], "dd") // true: the browser closes the open dd
 * @example movedByBrowser(["ul"], "li") // false
 */
export function movedByBrowser(open: readonly string[], name: string): boolean {
  const top = open[open.length - 1];
  if (name === "html") return open.length > 0;
  if (name === "head" || name === "body") return open.length !== 1 || top !== "html";
  const parents = TABLE_PARENTS.get(name);
  // Outside a table, a browser leaves table parts out, whatever our parser made of their parents.
  if (parents) return top === undefined || !parents.has(top) || !open.includes("table");
  if (top !== undefined && fosteredIn(top, name)) return true;
  // In a select a browser keeps only options, groups, hr, script and template; input, keygen,
  // textarea and select close it, and any other start tag is left out.
  if (open.includes("select")) return !IN_SELECT.has(name) || (name === "option" && top === "option");
  if (name === "li" || name === "dd" || name === "dt") {
    const same = name === "li" ? ["li"] : ["dd", "dt"];
    for (let i = open.length - 1; i >= 0; i--) {
      const element = open[i]!;
      if (same.includes(element)) return true;
      if (SPECIAL.has(element) && element !== "address" && element !== "div" && element !== "p") break;
    }
  }
  if (CLOSES_P.has(name) && inScope(open, "p", true)) return true;
  if (HEADINGS.has(name) && top !== undefined && HEADINGS.has(top)) return true;
  if (name === "a") return open.includes("a");
  if (name === "form") return open.includes("form");
  if (name === "button" || name === "nobr") return inScope(open, name, false);
  return name === "frameset" || name === "frame";
}
