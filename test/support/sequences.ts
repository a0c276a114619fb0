// Shared helpers for the tests of the integer-sequence matchers (Myers, histogram): an opcode
// validity checker, an LCS oracle, a seeded PRNG, large text-like inputs and fast-check pairs.

import fc from "fast-check";
import type { Opcode } from "../../src/types.js";

/** Length of a longest common subsequence, by the plain O(n·m) table. */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/**
 * Throws unless `opcodes` are what difflib's get_opcodes could return for a and b: they tile both
 * sequences from 0 to the end, no opcode is empty, each tag's ranges have the right shape, equal
 * runs really are equal, equal and non-equal opcodes alternate, and applying them to a gives b.
 * (Plain checks rather than an `expect` per opcode: large inputs have ~10⁶ opcodes.)
 */
export function expectValid(a: Int32Array, b: Int32Array, opcodes: readonly Opcode[]): void {
  const fail = (what: string, o?: Opcode) => {
    throw new Error(`${what}${o ? ` at ${JSON.stringify(o)}` : ""} (n=${a.length}, m=${b.length})`);
  };
  if (a.length === 0 && b.length === 0 && opcodes.length) fail("opcodes for two empty inputs");
  let i = 0;
  let j = 0;
  let previous: Opcode | undefined;
  const rebuilt = new Int32Array(b.length);
  let r = 0;
  for (const o of opcodes) {
    if (o.aStart !== i || o.bStart !== j) fail("opcodes do not tile", o);
    const aLength = o.aEnd - o.aStart;
    const bLength = o.bEnd - o.bStart;
    const shapeOk =
      o.tag === "equal" ? aLength > 0 && bLength === aLength : o.tag === "delete" ? aLength > 0 && bLength === 0 : o.tag === "insert" ? aLength === 0 && bLength > 0 : aLength > 0 && bLength > 0;
    if (!shapeOk) fail("empty or misshapen opcode", o);
    if (o.tag === "equal") {
      for (let k = 0; k < aLength; k++) if (a[o.aStart + k] !== b[o.bStart + k]) fail("unequal items in", o);
      if (r + aLength > b.length) fail("applying the opcodes to a gives more than b");
      rebuilt.set(a.subarray(o.aStart, o.aEnd), r);
      r += aLength;
    } else if (o.tag !== "delete") {
      if (r + bLength > b.length) fail("applying the opcodes to a gives more than b");
      rebuilt.set(b.subarray(o.bStart, o.bEnd), r);
      r += bLength;
    }
    // difflib merges adjacent matches and puts one change between two matches.
    if (previous && (previous.tag === "equal") === (o.tag === "equal")) fail("two equal or two non-equal opcodes in a row", o);
    previous = o;
    i = o.aEnd;
    j = o.bEnd;
  }
  if (i !== a.length || j !== b.length) fail(`opcodes end at ${i}, ${j}`);
  if (r !== b.length || rebuilt.some((x, k) => x !== b[k])) fail("applying the opcodes to a does not give b");
}

/**
 * mulberry32: a tiny deterministic pseudo-random generator, uniform in [0, 1), for large inputs
 * and seeded case generation. The same seed always gives the same sequence.
 */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text-like tokens: a space token (0) between words drawn log-uniformly from `vocabulary` ids. */
export function textLike(length: number, vocabulary: number, next: () => number): Int32Array {
  const out = new Int32Array(length);
  for (let k = 0; k < length; k++) out[k] = k % 2 ? 0 : Math.floor(Math.pow(vocabulary, next()));
  return out;
}

/**
 * `a` with a fraction `rate` of positions replaced, deleted or preceded by an insertion of fresh
 * ids (from `vocabulary` up, so never in `a`); `cost` is the edit count of that script, hence an
 * upper bound on the minimal edit count.
 */
export function scatterEdits(a: Int32Array, rate: number, vocabulary: number, next: () => number): { b: Int32Array; cost: number } {
  const out: number[] = [];
  let cost = 0;
  for (let k = 0; k < a.length; k++) {
    const r = next();
    if (r < rate / 3) {
      out.push(vocabulary + Math.floor(next() * vocabulary));
      cost += 2;
    } else if (r < (2 * rate) / 3) {
      cost += 1;
    } else if (r < rate) {
      out.push(vocabulary + Math.floor(next() * vocabulary), a[k]!);
      cost += 1;
    } else {
      out.push(a[k]!);
    }
  }
  return { b: Int32Array.from(out), cost };
}

/**
 * Two small sequences of up to `maxLength` items over a shared alphabet of 1 to `maxAlphabet`
 * symbols (small alphabets repeat a lot).
 */
export const smallPair = (maxAlphabet: number, maxLength: number): fc.Arbitrary<readonly [Int32Array, Int32Array]> =>
  fc.integer({ min: 1, max: maxAlphabet }).chain((k) => {
    const items = fc.array(fc.integer({ min: 0, max: k - 1 }), { maxLength });
    return fc.tuple(items, items).map(([x, y]) => [Int32Array.from(x), Int32Array.from(y)] as const);
  });
