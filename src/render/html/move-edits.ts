// The edits of a moved block, as HTML output shows them where the block arrived: inserted words
// inside <ins>, deleted words (the old text) inside <del>, within the block's own <ins>. Only text
// is marked, where <ins>/<del> may stand; the rest of the block is written as it is.

import type { EditScript } from "../../edit-script.js";
import type { Change, Token } from "../../types.js";
import { wrapsInside } from "../../html/elements.js";
import { textOf } from "./verbatim.js";
import { WRAP } from "../../html/marks.js";

const TEXT = new Set(["word", "space", "punct"]);
/** Elements whose first newline a browser drops: a mark right after their start tag would keep it. */
const LEADING_NEWLINE = new Set(["pre", "listing", "textarea"]);

/** Where an edited move's inner edits go in the arriving block, by new token index. */
export interface MoveEdits {
  /** New tokens inserted by an edit of the block (text only). */
  readonly inserted: ReadonlySet<number>;
  /** Old text deleted by an edit of the block, as written before the new token it stood before. */
  readonly deletedBefore: ReadonlyMap<number, string>;
  /** Whether the block is written inside a wrapper of its own (`<ins>`), where marks may stand outside its elements too. */
  readonly wrapped: boolean;
}

/**
 * The inner edits of the arriving half of an edited move, or undefined for any other change.
 *
 * @example a paragraph moved with "fast" changed to "quick": inserted {token of "quick"}, deletedBefore {that token => "fast"}
 */
export function moveEdits(script: EditScript, change: Change | undefined, wrapped: boolean): MoveEdits | undefined {
  if (change?.kind !== "move" || !change.inner || script.opcodes[change.op]!.tag !== "insert") return undefined;
  const a = script.a.tokens;
  const b = script.b.tokens;
  const inserted = new Set<number>();
  const deletedBefore = new Map<number, string>();
  for (const code of change.inner) {
    if (code.tag === "equal") continue;
    for (let j = code.bStart; j < code.bEnd; j++) if (TEXT.has(b[j]!.kind)) inserted.add(j);
    if (code.aEnd > code.aStart && allText(a, code.aStart, code.aEnd)) {
      deletedBefore.set(code.bStart, textOf(script.a.doc.source, a[code.aStart]!.start, a[code.aEnd - 1]!.end));
    }
  }
  return { inserted, deletedBefore, wrapped };
}

function allText(tokens: readonly Token[], start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (!TEXT.has(tokens[t]!.kind)) return false;
  return true;
}

/**
 * Whether a mark may stand where the arriving block is written: directly in the block's own
 * wrapper (`parent` undefined), or in an element of it that takes `<ins>`/`<del>`, not first in a pre.
 */
export function marksFit(edits: MoveEdits, parent: string | undefined, justOpened: boolean): boolean {
  if (parent === undefined) return edits.wrapped;
  return wrapsInside(parent) && !(justOpened && LEADING_NEWLINE.has(parent));
}

/** An inner edit's old text, shown deleted. */
export function shownDeleted(text: string): string {
  return `<del ${WRAP}="del">${text}</del>`;
}

/** The start and end of an inner edit's inserted text. */
export const INSERTED_OPEN = `<ins ${WRAP}="ins">`;
export const INSERTED_CLOSE = "</ins>";
