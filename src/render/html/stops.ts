// Which changes of an edit script the review page stops at: every change, except the end tag
// of a renamed element, which is the same change to a reader as its start tag, and a change of
// indentation alone, which the page shows unmarked.

import type { Change } from "../../types.js";
import { STOP } from "../../html/marks.js";

/**
 * Whether change `index` is a stop of its own on the review page.
 *
 * @example isStop([{ kind: "tag", op: 1, partner: 1 }, { kind: "tag", op: 3, partner: 0 }], 1) // false
 */
export function isStop(changes: readonly Change[], index: number): boolean {
  const change = changes[index]!;
  if (change.kind === "reindent") return false;
  return !(change.kind === "tag" && change.partner !== undefined && change.partner < index);
}

/**
 * The comment that marks where change `index` starts in the page's markup.
 *
 * @example stopComment(3) // "<!--htmldiff:stop:3-->"
 */
export function stopComment(index: number): string {
  return `<!--${STOP}${index}-->`;
}
