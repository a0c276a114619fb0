// Where two sources share runs of text between their first and last difference: the places
// where the new document's parse may take the old one's events instead of reading the text
// again (src/events/shared-parse.ts). An alignment of characters only, found cheaply; the
// parse checks its own state before it takes anything, so a run found at a wrong place costs
// a comparison, never a wrong event.

/** A run of text two sources share: `length` characters from `a` in the old one and from `b` in the new one. */
export interface SharedRun {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/** How {@link sharedRuns} looks for runs: how long one must be to count, and how far to look past a difference. */
export interface RunSearch {
  /** Characters a run must hold to be kept. */
  readonly minLength: number;
  /** Characters of a probe: the text after a `<` on one side, looked for on the other. */
  readonly probe: number;
  /** Characters past a difference in which a probe is looked for, at first (the reach doubles with each probe not found). */
  readonly reach: number;
  /** Probes tried at one difference before the search gives up. */
  readonly tries: number;
}

/** Runs of 256 characters or more, probes of 32 characters looked for within 4 KB at first, 12 tries. */
export const RUN_SEARCH: RunSearch = Object.freeze({ minLength: 256, probe: 32, reach: 4096, tries: 12 });

/** Characters compared as one slice before the block that differs is compared character by character. */
const BLOCK = 256;

/**
 * Runs of text that `a[from..endA)` and `b[from..endB)` share, in order on both sides and not
 * overlapping: from each difference, the nearest place where a probe (the text after a `<` of
 * one side) is found again on the other side, and the equal text from there. The search reads
 * each side about once; it stops early (fewer runs, never wrong ones) when its work passes a
 * few times the length of the sources.
 *
 * @example sharedRuns(`${x}<p>one</p>${y}`, `${x}<p>two</p>${y}`, x.length + 3, …) // [{ a: x.length + 6, b: x.length + 6, length: y.length + 4 }] (say)
 */
export function sharedRuns(a: string, b: string, from: number, endA: number, endB: number, search: RunSearch = RUN_SEARCH): SharedRun[] {
  const runs: SharedRun[] = [];
  let budget = 4 * (endA + endB - 2 * from);
  let pa = from;
  let pb = from;
  while (pa < endA && pb < endB && budget > 0) {
    const found = resync(a, b, pa, pb, endA, endB, search);
    if (found === null) break;
    budget -= found.work;
    const length = sameLength(a, b, found.a, found.b, Math.min(endA - found.a, endB - found.b));
    if (length >= search.minLength) runs.push({ a: found.a, b: found.b, length });
    pa = found.a + length;
    pb = found.b + length;
  }
  return runs;
}

/**
 * The nearest places at or after `pa` and `pb` where the two sides hold the same probe, with the
 * characters searched to find them; null when none is found in `search.tries` probes.
 */
function resync(a: string, b: string, pa: number, pb: number, endA: number, endB: number, search: RunSearch): { a: number; b: number; work: number } | null {
  let work = 0;
  let reach = search.reach;
  let nextA = pa;
  let nextB = pb;
  for (let tries = 0; tries < search.tries; tries++, reach *= 2) {
    // A probe from each side, the next `<` on, looked for on the other side not far from where it stands.
    nextA = nextTag(a, nextA, endA);
    nextB = nextTag(b, nextB, endB);
    const inA = nextA + search.probe <= endA;
    const inB = nextB + search.probe <= endB;
    if (!inA && !inB) return null;
    let best: { a: number; b: number } | null = null;
    if (inB) {
      const to = Math.min(endA, nextB - pb + pa + reach);
      const at = a.slice(pa, to).indexOf(b.slice(nextB, nextB + search.probe));
      work += at >= 0 ? at + search.probe : to - pa;
      if (at >= 0) best = { a: pa + at, b: nextB };
    }
    if (inA) {
      const to = Math.min(endB, nextA - pa + pb + reach);
      const at = b.slice(pb, to).indexOf(a.slice(nextA, nextA + search.probe));
      work += at >= 0 ? at + search.probe : to - pb;
      if (at >= 0 && (best === null || nextA - pa + at < best.a - pa + (best.b - pb))) best = { a: nextA, b: pb + at };
    }
    if (best !== null) return { ...best, work };
  }
  return null;
}

/** The next `<` after `at` in `source` before `end`, or `end` when there is none. */
function nextTag(source: string, at: number, end: number): number {
  if (at >= end) return end;
  const next = source.indexOf("<", at + 1);
  return next < 0 || next > end ? end : next;
}

/** How many characters `a` from `i` and `b` from `j` share, up to `limit`: compared a block at a time, the block that differs character by character. */
function sameLength(a: string, b: string, i: number, j: number, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(i + n, i + n + BLOCK) === b.slice(j + n, j + n + BLOCK)) n += BLOCK;
  while (n < limit && a.charCodeAt(i + n) === b.charCodeAt(j + n)) n++;
  return n;
}
