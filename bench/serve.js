// Load test of `htmldiff serve` on loopback (autocannon), bounded to under a minute: requests
// per second and p50/p99 latency of the cached path (If-None-Match answered 304) and of
// uncached 100 KB diffs, at 1, 8 and 64 connections; errors, and the server's memory before
// and after. Compares the uncached time per request with compare() in this process.
// Usage: npm run build && node bench/serve.js [--seconds 5]

import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { buildDocument, corpusPool, mutate, prng, readManifest, syntheticPool } from "./inputs.js";

const BIN = fileURLToPath(new URL("../bin/htmldiff.js", import.meta.url));
const at = process.argv.indexOf("--seconds");
const seconds = at === -1 ? 5 : Number(process.argv[at + 1]);
const CONNECTIONS = [1, 8, 64];

const manifest = readManifest();
const pool = manifest ? corpusPool(manifest) : syntheticPool(1);
const a = buildDocument(pool, 100 * 1024, prng(1001), "htmldiff benchmark 100 KB");
const b = mutate(a, prng(2001)).text;

const workers = availableParallelism();
const server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--workers", String(workers), "--max-queue", "256"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/[^/\s]+)\//.exec(out);
    if (match) resolve(match[1]);
  });
});
try {
  const [ha, hb] = await Promise.all([a, b].map(async (text) => (await (await fetch(`${url}/v1/docs`, { method: "POST", body: text, headers: { "Content-Type": "text/html" } })).json()).sha256));
  const path = `/v1/diff/${ha}/${hb}?format=html`;
  const first = await fetch(`${url}${path}`, { headers: { "Accept-Encoding": "identity" } });
  const etag = first.headers.get("etag");
  await first.arrayBuffer();
  console.log(`htmldiff serve on ${url}, ${workers} workers; 100 KB pair (${a.length} and ${b.length} bytes), ${seconds} s per run`);
  // compare() in this process first, while the server is idle.
  const { compare, compareOptions } = await import("../dist/index.js");
  const request = { a: { name: ha, bytes: Buffer.from(a) }, b: { name: hb, bytes: Buffer.from(b) }, options: compareOptions(), format: "html" };
  for (let i = 0; i < 10; i++) await compare(request);
  const runs = 20;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await compare(request);
  const inProcess = (performance.now() - started) / runs;
  const rssBefore = rss(server.pid);
  const rows = [];
  for (const [name, headers] of [
    ["cached (304)", { "If-None-Match": etag }],
    ["uncached 100 KB diff", { "Accept-Encoding": "identity" }],
  ]) {
    for (const connections of CONNECTIONS) {
      const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds, headers });
      const errors = result.errors + result.timeouts + result.non2xx - (name.startsWith("cached") ? result["3xx"] : 0);
      rows.push({ name, connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors });
      const line = `${name.padEnd(22)} ${String(connections).padStart(3)} conn: ${result.requests.average.toFixed(1).padStart(7)} req/s`;
      console.log(`${line}  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  answered ${result.requests.total}  errors ${errors}  server RSS ${rss(server.pid)} MiB`);
    }
  }
  console.log(`server RSS: ${rssBefore} MiB before, ${rss(server.pid)} MiB after`);
  const single = rows.find((row) => !row.name.startsWith("cached") && row.connections === 1);
  console.log(`compare() in process: ${inProcess.toFixed(1)} ms per diff; served at 1 connection: p50 ${single.p50} ms (${(single.p50 / inProcess).toFixed(2)}×)`);
} finally {
  server.kill("SIGTERM");
}

/** The resident set of a process, in MiB, from /proc. */
function rss(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}
