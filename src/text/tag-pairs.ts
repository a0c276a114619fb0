// Which tag token closes which: the partners of a side's start and end tags, which the refine
// stage and the HTML writer both walk.

import type { TokenList } from "../types.js";
import { KIND_CODE, kindCodes, WRITTEN_AS_KEY } from "./token-list.js";

/** The partners of the token lists met so far (the refine stage and the HTML renderer both need them). */
const PARTNERS = new WeakMap<TokenList, Int32Array>();

/**
 * For each start tag token the index of its end tag token, and back; -1 where there is none
 * (the parser balances every element, so a stack pairs them exactly). Computed once per token
 * list (a side's tokens never change once made); the array returned must not be written to.
 *
 * @example partners(tokens("<p>a</p>")) // Int32Array [2, -1, 0]
 */
export function partners(tokens: TokenList): Int32Array {
  let out = PARTNERS.get(tokens);
  if (out === undefined || out.length !== tokens.length) PARTNERS.set(tokens, (out = pairTags(tokens)));
  return out;
}

/**
 * Whether the tokens `start..end` hold both tags of every element they hold a tag of, given the
 * {@link partners} of their list.
 *
 * @example holdsWhole(partners(tokens("<p>a</p><b>")), 0, 3) // true; (…, 1, 4) // false
 */
export function holdsWhole(pairs: Int32Array, start: number, end: number): boolean {
  for (let t = start; t < end; t++) {
    const partner = pairs[t]!;
    if (partner >= 0 && (partner < start || partner >= end)) return false;
  }
  return true;
}

/** The partners of `tokens` (see {@link partners}), computed afresh. */
function pairTags(tokens: TokenList): Int32Array {
  const out = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  const codes = kindCodes(tokens);
  for (let i = 0; i < codes.length; i++) {
    const kind = codes[i]! & ~WRITTEN_AS_KEY;
    if (kind === KIND_CODE.open) open.push(i);
    else if (kind === KIND_CODE.close) {
      const o = open.pop();
      if (o !== undefined) {
        out[o] = i;
        out[i] = o;
      }
    }
  }
  return out;
}
