// Where two sources stop being the same: the one measure of the text two documents share at
// their start and end, used by the parse (src/events/shared-parse.ts) and the tokenizer
// (src/text/shared-tokens.ts).

/** Characters compared one by one at most before comparing slices of twice as many. */
const FIRST_BLOCK = 64;

/**
 * How many characters `x` and `y` share at their start (`head`) and, in what is left, at their
 * end (`tail`; the two never overlap). Runs of characters are compared as slices of doubling
 * length (a flat comparison in the engine, many times faster than `charCodeAt` one by one);
 * the block that differs is searched again from its start, character by character once small.
 *
 * @example commonEnds("abcXdef", "abcYYdef") // { head: 3, tail: 3 }
 */
export function commonEnds(x: string, y: string): { head: number; tail: number } {
  const shortest = Math.min(x.length, y.length);
  const head = sameRun(
    shortest,
    (from, to) => x.slice(from, to) === y.slice(from, to),
    (i) => x.charCodeAt(i) === y.charCodeAt(i),
  );
  const tail = sameRun(
    shortest - head,
    (from, to) => x.slice(x.length - to, x.length - from) === y.slice(y.length - to, y.length - from),
    (i) => x.charCodeAt(x.length - 1 - i) === y.charCodeAt(y.length - 1 - i),
  );
  return { head, tail };
}

/**
 * The length of the run of equal characters from 0, up to `limit`: `same(from, to)` compares
 * a block of them, `sameAt(i)` one.
 */
function sameRun(limit: number, same: (from: number, to: number) => boolean, sameAt: (i: number) => boolean): number {
  let at = 0;
  let block = FIRST_BLOCK;
  while (at < limit) {
    const end = Math.min(limit, at + block);
    if (same(at, end)) {
      at = end;
      block *= 2;
    } else if (block > FIRST_BLOCK) {
      block = FIRST_BLOCK;
    } else {
      while (at < end && sameAt(at)) at++;
      return at;
    }
  }
  return at;
}
