// Interns comparison keys to small integers so that matching runs over Int32Arrays.

import type { Token } from "../types.js";

/**
 * Maps each token's key to an integer, the same integer for the same key across all lists.
 *
 * @example internKeys([tokensOfA, tokensOfB]) // [Int32Array [0, 1, 0], Int32Array [0, 2]]
 */
export function internKeys(lists: readonly (readonly Token[])[]): Int32Array[] {
  const ids = new Map<string, number>();
  return lists.map((tokens) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const key = tokens[i]!.key;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      out[i] = id;
    }
    return out;
  });
}
