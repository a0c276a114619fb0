// Compares SequenceMatcher with CPython's difflib.SequenceMatcher on thousands of seeded random
// cases: all cases go to one python3 process (difflib_oracle.py) and every answer must be equal.
// Reproduce a failure with ORACLE_SEED=<seed printed in the report> npx vitest run test/match/.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SequenceMatcher } from "../../src/match/sequence-matcher.js";
import type { MatchingBlock, Opcode } from "../../src/types.js";
import { random } from "../support/sequences.js";

const DEFAULT_SEED = 0x5eed_d1ff;
const SMALL_CASES = 1_700;
const LONG_CASES = 600;
const BOUNDARY_CASES = 250;

type Sym = string | number;
/** How the TypeScript side receives the sequences (Python always gets the plain values). */
type Form = "array" | "string" | "int32" | "objects";
/** How the TypeScript side arrives at the final sequences (exercises the caches). */
type Via = "constructor" | "setSeqs" | "newA" | "newB";
type Query = "blocks" | "opcodes" | "grouped" | "ratio" | "quickRatio" | "realQuickRatio" | "longest" | "sets";

interface OracleCase {
  readonly kind: string;
  readonly form: Form;
  readonly via: Via;
  readonly a: Sym[] | string;
  readonly b: Sym[] | string;
  /** Items for which isjunk is true; null means no isjunk at all. */
  readonly junk: Sym[] | null;
  readonly autojunk: boolean;
  /** Leave autojunk out of the options (it defaults to true). */
  readonly defaultAutojunk: boolean;
  readonly range: [number, number, number, number];
  /** Decoy sequences set before the real ones when `via` is newA or newB. */
  readonly decoy: Sym[];
  /** The order in which the TypeScript side asks its questions. */
  readonly order: Query[];
}

interface OracleResult {
  blocks: number[][];
  opcodes: (string | number)[][];
  grouped: Record<string, (string | number)[][][]>;
  ratio: number;
  quickRatio: number;
  realQuickRatio: number;
  longest: number[];
  bjunk: Sym[];
  bpopular: Sym[];
}

// ---------------------------------------------------------------------------------------------
// Seeded generation

function readSeed(): number {
  const raw = process.env.ORACLE_SEED;
  if (raw === undefined || raw === "") return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new Error(`ORACLE_SEED must be an integer in [0, 2^32), got ${JSON.stringify(raw)}`);
  }
  return seed;
}

class Rng {
  constructor(readonly next: () => number) {}
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<X>(items: readonly X[]): X {
    return items[this.int(0, items.length - 1)]!;
  }
  shuffle<X>(items: X[]): X[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

type SymKind = "int" | "char" | "word";

const CHARS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat(["é", "ß", "\u2014", "\t", "\n"]);
const TRICKY_WORDS = ["a", "b", "ab", "ba", "abc", "", " ", "<p>", "</p>", "a b", "é", "0", "1", "null"];

function alphabet(rng: Rng, kind: SymKind, size: number): Sym[] {
  const out = new Set<Sym>();
  if (kind === "char") {
    const pool = rng.shuffle([...CHARS]);
    return pool.slice(0, Math.min(size, pool.length));
  }
  while (out.size < size) {
    if (kind === "int") {
      out.add(rng.chance(0.8) ? rng.int(-3, size * 3) : rng.int(-1_000_000, 1_000_000));
    } else {
      out.add(size <= 8 && rng.chance(0.7) ? rng.pick(TRICKY_WORDS) : `w${rng.int(0, size * 4)}${rng.pick(["", "x", " "])}`);
    }
  }
  return [...out];
}

/** A sampler over the alphabet: uniform, or Zipf-like so that a few items dominate. */
function sampler(rng: Rng, symbols: readonly Sym[], uniform = rng.chance(0.5)): () => Sym {
  if (uniform) return () => rng.pick(symbols);
  const exponent = rng.pick([0.7, 1, 1.5]);
  const weights = symbols.map((_, r) => 1 / (r + 1) ** exponent);
  const total = weights.reduce((s, w) => s + w, 0);
  return () => {
    let x = rng.next() * total;
    for (let r = 0; r < weights.length; r++) {
      x -= weights[r]!;
      if (x < 0) return symbols[r]!;
    }
    return symbols[symbols.length - 1]!;
  };
}

function randomSeq(length: number, draw: () => Sym): Sym[] {
  return Array.from({ length }, draw);
}

/** A copy of `seq` with a few random inserted, deleted, replaced or moved runs. */
function mutate(rng: Rng, seq: readonly Sym[], draw: () => Sym, edits: number): Sym[] {
  const out = [...seq];
  for (let e = 0; e < edits; e++) {
    const run = rng.int(1, Math.max(1, Math.floor(out.length / 12)));
    const at = rng.int(0, out.length);
    switch (rng.int(0, 3)) {
      case 0:
        out.splice(at, 0, ...randomSeq(run, draw));
        break;
      case 1:
        out.splice(at, run);
        break;
      case 2:
        out.splice(at, run, ...randomSeq(rng.int(1, run + 1), draw));
        break;
      default: {
        const moved = out.splice(at, run);
        out.splice(rng.int(0, out.length), 0, ...moved);
      }
    }
  }
  return out;
}

function junkFor(rng: Rng, symbols: readonly Sym[], p: number): Sym[] | null {
  if (!rng.chance(p)) return null;
  const junk = rng.shuffle([...symbols]).slice(0, rng.int(0, Math.min(3, symbols.length)));
  if (rng.chance(0.2)) junk.push(typeof symbols[0] === "number" ? 987_654_321 : "never-present");
  return junk;
}

function finish(rng: Rng, kind: string, symKind: SymKind, symbols: readonly Sym[], a: Sym[], b: Sym[], junk: Sym[] | null, autojunk: boolean, draw: () => Sym): OracleCase {
  const forms: Form[] = symKind === "int" ? ["array", "int32", "objects"] : symKind === "char" ? ["array", "string", "string", "objects"] : ["array", "objects"];
  const form = rng.pick(forms);
  const range = (length: number): [number, number] => {
    const lo = rng.int(0, length);
    return [lo, rng.int(lo, length)];
  };
  const [alo, ahi] = rng.chance(0.25) ? [0, a.length] : range(a.length);
  const [blo, bhi] = rng.chance(0.25) ? [0, b.length] : range(b.length);
  const queries: Query[] = ["blocks", "opcodes", "grouped", "ratio", "quickRatio", "realQuickRatio", "longest", "sets"];
  const decoy = symbols.length ? randomSeq(rng.int(0, 30), draw) : [];
  return {
    kind,
    form,
    via: rng.pick(["constructor", "setSeqs", "newA", "newB"] as const),
    a: form === "string" ? a.join("") : a,
    b: form === "string" ? b.join("") : b,
    junk,
    autojunk,
    defaultAutojunk: autojunk && rng.chance(0.5),
    range: [alo, ahi, blo, bhi],
    decoy,
    order: rng.shuffle(queries),
  };
}

function symKindFor(rng: Rng): SymKind {
  return rng.pick(["int", "char", "word"] as const);
}

/** Short sequences over 2–6 symbols: every tie-break rule gets exercised. */
function smallCase(rng: Rng): OracleCase {
  const symKind = symKindFor(rng);
  const symbols = alphabet(rng, symKind, rng.int(2, 6));
  const draw = sampler(rng, symbols);
  const a = randomSeq(rng.chance(0.1) ? rng.int(0, 2) : rng.int(0, 40), draw);
  const shape = rng.next();
  const b = shape < 0.45 ? randomSeq(rng.chance(0.1) ? rng.int(0, 2) : rng.int(0, 40), draw) : shape < 0.9 ? mutate(rng, a, draw, rng.int(1, 4)) : shape < 0.95 ? [...a] : [];
  return finish(rng, "small", symKind, symbols, a, b, junkFor(rng, symbols, 0.4), rng.chance(0.5), draw);
}

/** 200–600 items, so that autojunk applies, over alphabets from 2 to 3000 symbols. */
function longCase(rng: Rng): OracleCase {
  const symKind = symKindFor(rng);
  const autojunk = rng.chance(0.7);
  // Without autojunk, tiny alphabets make difflib quadratic in Python; keep those cases rarer.
  // The largest alphabets give b few repeats, so that autojunk often finds nothing popular.
  const sizes = autojunk || rng.chance(0.3) ? [2, 3, 4, 6, 10, 20, 50, 100, 300, 1000, 3000] : [20, 50, 100, 300, 1000];
  const symbols = alphabet(rng, symKind, rng.pick(sizes));
  const draw = sampler(rng, symbols, symbols.length >= 1000 || undefined);
  const b = randomSeq(rng.int(200, 600), draw);
  const a = rng.chance(0.75) ? mutate(rng, b, draw, rng.int(1, 12)) : randomSeq(rng.int(0, 600), draw);
  return finish(rng, "long", symKind, symbols, a, b, junkFor(rng, symbols, 0.3), autojunk, draw);
}

/** b has length near a multiple of 100 and items whose counts sit on the popularity threshold. */
function boundaryCase(rng: Rng): OracleCase {
  const symKind = rng.pick(["int", "word"] as const);
  const length = rng.pick([198, 199, 200, 201, 202, 299, 300, 301, 399, 400, 401, 599, 600]);
  const threshold = Math.floor(length / 100) + 1;
  const symbols = alphabet(rng, symKind, length + 8);
  const hot = symbols.slice(0, 8);
  const cold = symbols.slice(8);
  const b: Sym[] = [];
  for (const [h, item] of hot.entries()) {
    const count = Math.max(0, threshold - 2 + (h % 4)); // threshold-2 .. threshold+1
    for (let c = 0; c < count; c++) b.push(item);
  }
  let c = 0;
  while (b.length < length) {
    // Runs of picks keep most cold items at or below the threshold.
    const item = cold[Math.floor(c / threshold) % cold.length]!;
    b.push(rng.chance(0.5) ? item : rng.pick(cold));
    c += rng.int(1, threshold);
  }
  rng.shuffle(b);
  const draw = sampler(rng, symbols);
  const a = mutate(rng, b, draw, rng.int(0, 8));
  return finish(rng, "boundary", symKind, symbols, a, b, junkFor(rng, hot, 0.3), rng.chance(0.85), draw);
}

function generateCases(seed: number): OracleCase[] {
  const rng = new Rng(random(seed)); // mulberry32
  const cases: OracleCase[] = [];
  for (let i = 0; i < SMALL_CASES; i++) cases.push(smallCase(rng));
  for (let i = 0; i < LONG_CASES; i++) cases.push(longCase(rng));
  for (let i = 0; i < BOUNDARY_CASES; i++) cases.push(boundaryCase(rng));
  return rng.shuffle(cases);
}

// ---------------------------------------------------------------------------------------------
// The TypeScript side

interface Boxed {
  readonly v: Sym;
}

function present(c: OracleCase, seq: Sym[] | string): ArrayLike<unknown> {
  switch (c.form) {
    case "string":
      return typeof seq === "string" ? seq : seq.join("");
    case "int32":
      return Int32Array.from(seq as number[]);
    case "objects":
      return (seq as Sym[]).map((v): Boxed => ({ v }));
    default:
      return [...seq];
  }
}

function compareSyms(x: Sym, y: Sym): number {
  if (typeof x === "number" && typeof y === "number") return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

const blockRows = (blocks: readonly MatchingBlock[]) => blocks.map((m) => [m.a, m.b, m.size]);
const opcodeRows = (codes: readonly Opcode[]) => codes.map((o) => [o.tag, o.aStart, o.aEnd, o.bStart, o.bEnd]);

function runTypeScript(c: OracleCase): OracleResult {
  const objects = c.form === "objects";
  const junk = c.junk === null ? undefined : new Set<unknown>(c.junk);
  const isjunk = junk && (objects ? (x: unknown) => junk.has((x as Boxed).v) : (x: unknown) => junk.has(x));
  const key = objects ? (x: unknown) => (x as Boxed).v : undefined;
  const a = present(c, c.a);
  const b = present(c, c.b);
  const options = { isjunk, key, ...(c.defaultAutojunk ? {} : { autojunk: c.autojunk }) };
  let sm: SequenceMatcher<unknown>;
  switch (c.via) {
    case "constructor":
      sm = new SequenceMatcher<unknown>({ ...options, a, b });
      break;
    case "setSeqs":
      sm = new SequenceMatcher<unknown>(options);
      sm.setSeqs(a, b);
      break;
    case "newA":
      // Learn b with a decoy a, answer some questions, then switch a.
      sm = new SequenceMatcher<unknown>({ ...options, a: present(c, c.decoy), b });
      sm.getOpcodes();
      sm.quickRatio();
      sm.setSeq1(a);
      break;
    case "newB":
      sm = new SequenceMatcher<unknown>({ ...options, a, b: present(c, c.decoy) });
      sm.ratio();
      sm.quickRatio();
      sm.setSeq2(b);
      break;
    default:
      throw new Error(`unknown via ${String(c.via)}`);
  }
  const result: Partial<OracleResult> = {};
  for (const query of c.order) {
    switch (query) {
      case "blocks":
        result.blocks = blockRows(sm.getMatchingBlocks());
        break;
      case "opcodes":
        result.opcodes = opcodeRows(sm.getOpcodes());
        break;
      case "grouped":
        result.grouped = Object.fromEntries([0, 1, 3].map((n) => [String(n), sm.getGroupedOpcodes(n).map(opcodeRows)]));
        break;
      case "ratio":
        result.ratio = sm.ratio();
        break;
      case "quickRatio":
        result.quickRatio = sm.quickRatio();
        break;
      case "realQuickRatio":
        result.realQuickRatio = sm.realQuickRatio();
        break;
      case "longest": {
        const m = sm.findLongestMatch(...c.range);
        result.longest = [m.a, m.b, m.size];
        break;
      }
      case "sets":
        result.bjunk = ([...sm.bjunk] as Sym[]).sort(compareSyms);
        result.bpopular = ([...sm.bpopular] as Sym[]).sort(compareSyms);
        break;
    }
  }
  return result as OracleResult;
}

// ---------------------------------------------------------------------------------------------
// Comparison and reporting

function show(value: unknown, limit = 300): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
}

/** The first place where `actual` differs from `expected`, compared exactly (Object.is on leaves). */
function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length) return `${path}: unexpected extra entry [${i}] = ${show(actual[i])}`;
      if (i >= actual.length) return `${path}: missing entry [${i}], expected ${show(expected[i])}`;
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object" && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      const d = firstDifference((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function describeCase(index: number, c: OracleCase): string {
  return [
    `case #${index} (${c.kind}, form=${c.form}, via=${c.via}, autojunk=${c.autojunk}${c.defaultAutojunk ? " by default" : ""}, junk=${show(c.junk)}, range=${show(c.range)}, order=${c.order.join(",")})`,
    `    a (${c.a.length}) = ${show(c.a)}`,
    `    b (${c.b.length}) = ${show(c.b)}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

describe("SequenceMatcher against CPython's difflib", () => {
  const seed = readSeed();
  const cases = generateCases(seed);
  const workDir = mkdtempSync(join(tmpdir(), "difflib-oracle-"));
  let python = "";
  let expected: OracleResult[] = [];

  beforeAll(() => {
    const script = fileURLToPath(new URL("./difflib_oracle.py", import.meta.url));
    const input = join(workDir, "cases.json");
    const output = join(workDir, "results.json");
    writeFileSync(input, JSON.stringify(cases));
    const started = performance.now();
    const run = spawnSync("python3", [script, input, output], { encoding: "utf8", timeout: 90_000 });
    if (run.error) {
      throw new Error(`The difflib oracle needs python3 on PATH and could not run it: ${run.error.message}`);
    }
    if (run.status !== 0) {
      throw new Error(`python3 ${script} exited with ${run.status ?? run.signal}:\n${run.stderr}`);
    }
    const parsed = JSON.parse(readFileSync(output, "utf8")) as { python: string; results: OracleResult[] };
    python = parsed.python;
    expected = parsed.results;
    console.log(`difflib oracle: seed=0x${seed.toString(16)} (set ORACLE_SEED to change), ${cases.length} cases, ` + `Python ${python} took ${Math.round(performance.now() - started)} ms`);
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it("gets one answer from Python per case", () => {
    expect(expected).toHaveLength(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(2_500);
  });

  it("covers the regimes that matter: long b, popular items, junk, empty inputs", () => {
    const count = (p: (c: OracleCase, r: OracleResult) => boolean) => cases.filter((c, i) => p(c, expected[i]!)).length;
    expect(count((c) => c.b.length >= 200)).toBeGreaterThan(700);
    expect(count((_, r) => r.bpopular.length > 0)).toBeGreaterThan(400);
    expect(count((c, r) => c.b.length >= 200 && c.autojunk && r.bpopular.length === 0)).toBeGreaterThan(30);
    expect(count((_, r) => r.bjunk.length > 0)).toBeGreaterThan(400);
    expect(count((c) => c.a.length === 0 || c.b.length === 0)).toBeGreaterThan(50);
    expect(count((_, r) => r.blocks.length > 3)).toBeGreaterThan(1_000);
    expect(count((_, r) => r.grouped["3"]!.length > 1)).toBeGreaterThan(300);
    for (const form of ["array", "string", "int32", "objects"]) expect(count((c) => c.form === form)).toBeGreaterThan(100);
  });

  it("returns exactly what difflib returns, for every method and every case", () => {
    const started = performance.now();
    const failures: string[] = [];
    let firstFailure = -1;
    cases.forEach((c, i) => {
      let difference: string | undefined;
      try {
        difference = firstDifference(expected[i], runTypeScript(c), "result");
      } catch (error) {
        difference = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      }
      if (difference) {
        if (firstFailure < 0) firstFailure = i;
        failures.push(`${describeCase(i, c)}\n    first difference: ${difference}`);
      }
    });
    console.log(`difflib oracle: TypeScript answered ${cases.length} cases in ${Math.round(performance.now() - started)} ms`);
    if (failures.length) {
      expect.fail(
        `${failures.length} of ${cases.length} cases differ from difflib (ORACLE_SEED=0x${seed.toString(16)}, ` +
          `Python ${python}). First ${Math.min(5, failures.length)}:\n\n${failures.slice(0, 5).join("\n\n")}`,
      );
    }
  });
});
