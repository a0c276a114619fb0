// The cost of the ignore options (issue 18), in its own process: diffDocuments on one pair
// without ignores and with three selectors, rounds interleaved, after warm-up rounds of each.
//   node bench/ignore-worker.js '{"a":..., "b":..., "runs":7, "warmup":2}'
// Prints one JSON object: the times of each round, per variant.
//
// The selectors match little on purpose: what is measured is the selector machinery (the element
// tree, three selectors tried on every element), not the time saved by comparing less.

import { readFileSync } from "node:fs";
import * as lib from "../dist/index.js";

/** The three selectors of the measurement: an attribute test, a class, a child combinator with :nth-child. */
export const SELECTORS = ["meta[name=generator]", ".build-date", "ul > li:nth-child(3) > a[href$='.min.js']"];

const { a: fileA, b: fileB, runs, warmup } = JSON.parse(process.argv[2]);
const a = readFileSync(fileA, "utf8");
const b = readFileSync(fileB, "utf8");
const now = () => Number(process.hrtime.bigint()) / 1e6;
const variants = { plain: {}, ignore: { ignoreElements: SELECTORS } };
const out = { selectors: SELECTORS, plain: [], ignore: [], identical: {} };

for (let i = 0; i < warmup + runs; i++) {
  // Alternate which variant goes first, so neither always follows the other's garbage.
  const order = i % 2 ? ["ignore", "plain"] : ["plain", "ignore"];
  for (const name of order) {
    const t = now();
    const script = lib.diffDocuments(a, b, variants[name]);
    const ms = now() - t;
    out.identical[name] = script.identical;
    if (i >= warmup) out[name].push(ms);
  }
}
process.stdout.write(JSON.stringify(out));
