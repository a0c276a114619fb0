// A generic port of Python's difflib.SequenceMatcher (Ratcliff/Obershelp with junk and autojunk
// heuristics): matching blocks, opcodes, hunks and ratios equal to CPython's, item for item.

import type { MatchingBlock, Opcode } from "../types.js";
import { groupOpcodes, opcodesFromBlocks } from "./opcodes.js";

/**
 * Options of {@link SequenceMatcher}. Items are compared through `key(item)` with `Map`
 * semantics (SameValueZero), so a key should be a primitive; the default key is the item itself.
 * Strings are sequences of UTF-16 code units.
 *
 * @example
 *   // Compare lines by their text, ignore blank lines as anchors, keep the popularity heuristic.
 *   const options: SequenceMatcherOptions<Line> = {
 *     a: oldLines, b: newLines,
 *     key: (line) => line.text,
 *     isjunk: (line) => line.text.trim() === "",
 *   };
 */
export interface SequenceMatcherOptions<T> {
  /** The first sequence (default: empty). */
  readonly a?: ArrayLike<T>;
  /** The second sequence, the one that gets indexed (default: empty). */
  readonly b?: ArrayLike<T>;
  /**
   * Marks items of `b` that may not start a match (difflib's `isjunk`). It is called once per
   * distinct key of `b`, with the first item of `b` that has that key.
   */
  readonly isjunk?: (item: T) => boolean;
  /**
   * difflib's automatic junk heuristic (default true): when `b` has at least 200 items, an item
   * that occurs more than `floor(b.length / 100) + 1` times is "popular" and may not start a match.
   */
  readonly autojunk?: boolean;
  /** Maps an item to the value it is compared by (default: the item). */
  readonly key?: (item: T) => unknown;
  /**
   * Work units (items of `a` searched plus positions of `b` visited) that
   * {@link SequenceMatcher.getMatchingBlocks} may spend (default: unlimited, as difflib). Once
   * spent, the search stops: the runs found so far are kept, what is left counts as changed,
   * and {@link SequenceMatcher.exhausted} is true.
   */
  readonly maxWork?: number;
}

const EMPTY: ArrayLike<never> = Object.freeze([]);
const identity = (item: unknown): unknown => item;

/**
 * Finds the longest matching run of two sequences, then again on both sides of each run found
 * (with a stack, not recursion), with exactly the answers of CPython's `difflib.SequenceMatcher`,
 * for any item type.
 *
 * Like difflib it indexes `b` once, so compare one sequence against many by setting it as `b`
 * and changing `a` with {@link SequenceMatcher.setSeq1}.
 *
 * @example
 *   const sm = new SequenceMatcher({ a: "qabxcd", b: "abycdf" });
 *   sm.getOpcodes().map((o) => o.tag); // ["delete", "equal", "replace", "equal", "insert"]
 *   sm.ratio();                        // 2 * 4 / 12 = 0.666…
 */
export class SequenceMatcher<T> {
  readonly #isjunk: ((item: T) => boolean) | undefined;
  readonly #autojunk: boolean;
  readonly #key: (item: T) => unknown;
  readonly #maxWork: number;
  #work = 0;
  #exhausted = false;

  #a: ArrayLike<T> = EMPTY;
  #b: ArrayLike<T> = EMPTY;

  // What is known about b, rebuilt whenever b changes. Each distinct key of b gets a dense id
  // (in order of first occurrence); `#b2jIndex[#b2jStart[id] .. #b2jStart[id + 1])` lists where
  // it occurs, ascending, and `#b2jEnd[id]` cuts that list short (to nothing) for junk and
  // popular ids, which may not start a match.
  #ids = new Map<unknown, number>();
  #bIds = new Int32Array(0);
  #b2jStart = new Int32Array(1);
  #b2jEnd = new Int32Array(0);
  #b2jIndex = new Int32Array(0);
  #junkIds = new Uint8Array(0);
  #bjunk: ReadonlySet<unknown> = new Set();
  #bpopular: ReadonlySet<unknown> = new Set();

  // a's items as ids of b's keys (-1: absent from b), computed when first needed.
  #aIds: Int32Array | undefined;

  // Scratch rows for findLongestMatch, standing in for difflib's j2len dictionaries: slot j + 1
  // holds the length of the match ending at b[j], valid only when its stamp equals the row's.
  #rowLength: [Int32Array, Int32Array] = [new Int32Array(1), new Int32Array(1)];
  #rowStamp: [Float64Array, Float64Array] = [new Float64Array(1), new Float64Array(1)];
  #stamp = 0;

  #blocks: readonly MatchingBlock[] | undefined;
  #opcodes: readonly Opcode[] | undefined;

  /**
   * @example
   *   new SequenceMatcher({ a: [1, 2, 3], b: [1, 3] }).ratio();            // 0.8
   *   new SequenceMatcher({ a: "a b", b: "ab", isjunk: (c) => c === " " }); // spaces never anchor
   *   new SequenceMatcher({ a: rows, b: others, key: (row) => row.id });    // objects, by id
   */
  constructor(options: SequenceMatcherOptions<T> = {}) {
    this.#isjunk = options.isjunk;
    this.#autojunk = options.autojunk ?? true;
    this.#key = options.key ?? identity;
    this.#maxWork = options.maxWork ?? Infinity;
    this.#a = options.a ?? EMPTY;
    this.#indexB(options.b ?? EMPTY);
  }

  /** The first sequence. @example new SequenceMatcher({ a: "ab" }).a // "ab" */
  get a(): ArrayLike<T> {
    return this.#a;
  }

  /** The second sequence. @example new SequenceMatcher({ b: [1] }).b // [1] */
  get b(): ArrayLike<T> {
    return this.#b;
  }

  /**
   * Keys of `b` that `isjunk` marked as junk.
   *
   * @example new SequenceMatcher({ b: "a b", isjunk: (c) => c === " " }).bjunk // Set {" "}
   */
  get bjunk(): ReadonlySet<unknown> {
    return this.#bjunk;
  }

  /**
   * Keys of `b` that autojunk found too frequent to start a match (empty when `b` is shorter
   * than 200 items).
   *
   * @example
   *   // b = [0, 0, 0, 0, 1, 2, …, 196]: 200 items, so the threshold is 200 / 100 + 1 = 3
   *   // occurrences, and 0, occurring 4 times, is popular.
   *   new SequenceMatcher({ b }).bpopular // Set {0}
   */
  get bpopular(): ReadonlySet<unknown> {
    return this.#bpopular;
  }

  /**
   * True when the last computation of the matching blocks ran out of `maxWork`: its runs are
   * real matches, but not necessarily difflib's, and the regions left unsearched count as changed.
   *
   * @example new SequenceMatcher({ a: "abcd", b: "abcd", maxWork: 1 }).getOpcodes(); // then .exhausted // true
   */
  get exhausted(): boolean {
    this.getMatchingBlocks();
    return this.#exhausted;
  }

  /**
   * Sets both sequences, as `setSeq1(a)` then `setSeq2(b)`.
   *
   * @example sm.setSeqs("abcd", "bcde"); sm.ratio() // 0.75
   */
  setSeqs(a: ArrayLike<T>, b: ArrayLike<T>): void {
    this.setSeq1(a);
    this.setSeq2(b);
  }

  /**
   * Sets the first sequence and keeps everything learned about `b`. Setting the very same
   * object again (`===`) keeps the cached answers, even if its contents were changed in place.
   *
   * @example
   *   const sm = new SequenceMatcher({ a: "abcd", b: "bcde" }); // ratio 0.75
   *   sm.setSeq1("bcde"); sm.ratio() // 1
   */
  setSeq1(a: ArrayLike<T>): void {
    if (a === this.#a) return;
    this.#a = a;
    this.#aIds = undefined;
    this.#blocks = this.#opcodes = undefined;
  }

  /**
   * Sets the second sequence and indexes it (junk, popular items, positions of every key).
   * Setting the very same object again (`===`) does nothing.
   *
   * @example
   *   const sm = new SequenceMatcher({ a: "abcd", b: "bcde" }); // ratio 0.75
   *   sm.setSeq2("abcd"); sm.ratio() // 1
   */
  setSeq2(b: ArrayLike<T>): void {
    if (b === this.#b) return;
    this.#indexB(b);
  }

  /**
   * The longest run `a[i, i + size) == b[j, j + size)` inside `a[alo, ahi)` and `b[blo, bhi)`,
   * the earliest in `a` among the longest, then the earliest in `b`. With junk, the run is first
   * found without junk or popular items, then grown by equal items that are not junk, then by
   * equal junk items, as difflib does. No match gives `{ a: alo, b: blo, size: 0 }`.
   * Throws a RangeError for bounds outside the sequences; an empty or reversed range is a
   * non-match.
   *
   * @example
   *   new SequenceMatcher({ a: " abcd", b: "abcd abcd" }).findLongestMatch(0, 5, 0, 9)
   *   // { a: 0, b: 4, size: 5 }
   *   new SequenceMatcher({ a: " abcd", b: "abcd abcd", isjunk: (c) => c === " " }).findLongestMatch()
   *   // { a: 1, b: 0, size: 4 }
   */
  findLongestMatch(alo = 0, ahi: number = this.#a.length, blo = 0, bhi: number = this.#b.length): MatchingBlock {
    checkBound("alo", alo, this.#a.length);
    checkBound("ahi", ahi, this.#a.length);
    checkBound("blo", blo, this.#b.length);
    checkBound("bhi", bhi, this.#b.length);
    return this.#longest(this.#aKeyIds(), alo, ahi, blo, bhi, Infinity);
  }

  /**
   * The matching runs in order, with adjacent runs merged, ending with the sentinel
   * `{ a: a.length, b: b.length, size: 0 }`. Cached until a sequence changes.
   *
   * @example
   *   new SequenceMatcher({ a: "abxcd", b: "abcd" }).getMatchingBlocks()
   *   // [{ a: 0, b: 0, size: 2 }, { a: 3, b: 2, size: 2 }, { a: 5, b: 4, size: 0 }]
   */
  getMatchingBlocks(): readonly MatchingBlock[] {
    if (this.#blocks) return this.#blocks;
    const aIds = this.#aKeyIds();
    const la = this.#a.length;
    const lb = this.#b.length;
    // Ranges still to search, four numbers each; a stack keeps this free of recursion.
    const pending: number[] = [0, la, 0, lb];
    const found: MatchingBlock[] = [];
    this.#work = 0;
    this.#exhausted = false;
    while (pending.length && !this.#exhausted) {
      const bhi = pending.pop()!;
      const blo = pending.pop()!;
      const ahi = pending.pop()!;
      const alo = pending.pop()!;
      const match = this.#longest(aIds, alo, ahi, blo, bhi, this.#maxWork);
      if (this.#work >= this.#maxWork) this.#exhausted = true;
      const { a: i, b: j, size: k } = match;
      if (!k) continue;
      found.push(match);
      if (alo < i && blo < j) pending.push(alo, i, blo, j);
      if (i + k < ahi && j + k < bhi) pending.push(i + k, ahi, j + k, bhi);
    }
    // Runs never overlap in a, so their start in a orders them.
    found.sort((x, y) => x.a - y.a);
    const blocks: MatchingBlock[] = [];
    let run: MatchingBlock | undefined;
    for (const next of found) {
      if (run && run.a + run.size === next.a && run.b + run.size === next.b) {
        run = { a: run.a, b: run.b, size: run.size + next.size };
      } else {
        if (run) blocks.push(block(run.a, run.b, run.size));
        run = next;
      }
    }
    if (run) blocks.push(block(run.a, run.b, run.size));
    blocks.push(block(la, lb, 0));
    this.#blocks = Object.freeze(blocks);
    return this.#blocks;
  }

  /**
   * The edit script from `a` to `b` as difflib's get_opcodes. Cached until a sequence changes.
   *
   * @example
   *   new SequenceMatcher({ a: "qabxcd", b: "abycdf" }).getOpcodes()
   *   // delete a[0,1); equal a[1,3)=b[0,2); replace a[3,4)→b[2,3); equal a[4,6)=b[3,5); insert b[5,6)
   */
  getOpcodes(): readonly Opcode[] {
    this.#opcodes ??= Object.freeze(opcodesFromBlocks(this.getMatchingBlocks()));
    return this.#opcodes;
  }

  /**
   * The opcodes cut into hunks with up to `n` equal items of context around the changes, as
   * difflib's get_grouped_opcodes (which, unlike this method, also rewrites its cached opcodes).
   *
   * @example
   *   new SequenceMatcher({ a: "abcdefghij", b: "abcdXfghij" }).getGroupedOpcodes(1)
   *   // [[equal a[3,4), replace a[4,5)→b[4,5), equal a[5,6)]]
   */
  getGroupedOpcodes(n = 3): Opcode[][] {
    return groupOpcodes(this.getOpcodes(), n);
  }

  /**
   * Similarity in [0, 1]: twice the number of matched items over the total number of items
   * (1 for two empty sequences).
   *
   * @example new SequenceMatcher({ a: "abcd", b: "bcde" }).ratio() // 0.75
   */
  ratio(): number {
    let matches = 0;
    for (const m of this.getMatchingBlocks()) matches += m.size;
    return ratioOf(matches, this.#a.length + this.#b.length);
  }

  /**
   * An upper bound of {@link SequenceMatcher.ratio} from the counts of items alone (the order
   * is ignored).
   *
   * @example new SequenceMatcher({ a: "abcd", b: "dcba" }).quickRatio() // 1, while ratio() is 0.25
   */
  quickRatio(): number {
    const aIds = this.#aKeyIds();
    // How many of each key of b are still available to pair with a's items.
    const available = new Int32Array(this.#b2jStart.length - 1);
    for (let id = 0; id < available.length; id++) available[id] = this.#b2jStart[id + 1]! - this.#b2jStart[id]!;
    let matches = 0;
    for (let i = 0; i < aIds.length; i++) {
      const id = aIds[i]!;
      if (id >= 0 && available[id]!-- > 0) matches++;
    }
    return ratioOf(matches, this.#a.length + this.#b.length);
  }

  /**
   * An upper bound of {@link SequenceMatcher.quickRatio} from the lengths alone.
   *
   * @example new SequenceMatcher({ a: "abcd", b: "xy" }).realQuickRatio() // 2 * 2 / 6 = 0.666…
   */
  realQuickRatio(): number {
    const la = this.#a.length;
    const lb = this.#b.length;
    return ratioOf(Math.min(la, lb), la + lb);
  }

  /** Indexes b: key ids, positions of every key, junk and popular keys. */
  #indexB(b: ArrayLike<T>): void {
    this.#b = b;
    this.#aIds = undefined;
    this.#blocks = this.#opcodes = undefined;

    const n = b.length;
    const ids = new Map<unknown, number>();
    const firstItems: T[] = [];
    const bIds = new Int32Array(n);
    const counts: number[] = [];
    for (let j = 0; j < n; j++) {
      const item = b[j]!;
      const key = this.#key(item);
      let id = ids.get(key);
      if (id === undefined) {
        id = firstItems.length;
        ids.set(key, id);
        firstItems.push(item);
        counts.push(0);
      }
      bIds[j] = id;
      counts[id]!++;
    }
    const distinct = firstItems.length;
    const start = new Int32Array(distinct + 1);
    for (let id = 0; id < distinct; id++) start[id + 1] = start[id]! + counts[id]!;
    const index = new Int32Array(n);
    const fill = start.slice(0, distinct);
    for (let j = 0; j < n; j++) index[fill[bIds[j]!]!++] = j;

    const end = start.slice(1);
    const junkIds = new Uint8Array(distinct);
    const bjunk = new Set<unknown>();
    const bpopular = new Set<unknown>();
    const keys = [...ids.keys()];
    if (this.#isjunk) {
      for (let id = 0; id < distinct; id++) {
        if (this.#isjunk(firstItems[id]!)) {
          junkIds[id] = 1;
          end[id] = start[id]!;
          bjunk.add(keys[id]);
        }
      }
    }
    if (this.#autojunk && n >= 200) {
      const threshold = Math.floor(n / 100) + 1;
      for (let id = 0; id < distinct; id++) {
        if (!junkIds[id] && counts[id]! > threshold) {
          end[id] = start[id]!;
          bpopular.add(keys[id]);
        }
      }
    }

    this.#ids = ids;
    this.#bIds = bIds;
    this.#b2jStart = start;
    this.#b2jEnd = end;
    this.#b2jIndex = index;
    this.#junkIds = junkIds;
    this.#bjunk = bjunk;
    this.#bpopular = bpopular;
    if (this.#rowLength[0].length < n + 1) {
      this.#rowLength = [new Int32Array(n + 1), new Int32Array(n + 1)];
      this.#rowStamp = [new Float64Array(n + 1), new Float64Array(n + 1)];
    }
  }

  /** a's items as ids of b's keys; -1 for a key that b does not have. */
  #aKeyIds(): Int32Array {
    if (this.#aIds) return this.#aIds;
    const a = this.#a;
    const ids = this.#ids;
    const aIds = new Int32Array(a.length);
    for (let i = 0; i < a.length; i++) aIds[i] = ids.get(this.#key(a[i]!)) ?? -1;
    this.#aIds = aIds;
    return aIds;
  }

  /** The longest match in the ranges, or the longest found before the work counter reaches `budget`. */
  #longest(aIds: Int32Array, alo: number, ahi: number, blo: number, bhi: number, budget: number): MatchingBlock {
    const bIds = this.#bIds;
    const start = this.#b2jStart;
    const end = this.#b2jEnd;
    const index = this.#b2jIndex;
    const junk = this.#junkIds;
    let prevLength = this.#rowLength[0];
    let curLength = this.#rowLength[1];
    let prevStamp = this.#rowStamp[0];
    let curStamp = this.#rowStamp[1];

    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    // Each row i gets a fresh stamp, one more than the previous row's; skipping one stamp per
    // call keeps the first row from reading the previous call's last row.
    let stamp = this.#stamp + 1;
    let work = this.#work;
    for (let i = alo; i < ahi; i++) {
      stamp++;
      const id = aIds[i]!;
      if (id >= 0) {
        const stop = end[id]!;
        // First position of this key at or after blo (positions are ascending).
        let lo = start[id]!;
        let hi = stop;
        if (lo < hi && index[lo]! >= blo) hi = lo;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (index[mid]! < blo) lo = mid + 1;
          else hi = mid;
        }
        let p = lo;
        for (; p < stop; p++) {
          const j = index[p]!;
          if (j >= bhi) break;
          // Slot j holds the run ending at b[j - 1] in the previous row, if that row set it.
          const k = (prevStamp[j] === stamp - 1 ? prevLength[j]! : 0) + 1;
          curLength[j + 1] = k;
          curStamp[j + 1] = stamp;
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        work += p - lo;
      }
      const length = prevLength;
      prevLength = curLength;
      curLength = length;
      const stamps = prevStamp;
      prevStamp = curStamp;
      curStamp = stamps;
      // Out of budget: the best run so far is still a real match, if maybe not the longest.
      if (++work >= budget) break;
    }
    this.#stamp = stamp;
    this.#work = work;

    // Grow the run over equal non-junk items (popular ones included), then over equal junk.
    while (besti > alo && bestj > blo && !junk[bIds[bestj - 1]!] && aIds[besti - 1] === bIds[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && !junk[bIds[bestj + bestsize]!] && aIds[besti + bestsize] === bIds[bestj + bestsize]) {
      bestsize++;
    }
    while (besti > alo && bestj > blo && junk[bIds[bestj - 1]!] && aIds[besti - 1] === bIds[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && junk[bIds[bestj + bestsize]!] && aIds[besti + bestsize] === bIds[bestj + bestsize]) {
      bestsize++;
    }
    return block(besti, bestj, bestsize);
  }
}

function block(a: number, b: number, size: number): MatchingBlock {
  return Object.freeze({ a, b, size });
}

function ratioOf(matches: number, total: number): number {
  return total ? (2 * matches) / total : 1;
}

function checkBound(name: string, value: number, length: number): void {
  if (!Number.isInteger(value) || value < 0 || value > length) {
    throw new RangeError(`${name} must be an integer in [0, ${length}], got ${value}`);
  }
}
