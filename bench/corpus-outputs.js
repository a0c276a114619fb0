// Writes the html, page, text and json output of every pair of ../shared/corpus into a folder,
// one file per pair and format (with the exit status at the end), so that two builds can be
// compared byte for byte: `node bench/corpus-outputs.js OUT` before and after, then `diff -r`.

import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { existsSync, readFileSync } from "node:fs";
import { CORPUS_DIR as DEFAULT_CORPUS } from "./inputs.js";

const FORMATS = ["html", "page", "text", "json"];
const here = fileURLToPath(new URL(".", import.meta.url));
/** The CLI to run: HTMLDIFF_BIN (a copy of a build, say), else this repository's. */
const bin = process.env.HTMLDIFF_BIN ?? resolve(here, "..", "bin", "htmldiff.js");

const out = process.argv[2];
/** The corpus: HTMLDIFF_CORPUS, else ../shared/corpus beside the repository (a worktree elsewhere names it). */
const CORPUS_DIR = process.env.HTMLDIFF_CORPUS ?? DEFAULT_CORPUS;
if (!out) {
  process.stderr.write("usage: [HTMLDIFF_CORPUS=DIR] [HTMLDIFF_BIN=FILE] node bench/corpus-outputs.js OUT_DIR\n");
  process.exit(2);
}
if (!existsSync(join(CORPUS_DIR, "MANIFEST.tsv"))) {
  process.stderr.write(`no corpus at ${CORPUS_DIR}\n`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const names = readFileSync(join(CORPUS_DIR, "MANIFEST.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((row) => row.split("\t")[0]);
const jobs = names.flatMap((name) => {
  const files = readdirSync(join(CORPUS_DIR, name));
  const side = (prefix) =>
    join(
      CORPUS_DIR,
      name,
      files.find((f) => f.startsWith(prefix)),
    );
  return FORMATS.map((format) => ({ name, format, a: side("a."), b: side("b.") }));
});

/** Runs one job and writes its stdout, stderr and exit status into one file. */
function runJob({ name, format, a, b }) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, "-f", format, "--color", "never", a, b], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("close", (code) => {
      const tail = Buffer.from(`\n--- stderr ---\n${Buffer.concat(stderr).toString()}--- exit ${code} ---\n`);
      writeFileSync(join(out, `${name}.${format}`), Buffer.concat([...stdout, tail]));
      done();
    });
  });
}

const queue = [...jobs];
const workers = Array.from({ length: Math.max(1, Math.min(2, cpus().length)) }, async () => {
  for (let job = queue.shift(); job; job = queue.shift()) await runJob(job);
});
await Promise.all(workers);
process.stdout.write(`${jobs.length} outputs written to ${out}\n`);
