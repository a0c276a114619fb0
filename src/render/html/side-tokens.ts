// A side's tokens as the HTML writers read them: a field at a time (see TokenList), from the
// side's columns where it stores its tokens so, else made on demand (EditScript.token) where the
// side makes them so, so that writing a document changed in a few places makes the tokens of
// those places only (and of what the writer cannot copy).

import type { TokenList } from "../../types.js";
import type { EditScript } from "../../edit-script.js";
import { sideList } from "../../text/token-list.js";

/**
 * The tokens of side `side` of `script`, read by index and `length` (the same list on every call).
 *
 * @example sideTokens(script, "b").at(3) // script.token("b", 3)
 */
export function sideTokens(script: EditScript, side: "a" | "b"): TokenList {
  return sideList(script[side]);
}
