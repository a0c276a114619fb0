// Which tag token closes which: the partners of a side's start and end tags, which the refine
// stage and the HTML writer both walk.

import type { TokenList } from "../types.js";
import { KIND_CODE, kindCodes, WRITTEN_AS_KEY } from "./token-list.js";

/** The partners and tag tokens of the token lists met so far (the refine stage and the HTML renderer both need them). */
const PAIRED = new WeakMap<TokenList, TagPairs>();

/** A list's {@link partners} and its tag tokens, found in one pass. */
interface TagPairs {
  readonly partners: Int32Array;
  readonly tags: Int32Array;
}

/** The {@link TagPairs} of `tokens`, found once per list. */
function paired(tokens: TokenList): TagPairs {
  let out = PAIRED.get(tokens);
  if (out === undefined || out.partners.length !== tokens.length) PAIRED.set(tokens, (out = pairTags(tokens)));
  return out;
}

/**
 * For each start tag token the index of its end tag token, and back; -1 where there is none
 * (the parser balances every element, so a stack pairs them exactly). Computed once per token
 * list (a side's tokens never change once made); the array returned must not be written to.
 *
 * @example partners(tokens("<p>a</p>")) // Int32Array [2, -1, 0]
 */
export function partners(tokens: TokenList): Int32Array {
  return paired(tokens).partners;
}

/**
 * The indexes of the start and end tag tokens of a list, in order (for passes that look at tags
 * alone); found with its {@link partners}. Must not be written to.
 *
 * @example tagTokens(tokens("<p>a</p>")) // Int32Array [0, 2]
 */
export function tagTokens(tokens: TokenList): Int32Array {
  return paired(tokens).tags;
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

/** The partners and tag tokens of `tokens` (see {@link partners}, {@link tagTokens}), found afresh. */
function pairTags(tokens: TokenList): TagPairs {
  const out = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  const tags: number[] = [];
  const codes = kindCodes(tokens);
  for (let i = 0; i < codes.length; i++) {
    const kind = codes[i]! & ~WRITTEN_AS_KEY;
    if (kind === KIND_CODE.open) {
      open.push(i);
      tags.push(i);
    } else if (kind === KIND_CODE.close) {
      tags.push(i);
      const o = open.pop();
      if (o !== undefined) {
        out[o] = i;
        out[i] = o;
      }
    }
  }
  return { partners: out, tags: Int32Array.from(tags) };
}
