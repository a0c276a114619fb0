// Names each non-equal opcode for a reader: insert, delete, replace, move, attributes, tag or reindent.

import { sideEvent, sideList } from "../text/token-list.js";
import type { Change, Opcode } from "../types.js";
import type { Side } from "../edit-script.js";

/** A side whose elements may have attributes ignored on them alone (by start tag event index). */
type SideWithIgnores = Side & { readonly ignoredAttributes?: ReadonlyMap<number, (name: string) => boolean> };

import { type AttributeOptions, attributeDeltas } from "../text/keys.js";
import type { AnnotatedOpcode } from "./pair-markup.js";
import { isReindent } from "./reindent.js";

/**
 * One change per non-equal opcode, in order, with tag names, attribute deltas and the links
 * between the halves of a move (with the alignment of an edited move's two blocks, `inner`) and
 * between a renamed element's start and end tags.
 *
 * @example describeChanges(ops, moves, a, b, opts)[0] // { kind: "attributes", op: 1, attributes: [{ name: "href", old: "/cart", new: "/basket" }] }
 */
export function describeChanges(
  ops: readonly AnnotatedOpcode[],
  moves: ReadonlyMap<number, number>,
  a: SideWithIgnores,
  b: SideWithIgnores,
  partnersA: Int32Array,
  options: AttributeOptions,
  inner: ReadonlyMap<number, readonly Opcode[]> = new Map(),
): Change[] {
  const changeOf = new Map<number, number>();
  ops.forEach(({ code }, index) => {
    if (code.tag !== "equal") changeOf.set(index, changeOf.size);
  });
  const tagChangeAt = new Map<number, number>();
  ops.forEach(({ code, pair }, index) => {
    if (pair === "tag") tagChangeAt.set(code.aStart, changeOf.get(index)!);
  });
  const changes: Change[] = [];
  ops.forEach(({ code, pair }, index) => {
    if (code.tag === "equal") return;
    const move = moves.get(index);
    if (move !== undefined) {
      const edits = inner.get(index);
      changes.push({ kind: "move", op: index, partner: changeOf.get(move)!, ...(edits ? { inner: edits } : {}) });
    } else if (pair) {
      changes.push(describePair(pair, code, index, a, b, options, tagChangeAt.get(partnersA[code.aStart]!)));
    } else {
      changes.push({ kind: isReindent(code, a, b) ? "reindent" : code.tag, op: index });
    }
  });
  return changes;
}

function describePair(pair: "attributes" | "tag", code: Opcode, index: number, a: SideWithIgnores, b: SideWithIgnores, options: AttributeOptions, partner: number | undefined): Change {
  const xIndex = sideList(a).event(code.aStart);
  const yIndex = sideList(b).event(code.bStart);
  const x = sideEvent(a, xIndex);
  const y = sideEvent(b, yIndex);
  const ignoredX = a.ignoredAttributes?.get(xIndex);
  const ignoredY = b.ignoredAttributes?.get(yIndex);
  const here = ignoredX || ignoredY ? (name: string) => (ignoredX?.(name) ?? false) || (ignoredY?.(name) ?? false) : undefined;
  const attributes = x.kind === "open" && y.kind === "open" ? attributeDeltas(x, y, options, here) : [];
  if (pair === "attributes") return { kind: "attributes", op: index, attributes };
  const oldName = x.kind === "open" || x.kind === "close" ? x.name : "";
  const newName = y.kind === "open" || y.kind === "close" ? y.name : "";
  return {
    kind: "tag",
    op: index,
    oldName,
    newName,
    ...(partner === undefined ? {} : { partner }),
    ...(attributes.length ? { attributes } : {}),
  };
}
