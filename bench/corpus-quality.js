#!/usr/bin/env node
// Diff quality on the real pairs of ../shared/corpus: for each pair, the moves found (pairs of
// halves), the moves whose halves differ inside (moved and edited), the hunks of the text output
// and the changed tokens. Run before and after a change of the refine stage and compare.
//
//   node bench/corpus-quality.js [--json] [--dist DIR]
//
//   --json      one JSON object per pair instead of a table
//   --dist DIR  the build to measure (default: this clone's dist/), e.g. another worktree's

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const dist = argv.includes("--dist") ? resolve(argv[argv.indexOf("--dist") + 1]) : join(root, "dist");
const corpus = resolve(root, "..", "..", "shared", "corpus");
if (!existsSync(join(corpus, "MANIFEST.tsv"))) {
  process.stderr.write(`corpus-quality: no corpus at ${corpus}; nothing measured\n`);
  process.exit(0);
}
const lib = await import(join(dist, "index.js"));

const [header, ...rows] = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n");
const columns = header.split("\t");
const results = [];
for (const row of rows) {
  const cells = row.split("\t");
  const name = cells[columns.indexOf("name")];
  const mode = cells[columns.indexOf("kind")] === "xml" ? "xml" : "html";
  const dir = join(corpus, name);
  const files = readdirSync(dir);
  const read = (prefix) => lib.decodeBytes(readFileSync(join(dir, files.find((f) => f.startsWith(prefix))))).text;
  const started = performance.now();
  const script = lib.diffDocuments(read("a."), read("b."), { mode });
  const ms = performance.now() - started;
  const halves = script.changes.filter((c) => c.kind === "move");
  // A move is edited when its halves' opcodes hold different token counts or its change says so.
  const edited = halves.filter((c) => c.inner !== undefined && c.inner.some((o) => o.tag !== "equal"));
  const hunks = lib.renderText(script).split("\n").filter((line) => line.startsWith("@@")).length;
  results.push({
    name,
    moves: halves.length / 2,
    edited: edited.length / 2,
    hunks,
    changedTokens: script.stats.inserted + script.stats.deleted,
    ms: Math.round(ms),
  });
}

if (argv.includes("--json")) {
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  const cols = ["name", "moves", "edited", "hunks", "changedTokens", "ms"];
  process.stdout.write(`| ${cols.join(" | ")} |\n|${cols.map(() => " --- ").join("|")}|\n`);
  for (const r of results) process.stdout.write(`| ${cols.map((c) => r[c]).join(" | ")} |\n`);
}
