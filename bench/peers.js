// The peers (their own package in bench/peers) on a pair, each in a child process with a timeout,
// and a check of whether their output keeps all the text of both sides.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { median } from "./measure.js";

export const PEERS = ["htmldiff-js", "node-htmldiff", "visual-dom-diff"];
const worker = new URL("./peer-worker.js", import.meta.url).pathname;
/**
 * The peers' own package (bench/peers/package.json and its lockfile), apart from the project's
 * dev dependencies: node-htmldiff's binary is named htmldiff and would shadow ours in
 * node_modules/.bin.
 */
const peersDir = new URL("./peers", import.meta.url).pathname;

/**
 * Installs the peers into bench/peers/node_modules with `npm ci` when one of them is missing
 * (the first `npm run bench` of a clone); npm's output goes to stderr.
 */
export function installPeers() {
  if (PEERS.every((peer) => existsSync(join(peersDir, "node_modules", peer, "package.json")))) return;
  process.stderr.write(`installing the peers: npm ci --prefix ${peersDir}\n`);
  try {
    execFileSync("npm", ["ci", "--prefix", peersDir, "--no-audit", "--no-fund"], { stdio: ["ignore", 2, 2] });
  } catch {
    process.stderr.write("the peers could not be installed (npm's message above); --no-peers runs without them\n");
    process.exit(2);
  }
}

/**
 * `runs` runs of `peer` on (a, b); stops at the first timeout or failure.
 * Returns { ms (median wall time of the process), callMs (median time of the diff call), runs,
 * timedOut, error, text }.
 */
export function runPeer(peer, pair, { runs, timeoutMs, scratch }) {
  const out = join(scratch, `${peer}-${pair.id}.html`);
  const wall = [];
  const call = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--max-old-space-size=4096", worker, peer, pair.a, pair.b, out], {
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 20,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error?.code === "ETIMEDOUT" || r.signal === "SIGKILL") return { runs: i, timedOut: true, timeoutMs };
    if (r.status !== 0) {
      const msg =
        r.stderr
          .toString()
          .split("\n")
          .find((l) => /Error|error/.test(l)) ?? `exit ${r.status}`;
      return { runs: i, error: msg.trim().slice(0, 120) };
    }
    wall.push(ms);
    call.push(JSON.parse(r.stdout.toString()).ms);
    last = out;
  }
  const text = textKept(readFileSync(pair.a, "utf8"), readFileSync(pair.b, "utf8"), readFileSync(last, "utf8"));
  rmSync(out, { force: true });
  return { ms: median(wall), callMs: median(call), runs, text };
}

const SKIP = new Set(["script", "style", "template", "noscript"]);
/**
 * Phrasing elements: text is joined across their tags. A character-level diff (visual-dom-diff)
 * wraps each changed piece of a word in its own copy of `<code>` or `<a>`, so breaking words at
 * these tags would count `loadst` + `ar` + `t` as lost `loadstart`.
 */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "nobr",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
]);

/**
 * The words of an HTML text, split into the old view (insertions left out) and the new view
 * (deletions left out) of a diff's markup. Text nodes are joined without a break across diff
 * markup and phrasing elements (so a word split by a character-level diff is still one word)
 * and with a break at any other tag. Words are runs of letters and digits, after decoding
 * character references. The same rules apply to A, B and the output.
 */
function views(html) {
  const old = [];
  const neu = [];
  const stack = []; // [role] per open element: "ins", "del" or null
  let skip = 0;
  let ins = 0;
  let del = 0;
  const brk = () => {
    old.push(" ");
    neu.push(" ");
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const cls = ` ${attrs.class ?? ""} `;
        let role = null;
        if (name === "ins" && !/ (mod|vdd-modified) /.test(cls)) role = "ins";
        else if (name === "del") role = "del";
        else if (/ vdd-added /.test(cls) || attrs["data-diff-node"] === "ins") role = "ins";
        else if (/ vdd-removed /.test(cls) || attrs["data-diff-node"] === "del") role = "del";
        if (role === "ins") ins++;
        if (role === "del") del++;
        if (SKIP.has(name)) skip++;
        stack.push({ name, role });
        if (!INLINE.has(name)) brk();
      },
      onclosetag(name) {
        const at = stack.findLastIndex((e) => e.name === name);
        if (at < 0) return;
        for (const e of stack.splice(at)) {
          if (e.role === "ins") ins--;
          if (e.role === "del") del--;
          if (SKIP.has(e.name)) skip--;
        }
        if (!INLINE.has(name)) brk();
      },
      ontext(text) {
        if (skip) return;
        if (!ins) old.push(text);
        if (!del) neu.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const count = (parts) => {
    const m = new Map();
    for (const w of parts.join("").match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  return { old: count(old), neu: count(neu) };
}

/** Words of `want` missing from `have` (counted with multiplicity). */
function missing(want, have) {
  let n = 0;
  for (const [w, c] of want) n += Math.max(0, c - (have.get(w) ?? 0));
  return n;
}

/**
 * Whether the output keeps all the text: its old view has every word of A, its new view every
 * word of B. Returns { kept, lost, words }.
 */
export function textKept(a, b, output) {
  const wa = views(a).old;
  const wb = views(b).neu;
  const o = views(output);
  const lost = missing(wa, o.old) + missing(wb, o.neu);
  let words = 0;
  for (const c of wa.values()) words += c;
  for (const c of wb.values()) words += c;
  return { kept: lost === 0, lost, words };
}
