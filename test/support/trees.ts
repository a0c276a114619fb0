// Trees for the parse5 check: what our parser builds from HTML output (the tree the renderer
// wrote) and what parse5 builds (what a browser builds), normalised alike so they compare.

import { parse } from "parse5";
import type { DefaultTreeAdapterTypes as P } from "parse5";
import { parseDocument } from "../../src/events/parse.js";
import type { Attribute, DocEvent } from "../../src/types.js";

/** A node of a normalised tree; an element's attributes are sorted by name, the first of a repeated name kept. */
export type Node = Element | { kind: "text" | "comment" | "doctype"; text: string };
/**
 * An element of a normalised tree. `reopened` marks a formatting element that parse5 built again
 * from a start tag it had already used (reconstructing the active formatting elements).
 */
export type Element = { kind: "element"; name: string; attrs: Attribute[]; children: Node[]; reopened?: boolean };

/** Elements whose content a browser reads as raw text while our parser reads markup in it. */
const BROWSER_RAW = new Set(["noscript", "iframe", "noembed", "noframes", "xmp"]);
/** Elements a browser makes from an end tag alone (`</p>`, `</br>`): no start tag, but content all the same, not an implied container. */
const MADE_BY_END_TAG = new Set(["p", "br"]);
/** Elements whose first newline a browser drops. */
const DROPS_NEWLINE = new Set(["pre", "textarea", "listing"]);

/** The tree our own parser builds from `source` (an element's raw-text content as a browser reads it), normalised. */
export function ourTree(source: string): Node {
  const root: Element = { kind: "element", name: "#document", attrs: [], children: [] };
  const stack: { node: Element; open: DocEvent }[] = [];
  const events = parseDocument(source, { mode: "html" }).events;
  const top = (): Element => stack[stack.length - 1]?.node ?? root;
  for (const event of events) {
    switch (event.kind) {
      case "open": {
        const node: Element = { kind: "element", name: event.name.toLowerCase(), attrs: attrsOf(event.attrs), children: [] };
        top().children.push(node);
        stack.push({ node, open: event });
        break;
      }
      case "close": {
        const entry = stack.pop();
        if (entry && BROWSER_RAW.has(entry.node.name)) {
          const raw = source.slice(entry.open.end, Math.max(entry.open.end, event.start));
          entry.node.children = raw ? [{ kind: "text", text: raw }] : [];
        }
        break;
      }
      case "text":
        top().children.push({ kind: "text", text: event.text });
        break;
      case "comment":
      case "cdata":
        top().children.push({ kind: "comment", text: event.text });
        break;
      case "instruction": {
        const raw = source.slice(event.start, event.end);
        // An end tag that closes nothing (our parser's `/td`) is ignored by a browser.
        if (event.name.startsWith("/")) break;
        if (event.name.toLowerCase().startsWith("!doctype")) top().children.push({ kind: "doctype", text: "" });
        else top().children.push({ kind: "comment", text: raw.startsWith("<!") ? raw.slice(2, -1) : raw.slice(1, -1) });
      }
    }
  }
  return normalise(root, true);
}

function attrsOf(attrs: readonly (readonly [string, string])[]): Attribute[] {
  const seen = new Map<string, string>();
  for (const [name, value] of attrs) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), value.replace(/\r\n?/g, "\n"));
  return [...seen].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

function attrsText(node: Element): string {
  return node.attrs.map(([n, v]) => `${n}=${JSON.stringify(v)}`).join(" ");
}

/** The tree parse5 (a browser) builds from `source`, normalised; elements it created without a tag stand for their content. */
export function parse5Tree(source: string): Element {
  return normalise(fromParse5(parse5Document(source), true, "#document"), false);
}

/** What parse5 parses, with the source locations that tell the elements it created without a tag. */
export function parse5Document(source: string): P.Document {
  return parse(source, { sourceCodeLocationInfo: true });
}

/** Nodes parsed by parse5 as a tree (not yet normalised) under a root named `rootName`; elements created without a tag are spliced when `implied`. */
export function fromParse5(document: P.ParentNode, implied: boolean, rootName: string): Element {
  const root: Element = { kind: "element", name: rootName, attrs: [], children: [] };
  const queue: [P.ParentNode, Element][] = [[document, root]];
  const reopened = reopenedElements(document);
  for (let next = queue.pop(); next; next = queue.pop()) {
    const [from, into] = next;
    const children = from.nodeName === "template" ? ((from as P.Template).content?.childNodes ?? from.childNodes) : from.childNodes;
    // Children are added in order; an implied element's children are spliced in its place.
    const pending: [P.ChildNode, Element][] = children.map((c) => [c, into]);
    for (let i = 0; i < pending.length; i++) {
      const [child, parent] = pending[i]!;
      if (child.nodeName === "#text") parent.children.push({ kind: "text", text: (child as P.TextNode).value });
      else if (child.nodeName === "#comment") parent.children.push({ kind: "comment", text: (child as P.CommentNode).data });
      else if (child.nodeName === "#documentType") parent.children.push({ kind: "doctype", text: "" });
      else {
        const element = child as P.Element;
        if (implied && !element.sourceCodeLocation?.startTag && !MADE_BY_END_TAG.has(element.tagName)) {
          const inner = element.nodeName === "template" ? ((element as P.Template).content?.childNodes ?? element.childNodes) : element.childNodes;
          pending.splice(i + 1, 0, ...inner.map((c): [P.ChildNode, Element] => [c, parent]));
          continue;
        }
        const attrs = element.attrs.map(({ name, value, prefix }) => [prefix ? `${prefix}:${name}` : name, value] as const);
        const node: Element = { kind: "element", name: element.tagName.toLowerCase(), attrs: attrsOf(attrs), children: [] };
        if (reopened.has(element)) node.reopened = true;
        parent.children.push(node);
        queue.push([element, node]);
      }
    }
  }
  return root;
}

/** The elements parse5 built from a start tag that an element before them (in document order) was built from. */
function reopenedElements(document: P.ParentNode): Set<P.Element> {
  const seen = new Set<number>();
  const out = new Set<P.Element>();
  const stack: P.ParentNode[] = [document];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = "tagName" in node ? node.sourceCodeLocation?.startTag?.startOffset : undefined;
    if (start !== undefined && seen.has(start)) out.add(node as P.Element);
    if (start !== undefined) seen.add(start);
    const children = node.nodeName === "template" ? ((node as P.Template).content?.childNodes ?? node.childNodes) : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) if ("childNodes" in children[i]!) stack.push(children[i] as P.ParentNode);
  }
  return out;
}

/** Joins adjacent text, turns CRLF into LF and drops the whitespace browsers move (blank text at the top, in html and head; trailing whitespace of body), in place. */
export function normalise<T extends Node>(root: T, ours: boolean): T {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind !== "element") continue;
    const children: Node[] = [];
    for (const child of node.children) {
      const last = children[children.length - 1];
      if (child.kind === "text" && last?.kind === "text") last.text += child.text;
      else children.push(child.kind === "text" ? { kind: "text", text: child.text } : child);
    }
    // A browser reads CR and CRLF as LF everywhere, comments included.
    for (const child of children) if (child.kind === "text" || child.kind === "comment") child.text = child.text.replace(/\r\n?/g, "\n");
    const first = children[0];
    if (ours && DROPS_NEWLINE.has(node.name) && first?.kind === "text" && first.text.startsWith("\n")) first.text = first.text.slice(1);
    const blank = (c: Node | undefined): boolean => c?.kind === "text" && /^[ \t\n\f]*$/.test(c.text);
    node.children = ["#document", "html", "head"].includes(node.name) ? children.filter((c) => !blank(c)) : children.filter((c) => !(c.kind === "text" && c.text === ""));
    // Whitespace after the body's and html's end tags is appended to the body's last text.
    const end = node.children[node.children.length - 1];
    if (node.name === "body" && end?.kind === "text") {
      end.text = end.text.replace(/[ \t\n\f]+$/, "");
      if (!end.text) node.children.pop();
    }
    stack.push(...node.children);
  }
  return root;
}

/** The first difference between two normalised trees, with its path, or null. */
export function compareTrees(meant: Node, built: Node): string | null {
  const stack: [Node, Node, string][] = [[meant, built, ""]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [x, y, path] = next;
    const here = `${path}/${x.kind === "element" ? x.name : x.kind}`;
    if (x.kind !== y.kind) return `${here}: meant ${describe(x)}, browser built ${describe(y)}`;
    if (x.kind !== "element" || y.kind !== "element") {
      if (x.kind !== "doctype" && (x as { text: string }).text !== (y as { text: string }).text) return `${here}: meant ${describe(x)}, browser built ${describe(y)}`;
      continue;
    }
    if (x.name !== y.name || attrsText(x) !== attrsText(y)) return `${here}: meant ${describe(x)}, browser built ${describe(y)}`;
    if (x.children.length !== y.children.length) {
      let at = 0;
      while (at < Math.min(x.children.length, y.children.length) && describe(x.children[at]!) === describe(y.children[at]!)) at++;
      const window = (nodes: Node[]): string =>
        nodes
          .slice(Math.max(0, at - 2), at + 3)
          .map(describe)
          .join(", ");
      return `${here}: children differ from [${at}]: meant [${window(x.children)}], browser built [${window(y.children)}]`;
    }
    for (let i = x.children.length - 1; i >= 0; i--) stack.push([x.children[i]!, y.children[i]!, `${here}[${i}]`]);
  }
  return null;
}

function describe(node: Node): string {
  if (node.kind === "element") return `<${node.name}${node.attrs.length ? ` ${attrsText(node)}` : ""}>`.slice(0, 120);
  return `${node.kind} ${JSON.stringify(node.kind === "doctype" ? "" : node.text.slice(0, 60))}`;
}
