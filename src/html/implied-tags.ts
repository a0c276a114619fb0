// Start tags a browser implies (html, head, body, tbody, colgroup): where HTML lets a page leave
// them out, the parser adds them, with no text of their own, where a browser's tree builder would.
// Then a page that writes them and one that leaves them out give the same events.

import { IN_HEAD } from "./elements.js";

/** The start tags HTML lets a page leave out, which a browser adds where they belong. */
export const OMISSIBLE_TAGS: readonly string[] = Object.freeze(["html", "head", "body", "tbody", "colgroup"]);

/** The start or end tags of {@link OMISSIBLE_TAGS}, as written: `<body>`, `<TBODY class=x>`, `</head>`. */
const WRITTEN = /<\/?(html|head|body|tbody|colgroup)(?=[\t\n\f\r />])/gi;

/**
 * The omissible elements either document writes a tag of: the ones to imply in both, so that leaving
 * one out on one side is no difference, while documents that write none (fragments, tables
 * without sections) keep their own shape.
 *
 * @example omittedTagsToImply(["<html><body><p>a", "<html><p>a"]) // new Set(["html", "body"])
 */
export function omittedTagsToImply(sources: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const source of sources) for (const [, name] of source.matchAll(WRITTEN)) names.add(name!.toLowerCase());
  return names;
}

/**
 * What {@link ImpliedTags} needs of the parser: its innermost open element, and opening or
 * closing one with no text, at `at` or, `early`, before the white space that leads up to `at`.
 */
export interface TreeEdit {
  top(): string | undefined;
  open(name: string, at: number, early: boolean): void;
  close(name: string, at: number): void;
}

/** Where the document is, as a browser's tree builder counts: before `<html>`, before `<head>`, in the head, after it, in the body. */
const enum Phase {
  BeforeHtml,
  BeforeHead,
  InHead,
  AfterHead,
  InBody,
}

/**
 * Adds the omissible start tags a document leaves out, as a browser does: `html` before the
 * first element or text, `head` before what is not head content (and its end after it), `body`
 * before the first element or text that is not head content; `tbody` before a row or cell
 * directly in a table, `colgroup` before a `col` directly in a table (a column group then ends
 * at anything but a `col`, written or not, as in a browser). Only the names asked for are
 * added; a phase still moves on when a name is not added. Table parts open where their row or
 * column is written (as a table's own usually stand on their own line); ends of elements go
 * before the white space that leads up to what ends them.
 */
export class ImpliedTags {
  private phase = Phase.BeforeHtml;

  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly tree: TreeEdit,
  ) {}

  /**
   * Whether the document level is behind: in the body, what is added depends on the open
   * elements alone (`tbody`, `colgroup`), so a parser's state there is its open elements.
   */
  get settled(): boolean {
    return this.phase === Phase.InBody;
  }

  /** Goes on in the body, as a parser whose state is restored from a settled one (see {@link settled}). */
  settle(): void {
    this.phase = Phase.InBody;
  }

  /**
   * Whether a start tag may add or end tags now, that is whether {@link beforeStart} needs its
   * name: before the body, or in a table or column group. Most tags are read where neither holds.
   */
  get watchesStart(): boolean {
    if (this.phase !== Phase.InBody) return true;
    const top = this.tree.top();
    return top === "colgroup" || top === "table";
  }

  /** Whether text may add or end tags now, that is whether {@link beforeText} does anything: before the body, or in a column group. */
  get watchesText(): boolean {
    return this.phase !== Phase.InBody || this.tree.top() === "colgroup";
  }

  /** Whether an end tag may add tags now: before the body only (see {@link beforeEnd}). */
  get watchesEnd(): boolean {
    return this.phase !== Phase.InBody;
  }

  /** Before the start tag `name` whose `<` is at `at`. */
  beforeStart(name: string, at: number): void {
    const top = this.tree.top();
    if (top === "colgroup" && name !== "col" && name !== "template") this.tree.close("colgroup", at);
    if (this.phase !== Phase.InBody && this.atDocumentLevel()) this.documentBefore(name, at);
    const table = this.tree.top() === "table";
    if (table && (name === "tr" || name === "td" || name === "th") && this.names.has("tbody")) this.tree.open("tbody", at, false);
    if (table && name === "col" && this.names.has("colgroup")) this.tree.open("colgroup", at, false);
  }

  /** Before text that is not white space, at `at`. */
  beforeText(at: number): void {
    if (this.tree.top() === "colgroup") this.tree.close("colgroup", at);
    if (this.phase !== Phase.InBody && this.atDocumentLevel()) this.documentBefore("", at);
  }

  /** Before the end tag `name` whose `<` is at `at`: `</head>` ends the head (implied first if need be); `</body>`, `</html>`, `</br>` are read in the body. */
  beforeEnd(name: string, at: number): void {
    if (this.phase === Phase.InBody || !this.atDocumentLevel()) return;
    if (name === "head" && this.phase !== Phase.AfterHead) {
      if (this.phase !== Phase.InHead) this.documentBefore("head", at);
      if (this.tree.top() !== "head" && this.names.has("head")) this.tree.open("head", at, true);
      this.phase = Phase.AfterHead;
    } else if (name === "body" || name === "html" || name === "br") this.documentBefore("", at);
  }

  /** At the end of a document that holds anything but white space (at its end, `at`). */
  atEnd(at: number): void {
    if (this.phase !== Phase.InBody && this.atDocumentLevel()) this.documentBefore("", at);
  }

  /** Whether the innermost open element is the document's own structure (or there is none). */
  private atDocumentLevel(): boolean {
    const top = this.tree.top();
    return top === undefined || top === "html" || top === "head";
  }

  /**
   * Moves the phase on for what comes next at the document level: a start tag `name`, or
   * (with `""`) text, an end tag that a browser reads in the body, or the end of the document.
   */
  private documentBefore(name: string, at: number): void {
    if (this.phase === Phase.BeforeHtml) {
      this.phase = Phase.BeforeHead;
      if (name === "html") return;
      this.imply("html", at);
    }
    if (this.phase === Phase.BeforeHead) {
      this.phase = Phase.InHead;
      if (name === "head") return;
      if (name === "html") return;
      this.imply("head", at);
    }
    if (this.phase === Phase.InHead) {
      if (IN_HEAD.has(name) || name === "html" || name === "head") return;
      if (this.tree.top() === "head") this.tree.close("head", at);
      this.phase = Phase.AfterHead;
    }
    if (this.phase === Phase.AfterHead) {
      if (IN_HEAD.has(name) || name === "html" || name === "head") return;
      this.phase = Phase.InBody;
      if (name === "body" || name === "frameset") return;
      this.imply("body", at);
    }
  }

  /**
   * Opens `name` if asked for: before the white space leading up to what implied it, where a
   * page's own `<html>`, `<head>` or `<body>` usually stands (at the end of the line before).
   */
  private imply(name: string, at: number): void {
    if (this.names.has(name)) this.tree.open(name, at, true);
  }
}
