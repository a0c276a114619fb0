// The 50 MB figure of issue 6: a 50 MB document against a lightly edited copy (about 0.1% of
// words edited), through the whole CLI, with its peak RSS, time and whether it fell back to a
// coarser unit. Memory must stay bounded; this is a measurement, not a test.
//
//   node bench/memory-50m.js            (after npm run build; about a minute)
//
// Used by bench/run.js for its "50 MB" row; prints one JSON line when run alone.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildDocument, corpusPool, mutate, prng, readManifest, syntheticPool } from "./inputs.js";
import { timeNode } from "./measure.js";

const BIN = resolve(import.meta.dirname, "..", "bin", "htmldiff.js");
/** Bytes of each side. */
export const BYTES_50M = 50 * 1024 * 1024;

/**
 * Builds the pair in a temporary folder, runs `htmldiff --format html A B > /dev/null` once, and
 * returns { bytesA, bytesB, wallMs, cpuMs, rssMb, status, timedOut, fallback, stderr }.
 */
export function measure50m({ log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "hdbench-50m-"));
  try {
    const manifest = readManifest();
    const pool = manifest ? corpusPool(manifest) : syntheticPool(50);
    log("50 MB: building the pair");
    const a = buildDocument(pool, BYTES_50M, prng(5050), "htmldiff benchmark 50 MB");
    const { text: b } = mutate(a, prng(5051), { rate: 0.001, attrEvery: 500_000, renameEvery: 1_000_000 });
    const [fa, fb] = [join(dir, "a.html"), join(dir, "b.html")];
    writeFileSync(fa, a);
    writeFileSync(fb, b);
    log("50 MB: running the CLI");
    const run = timeNode([BIN, "--format", "html", fa, fb], { timeoutMs: 600_000 });
    return {
      bytesA: Buffer.byteLength(a),
      bytesB: Buffer.byteLength(b),
      wallMs: run.ms,
      cpuMs: run.cpuMs,
      rssMb: run.rssMB,
      status: run.status,
      timedOut: run.timedOut,
      fallback: /past the work budget|fell back|fallback/i.test(run.stderr ?? ""),
      stderr: run.stderr ?? "",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(measure50m({ log: (line) => console.error(line) })));
}
