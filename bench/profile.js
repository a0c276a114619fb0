#!/usr/bin/env node
// Where the time goes: a CPU profile (V8's sampling profiler, through node:inspector) of the
// in-process diff + render on benchmark pairs, summarised by pipeline stage and by function.
//
//   node bench/profile.js [pair ids...] [--runs N] [--save DIR] [--cli]
//
// Default pairs: gen-1m gen-5m. --save writes each .cpuprofile (open in Chrome DevTools).
// --cli profiles one whole CLI process per pair instead (`node --cpu-prof bin/htmldiff.js A B`):
// cold JIT, module loading, reading and writing included; --format F picks its output format
// (default html), e.g. `node bench/profile.js --cli --format text whatwg-html5-index-typo`.
// Run `npm run build` first.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as lib from "../dist/index.js";
import { preparePairs } from "./inputs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv.splice(argv.indexOf(name), 2)[1] : undefined);
const cli = argv.includes("--cli") ? (argv.splice(argv.indexOf("--cli"), 1), true) : false;
const runs = cli ? 1 : Number(flag("--runs") ?? 3);
const save = flag("--save");
const cliFormat = flag("--format");
const ids = argv.length ? argv : ["gen-1m", "gen-5m"];

/** Pipeline stage of a profile node, from its script URL (dist/ mirrors src/). */
function stage(url, fn) {
  if (fn === "(garbage collector)") return "gc";
  if (!url) return fn === "(program)" || fn === "(idle)" ? "other" : "native/builtin";
  if (url.startsWith("node:inspector")) return "profiler";
  if (url.startsWith("node:")) return "node internals (module loading, fs, streams)";
  if (url.includes("/node_modules/htmlparser2/") || url.includes("/node_modules/entities/")) return "parse (htmlparser2)";
  const m = /\/dist\/(.*)\.js$/.exec(url);
  if (!m) return url.includes("/node_modules/") ? "other modules (commander, chalk, …)" : "other";
  const file = m[1];
  if (file.startsWith("cli/")) return "cli";
  if (file.startsWith("read/")) return "read/decode";
  if (file.startsWith("events/")) return "parse (events/)";
  if (file === "text/intern") return "intern";
  if (file.startsWith("text/")) return "tokenize";
  if (file.startsWith("match/")) return "match";
  if (file.startsWith("refine/") || file === "edit-script") return "refine";
  if (file.startsWith("render/") || file.startsWith("html/")) return "render";
  return "other";
}

const bundleMarks = new Map();

/**
 * The URL of the module a function of the CLI's bundle (dist/bundle/) comes from: each bundle
 * file names the module that follows in a `// dist/…` or `// node_modules/…` line (the packages
 * it holds). Other URLs as they are.
 */
function moduleUrl({ url, lineNumber }) {
  if (!/\/dist\/bundle\//.test(url)) return url;
  if (!bundleMarks.has(url)) {
    const marks = [];
    readFileSync(fileURLToPath(url), "utf8")
      .split("\n")
      .forEach((line, i) => /^\/\/ (dist|node_modules)\/\S+\.js$/.test(line) && marks.push([i, line.slice(3)]));
    bundleMarks.set(url, marks);
  }
  const mark = bundleMarks.get(url).findLast(([line]) => line <= lineNumber);
  return mark ? new URL(mark[1], `file://${root}`).href : url;
}

const short = (url) => {
  if (!url) return "";
  const n = /\/node_modules\/(.*)$/.exec(url);
  if (n) return n[1];
  const m = /\/dist\/(.*)\.js$/.exec(url);
  return m ? `src/${m[1]}.ts` : url.replace(/^file:\/\//, "");
};

/**
 * Self time per profile node (from samples and time deltas). Builtins and natives (no URL)
 * are charged to the nearest ancestor in our code, so that e.g. `String.prototype.slice`
 * called by the tokenizer counts for the tokenizer.
 */
function summarise(profile) {
  for (const n of profile.nodes) n.callFrame.url = moduleUrl(n.callFrame);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const stages = new Map();
  const fns = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    let node = byId.get(id);
    const fn = node.callFrame.functionName || "(anonymous)";
    if (fn === "(idle)") continue;
    let owner = node;
    if (!node.callFrame.url && fn !== "(garbage collector)" && fn !== "(program)") {
      let up = parent.get(id);
      while (up != null && !byId.get(up).callFrame.url) up = parent.get(up);
      if (up != null) owner = byId.get(up);
    }
    const st0 = stage(owner.callFrame.url, fn);
    if (st0 === "profiler") continue;
    total += ms;
    const st = stage(owner.callFrame.url, owner === node ? fn : owner.callFrame.functionName);
    stages.set(st, (stages.get(st) ?? 0) + ms);
    const key = `${node.callFrame.functionName || "(anonymous)"}  ${node.callFrame.url ? short(node.callFrame.url) : `[in ${owner.callFrame.functionName || "(anonymous)"} ${short(owner.callFrame.url)}]`}`;
    const f = fns.get(key) ?? { ms: 0, stage: st };
    f.ms += ms;
    fns.set(key, f);
    node = null;
  }
  return { total, stages: [...stages].sort((a, b) => b[1] - a[1]), fns: [...fns].sort((a, b) => b[1].ms - a[1].ms) };
}

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-profile-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const pairs = preparePairs(scratch, { skip5m: !ids.includes("gen-5m") }).filter((p) => ids.includes(p.id));
const render = typeof lib.renderHtml === "function" ? lib.renderHtml : lib.renderText;

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 250 });

if (cli) {
  const dir = join(scratch, "cpuprof");
  // The format npm run bench times: --format html once the CLI has it.
  const help = spawnSync(process.execPath, [join(root, "bin", "htmldiff.js"), "--help"], { encoding: "utf8" }).stdout ?? "";
  const format = cliFormat ? ["--format", cliFormat] : /\bhtml\b/.test(/--format\b[^\n]*(\n {20,}[^\n]*)*/.exec(help)?.[0] ?? "") ? ["--format", "html"] : [];
  for (const pair of pairs) {
    rmSync(dir, { recursive: true, force: true });
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "250", join(root, "bin", "htmldiff.js"), ...format, pair.a, pair.b], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const wall = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`htmldiff exited with ${r.status}`);
    const file = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith(".cpuprofile")),
    );
    const profile = JSON.parse(readFileSync(file, "utf8"));
    if (save) {
      mkdirSync(save, { recursive: true });
      writeFileSync(join(save, `${pair.id}-cli.cpuprofile`), JSON.stringify(profile));
    }
    print(`${pair.id}, whole CLI process${format.length ? ` (--format ${format[1]})` : ""}`, pair, 1, wall, summarise(profile));
  }
  process.exit(0);
}

function print(title, pair, n, wall, s) {
  const pct = (ms) => `${((100 * ms) / s.total).toFixed(1)}%`;
  console.log(`\n### ${title} (${((pair.bytesA + pair.bytesB) / 2 ** 20).toFixed(2)} MB, ${n} run${n > 1 ? "s" : ""}, ${wall.toFixed(0)} ms per run while profiled)\n`);
  console.log("| stage | self time per run | share |\n| --- | --- | --- |");
  for (const [st, ms] of s.stages) console.log(`| ${st} | ${(ms / n).toFixed(0)} ms | ${pct(ms)} |`);
  console.log("\n| function | file | stage | self per run | share |\n| --- | --- | --- | --- | --- |");
  for (const [key, f] of s.fns.slice(0, 25)) {
    const [fn0, file] = key.split("  ");
    const fn = fn0.length > 60 ? `${fn0.slice(0, 57)}…` : fn0;
    console.log(`| ${fn.replace(/\|/g, "/")} | ${file.replace(/\|/g, "/")} | ${f.stage} | ${(f.ms / n).toFixed(1)} ms | ${pct(f.ms)} |`);
  }
}

for (const pair of pairs) {
  const a = readFileSync(pair.a, "utf8");
  const b = readFileSync(pair.b, "utf8");
  const mode = lib.detectMode(pair.a, a.slice(0, 4096));
  render(lib.diffDocuments(a, b, { mode })); // warm-up, not profiled
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) render(lib.diffDocuments(a, b, { mode }));
  const wall = (performance.now() - t0) / runs;
  const { profile } = await session.post("Profiler.stop");
  if (save) {
    mkdirSync(save, { recursive: true });
    writeFileSync(join(save, `${pair.id}.cpuprofile`), JSON.stringify(profile));
  }
  print(pair.id, pair, runs, wall, summarise(profile));
  // Allocation: V8's sampling heap profiler over one more run, counting objects already collected.
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  render(lib.diffDocuments(a, b, { mode }));
  const { profile: heap } = await session.post("HeapProfiler.stopSampling");
  await session.post("HeapProfiler.disable");
  const alloc = new Map();
  const allocFns = new Map();
  let allocTotal = 0;
  const walk = (node, owner) => {
    const here = node.callFrame.url ? node : owner;
    if (node.selfSize && here) {
      const st = stage(here.callFrame.url, here.callFrame.functionName);
      if (st !== "profiler") {
        allocTotal += node.selfSize;
        alloc.set(st, (alloc.get(st) ?? 0) + node.selfSize);
        const key = `${here.callFrame.functionName || "(anonymous)"}  ${short(here.callFrame.url)}`;
        allocFns.set(key, (allocFns.get(key) ?? 0) + node.selfSize);
      }
    }
    for (const c of node.children ?? []) walk(c, here);
  };
  walk(heap.head, null);
  const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;
  console.log(`\nAllocated during one run (sampled, including collected objects): ${mb(allocTotal)}\n`);
  console.log("| stage | allocated | share |\n| --- | --- | --- |");
  for (const [st, n] of [...alloc].sort((x, y) => y[1] - x[1])) console.log(`| ${st} | ${mb(n)} | ${((100 * n) / allocTotal).toFixed(1)}% |`);
  console.log("\n| function | file | allocated |\n| --- | --- | --- |");
  for (const [key, n] of [...allocFns].sort((x, y) => y[1] - x[1]).slice(0, 12)) {
    const [fn, file] = key.split("  ");
    console.log(`| ${fn} | ${file} | ${mb(n)} |`);
  }
}
session.disconnect();
