import { readFileSync } from "node:fs";
import { floorParse } from "./bench/floor.js";
import { preparePairs } from "./bench/inputs.js";
import { mkdtempSync } from "node:fs";
const dir = mkdtempSync("/tmp/hdfl-");
const pairs = preparePairs(dir, { skip5m: true });
for (const p of pairs.filter(p=>p.group!=="corpus")) {
  const a = readFileSync(p.a, "utf8"), b = readFileSync(p.b, "utf8");
  const ts = [];
  for (let i = 0; i < 15; i++) { globalThis.gc?.(); const t = performance.now(); floorParse(a, false); floorParse(b, false); ts.push(Math.round(performance.now() - t)); }
  console.log(p.id, ts.join(" "));
}
