// CSS selectors over a parsed document: a light element tree built from the start and end
// events, matched by css-select through its Adapter interface (css-what parses the selectors).

import { compile, type Options } from "css-select";
import { parse, type Selector } from "css-what";
import type { Attribute, EventReader, ParseMode } from "../types.js";

/** A node of the tree: an element, or the text of a text or CDATA event (made only when asked for). */
class TreeNode {
  constructor(
    /** Index of the node's event (an element's start tag). */
    readonly index: number,
    readonly parent: TreeElement | null,
    /** The tree the node belongs to (a compiled selector serves every tree). */
    readonly tree: Tree,
  ) {}
}

/**
 * An element: its start tag (its name, and its attributes read from the events when a selector
 * asks) and the index of its last event (its end tag, or the last one inside). Its element
 * children and its child nodes are filled in when a selector needs them.
 */
export class TreeElement extends TreeNode {
  /** The element children, once {@link Tree.elementChildren} has run. */
  kids: TreeElement[] | null = null;
  /** All child nodes (elements and text), once asked for. */
  nodes: TreeNode[] | null = null;
  constructor(
    index: number,
    parent: TreeElement | null,
    tree: Tree,
    /** The start tag's name. */
    readonly name: string,
    public end: number,
  ) {
    super(index, parent, tree);
  }

  /** The start tag's attributes. */
  get attrs(): readonly Attribute[] {
    return this.tree.events.attrsAt(this.index);
  }
}

/** The tree of one document: every element in document order; children are found when first needed. */
export class Tree {
  private topKids: TreeElement[] | null = null;
  /** Every element, in document order (filled in by {@link buildTree}). */
  readonly elements: TreeElement[] = [];
  constructor(readonly events: EventReader) {}

  /** The element siblings of a node, itself included (the top-level elements for one without a parent). */
  siblings(node: TreeNode): TreeNode[] {
    if (!(node instanceof TreeElement)) return node.parent ? this.childNodes(node.parent) : [node];
    this.elementChildren();
    return node.parent ? node.parent.kids! : this.topKids!;
  }

  /** An element's child nodes: its element children and its text, in order. */
  childNodes(element: TreeElement): TreeNode[] {
    if (element.nodes) return element.nodes;
    this.elementChildren();
    const nodes: TreeNode[] = [];
    let next = 0;
    const kids = element.kids!;
    for (let e = element.index + 1; e < element.end; e++) {
      const kind = this.events.kindAt(e);
      if (kind === "open") {
        const kid = kids[next++]!;
        nodes.push(kid);
        e = kid.end;
      } else if (kind === "text" || kind === "cdata") nodes.push(new TreeNode(e, element, this));
    }
    return (element.nodes = nodes);
  }

  /** Fills in every element's element children, in one pass (most selectors never need them). */
  private elementChildren(): void {
    if (this.topKids) return;
    this.topKids = [];
    for (const element of this.elements) element.kids = [];
    for (const element of this.elements) (element.parent ? element.parent.kids! : this.topKids).push(element);
  }
}

/** A selector that failed to parse or compile: the reason, and the 1-based column where the readable part ends. */
export class SelectorError extends Error {
  constructor(
    readonly selector: string,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`bad selector '${selector}' at column ${column}: ${reason}`);
  }
}

/** A compiled selector: whether an element of the tree matches it. */
export type ElementTest = (element: TreeElement) => boolean;

/**
 * Parses a selector list once, checking that css-select can match it (pseudo-elements,
 * unknown pseudo-classes and syntax errors are refused with a {@link SelectorError}).
 *
 * @example parseSelector("meta[name=generator]") // [[{ type: "tag", name: "meta" }, { type: "attribute", … }]]
 */
export function parseSelector(selector: string): Selector[][] {
  const known = PARSED.get(selector);
  if (known !== undefined) return known;
  try {
    if (selector.trim() === "") throw new Error("empty selector");
    const parsed = parse(selector);
    compile(parsed, { adapter: ADAPTER });
    if (PARSED.size >= KEPT) PARSED.clear();
    PARSED.set(selector, parsed);
    return parsed;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SelectorError(selector, readablePrefix(selector) + 1, reason.trim().replace(/found$/, "found the end") || "syntax error");
  }
}

/**
 * Compiles parsed selector lists into one test (any of them matches) for documents of `mode`
 * (XML: names compared in their letter case). The test serves any tree; one compiled for the
 * same selectors and mode before is given again (a comparison asks once per document, and a
 * server or a directory run for every pair).
 *
 * @example compileSelectors([parseSelector("p.note"), parseSelector("aside")], "html")(element) // true for <aside>
 */
export function compileSelectors(selectors: readonly Selector[][][], mode: ParseMode): ElementTest {
  const key = `${mode} ${JSON.stringify(selectors)}`;
  let test = COMPILED.get(key);
  if (test === undefined) {
    if (COMPILED.size >= KEPT) COMPILED.clear();
    const query = compile<TreeNode, TreeElement>(selectors.flat(), { adapter: TREE_ADAPTER, xmlMode: mode === "xml" });
    COMPILED.set(key, (test = (element) => query(element)));
  }
  return test;
}

/** Selectors compiled, and selectors parsed, so far: by mode and selectors, and by their text. */
const COMPILED = new Map<string, ElementTest>();
const PARSED = new Map<string, Selector[][]>();
/** How many of each are kept (emptied when full). */
const KEPT = 256;

/**
 * The element tree of a document's events: elements nest as their start and end events do;
 * an element left open ends with the last event.
 *
 * @example buildTree(eventTable(parseDocument("<p>a<b>c</b></p>"))).elements.map((e) => e.name) // ["p", "b"]
 */
export function buildTree(events: EventReader): Tree {
  const tree = new Tree(events);
  const { elements } = tree;
  const stack: TreeElement[] = [];
  let parent: TreeElement | null = null;
  for (let index = 0; index < events.length; index++) {
    const kind = events.kindAt(index);
    if (kind === "open") {
      const element: TreeElement = new TreeElement(index, parent, tree, events.nameAt(index), events.length - 1);
      elements.push(element);
      stack.push(element);
      parent = element;
    } else if (kind === "close") {
      const element = stack.pop();
      if (element) element.end = index;
      parent = stack.length ? stack[stack.length - 1]! : null;
    }
  }
  return tree;
}

/** css-select's adapter type (its package exports it only through Options). */
type Adapter<N, E extends N> = NonNullable<Options<N, E>["adapter"]>;

function isElement(node: TreeNode): node is TreeElement {
  return node instanceof TreeElement;
}

/** The value of an attribute (the first of that name), as a browser reads a repeated one. */
function attributeValue(element: TreeElement, name: string): string | undefined {
  const attrs = element.attrs;
  for (let i = 0; i < attrs.length; i++) if (attrs[i]![0] === name) return attrs[i]![1];
  return undefined;
}

/** The text of a node: its own, or an element's text and CDATA in document order. */
function textOf(events: EventReader, node: TreeNode): string {
  const last = isElement(node) ? node.end : node.index;
  let text = "";
  for (let i = node.index; i <= last; i++) {
    const kind = events.kindAt(i);
    if (kind === "text" || kind === "cdata") text += events.textAt(i);
  }
  return text;
}

/** The adapter without a tree, enough to compile (and so check) a selector. */
const ADAPTER: Adapter<TreeNode, TreeElement> = {
  isTag: isElement,
  getAttributeValue: attributeValue,
  hasAttrib: (element, name) => attributeValue(element, name) !== undefined,
  getChildren: () => [],
  getName: (element) => element.name,
  getParent: (node) => node.parent,
  getSiblings: (node) => [node],
  getText: () => "",
  removeSubsets: (nodes) => nodes.filter((node, i) => nodes.indexOf(node) === i && !hasAncestorIn(node, nodes)),
};

/** css-select's view of the trees: each node reaches its own. */
const TREE_ADAPTER: Adapter<TreeNode, TreeElement> = {
  ...ADAPTER,
  getChildren: (node) => (isElement(node) ? node.tree.childNodes(node) : []),
  getSiblings: (node) => node.tree.siblings(node),
  getText: (node) => textOf(node.tree.events, node),
};

function hasAncestorIn(node: TreeNode, nodes: readonly TreeNode[]): boolean {
  for (let p = node.parent; p; p = p.parent) if (nodes.includes(p)) return true;
  return false;
}

/**
 * How much of a bad selector reads well: the length of its longest prefix that parses and
 * compiles. css-what names no position, so the error is placed just after that prefix.
 */
function readablePrefix(selector: string): number {
  for (let length = selector.length - 1; length > 0; length--) {
    try {
      compile(parse(selector.slice(0, length)), { adapter: ADAPTER });
      return length;
    } catch {
      // A shorter prefix, then.
    }
  }
  return 0;
}
