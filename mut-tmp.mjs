import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { mutate, prng } from "./bench/inputs.js";
const a = readFileSync("../shared/corpus/aria-tooltip-name-prohibited/a.html", "utf8");
const { text, stats } = mutate(a, prng(7));
mkdirSync("/tmp/ariamut", { recursive: true });
writeFileSync("/tmp/ariamut/a.html", a); writeFileSync("/tmp/ariamut/b.html", text);
console.log(stats);
