// Readable examples of SequenceMatcher: difflib's classic cases, keys, strings, caching and a
// deep input that an implementation recursing once per matching block could not survive.

import { describe, expect, it } from "vitest";
import { SequenceMatcher } from "../../src/match/sequence-matcher.js";
import type { MatchingBlock, Opcode } from "../../src/types.js";

const triples = (blocks: readonly MatchingBlock[]) => blocks.map((m) => [m.a, m.b, m.size]);
const tuples = (codes: readonly Opcode[]) => codes.map((c) => [c.tag, c.aStart, c.aEnd, c.bStart, c.bEnd]);

describe("SequenceMatcher: difflib's own examples", () => {
  it("finds the two matching runs of 'abxcd' and 'abcd', then the sentinel", () => {
    const sm = new SequenceMatcher({ a: "abxcd", b: "abcd" });
    expect(triples(sm.getMatchingBlocks())).toEqual([
      [0, 0, 2],
      [3, 2, 2],
      [5, 4, 0],
    ]);
  });

  it("turns 'qabxcd' into 'abycdf' with delete, equal, replace, equal, insert", () => {
    const sm = new SequenceMatcher({ a: "qabxcd", b: "abycdf" });
    expect(tuples(sm.getOpcodes())).toEqual([
      ["delete", 0, 1, 0, 0],
      ["equal", 1, 3, 0, 2],
      ["replace", 3, 4, 2, 3],
      ["equal", 4, 6, 3, 5],
      ["insert", 6, 6, 5, 6],
    ]);
  });

  it("prefers the longest match, then the earliest in a, then the earliest in b", () => {
    const sm = new SequenceMatcher({ a: " abcd", b: "abcd abcd" });
    expect(sm.findLongestMatch(0, 5, 0, 9)).toEqual({ a: 0, b: 4, size: 5 });
    expect(sm.findLongestMatch()).toEqual({ a: 0, b: 4, size: 5 });
  });

  it("does not anchor a match on junk, but extends a match over adjacent junk", () => {
    const sm = new SequenceMatcher({ a: " abcd", b: "abcd abcd", isjunk: (c) => c === " " });
    expect(sm.findLongestMatch(0, 5, 0, 9)).toEqual({ a: 1, b: 0, size: 4 });
    expect([...sm.bjunk]).toEqual([" "]);
  });

  it("reports an empty match at the start of the ranges when nothing matches", () => {
    const sm = new SequenceMatcher({ a: "ab", b: "c" });
    expect(sm.findLongestMatch(0, 2, 0, 1)).toEqual({ a: 0, b: 0, size: 0 });
  });

  it("computes ratio 0.75 for 'abcd' and 'bcde', with upper bounds 0.75 and 1", () => {
    const sm = new SequenceMatcher({ a: "abcd", b: "bcde" });
    expect(sm.ratio()).toBe(0.75);
    expect(sm.quickRatio()).toBe(0.75);
    expect(sm.realQuickRatio()).toBe(1);
  });

  it("calls two empty sequences identical", () => {
    const sm = new SequenceMatcher<string>({});
    expect(sm.ratio()).toBe(1);
    expect(sm.getOpcodes()).toEqual([]);
    expect(triples(sm.getMatchingBlocks())).toEqual([[0, 0, 0]]);
    expect(sm.getGroupedOpcodes()).toEqual([]);
  });

  it("groups the changes of two 39-line files into three hunks of context 3", () => {
    const a = Array.from({ length: 39 }, (_, i) => String(i + 1));
    const b = [...a];
    b.splice(8, 0, "i");
    b[20] += "x";
    b.splice(23, 5);
    b[30] += "y";
    const sm = new SequenceMatcher({ a, b });
    expect(sm.getGroupedOpcodes().map(tuples)).toEqual([
      [
        ["equal", 5, 8, 5, 8],
        ["insert", 8, 8, 8, 9],
        ["equal", 8, 11, 9, 12],
      ],
      [
        ["equal", 16, 19, 17, 20],
        ["replace", 19, 20, 20, 21],
        ["equal", 20, 22, 21, 23],
        ["delete", 22, 27, 23, 23],
        ["equal", 27, 30, 23, 26],
      ],
      [
        ["equal", 31, 34, 27, 30],
        ["replace", 34, 35, 30, 31],
        ["equal", 35, 38, 31, 34],
      ],
    ]);
    // Grouping with a different context must not disturb the opcodes (CPython's does).
    sm.getGroupedOpcodes(0);
    expect(sm.getOpcodes()[0]).toEqual({ tag: "equal", aStart: 0, aEnd: 8, bStart: 0, bEnd: 8 });
    expect(sm.getGroupedOpcodes(3)).toHaveLength(3);
  });
});

describe("SequenceMatcher: inputs", () => {
  it("compares objects through their key", () => {
    const line = (text: string, n: number) => ({ text, n });
    const a = [line("alpha", 1), line("beta", 2), line("gamma", 3)];
    const b = [line("alpha", 10), line("BETA", 20), line("gamma", 30)];
    const byText = new SequenceMatcher({ a, b, key: (l) => l.text });
    expect(tuples(byText.getOpcodes())).toEqual([
      ["equal", 0, 1, 0, 1],
      ["replace", 1, 2, 1, 2],
      ["equal", 2, 3, 2, 3],
    ]);
    const folded = new SequenceMatcher({ a, b, key: (l) => l.text.toLowerCase() });
    expect(folded.ratio()).toBe(1);
    // Without a key, distinct objects are distinct items.
    expect(new SequenceMatcher({ a, b }).ratio()).toBe(0);
  });

  it("passes items (not keys) to isjunk and reports junk and popular items by key", () => {
    const seen: unknown[] = [];
    const a = [
      { k: "x", at: "a0" },
      { k: " ", at: "a1" },
    ];
    const b = [
      { k: " ", at: "b0" },
      { k: "x", at: "b1" },
      { k: " ", at: "b2" },
    ];
    const sm = new SequenceMatcher({
      a,
      b,
      key: (o) => o.k,
      isjunk: (o) => (seen.push(o), o.k === " "),
    });
    expect(seen).toEqual([b[0], b[1]]); // once per distinct key, first occurrence in b
    expect([...sm.bjunk]).toEqual([" "]);
    expect([...sm.bpopular]).toEqual([]);
  });

  it("accepts strings and typed arrays as sequences", () => {
    const fromStrings = new SequenceMatcher({ a: "private Thread currentThread;", b: "private volatile Thread currentThread;", isjunk: (c) => c === " " });
    expect(fromStrings.ratio().toFixed(3)).toBe("0.866");
    const typed = new SequenceMatcher({ a: Int32Array.of(1, 2, 3, 4), b: Int32Array.of(1, 3, 4, 5) });
    expect(triples(typed.getMatchingBlocks())).toEqual([
      [0, 0, 1],
      [2, 1, 2],
      [4, 4, 0],
    ]);
  });

  it("treats items more frequent than 1% + 1 of a long b as popular, only with autojunk", () => {
    // 200 items: the threshold is 200 / 100 + 1 = 3 occurrences.
    const b = Array.from({ length: 200 }, (_, i) => i);
    b[10] = b[20] = b[30] = -1; // three copies: not popular
    b[11] = b[21] = b[31] = b[41] = -2; // four copies: popular
    const sm = new SequenceMatcher({ a: [-1, -2], b });
    expect([...sm.bpopular]).toEqual([-2]);
    expect(new SequenceMatcher({ a: [-1, -2], b, autojunk: false }).bpopular.size).toBe(0);
    expect(new SequenceMatcher({ a: [-1, -2], b: b.slice(1) }).bpopular.size).toBe(0);
    // A popular item cannot anchor a match, but it extends a match next to it.
    expect(triples(sm.getMatchingBlocks())).toEqual([
      [0, 10, 2],
      [2, 200, 0],
    ]);
    sm.setSeq1([-2]);
    expect(triples(sm.getMatchingBlocks())).toEqual([[1, 200, 0]]);
  });

  it("rejects ranges outside the sequences", () => {
    const sm = new SequenceMatcher({ a: "abc", b: "abc" });
    expect(() => sm.findLongestMatch(0, 4, 0, 3)).toThrow(RangeError);
    expect(() => sm.findLongestMatch(-1, 3, 0, 3)).toThrow(RangeError);
    expect(() => sm.findLongestMatch(0, 3, 0, 1.5)).toThrow(RangeError);
    expect(sm.findLongestMatch(2, 1, 0, 3)).toEqual({ a: 2, b: 0, size: 0 });
  });
});

describe("SequenceMatcher: caching", () => {
  it("recomputes when a or b changes, like set_seq1 and set_seq2", () => {
    const sm = new SequenceMatcher({ a: "abcd", b: "bcde" });
    expect(sm.ratio()).toBe(0.75);
    sm.setSeq1("bcde");
    expect(sm.ratio()).toBe(1);
    sm.setSeq2("abcd");
    expect(sm.ratio()).toBe(0.75);
    sm.setSeqs("abcd", "abcd");
    expect(sm.ratio()).toBe(1);
  });

  it("keeps what it learned about b when only a changes", () => {
    let keyCalls = 0;
    let junkCalls = 0;
    const b = ["x", " ", "y", "z"];
    const sm = new SequenceMatcher({
      a: ["x", "y"],
      b,
      key: (s: string) => (keyCalls++, s),
      isjunk: (s) => (junkCalls++, s === " "),
    });
    expect(junkCalls).toBe(4);
    const popular = sm.bpopular;
    expect(sm.ratio()).toBe(4 / 6);
    const before = keyCalls;
    sm.setSeq1(["y", "z"]);
    expect(sm.ratio()).toBe(4 / 6);
    expect(junkCalls).toBe(4);
    expect(keyCalls).toBe(before + 2); // only the new a's items were keyed
    expect(sm.bpopular).toBe(popular);
    sm.setSeq2(["z"]);
    expect(junkCalls).toBe(5);
    expect(sm.ratio()).toBe(2 / 3);
  });

  it("returns the cached blocks while the same sequences are set again", () => {
    const a = ["p", "q"];
    const sm = new SequenceMatcher({ a, b: ["q"] });
    const blocks = sm.getMatchingBlocks();
    const opcodes = sm.getOpcodes();
    sm.setSeq1(a);
    expect(sm.getMatchingBlocks()).toBe(blocks);
    expect(sm.getOpcodes()).toBe(opcodes);
    sm.setSeq1(["p", "q"]);
    expect(sm.getMatchingBlocks()).not.toBe(blocks);
    expect(sm.getMatchingBlocks()).toEqual(blocks);
  });
});

describe("SequenceMatcher: size", () => {
  it("handles 100,000 items whose matching blocks nest 15,000 deep", () => {
    // a = 0..99999. b keeps a's first 70,001 items (one long block), then alternates a foreign
    // item with an item of a. Every later block has size 1 and is found first in its range, so
    // each split leaves the rest of the range as a nested subproblem: 14,999 levels deep.
    const n = 100_000;
    const prefix = 70_000;
    const a = Array.from({ length: n }, (_, i) => i);
    const b = a.map((x, i) => (i > prefix && i % 2 === 1 ? -x : x));
    const sm = new SequenceMatcher({ a, b });
    const blocks = sm.getMatchingBlocks();
    const expected: number[][] = [[0, 0, prefix + 1]];
    for (let i = prefix + 2; i < n; i += 2) expected.push([i, i, 1]);
    expected.push([n, n, 0]);
    expect(triples(blocks)).toEqual(expected);
    expect(blocks).toHaveLength(15_001);
    expect(sm.ratio()).toBe((2 * (prefix + 1 + 14_999)) / (2 * n));
    expect(sm.getOpcodes()).toHaveLength(2 + 2 * 14_999);
  });
});
