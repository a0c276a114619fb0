// The start tags that make a browser build a different tree from the one our parser built: HTML's
// tree construction closes elements further up than the innermost one (a `<dd>` closes an open
// `dd` through any inline element), leaves tags out (a second `<body>`, a `<td>` outside a
// table), and moves content out of tables. htmlparser2 only closes the innermost element, so
// content it nests in such places cannot be written as it stands: a browser would move part of it
// out of its marks.

import { CLOSES_P, FORMATTING, HEADINGS, IN_HEAD, IN_SELECT, SCOPE_BOUNDARIES, SCOPE_TARGETS, SPECIAL, TABLE_CONTEXT, TABLE_GUESTS, TABLE_PARENTS } from "./elements.js";
import { breaksOut, ContentKindStack } from "./foreign.js";
import type { EventReader } from "../types.js";

/**
 * Whether a browser moves an element named `name` (or text, for `#text`) out of `parent`, to
 * just before the table (foster-parenting).
 *
 * @example fosteredIn("tr", "div") // true; fosteredIn("tr", "td") // false
 */
export function fosteredIn(parent: string, name: string): boolean {
  // A table is not moved: it closes the open table (see movedByBrowser).
  return TABLE_CONTEXT.has(parent) && !TABLE_PARENTS.has(name) && !TABLE_GUESTS.has(name) && name !== "table";
}

/**
 * Whether an element belongs in the head: directly in html after the head, a browser puts it
 * back into the head.
 *
 * @example belongsInHead("meta") // true; belongsInHead("p") // false
 */
export function belongsInHead(name: string): boolean {
  return IN_HEAD.has(name);
}

/**
 * The role of a formatting element opened directly in a table, row or section: a browser moves it
 * out before the table and may close it there without its end tag (a nested table start tag
 * closes the table), then reopens a copy of it around content that follows, our marks included.
 */
export const FOSTERED_FORMATTING = "fostered-formatting";

/** The roles an element name plays in the searches below: itself when tracked, and the boundaries it sets. */
function rolesOf(name: string): string[] {
  const roles: string[] = [];
  if (SCOPE_TARGETS.has(name)) roles.push(name);
  if (name === "dd" || name === "dt") roles.push("dd|dt");
  if (SCOPE_BOUNDARIES.has(name)) roles.push("scope");
  if (name === "td" || name === "th" || name === "caption" || name === "template") roles.push("cell");
  const special = SPECIAL.has(name) && name !== "address" && name !== "div" && name !== "p";
  if (special && name !== "li") roles.push("stop-li");
  if (special && name !== "dd" && name !== "dt") roles.push("stop-dd");
  return roles;
}
const ROLES = new Map<string, readonly string[]>();

/**
 * The elements open where output is written, outermost first, with the position of the
 * innermost one of each role kept as they open and close, so that every question
 * {@link movedByBrowser} asks takes constant time however deep the nesting.
 */
export class OpenElements {
  private readonly names: string[] = [];
  private readonly positions = new Map<string, number[]>();
  /** Per element name, the position lists of the roles it plays (see rolesOf): found once, not a lookup per role on each tag. */
  private readonly listsByName = new Map<string, number[][]>();
  /** The positions of {@link FOSTERED_FORMATTING} (in `positions` too), unmarked on every close. */
  private readonly fostered: number[] = this.listOf(FOSTERED_FORMATTING);

  /** The open elements named `names`, outermost first. */
  static of(names: readonly string[]): OpenElements {
    const open = new OpenElements();
    for (const name of names) open.push(name);
    return open;
  }

  /** How many elements are open. */
  get depth(): number {
    return this.names.length;
  }

  /** The innermost open element, if any. */
  get top(): string | undefined {
    // (Not names[-1] when none is open: a negative index is a slow property lookup.)
    const depth = this.names.length;
    return depth > 0 ? this.names[depth - 1] : undefined;
  }

  /**
   * Opens an element. A table part outside any table is an element to our parser but a tag a
   * browser ignores: it stays in the list, and plays no role (a `td` there ends no scope).
   */
  push(name: string): void {
    const at = this.names.length;
    const ignored = TABLE_PARENTS.has(name) && this.last("table") < 0;
    const fosteredFormatting = FORMATTING.has(name) && TABLE_CONTEXT.has(this.top ?? "") && this.last("table") >= 0;
    this.names.push(name);
    if (ignored) return;
    if (fosteredFormatting) this.fostered.push(at);
    const lists = this.listsOf(name);
    for (let r = 0; r < lists.length; r++) lists[r]!.push(at);
  }

  /** Closes the innermost element and returns its name. */
  pop(): string | undefined {
    const name = this.names.pop();
    const at = this.names.length;
    if (name !== undefined) {
      // Forgets the element in each role it played (an ignored one played none: its position is not last).
      const lists = this.listsOf(name);
      for (let r = 0; r < lists.length; r++) unmark(lists[r]!, at);
      unmark(this.fostered, at);
    }
    return name;
  }

  /** The position lists of the roles element `name` plays. */
  private listsOf(name: string): number[][] {
    let lists = this.listsByName.get(name);
    if (lists === undefined) this.listsByName.set(name, (lists = this.roles(name).map((role) => this.listOf(role))));
    return lists;
  }

  /** The positions of the open elements playing `role`, innermost last. */
  private listOf(role: string): number[] {
    let list = this.positions.get(role);
    if (list === undefined) this.positions.set(role, (list = []));
    return list;
  }

  /** The open elements outside the innermost table: where a browser moves what it fosters out of it. */
  outsideTable(): OpenElements {
    const at = this.last("table");
    return OpenElements.of(this.names.slice(0, Math.max(0, at)));
  }

  /** The position of the innermost open element playing `role`, or -1. */
  last(role: string): number {
    const list = this.positions.get(role);
    return list && list.length ? list[list.length - 1]! : -1;
  }

  private roles(name: string): readonly string[] {
    let roles = ROLES.get(name);
    if (!roles) ROLES.set(name, (roles = rolesOf(name)));
    return roles;
  }
}

/** Takes position `at` off the end of a role's position list, if it is there. */
function unmark(list: number[], at: number): void {
  // (An empty list is not read at -1: a negative index is a slow property lookup, and most lists are empty.)
  if (list.length > 0 && list[list.length - 1] === at) list.pop();
}

/**
 * Whether a browser, reading a start tag `name` while `open` are open (as our parser nested
 * them), would close one of them, leave the tag out, or move the element elsewhere.
 *
 * @example movedByBrowser(OpenElements.of(["dl", "dd", "span"]), "dd") // true: the browser closes the open dd
 * @example movedByBrowser(OpenElements.of(["ul"]), "li") // false
 */
export function movedByBrowser(open: OpenElements, name: string): boolean {
  const top = open.top;
  if (name === "html") return open.depth > 0;
  if (name === "head" || name === "body") return open.depth !== 1 || top !== "html";
  const parents = TABLE_PARENTS.get(name);
  // Outside a table, a browser leaves table parts out, whatever our parser made of their parents.
  if (parents) return top === undefined || !parents.has(top) || open.last("table") < 0;
  if (top !== undefined && fosteredIn(top, name)) return true;
  // In the head, a browser keeps only what belongs there; any other start tag ends the head.
  if (top === "head" && !IN_HEAD.has(name)) return true;
  // In a table outside its cells (content there is fostered out), a table start tag closes the open table.
  if (name === "table" && open.last("table") > open.last("cell")) return true;
  // In a select a browser keeps only options, groups, hr, script and template; input, keygen,
  // textarea and select close it, and any other start tag is left out.
  if (open.last("select") >= 0) return !IN_SELECT.has(name) || (name === "option" && top === "option");
  // An open li (dd, dt) is closed through anything but special elements other than address, div and p.
  if (name === "li" && open.last("li") > open.last("stop-li")) return true;
  if ((name === "dd" || name === "dt") && open.last("dd|dt") > open.last("stop-dd")) return true;
  // An open p in button scope is closed.
  if (CLOSES_P.has(name) && open.last("p") > Math.max(open.last("scope"), open.last("button"))) return true;
  if (HEADINGS.has(name) && top !== undefined && HEADINGS.has(top)) return true;
  if (name === "a" || name === "form") return open.last(name) >= 0;
  if (name === "button" || name === "nobr") return open.last(name) > open.last("scope");
  return name === "frameset" || name === "frame";
}

/**
 * Whether the content of an svg or math element, `events[from..to)` (its start tag at
 * `from - 1`), holds a start tag that makes a browser leave foreign content (a `<p>` or `<b>`
 * outside foreignObject, desc, title or MathML's text elements): it closes the svg there, and
 * reads the rest as HTML where the svg stood.
 *
 * @example leavesForeignContent(eventTable(parseDocument("<svg><b>x</b></svg>")), 1, 4) // true
 */
export function leavesForeignContent(events: EventReader, from: number, to: number): boolean {
  return nestsApart(events, from, to, false);
}

/**
 * Whether a browser nests the content of an svg or math element, `events[from..to)`, apart from
 * our parser: it leaves foreign content (see {@link leavesForeignContent}), or an HTML element
 * stays open in an integration point (a `<path>` in an svg `title`, which is HTML there) until
 * a later end tag closes it for our parser. A browser ignores the svg's end tag there, and
 * everything after it stays inside the integration point.
 *
 * @example nestsApart(eventTable(parseDocument("<svg><title><path/></svg>")), 1, 5, true) // true
 */
export function nestsApart(events: EventReader, from: number, to: number, htmlLeftOpen = true): boolean {
  // Per open element: how a browser reads its content; the svg or math itself is foreign.
  const math = from >= 1 && from - 1 < events.length && events.kindAt(from - 1) === "open" && events.nameAt(from - 1).toLowerCase() === "math";
  const kinds = new ContentKindStack("svg");
  kinds.enter(math ? "math" : "svg");
  for (let i = from; i < to; i++) {
    const kind = events.kindAt(i);
    // An HTML element closed by an implying tag, in HTML content inside the svg or math.
    if (kind === "close" && kinds.close() === "html" && htmlLeftOpen && events.flagAt(i)) return true;
    if (kind !== "open") continue;
    const name = events.nameAt(i).toLowerCase();
    const attrs = events.attrsAt(i);
    if (kinds.current !== "html" && breaksOut(name, attrs)) return true;
    kinds.open(name, attrs);
  }
  return false;
}

/**
 * Whether `events[from..to)` hold a table start tag or a table part's (`td`, `tr`, `caption`, …).
 * Content moved out of a table is still read in the table: such a tag there, even in an svg's
 * foreignObject or MathML's mi, closes everything up to the table.
 *
 * @example holdsTableTag(eventTable(parseDocument("<math><mi><td>")), 1, 3) // true
 */
export function holdsTableTag(events: EventReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (events.kindAt(i) !== "open") continue;
    const name = events.nameAt(i);
    if (name === "table" || TABLE_PARENTS.has(name)) return true;
  }
  return false;
}
