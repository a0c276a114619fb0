#!/usr/bin/env node
// Where the time goes: a CPU profile (V8's sampling profiler, through node:inspector) of the
// in-process diff + render on benchmark pairs, summarised by pipeline stage and by function.
//
//   node bench/profile.js [pair ids...] [--runs N] [--save DIR]
//
// Default pairs: gen-1m gen-5m. --save writes each .cpuprofile (open in Chrome DevTools).
// Run `npm run build` first.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as lib from "../dist/index.js";
import { preparePairs } from "./inputs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv.splice(argv.indexOf(name), 2)[1] : undefined);
const runs = Number(flag("--runs") ?? 3);
const save = flag("--save");
const ids = argv.length ? argv : ["gen-1m", "gen-5m"];

/** Pipeline stage of a profile node, from its script URL (dist/ mirrors src/). */
function stage(url, fn) {
  if (fn === "(garbage collector)") return "gc";
  if (!url) return fn === "(program)" || fn === "(idle)" ? "other" : "native/builtin";
  if (url.startsWith("node:inspector")) return "profiler";
  if (url.includes("/node_modules/htmlparser2/") || url.includes("/node_modules/entities/")) return "parse (htmlparser2)";
  const m = /\/dist\/(.*)\.js$/.exec(url);
  if (!m) return url.includes("/node_modules/") ? "other module" : "other";
  const file = m[1];
  if (file.startsWith("events/")) return "parse (events/)";
  if (file === "text/intern") return "intern";
  if (file.startsWith("text/")) return "tokenize";
  if (file.startsWith("match/")) return "match";
  if (file.startsWith("script/")) return "refine";
  if (file.startsWith("render/")) return "render";
  return "other";
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
  const s = summarise(profile);
  const pct = (ms) => `${((100 * ms) / s.total).toFixed(1)}%`;
  console.log(`\n### ${pair.id} (${((pair.bytesA + pair.bytesB) / 2 ** 20).toFixed(2)} MB, ${runs} runs, ${wall.toFixed(0)} ms per run while profiled)\n`);
  console.log("| stage | self time per run | share |\n| --- | --- | --- |");
  for (const [st, ms] of s.stages) console.log(`| ${st} | ${(ms / runs).toFixed(0)} ms | ${pct(ms)} |`);
  console.log("\n| function | file | stage | self per run | share |\n| --- | --- | --- | --- | --- |");
  for (const [key, f] of s.fns.slice(0, 25)) {
    const [fn, file] = key.split("  ");
    console.log(`| ${fn} | ${file.replace(/\|/g, "/")} | ${f.stage} | ${(f.ms / runs).toFixed(1)} ms | ${pct(f.ms)} |`);
  }
}
session.disconnect();
void root;
