// Diff quality on the real pairs of ../shared/corpus (issue 17): per pair, the changed tokens,
// the marks that cross an attribute boundary inside a start tag, the moves found (pairs of
// halves), the moves edited inside, and the hunks of the text output; for this build, or for
// another build and this one side by side.
//
//   node bench/quality.js                    this build (run `npm run build` first)
//   node bench/quality.js --before DIR       a built checkout in DIR too (an older layout works)
//   node bench/quality.js --json             one JSON object per pair and build
//
// A mark is a deleted or inserted run of the text output. It crosses an attribute boundary when
// one of its ends lies inside a start tag, neither in the white space between attributes nor
// with both ends inside one attribute value (or inside the tag's name, for a renamed tag). Tags
// are read here by a small reader of their own, not by the renderer's, so that the count checks
// the renderer.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const HERE = resolve(import.meta.dirname, "..");
// ../shared beside the clone, or beside the folder of worktrees.
const CORPUS = [resolve(HERE, "../shared/corpus"), resolve(HERE, "../../shared/corpus")].find((dir) => existsSync(dir)) ?? resolve(HERE, "../shared/corpus");
const COUNTS = ["tokens", "crossing", "moves", "edited", "hunks"];

/** The build's public API, plus its word segments (under render/report/ or, in older builds, render/). */
async function loadBuild(root) {
  const load = (path) => import(pathToFileURL(join(root, "dist", path)).href);
  const segments = existsSync(join(root, "dist/render/report/segments.js")) ? "render/report/segments.js" : "render/segments.js";
  const [lib, { segmentsOf }] = await Promise.all([load("index.js"), load(segments)]);
  return { ...lib, segmentsOf };
}

/** The corpus pairs of the manifest: name and mode. */
function corpusPairs() {
  const [header, ...rows] = readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n");
  const columns = header.split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return { name: cells[columns.indexOf("name")], mode: cells[columns.indexOf("kind")] === "xml" ? "xml" : "html" };
  });
}

const SPACE = /[\t\n\f\r ]/;

/**
 * Where marks may end inside the start tag `tag`: anywhere in the white space between whole
 * attributes; and the ranges a mark may lie inside: the tag's name and each value, as offsets into `tag`.
 */
export function tagUnits(tag) {
  const edges = new Set();
  const values = [];
  let i = 1;
  while (i < tag.length && !SPACE.test(tag[i]) && tag[i] !== ">" && tag[i] !== "/") i++;
  // A renamed tag's mark lies inside its name: that crosses no attribute either.
  values.push([1, i]);
  edges.add(1);
  for (;;) {
    edges.add(i);
    while (i < tag.length && (SPACE.test(tag[i]) || tag[i] === "/")) edges.add(++i);
    if (i >= tag.length || tag[i] === ">") break;
    const nameStart = i;
    while (i < tag.length && !SPACE.test(tag[i]) && tag[i] !== ">" && tag[i] !== "/" && (tag[i] !== "=" || i === nameStart)) i++;
    let j = i;
    while (j < tag.length && SPACE.test(tag[j])) j++;
    if (tag[j] !== "=") continue;
    j++;
    while (j < tag.length && SPACE.test(tag[j])) j++;
    if (tag[j] === '"' || tag[j] === "'") {
      const close = tag.indexOf(tag[j], j + 1);
      const end = close < 0 ? tag.length : close;
      values.push([j + 1, end]);
      i = Math.min(tag.length, end + 1);
    } else {
      const start = j;
      while (j < tag.length && !SPACE.test(tag[j]) && tag[j] !== ">") j++;
      values.push([start, j]);
      i = j;
    }
  }
  edges.add(tag.length);
  return { edges, values };
}

/** Whether the mark `from..to` (offsets into the tag, either may lie outside it) crosses an attribute boundary. */
export function crossesAttributes(tag, from, to) {
  const { edges, values } = tagUnits(tag);
  const inside = (p) => p > 0 && p < tag.length;
  if (values.some(([s, e]) => from >= s && to <= e)) return false;
  return [from, to].some((p) => inside(p) && !edges.has(p));
}

/** The start tags of a parsed document as sorted spans. */
function startTags(doc) {
  return doc.events.filter((e) => e.kind === "open" && e.end > e.start).map((e) => [e.start, e.end]);
}

/** How many marks of `segments` cross an attribute boundary, on the side each mark is on. */
function crossingMarks(script, segments) {
  const sides = { a: { source: script.a.doc.source, tags: startTags(script.a.doc) }, b: { source: script.b.doc.source, tags: startTags(script.b.doc) } };
  let count = 0;
  for (const seg of segments) {
    if (seg.kind === "equal") continue;
    const side = seg.kind === "delete" ? sides.a : sides.b;
    const from = seg.kind === "delete" ? seg.aOffset : seg.bOffset;
    const to = from + seg.text.length;
    if (tagsAround(side.tags, from, to).some(([s, e]) => crossesAttributes(side.source.slice(s, e), from - s, to - s))) count++;
  }
  return count;
}

/** The tags that hold `from` or `to` strictly inside them (binary search over sorted spans). */
function tagsAround(tags, from, to) {
  const found = [];
  for (const p of [from, to]) {
    let lo = 0;
    let hi = tags.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tags[mid][1] <= p) lo = mid + 1;
      else hi = mid;
    }
    const tag = tags[lo];
    if (tag && tag[0] < p && p < tag[1] && !found.includes(tag)) found.push(tag);
  }
  return found;
}

/** The counts of one pair under one build. */
function measure(build, pair) {
  const dir = join(CORPUS, pair.name);
  const files = readdirSync(dir);
  const read = (prefix) =>
    build.decodeBytes(
      readFileSync(
        join(
          dir,
          files.find((f) => f.startsWith(prefix)),
        ),
      ),
    ).text;
  const script = build.diffDocuments(read("a."), read("b."), { mode: pair.mode });
  const halves = script.changes.filter((c) => c.kind === "move");
  const edited = halves.filter((c) => c.inner !== undefined && c.inner.some((o) => o.tag !== "equal"));
  return {
    tokens: script.stats.inserted + script.stats.deleted,
    crossing: crossingMarks(script, build.segmentsOf(script, "word")),
    moves: halves.length / 2,
    edited: edited.length / 2,
    hunks: build
      .renderText(script)
      .split("\n")
      .filter((line) => line.startsWith("@@")).length,
  };
}

async function main() {
  if (!existsSync(join(CORPUS, "MANIFEST.tsv"))) {
    process.stderr.write(`quality: no corpus at ${CORPUS}; nothing measured\n`);
    return;
  }
  const at = process.argv.indexOf("--before");
  const json = process.argv.includes("--json");
  const builds = [];
  if (at > 0) builds.push(["before", await loadBuild(resolve(process.argv[at + 1]))]);
  builds.push([at > 0 ? "after" : "this build", await loadBuild(HERE)]);
  const head = ["pair", ...COUNTS.flatMap((count) => builds.map(([label]) => (builds.length > 1 ? `${count} ${label}` : count)))];
  if (!json) console.log(`| ${head.join(" | ")} |\n|${head.map(() => " --- ").join("|")}|`);
  const totals = builds.map(() => Object.fromEntries(COUNTS.map((count) => [count, 0])));
  for (const pair of corpusPairs()) {
    const measured = builds.map(([label, build], k) => {
      const m = measure(build, pair);
      for (const count of COUNTS) totals[k][count] += m[count];
      if (json) console.log(JSON.stringify({ pair: pair.name, build: label, ...m }));
      return m;
    });
    if (!json) console.log(`| ${pair.name} | ${COUNTS.flatMap((count) => measured.map((m) => m[count])).join(" | ")} |`);
  }
  if (!json) console.log(`| **total** | ${COUNTS.flatMap((count) => totals.map((t) => t[count])).join(" | ")} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
