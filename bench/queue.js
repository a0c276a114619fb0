// Throughput of the Redis queue (`htmldiff worker`), bounded to a few minutes: the small page
// pairs of the `-r` measurement, run end to end (enqueue -r, results --wait) with 1 and 2
// worker processes of one thread each against a redis-server of its own on loopback, beside
// `htmldiff -r -j 1` and `-j 2` on the same pairs; the overhead per job is the difference
// from -r divided by the pairs. Workers start before the clock does; node's start-up of the
// enqueue and results processes is counted, as -r's own start-up is.
// Usage: npm run build && node bench/queue.js [--pairs 400]

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareTree } from "./inputs.js";

const BIN = fileURLToPath(new URL("../bin/htmldiff.js", import.meta.url));
const at = process.argv.indexOf("--pairs");
const count = at === -1 ? 400 : Number(process.argv[at + 1]);

if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) {
  console.error("bench/queue.js needs redis-server (apt-get install redis-server)");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "htmldiff-bench-queue-"));
const { a, b } = prepareTree(dir, count);
const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction"], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => redis.stdout.on("data", (chunk) => String(chunk).includes("Ready to accept") && resolve()));

try {
  console.log(
    `${count} page pairs of 2 to 8 KB; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}`,
  );
  const rows = [];
  for (const jobs of [1, 2]) rows.push([`htmldiff -r -j ${jobs}`, await timed(() => run(["-r", "-j", String(jobs), "-f", "text", a, b]))]);
  for (const workers of [1, 2]) rows.push([`queue, ${workers} worker${workers > 1 ? "s" : ""}`, await queueRun(workers)]);
  console.log("| run | seconds | pairs/s |\n| --- | ---: | ---: |");
  for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(2)} | ${(count / seconds).toFixed(1)} |`);
  const overhead = ((rows[2][1] - rows[0][1]) / count) * 1000;
  console.log(`overhead per job (1 worker against -r -j 1): ${overhead.toFixed(1)} ms`);
} finally {
  redis.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

/** Seconds from the start of `enqueue -r` to the last result, with `workers` already waiting for jobs. */
async function queueRun(workers) {
  const queue = `bench${workers}`;
  const started = await Promise.all(Array.from({ length: workers }, () => startWorker(queue)));
  try {
    return await timed(async () => {
      const ids = await run(["enqueue", "--redis", url, "--queue", queue, "-r", a, b]);
      await run(["results", "--redis", url, "--queue", queue, "--wait"], ids);
    });
  } finally {
    await Promise.all(started.map((worker) => new Promise((resolve) => worker.once("exit", resolve).kill("SIGTERM"))));
  }
}

function startWorker(queue) {
  const child = spawn(process.execPath, [BIN, "worker", "--redis", url, "--queue", queue, "--concurrency", "1"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => child.stdout.on("data", (chunk) => String(chunk).includes("taking jobs") && resolve(child)));
}

function run(args, input = "") {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.on("close", () => resolve(out)));
}

async function timed(work) {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
