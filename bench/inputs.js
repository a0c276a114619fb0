// Benchmark inputs: generated pairs (seeded, so every run sees the same bytes) and the large
// pairs of ../shared/corpus, which are read in place and never copied into the repository.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "htmlparser2";

const here = fileURLToPath(new URL(".", import.meta.url));
export const CORPUS_DIR = process.env.HTMLDIFF_CORPUS || resolve(here, "..", "..", "shared", "corpus");

/** The large corpus pairs of issue 5, by their MANIFEST name. */
export const CORPUS_PAIRS = [
  "whatwg-html5-index-typo",
  "compat-table-es2016plus-cells",
  "aria-tooltip-name-prohibited",
  "aria-prettier-reflow",
  "ttml2-spec-metadata-wording",
  "shakedracor-macbeth-wikidata",
];

/** Generated pair sizes: bytes of each side. */
export const SIZES = [
  { id: "gen-10k", label: "10 KB", bytes: 10 * 1024 },
  { id: "gen-100k", label: "100 KB", bytes: 100 * 1024 },
  { id: "gen-1m", label: "1 MB", bytes: 1024 * 1024 },
  { id: "gen-5m", label: "5 MB", bytes: 5 * 1024 * 1024 },
];

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const intBelow = (rng, n) => Math.floor(rng() * n);

/** MANIFEST.tsv as objects, or null when the corpus is absent. */
export function readManifest() {
  const file = join(CORPUS_DIR, "MANIFEST.tsv");
  if (!existsSync(file)) return null;
  const [head, ...rows] = readFileSync(file, "utf8").trim().split("\n");
  const cols = head.split("\t");
  return rows.map((row) => Object.fromEntries(row.split("\t").map((v, i) => [cols[i], v])));
}

/** The a/b files of a corpus pair (their extension differs by kind). */
export function corpusFiles(name) {
  const dir = join(CORPUS_DIR, name);
  for (const ext of ["html", "xml", "svg"]) {
    const a = join(dir, `a.${ext}`);
    if (existsSync(a)) return { a, b: join(dir, `b.${ext}`) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cutting real documents into block-sized segments

/** Start tags where a document may be cut: a block begins there. */
const CUT_AT = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "div",
  "table",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "dl",
  "figure",
  "article",
  "aside",
  "header",
  "footer",
  "nav",
  "main",
  "details",
  "form",
  "hr",
]);

/**
 * The body of an HTML document cut at block start tags, as the parser sees them (so never inside
 * a comment, a script or an attribute value).
 */
export function segmentDocument(text) {
  const cuts = [];
  let bodyStart = -1;
  const parser = new Parser(
    {
      onopentagname(name) {
        const start = parser.endIndex - name.length - 1;
        if (name === "body" && bodyStart < 0) bodyStart = start;
        else if (CUT_AT.has(name)) cuts.push(start);
      },
    },
    { decodeEntities: false },
  );
  parser.write(text);
  parser.end();
  let end = text.search(/<\/body\s*>/i);
  if (end < 0) end = text.length;
  const from = bodyStart < 0 ? 0 : text.indexOf(">", bodyStart) + 1;
  const inBody = cuts.filter((c) => c >= from && c < end && text.charCodeAt(c) === 0x3c);
  const segments = [];
  for (let i = 0; i < inBody.length; i++) segments.push(text.slice(inBody[i], i + 1 < inBody.length ? inBody[i + 1] : end));
  return segments.filter((s) => s.length > 0);
}

/** Closing tags for whatever a piece of HTML leaves open, so that pieces do not nest ever deeper. */
function closersFor(html) {
  const stack = [];
  const parser = new Parser(
    {
      onopentag(name) {
        stack.push(name);
      },
      onclosetag(name) {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  return stack
    .reverse()
    .map((n) => `</${n}>`)
    .join("");
}

// ---------------------------------------------------------------------------------------------
// Source pools

/** The HTML documents of the corpus (a sides), cut into segments. */
export function corpusPool(manifest) {
  const pool = [];
  for (const row of manifest) {
    if (row.kind !== "html") continue;
    if (row.name === "aria-prettier-reflow") continue; // the same document as aria-tooltip-name-prohibited
    const files = corpusFiles(row.name);
    if (!files) continue;
    const text = readFileSync(files.a, "utf8");
    if (text.includes("\uFFFD")) continue; // not UTF-8 (ant-credits-latin1)
    const segments = segmentDocument(text);
    if (segments.length >= 10) pool.push({ name: row.name, segments, bytes: segments.reduce((n, x) => n + x.length, 0) });
  }
  return pool;
}

/** Without the corpus: documents of pseudo-words (Zipf-like frequencies) in common block markup. */
export function syntheticPool(seed, docs = 4) {
  const rng = prng(seed);
  const syll = ["ka", "ro", "mi", "te", "su", "na", "lo", "pe", "di", "va", "zu", "ge", "tho", "rin", "ul", "es"];
  const vocab = [];
  for (let i = 0; i < 6000; i++) {
    let w = "";
    const n = 1 + intBelow(rng, 4);
    for (let k = 0; k < n; k++) w += syll[intBelow(rng, syll.length)];
    vocab.push(w);
  }
  const word = () => vocab[Math.floor(vocab.length * rng() ** 3)];
  const sentence = () => {
    const n = 4 + intBelow(rng, 18);
    const out = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (rng() < 0.05) w = `<em>${w}</em>`;
      else if (rng() < 0.04) w = `<a href="#${word()}">${w}</a>`;
      else if (rng() < 0.03) w = `<code>${w}</code>`;
      out.push(w);
    }
    return `${out.join(" ")}.`;
  };
  const pool = [];
  for (let d = 0; d < docs; d++) {
    const segments = [];
    for (let s = 0; s < 3000; s++) {
      const r = rng();
      if (r < 0.08) segments.push(`<h2 id="${word()}-${s}">${sentence()}</h2>\n`);
      else if (r < 0.2) {
        const items = 2 + intBelow(rng, 5);
        let ul = `<ul class="${word()}">\n`;
        for (let i = 0; i < items; i++) ul += `  <li>${sentence()}</li>\n`;
        segments.push(`${ul}</ul>\n`);
      } else if (r < 0.28) {
        let table = `<table class="data">\n`;
        for (let i = 0; i < 3 + intBelow(rng, 4); i++) table += `<tr><td>${word()}</td><td>${word()} ${word()}</td><td data-n="${intBelow(rng, 100)}">${intBelow(rng, 1000)}</td></tr>\n`;
        segments.push(`${table}</table>\n`);
      } else {
        const n = 1 + intBelow(rng, 5);
        const body = Array.from({ length: n }, sentence).join(" ");
        segments.push(`<p>${body.replace(/(.{60,80}) /g, "$1\n")}</p>\n`);
      }
    }
    pool.push({ name: `synthetic-${d}`, segments, bytes: segments.reduce((n, x) => n + x.length, 0) });
  }
  return pool;
}

/**
 * An HTML document of about `bytes` bytes: runs of consecutive segments sampled from the pool,
 * each run closed again, under a fixed head.
 */
export function buildDocument(pool, bytes, rng, title) {
  const parts = [`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n`];
  const tail = "\n</body>\n</html>\n";
  let size = Buffer.byteLength(parts[0]) + tail.length;
  const total = pool.reduce((n, d) => n + d.bytes, 0);
  const pick = () => {
    // A document with probability proportional to its size, so small ones are not repeated often.
    let r = rng() * total;
    for (const d of pool) if ((r -= d.bytes) < 0) return d;
    return pool[pool.length - 1];
  };
  while (size < bytes * 0.97) {
    const doc = pick();
    let i = intBelow(rng, doc.segments.length);
    const runLength = 8 + intBelow(rng, 56);
    let run = "";
    for (let k = 0; k < runLength && i < doc.segments.length; k++, i++) {
      const seg = doc.segments[i];
      const segBytes = Buffer.byteLength(seg);
      if (segBytes > Math.max(bytes / 2, 2048)) continue;
      if (size + segBytes > bytes * 1.03) break;
      run += seg;
      size += segBytes;
    }
    if (!run) continue;
    const closers = closersFor(run);
    parts.push(run, closers, "\n");
    size += closers.length + 1;
  }
  parts.push(tail);
  return parts.join("");
}

// ---------------------------------------------------------------------------------------------
// Mutation: about 1% of words edited, a few attribute changes and tag renames

const RENAME = { b: "strong", strong: "b", i: "em", em: "i", code: "kbd", kbd: "code", span: "mark", dfn: "i", var: "i", cite: "em", small: "sub", sub: "small" };
const RAW = new Set(["script", "style", "textarea", "title"]);

/**
 * A copy of `a` with about `rate` of its words replaced, deleted or followed by a new word, plus
 * one attribute change per `attrEvery` bytes and one tag rename per `renameEvery` bytes.
 */
export function mutate(a, rng, { rate = 0.01, attrEvery = 50_000, renameEvery = 100_000 } = {}) {
  const words = []; // [start, end]
  const tags = []; // [attrStart, tagEnd] : the attribute part of start tags that have one
  const pairs = []; // [openNameStart, closeNameStart, name]
  const open = [];
  let raw = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        open.push([name, parser.endIndex - name.length]);
        if (RAW.has(name)) raw++;
      },
      onopentag() {
        const [, nameStart] = open[open.length - 1];
        const end = parser.endIndex;
        const nameEnd = nameStart + open[open.length - 1][0].length;
        if (a.charCodeAt(end) === 0x3e && end > nameEnd + 1) tags.push([nameEnd, end]);
      },
      onclosetag(name, implied) {
        const at = open.findLastIndex(([n]) => n === name);
        if (at < 0) return;
        const [, nameStart] = open[at];
        open.length = at;
        if (RAW.has(name)) raw = Math.max(0, raw - 1);
        if (implied) return;
        const closeNameStart = parser.endIndex - name.length;
        if (RENAME[name] && a.slice(closeNameStart - 2, closeNameStart).startsWith("</") && a.slice(closeNameStart, closeNameStart + name.length).toLowerCase() === name) {
          pairs.push([nameStart, closeNameStart, name]);
        }
      },
      ontext(text) {
        if (raw) return;
        const start = parser.endIndex + 1 - text.length;
        for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const before = text.charCodeAt(m.index - 1);
          if (before === 0x26 || before === 0x23) continue; // part of a character reference
          words.push([start + m.index, start + m.index + m[0].length]);
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(a);
  parser.end();

  const edits = []; // [start, end, replacement]
  const vocabulary = (i) => {
    const [s, e] = words[intBelow(rng, words.length)];
    return a.slice(s, e) === a.slice(words[i][0], words[i][1]) ? "changed" : a.slice(s, e);
  };
  const stats = { words: words.length, replaced: 0, deleted: 0, inserted: 0, attributes: 0, renames: 0 };
  const chosen = new Set();
  const target = Math.max(1, Math.round(words.length * rate));
  while (chosen.size < Math.min(target, words.length)) chosen.add(intBelow(rng, words.length));
  for (const i of chosen) {
    const [s, e] = words[i];
    const r = rng();
    if (r < 0.6) {
      edits.push([s, e, vocabulary(i)]);
      stats.replaced++;
    } else if (r < 0.8) {
      const spaceAfter = a.charCodeAt(e) === 0x20 ? 1 : 0;
      edits.push([s, e + spaceAfter, ""]);
      stats.deleted++;
    } else {
      edits.push([e, e, ` ${vocabulary(i)}`]);
      stats.inserted++;
    }
  }
  const nAttrs = Math.max(2, Math.round(a.length / attrEvery));
  for (let k = 0; k < nAttrs && tags.length; k++) {
    const [s, e] = tags[intBelow(rng, tags.length)];
    const m = /(\s[\w:-]+\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/.exec(a.slice(s, e));
    if (!m) continue;
    const valueStart = s + m.index + m[1].length;
    edits.push([valueStart, valueStart + m[2].length, `"${(m[3] ?? m[4] ?? m[5]).replace(/[<&"]/g, "")}-edited"`]);
    stats.attributes++;
  }
  const nRenames = Math.max(1, Math.round(a.length / renameEvery));
  for (let k = 0; k < nRenames && pairs.length; k++) {
    const [o, c, name] = pairs[intBelow(rng, pairs.length)];
    edits.push([o, o + name.length, RENAME[name]], [c, c + name.length, RENAME[name]]);
    stats.renames++;
  }

  // Apply from the end; an edit overlapping one already applied is dropped.
  edits.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  const out = [];
  let cursor = a.length;
  for (const [s, e, text] of edits) {
    if (e > cursor) continue;
    out.push(a.slice(e, cursor), text);
    cursor = s;
  }
  out.push(a.slice(0, cursor));
  return { text: out.reverse().join(""), stats };
}

// ---------------------------------------------------------------------------------------------
// The pairs

function write(dir, id, a, b) {
  const pairDir = join(dir, id);
  mkdirSync(pairDir, { recursive: true });
  const fa = join(pairDir, "a.html");
  const fb = join(pairDir, "b.html");
  writeFileSync(fa, a);
  writeFileSync(fb, b);
  return { a: fa, b: fb };
}

/**
 * Every benchmark pair, generated ones written under `dir`.
 * Returns [{ id, label, group, a, b, bytesA, bytesB, note }].
 */
export function preparePairs(dir, { skip5m = false, log = () => {} } = {}) {
  const manifest = readManifest();
  const pairs = [];
  let poolA;
  let poolB;
  let pool;
  if (manifest) {
    pool = corpusPool(manifest);
    // The unrelated pair: one side from the WHATWG documents only, the other from everything else.
    poolA = pool.filter((d) => d.name.startsWith("whatwg-"));
    poolB = pool.filter((d) => !d.name.startsWith("whatwg-"));
    log(`corpus: ${CORPUS_DIR} (${pool.length} HTML documents sampled for generated inputs)`);
  } else {
    log(`!! ${CORPUS_DIR} is absent: only generated inputs (synthetic text) are used; corpus pairs are skipped.`);
    pool = syntheticPool(1);
    poolA = syntheticPool(2);
    poolB = syntheticPool(3);
  }

  SIZES.forEach((size, k) => {
    if (skip5m && size.id === "gen-5m") return;
    const a = buildDocument(pool, size.bytes, prng(1000 + k), `htmldiff benchmark ${size.label}`);
    const { text: b, stats } = mutate(a, prng(2000 + k));
    pairs.push({
      id: size.id,
      label: `generated ${size.label}, ~1% words edited`,
      group: "generated",
      ...write(dir, size.id, a, b),
      bytesA: Buffer.byteLength(a),
      bytesB: Buffer.byteLength(b),
      mutation: stats,
    });
  });

  const ua = buildDocument(poolA, 1024 * 1024, prng(3001), "htmldiff benchmark unrelated A");
  const ub = buildDocument(poolB, 1024 * 1024, prng(3002), "htmldiff benchmark unrelated B");
  pairs.push({
    id: "unrelated-1m",
    label: "unrelated 1 MB (worst case)",
    group: "unrelated",
    ...write(dir, "unrelated-1m", ua, ub),
    bytesA: Buffer.byteLength(ua),
    bytesB: Buffer.byteLength(ub),
  });

  if (manifest) {
    const corpus = [];
    for (const name of CORPUS_PAIRS) {
      const files = corpusFiles(name);
      if (!files) {
        log(`!! corpus pair ${name} not found; skipped`);
        continue;
      }
      corpus.push({
        id: name,
        label: `corpus ${name}`,
        group: "corpus",
        ...files,
        bytesA: readFileSync(files.a).length,
        bytesB: readFileSync(files.b).length,
      });
    }
    // Smallest first, so that a slow peer's time on one can rule it out of the larger ones.
    pairs.push(...corpus.sort((x, y) => x.bytesA + x.bytesB - (y.bytesA + y.bytesB)));
  }
  return pairs;
}

/**
 * `count` small page pairs (a few KB each, about 1% of words edited) for the `-r` measurement,
 * written as dir/a/page-NNNN.html and dir/b/page-NNNN.html.
 */
export function prepareTree(dir, count) {
  const manifest = readManifest();
  const pool = manifest ? corpusPool(manifest) : syntheticPool(4);
  const rng = prng(4001);
  mkdirSync(join(dir, "a"), { recursive: true });
  mkdirSync(join(dir, "b"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const a = buildDocument(pool, 2048 + intBelow(rng, 6144), rng, `page ${i}`);
    const { text: b } = mutate(a, rng, { attrEvery: 1e9, renameEvery: 1e9 });
    const file = `page-${String(i).padStart(4, "0")}.html`;
    writeFileSync(join(dir, "a", file), a);
    writeFileSync(join(dir, "b", file), b);
  }
  return { a: join(dir, "a"), b: join(dir, "b") };
}
