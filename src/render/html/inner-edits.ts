// The edits inside a block that HTML output writes whole: the edits of a moved block where it
// arrived (inserted words inside <ins>, deleted words, the old text, inside <del>), and the words
// that changed inside an element deleted and inserted again whole so that the output nests (each
// half marks its own, with the change they belong to). Only text is marked, where <ins>/<del> may
// stand; the rest of the block is written as it is.

import type { EditScript } from "../../edit-script.js";
import type { Change, TokenList } from "../../types.js";
import { wrapsInside } from "../../html/elements.js";
import { sideTokens } from "./side-tokens.js";
import { textOf } from "./verbatim.js";
import { CHANGE, WRAP } from "../../html/marks.js";

const TEXT = new Set(["word", "space", "punct"]);
/** Elements whose first newline a browser drops: a mark right after their start tag would keep it. */
const LEADING_NEWLINE = new Set(["pre", "listing", "textarea"]);

/** Where the edits inside a block written whole go, by token index of the side it is written from. */
export interface InnerEdits {
  /** Text tokens to mark, each with the change it belongs to (-1: a moved block's own edit, which names none). */
  readonly marked: ReadonlyMap<number, number>;
  /** The mark: `ins` in a moved or inserted block, `del` in a deleted one. */
  readonly tag: "ins" | "del";
  /** Old text deleted by an edit of a moved block, as written before the new token it stood before. */
  readonly deletedBefore: ReadonlyMap<number, string>;
  /** Whether the block is written inside a wrapper of its own (`<ins>`, `<del>`), where marks may stand outside its elements too. */
  readonly wrapped: boolean;
}

/**
 * The inner edits of the arriving half of an edited move, or undefined for any other change.
 *
 * @example a paragraph moved with "fast" changed to "quick": marked {token of "quick" => -1}, deletedBefore {that token => "fast"}
 */
export function moveEdits(script: EditScript, change: Change | undefined, wrapped: boolean): InnerEdits | undefined {
  if (change?.kind !== "move" || !change.inner || script.opcodes[change.op]!.tag !== "insert") return undefined;
  const [a, b] = [sideTokens(script, "a"), sideTokens(script, "b")];
  const marked = new Map<number, number>();
  const deletedBefore = new Map<number, string>();
  for (const code of change.inner) {
    if (code.tag === "equal") continue;
    for (let j = code.bStart; j < code.bEnd; j++) if (TEXT.has(b.kind(j))) marked.set(j, -1);
    if (code.aEnd > code.aStart && allText(a, code.aStart, code.aEnd)) {
      deletedBefore.set(code.bStart, textOf(script.a.doc.source, a.start(code.aStart), a.end(code.aEnd - 1)));
    }
  }
  return { marked, tag: "ins", deletedBefore, wrapped };
}

/**
 * The changed words of a block `first..last` of one side that the output writes whole although
 * the script kept some of its tokens (`changeOf` says -1 for those, else the change of token
 * `t`), or undefined when it kept none. An atomic element's content is written as its source,
 * unmarked: `skip(t)` gives the last token of the atomic element that starts at token `t` (else
 * `t`), whose content is not looked at. Changes of indentation alone are not marked.
 *
 * @example `<p>One two.</p>` split into `<p>One</p><p>three.</p>`: the old half marks "two", the new one "three"
 */
export function replacedEdits(script: EditScript, side: BlockSide, first: number, last: number, deleted: boolean, wrapped: boolean): InnerEdits | undefined {
  const { tokens, changeOf, skip } = side;
  let kept = false;
  const marked = new Map<number, number>();
  for (let t = first; t <= last; t++) {
    const change = changeOf[t - side.first] ?? -2;
    if (change === -1) kept = true;
    else if (change >= 0 && TEXT.has(tokens.kind(t)) && script.changes[change]!.kind !== "reindent") marked.set(t, change);
    t = skip(t);
  }
  return kept ? { marked, tag: deleted ? "del" : "ins", deletedBefore: new Map(), wrapped } : undefined;
}

/** One side of the output as {@link replacedEdits} and {@link changedWords} read it. */
export interface BlockSide {
  readonly tokens: TokenList;
  /** The first and last token of the run of deleted or inserted items written (first -1 where it has none of this side). */
  readonly first: number;
  readonly last: number;
  /** The change of each token `first..last` (token `t` at `t - first`), -1 where the script kept it. */
  readonly changeOf: Int32Array;
  /** The last token of the atomic element starting at token `t`, else `t`. */
  readonly skip: (t: number) => number;
}

/**
 * Whether a side's tokens `first..last` (outside atomic content) hold a kept token and a changed
 * word or punctuation: a run of the output that must show its changed words inside what it
 * deletes and inserts whole. Where none changed (a word made bold), the run is marked as before.
 */
export function changedWords(script: EditScript, side: BlockSide, first: number, last: number): { kept: boolean; words: boolean } {
  const { tokens, changeOf, skip } = side;
  let kept = false;
  let words = false;
  for (let t = first; t <= last; t++) {
    const change = changeOf[t - side.first] ?? -2;
    const kind = tokens.kind(t);
    if (change === -1) kept = true;
    else if (change >= 0 && (kind === "word" || kind === "punct") && script.changes[change]!.kind !== "reindent") words = true;
    t = skip(t);
  }
  return { kept, words };
}

function allText(tokens: TokenList, start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (!TEXT.has(tokens.kind(t))) return false;
  return true;
}

/**
 * Whether a mark may stand where the block is written: directly in the block's own wrapper
 * (`parent` undefined), or in an element of it that takes `<ins>`/`<del>`, not first in a pre.
 */
export function marksFit(edits: InnerEdits, parent: string | undefined, justOpened: boolean): boolean {
  if (parent === undefined) return edits.wrapped;
  return wrapsInside(parent) && !(justOpened && LEADING_NEWLINE.has(parent));
}

/** A moved block's inner edit's old text, shown deleted. */
export function shownDeleted(text: string): string {
  return `<del ${WRAP}="del">${text}</del>`;
}

/** The start of an inner edit's mark, naming its change when it has one. */
export function openMark(edits: InnerEdits, change: number): string {
  return `<${edits.tag} ${WRAP}="${edits.tag}"${change >= 0 ? ` ${CHANGE}="${change}"` : ""}>`;
}

/** The end of an inner edit's mark. */
export function closeMark(edits: InnerEdits): string {
  return `</${edits.tag}>`;
}
