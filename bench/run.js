#!/usr/bin/env node
// `npm run bench`: htmldiff against the parsing floor and the peers, on seeded inputs and the
// large corpus pairs; prints a Markdown table with the targets of issues 5 and 16 and writes
// bench/results.json. See docs/performance.md.
//
//   node bench/run.js [--quick] [--only id,id] [--no-peers]
//
//   --quick     3 runs, no 5 MB pair, no peers, one corpus pair: a check in about 90 seconds
//   --only      only these measurements: pair ids as in the table, r for -r over 1,000 page
//               pairs, 50m for the 50 MB pair and ignore for the cost of three --ignore
//               selectors on gen-1m, e.g. --only gen-1m,gen-5m or --only r,50m or --only ignore
//               (start-up always runs)
//   --no-peers  skip the peers

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS_DIR, preparePairs, prepareTree } from "./inputs.js";
import { median, rssMethod, timeInterleaved } from "./measure.js";
import { measure50m } from "./memory-50m.js";
import { installPeers, PEERS, runPeer } from "./peers.js";
import { changeTargets, report, targets } from "./report.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "htmldiff.js");
const floorCli = join(root, "bench", "floor-cli.js");
const readCli = join(root, "bench", "read-cli.js");
const inprocWorker = join(root, "bench", "inproc-worker.js");
const ignoreWorker = join(root, "bench", "ignore-worker.js");

const argv = process.argv.slice(2);
const options = {
  quick: argv.includes("--quick"),
  peers: !argv.includes("--quick") && !argv.includes("--no-peers"),
  only: argv.includes("--only") ? argv[argv.indexOf("--only") + 1].split(",") : null,
};
const PEER_TIMEOUT_MS = 60_000;
/** The corpus pair of issue 16's typo targets: timed with `--format text` as well. */
const TYPO_PAIR = "whatwg-html5-index-typo";
const log = (msg) => process.stderr.write(`${msg}\n`);
const started = Date.now();
const loadAtStart = loadavg()[0];
if (loadAtStart > 0.7) log(`!! load average ${loadAtStart.toFixed(2)}: other processes are using the CPUs; timings will be noisy.`);

if (!existsSync(join(root, "dist", "index.js"))) {
  log("dist/index.js is missing: run `npm run build` first (npm run bench does).");
  process.exit(2);
}
if (options.peers) installPeers();
const lib = await import(join(root, "dist", "index.js"));
const renderer = typeof lib.renderHtml === "function" ? "renderHtml" : "renderText";

// What the CLI offers today decides what is measured.
const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" }).stdout ?? "";
// --format html once the CLI has it (the option's description lists its choices).
const formatHelp = /--format\b[^\n]*(\n {20,}[^\n]*)*/.exec(help)?.[0] ?? "";
const cliFormat = /\bhtml\b/.test(formatHelp) ? "--format html" : "";
const hasRecursive = /(^|[\s,])-r\b|--recursive\b/m.test(help);
const hasJobs = /(^|[\s,])-j\b|--jobs\b/m.test(help);
const fmtArgs = cliFormat ? cliFormat.split(" ") : [];

/**
 * Runs per measurement, by pair. The corpus pairs (1–2.5 MB a side, no target depends on them)
 * get 3 timed runs and no process warm-up (the in-process worker has just read their files),
 * which keeps a full run to 11–13 minutes here.
 */
function plan(pair) {
  const q = options.quick;
  switch (pair.id) {
    case "gen-10k":
      return { inproc: q ? 9 : 21, warmup: 5, proc: q ? 5 : 11, procWarmup: 1, peers: 3 };
    case "gen-100k":
      return { inproc: q ? 5 : 11, warmup: 3, proc: q ? 3 : 7, procWarmup: 1, peers: 3 };
    default:
      // The typo pair holds targets of issue 16: at least 5 process runs.
      if (pair.id === TYPO_PAIR) return { inproc: 3, warmup: 1, proc: q ? 3 : 5, procWarmup: 1, peers: 1 };
      if (pair.group === "corpus") return { inproc: 3, warmup: 1, proc: 3, procWarmup: 0, peers: 1 };
      return { inproc: q ? 3 : 5, warmup: 1, proc: q ? 3 : 5, procWarmup: 1, peers: 1 };
  }
}

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
process.on("SIGINT", () => process.exit(130));

log(`inputs in ${scratch}`);
const onlyR = options.only?.every((id) => id === "r" || id === "50m");
const allPairs = onlyR ? [] : preparePairs(scratch, { skip5m: options.quick, log });
let pairs = allPairs;
if (options.quick) pairs = pairs.filter((p) => p.group !== "corpus" || p.id === "whatwg-html5-index-typo");
if (options.only) pairs = pairs.filter((p) => options.only.includes(p.id));

// ---------------------------------------------------------------------------------------------
// Start-up

log("start-up: htmldiff on two tiny files vs node -e 0");
const tinyA = join(scratch, "tiny-a.html");
const tinyB = join(scratch, "tiny-b.html");
writeFileSync(tinyA, "<p>one two</p>\n");
writeFileSync(tinyB, "<p>one three</p>\n");
const startupRuns = options.quick ? 9 : 21;
const s = timeInterleaved({ node: ["-e", "0"], cli: [bin, ...fmtArgs, tinyA, tinyB] }, startupRuns, 3);
const startup = { nodeMs: s.node.ms, cliMs: s.cli.ms, ratio: s.cli.ms / s.node.ms, runs: startupRuns };

// ---------------------------------------------------------------------------------------------
// Pairs

const peerNames = PEERS;
// Per peer and group of pairs: the sizes and times it managed, to skip what cannot finish in time.
const peerHistory = {};
const history = (peer, group) => (peerHistory[`${peer}/${group}`] ??= { done: [], failedAt: Infinity });

/**
 * The peer's wall time on `bytes`: its fixed cost (process start, module loading: wall time
 * minus the diff call) plus the call time of its largest pair so far scaled by size, with the
 * exponent seen between its two largest pairs (1 to 2; 1.5 with one pair).
 */
function estimate(h, bytes) {
  const done = h.done.filter((d) => d.bytes <= bytes * 1.2).sort((x, y) => x.bytes - y.bytes);
  if (!done.length) return 0;
  const last = done[done.length - 1];
  let k = 1.5;
  if (done.length >= 2) {
    const prev = done[done.length - 2];
    if (last.bytes > prev.bytes * 1.5) k = Math.log(last.callMs / prev.callMs) / Math.log(last.bytes / prev.bytes);
  }
  return last.ms - last.callMs + last.callMs * (bytes / last.bytes) ** Math.min(2, Math.max(1, k));
}

for (const pair of pairs) {
  const runs = plan(pair);
  const head = readFileSync(pair.a, "utf8").slice(0, 4096);
  pair.mode = lib.detectMode(pair.a, head);
  pair.bytes = pair.bytesA + pair.bytesB;
  const xml = pair.mode === "xml";
  log(`${pair.id} (${(pair.bytes / 1024).toFixed(0)} KB, ${pair.mode}): in-process ×${runs.inproc}`);

  const w = spawnSync(process.execPath, [inprocWorker, JSON.stringify({ a: pair.a, b: pair.b, xml, runs: runs.inproc, warmup: runs.warmup })], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (w.status !== 0) throw new Error(`in-process worker failed on ${pair.id}: ${w.stderr}`);
  const ip = JSON.parse(w.stdout);
  pair.inproc = {
    runs: runs.inproc,
    floorRuns: ip.floorRuns,
    floorMs: median(ip.floor),
    ms: median(ip.total),
    parseMs: median(ip.parse),
    diffMs: median(ip.diff),
    renderMs: median(ip.render),
    floorCpuMs: median(ip.floorCpu),
    cpuMs: median(ip.totalCpu),
    fallback: ip.fallback,
    identical: ip.identical,
    stats: ip.stats,
    tokens: ip.tokens,
    outputChars: ip.outputChars,
    all: ip.total.map(Math.round),
    allFloor: ip.floor.map((x) => Math.round(x * 10) / 10),
  };
  pair.inproc.ratio = pair.inproc.ms / pair.inproc.floorMs;
  pair.inproc.cpuRatio = pair.inproc.cpuMs / pair.inproc.floorCpuMs;

  log(`${pair.id}: processes ×${runs.proc}`);
  const pr = timeInterleaved(
    {
      floor: [floorCli, ...(xml ? ["--xml"] : []), pair.a, pair.b],
      cli: [bin, ...fmtArgs, pair.a, pair.b],
      // On the typo pair, also what reading the two files alone costs: the floor under the peak RSS target.
      ...(pair.id === TYPO_PAIR ? { cliText: [bin, "--format", "text", pair.a, pair.b], read: [readCli, pair.a, pair.b] } : {}),
      // What a user would otherwise run: git's word diff, which knows nothing of markup.
      git: { program: "git", args: ["diff", "--no-index", "--no-color", "--word-diff=plain", pair.a, pair.b] },
    },
    runs.proc,
    runs.procWarmup,
  );
  pair.proc = {
    runs: runs.proc,
    floorMs: pr.floor.ms,
    cliMs: pr.cli.ms,
    ratio: pr.cli.ms / pr.floor.ms,
    cliCpuMs: pr.cli.cpuMs,
    floorCpuMs: pr.floor.cpuMs,
    cpuRatio: pr.cli.cpuMs / pr.floor.cpuMs,
    cliRssMB: pr.cli.rssMB,
    floorRssMB: pr.floor.rssMB,
    all: pr.cli.all,
    allFloor: pr.floor.all,
    gitMs: pr.git.ms,
    gitRssMB: pr.git.rssMB,
    bytesPerInputByte: pr.cli.rssMB == null ? null : (pr.cli.rssMB * 2 ** 20) / pair.bytes,
    text: pr.cliText && {
      ms: pr.cliText.ms,
      cpuMs: pr.cliText.cpuMs,
      rssMB: pr.cliText.rssMB,
      all: pr.cliText.all,
      ratio: pr.cliText.ms / pr.floor.ms,
      gitRatio: pr.cliText.ms / pr.git.ms,
      bytesPerInputByte: pr.cliText.rssMB == null ? null : (pr.cliText.rssMB * 2 ** 20) / pair.bytes,
      readRssMB: pr.read.rssMB,
    },
  };

  if (options.peers) {
    pair.peers = {};
    pair.peerRuns = runs.peers;
    for (const peer of PEERS) {
      // The unrelated pair is extrapolated from the generated ones (same size as gen-1m).
      const h = history(peer, pair.group === "unrelated" ? "generated" : pair.group);
      // The 1 MB pair is a target: every peer runs on it, bounded by the timeout only.
      const must = pair.id === "gen-1m";
      if (!must && pair.bytes >= h.failedAt) {
        pair.peers[peer] = { skipped: `${h.failedHow} on ${h.failedOn}` };
        continue;
      }
      const est = estimate(h, pair.bytes);
      if (!must && est > PEER_TIMEOUT_MS) {
        pair.peers[peer] = { skipped: `est. ${Math.round(est / 1000)} s` };
        continue;
      }
      log(`${pair.id}: ${peer} ×${runs.peers}`);
      const r = runPeer(peer, pair, { runs: runs.peers, timeoutMs: PEER_TIMEOUT_MS, scratch });
      pair.peers[peer] = r;
      if (pair.group === "unrelated") continue;
      if (r.ms != null) h.done.push({ bytes: pair.bytes, ms: r.ms, callMs: r.callMs });
      if ((r.timedOut || r.error) && pair.bytes < h.failedAt) Object.assign(h, { failedAt: pair.bytes, failedOn: pair.id, failedHow: r.timedOut ? "timed out" : "failed" });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// -r over 1,000 small page pairs

let recursive;
if (options.only && !options.only.includes("r")) recursive = { note: "not measured (--only without r)" };
else if (!hasRecursive) recursive = { note: "n/a (no -r yet)" };
else if (!hasJobs) recursive = { note: "n/a (-r but no -j yet)" };
else {
  log("-r: 1,000 page pairs, -j 1 vs -j 2");
  const tree = prepareTree(join(scratch, "tree"), 1000);
  try {
    const runs = options.quick ? 1 : 3;
    // No warm-up: the 2,000 files were just written and are in the page cache.
    const t = timeInterleaved({ j1: [bin, "-r", "-j", "1", ...fmtArgs, tree.a, tree.b], j2: [bin, "-r", "-j", "2", ...fmtArgs, tree.a, tree.b] }, runs, 0);
    recursive = { j1Ms: t.j1.ms, j2Ms: t.j2.ms, speedup: t.j1.ms / t.j2.ms, j1CpuMs: t.j1.cpuMs, j2CpuMs: t.j2.cpuMs, runs };
  } catch (e) {
    recursive = { note: `error: ${e.message.slice(0, 100)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// 50 MB against a lightly edited copy (issue 6): one CLI run, its time and peak RSS

let big;
if (options.quick || (options.only && !options.only.includes("50m"))) big = { note: "not measured (--quick, or --only without 50m)" };
else {
  try {
    big = measure50m({ log });
  } catch (e) {
    big = { note: `error: ${e.message.slice(0, 100)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// The ignore options (issue 18): gen-1m without and with three --ignore selectors, in process

let ignoreCost;
const gen1m = allPairs.find((p) => p.id === "gen-1m");
if (options.only && !options.only.includes("ignore")) ignoreCost = { note: "not measured (--only without ignore)" };
else if (!gen1m) ignoreCost = { note: "not measured (no gen-1m pair)" };
else {
  const runs = options.quick ? 5 : 9;
  log(`ignore: gen-1m without and with three selectors, in process ×${runs}`);
  const w = spawnSync(process.execPath, [ignoreWorker, JSON.stringify({ a: gen1m.a, b: gen1m.b, runs, warmup: 2 })], { encoding: "utf8" });
  if (w.status !== 0) ignoreCost = { note: `error: ${w.stderr.slice(0, 100)}` };
  else {
    const m = JSON.parse(w.stdout);
    ignoreCost = { selectors: m.selectors, runs, plainMs: median(m.plain), ignoreMs: median(m.ignore), ratio: median(m.ignore) / median(m.plain) };
    log(`ignore: median ${ignoreCost.plainMs.toFixed(0)} ms plain, ${ignoreCost.ignoreMs.toFixed(0)} ms with ${m.selectors.join(" | ")} (×${ignoreCost.ratio.toFixed(3)})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const git = (args) => {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};
const commit = git(["rev-parse", "--short", "HEAD"]);
const dirty = git(["status", "--porcelain", "--", "src"]);
const results = {
  date: new Date().toISOString().slice(0, 16).replace("T", " "),
  options,
  machine: {
    cpu: cpus()[0]?.model ?? "unknown CPU",
    cpus: cpus().length,
    memGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    htmlparser2: JSON.parse(readFileSync(join(root, "node_modules", "htmlparser2", "package.json"), "utf8")).version,
    load: [loadAtStart, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
    commit: commit ? `commit ${commit}${dirty ? " + uncommitted src/ changes" : ""},` : null,
  },
  corpus: existsSync(CORPUS_DIR) ? CORPUS_DIR : null,
  renderer,
  cliFormat,
  rssMethod,
  peersRun: options.peers,
  peerNames,
  peerTimeoutMs: PEER_TIMEOUT_MS,
  startup,
  recursive,
  big,
  ignoreCost,
  pairs: pairs.map(({ a, b, ...rest }) => ({ ...rest, a: rest.group === "corpus" ? a : "(generated)", b: rest.group === "corpus" ? b : "(generated)" })),
};
results.targets = targets(results);
results.changeTargets = changeTargets(results);
results.elapsedMs = Date.now() - started;
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${report(results)}\n`);
log("wrote bench/results.json");
