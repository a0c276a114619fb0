// A side's tokens as the HTML writers read them: the whole list where the side has one, else a
// view that makes each token on demand (EditScript.token), so that writing a document changed in
// a few places makes the tokens of those places only (and of what the writer cannot copy).

import type { EditScript } from "../../edit-script.js";
import type { Token } from "../../types.js";

/** The views made, per script and side: the writer and the page's parts share them. */
const VIEWS = new WeakMap<EditScript, { a?: readonly Token[]; b?: readonly Token[] }>();

/**
 * The tokens of side `side` of `script`, read by index and `length` like the list: the list
 * itself where the side makes none on demand (no `tokenAt`), else a view making each when read
 * (only indexes and `length` may be read; an index out of range gives undefined, as the list would).
 *
 * @example sideTokens(script, "b")[3] // script.token("b", 3)
 */
export function sideTokens(script: EditScript, side: "a" | "b"): readonly Token[] {
  if (script[side].tokenAt === undefined) return script[side].tokens;
  let made = VIEWS.get(script);
  if (made === undefined) VIEWS.set(script, (made = {}));
  return (made[side] ??= onDemand(script, side));
}

/** A read-only view of a side's tokens that makes each one when it is read. */
function onDemand(script: EditScript, side: "a" | "b"): readonly Token[] {
  const count = script.tokenCount(side);
  return new Proxy([] as Token[], {
    get(_target, key) {
      if (key === "length") return count;
      const index = typeof key === "string" ? Number(key) : NaN;
      if (!Number.isInteger(index)) throw new Error(`internal: a side's token view reads no ${String(key)}`);
      return index >= 0 && index < count ? script.token(side, index) : undefined;
    },
  });
}
