// In-process measurement of one pair, in its own process (a fresh heap per pair):
//   node bench/inproc-worker.js '{"a":..., "b":..., "xml":false, "runs":5, "warmup":1}'
// First the floor rounds (both sides), then the diffDocuments + render rounds, in the same
// process. Prints one JSON object.
//
// The floor goes first: timed after diff rounds it came out up to 2x slower (the diff's parser
// makes htmlparser2's callback sites polymorphic, and the diff's garbage is collected during
// floor rounds), which would flatter the ratio. The diff may pay a little for the floor's
// earlier runs in the same way, which errs against htmldiff. No forced gc() between rounds: a
// forced full collection made the next parse 2-10x slower (bimodal), so each diff round pays
// for the garbage of the one before, as real use does.

import { readFileSync } from "node:fs";
import * as lib from "../dist/index.js";
import { floorParse } from "./floor.js";

/** How diffDocuments(a, b) parses two strings: both at once where dist/ has it, else one by one. */
const parseBoth = await import("../dist/events/shared-parse.js").then(
  (m) => (x, y, options) => m.parsePair(x, y, options),
  () => (x, y, options) => [lib.parseDocument(x, options), lib.parseDocument(y, options)],
);

const { a: fileA, b: fileB, xml, runs, warmup } = JSON.parse(process.argv[2]);
const a = readFileSync(fileA, "utf8");
const b = readFileSync(fileB, "utf8");
const mode = xml ? "xml" : "html";
const renderer = typeof lib.renderHtml === "function" ? "renderHtml" : "renderText";
const render = lib[renderer];
const now = () => Number(process.hrtime.bigint()) / 1e6;

const out = { renderer, floor: [], total: [], parse: [], diff: [], render: [], floorCpu: [], totalCpu: [] };
/** CPU time (user + system, ms) of this process, all threads (GC helpers included). */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function floorRound(timed) {
  const c = cpu();
  const t = now();
  floorParse(a, xml);
  floorParse(b, xml);
  if (timed) {
    out.floor.push(now() - t);
    out.floorCpu.push(cpu() - c);
  }
}

// The floor is cheap: 5 warm-up rounds and at least 15 timed ones.
for (let i = 0; i < 5; i++) floorRound(false);
for (let i = 0; i < Math.max(runs, 15); i++) floorRound(true);
for (let i = 0; i < warmup + runs; i++) {
  const c = cpu();
  const t = now();
  // diffDocuments(a, b) parses exactly like this; parsing first only lets the stages be timed.
  const [docA, docB] = parseBoth(a, b, { mode });
  const t1 = now();
  const script = lib.diffDocuments(docA, docB, { mode });
  const t2 = now();
  const text = render(script);
  const t3 = now();
  const c3 = cpu();
  if (i >= warmup) {
    out.totalCpu.push(c3 - c);
    out.total.push(t3 - t);
    out.parse.push(t1 - t);
    out.diff.push(t2 - t1);
    out.render.push(t3 - t2);
  }
  if (i === warmup + runs - 1) {
    out.fallback = script.fallback;
    out.identical = script.identical;
    out.stats = script.stats;
    out.outputChars = text.length;
    out.tokens = [script.a?.tokens?.length, script.b?.tokens?.length];
  }
}
out.floorRuns = out.floor.length;
process.stdout.write(JSON.stringify(out));
