// Seeded random HTML documents that follow HTML's content models (so a browser builds what they
// say) and random mutations of them: word edits, element inserts and deletes, wraps and unwraps,
// attribute changes, renames, moves, table rows and cells, list items.

import fc from "fast-check";

/** An element of a generated document. */
interface El {
  name: string;
  attrs: [string, string][];
  children: Child[];
}
/** A child: an element or text (already escaped markup for text is written by {@link writeDocument}). */
type Child = El | string;

/** A small deterministic random source, so one integer seed gives one document. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const WORDS = ["alpha", "beta", "gamma", "delta", "the", "cat", "sat", "on", "mat", "café", "x<y", "a&b", "naïve", "日本", "it's", "3.14", "fish,", "end."];
const INLINE = ["b", "i", "em", "strong", "span", "code", "a"];
const FLOW = new Set(["body", "div", "section", "blockquote", "li", "dd", "td", "th"]);
const PHRASING = new Set(["p", "h2", "h3", "b", "i", "em", "strong", "span", "code", "a", "dt"]);
/** Renames that keep the content valid. */
const RENAMES = [
  ["b", "i", "em", "strong", "span", "code"],
  ["h2", "h3", "p"],
  ["div", "section", "blockquote"],
  ["ul", "ol"],
  ["td", "th"],
];

const el = (name: string, children: Child[] = [], attrs: [string, string][] = []): El => ({ name, attrs, children });

function words(r: Random, n = 1 + r.int(4)): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(" ");
}

function attrs(r: Random): [string, string][] {
  const out: [string, string][] = [];
  if (r.int(3) === 0) out.push(["class", r.pick(["note", "big issue", "x"])]);
  if (r.int(4) === 0) out.push(["id", `id${r.int(50)}`]);
  if (r.int(6) === 0) out.push(["title", r.pick(['say "hi"', "a & b", ""])]);
  return out;
}

function inline(r: Random, depth: number, insideA = false): Child[] {
  const out: Child[] = [];
  const n = 1 + r.int(4);
  for (let k = 0; k < n; k++) {
    const roll = r.int(12);
    if (roll < 6 || depth > 2) out.push((k ? " " : "") + words(r));
    else if (roll < 9) {
      const name = r.pick(insideA ? INLINE.filter((x) => x !== "a") : INLINE);
      const a = name === "a" ? [["href", r.pick(["/cart", "/basket", "#top", "https://example.com/?a=1&b=2"])] as [string, string]] : attrs(r);
      out.push(" ", el(name, inline(r, depth + 1, insideA || name === "a"), a));
    } else if (roll === 9)
      out.push(
        " ",
        el(
          "img",
          [],
          [
            ["src", r.pick(["a.png", "b.png"])],
            ["alt", words(r, 1)],
          ],
        ),
      );
    else if (roll === 10) out.push(el("br"));
    else out.push(" ", el("svg", [el("circle", [], [["r", String(1 + r.int(5))]])], [["viewBox", "0 0 10 10"]]));
  }
  return out;
}

function block(r: Random, depth: number): El {
  const roll = depth > 2 ? r.int(3) : r.int(11);
  switch (roll) {
    case 0:
    case 1:
      return el("p", inline(r, depth), attrs(r));
    case 2:
      return el(r.pick(["h2", "h3"]), inline(r, depth));
    case 3:
      return el(
        r.pick(["ul", "ol"]),
        Array.from({ length: 1 + r.int(4) }, () => listItem(r, depth)),
      );
    case 4:
      return table(r);
    case 5:
      return el(r.pick(["div", "section", "blockquote"]), blocks(r, depth + 1), attrs(r));
    case 6:
      return el("dl", [el("dt", inline(r, depth)), el("dd", inline(r, depth))]);
    case 7:
      return el("pre", [`\n${words(r)}\n  ${words(r)}`]);
    case 8:
      return el("select", [el("option", [words(r, 1)]), el("option", [words(r, 1)], [["selected", ""]])], [["name", "s"]]);
    case 9:
      return el("script", [`if (a < b && c) { run("${words(r, 1)}"); }`]);
    default:
      return el("hr");
  }
}

function listItem(r: Random, depth: number): El {
  return el("li", r.int(4) === 0 && depth < 3 ? blocks(r, depth + 1) : inline(r, depth));
}

function table(r: Random): El {
  const rows = Array.from({ length: 1 + r.int(3) }, () => row(r));
  return el("table", [el("tbody", rows)], r.int(2) ? [["role", "presentation"]] : []);
}

function row(r: Random): El {
  return el(
    "tr",
    Array.from({ length: 1 + r.int(3) }, () => el(r.int(4) ? "td" : "th", inline(r, 2))),
  );
}

function blocks(r: Random, depth: number): Child[] {
  return Array.from({ length: 1 + r.int(depth > 1 ? 2 : 4) }, () => block(r, depth));
}

/** A random document: doctype, head with a title (and maybe a style and meta), a body of blocks. */
function randomDocument(seed: number): El {
  const r = new Random(seed);
  const head: Child[] = [el("title", [words(r, 2)])];
  if (r.int(2))
    head.push(
      el(
        "meta",
        [],
        [
          ["name", "description"],
          ["content", words(r)],
        ],
      ),
    );
  if (r.int(3) === 0) head.push(el("style", ["p > b { color: red }"]));
  return el("html", [el("head", head), el("body", blocks(r, 0))], [["lang", "en"]]);
}

/** What a mutation does. */
const MUTATIONS = ["word", "insert", "delete", "wrap", "unwrap", "attribute", "rename", "move", "row", "cell", "item"] as const;

interface Place {
  parent: El;
  index: number;
}

/** Every element below `root` with its parent and index. */
function places(root: El): Place[] {
  const out: Place[] = [];
  const stack: El[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    node.children.forEach((child, index) => {
      if (typeof child !== "string") {
        out.push({ parent: node, index });
        stack.push(child);
      }
    });
  }
  return out;
}

const named = (place: Place): El => place.parent.children[place.index] as El;
const isFlow = (e: El): boolean => FLOW.has(e.name);

/** Applies one mutation in place; `x` and `y` choose where, and what when there is a choice. Does nothing when nothing fits. */
function mutate(doc: El, kind: (typeof MUTATIONS)[number], x: number, y: number): void {
  const r = new Random(x * 7919 + y);
  const all = places(doc).filter((p) => named(p).name !== "head" && named(p).name !== "body" && p.parent.name !== "head");
  const choose = (filter: (p: Place) => boolean): Place | undefined => {
    const fits = all.filter(filter);
    return fits.length ? fits[x % fits.length] : undefined;
  };
  const body = doc.children[1] as El;
  switch (kind) {
    case "word": {
      const owners = all.map(named).filter((e) => !["script", "style", "pre", "option", "title"].includes(e.name));
      const texts = owners.flatMap((e) => e.children.flatMap((c, i) => (typeof c === "string" ? [[e, i] as const] : [])));
      const hit = texts[x % Math.max(1, texts.length)];
      if (!hit) return;
      const [owner, i] = hit;
      const parts = (owner.children[i] as string).split(" ");
      const at = y % parts.length;
      if (y % 3 === 0) parts[at] = r.pick(WORDS);
      else if (y % 3 === 1) parts.splice(at, 0, r.pick(WORDS));
      else if (parts.length > 1) parts.splice(at, 1);
      owner.children[i] = parts.join(" ");
      return;
    }
    case "insert": {
      const target = choose((p) => isFlow(named(p)) || PHRASING.has(named(p).name)) ?? { parent: doc, index: 1 };
      const host = named(target);
      const child = isFlow(host) ? block(r, 2) : (inline(r, 1, host.name === "a" || insideA(doc, host)).find((c) => typeof c !== "string") ?? "x");
      host.children.splice(y % (host.children.length + 1), 0, child);
      return;
    }
    case "delete": {
      const target = choose((p) => !["tbody", "tr"].includes(p.parent.name) || p.parent.children.length > 1);
      if (target) target.parent.children.splice(target.index, 1);
      return;
    }
    case "wrap": {
      const target = choose((p) => PHRASING.has(named(p).name) || isFlow(named(p)));
      if (!target) return;
      const host = named(target);
      const from = y % Math.max(1, host.children.length);
      const count = 1 + (x % 2);
      const run = host.children.slice(from, from + count);
      if (!run.length) return;
      const blocky = run.some((c) => typeof c !== "string" && !INLINE.includes(c.name) && !["img", "br", "svg"].includes(c.name));
      if (!isFlow(host) && blocky) return;
      const wrapper = blocky ? r.pick(["div", "section"]) : r.pick(["b", "i", "span"]);
      host.children.splice(from, run.length, el(wrapper, run));
      return;
    }
    case "unwrap": {
      const target = choose((p) => ["b", "i", "em", "strong", "span", "code", "div", "section", "blockquote"].includes(named(p).name) && (isFlow(p.parent) || INLINE.includes(named(p).name)));
      if (target) target.parent.children.splice(target.index, 1, ...named(target).children);
      return;
    }
    case "attribute": {
      const target = choose((p) => !["html", "title"].includes(named(p).name));
      if (!target) return;
      const e = named(target);
      if (y % 3 === 0 || !e.attrs.length)
        e.attrs.push([r.pick(["data-x", "class", "style", "hidden"]).replace(/^class$/, e.attrs.some(([n]) => n === "class") ? "data-y" : "class"), r.pick(["1", "color: red", "", "a b"])]);
      else if (y % 3 === 1) e.attrs[y % e.attrs.length]![1] += "-changed";
      else e.attrs.splice(y % e.attrs.length, 1);
      return;
    }
    case "rename": {
      const target = choose((p) => RENAMES.some((g) => g.includes(named(p).name)) && !(named(p).name === "p" && p.parent.name === "a"));
      if (!target) return;
      const e = named(target);
      const group = RENAMES.find((g) => g.includes(e.name))!;
      const to = group[(group.indexOf(e.name) + 1 + (y % (group.length - 1))) % group.length]!;
      if (group.includes("p") && e.children.some((c) => typeof c !== "string" && !INLINE.includes(c.name) && !["img", "br", "svg"].includes(c.name))) return;
      e.name = to;
      return;
    }
    case "move": {
      const blocksInBody = body.children.map((c, i) => [c, i] as const).filter(([c]) => typeof c !== "string");
      if (blocksInBody.length < 2) return;
      const [moved, from] = blocksInBody[x % blocksInBody.length]!;
      body.children.splice(from, 1);
      body.children.splice(y % (body.children.length + 1), 0, moved);
      return;
    }
    case "row":
    case "cell": {
      const target = choose((p) => named(p).name === (kind === "row" ? "tbody" : "tr"));
      if (!target) return;
      const host = named(target);
      if (y % 2 && host.children.length > 1) host.children.splice(y % host.children.length, 1);
      else host.children.splice(y % (host.children.length + 1), 0, kind === "row" ? row(r) : el("td", inline(r, 2)));
      return;
    }
    case "item": {
      const target = choose((p) => named(p).name === "ul" || named(p).name === "ol");
      if (!target) return;
      const host = named(target);
      if (y % 2 && host.children.length > 1) host.children.splice(y % host.children.length, 1);
      else host.children.splice(y % (host.children.length + 1), 0, listItem(r, 2));
    }
  }
}

function insideA(doc: El, target: El): boolean {
  const stack: [El, boolean][] = [[doc, false]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, inA] = next;
    if (node === target) return inA;
    for (const c of node.children) if (typeof c !== "string") stack.push([c, inA || node.name === "a"]);
  }
  return false;
}

const VOID = new Set(["img", "br", "hr", "meta", "input", "circle"]);
const RAW = new Set(["script", "style"]);

/** Markup for a generated document; block children are indented on their own lines. */
function writeDocument(doc: El): string {
  const out: string[] = ["<!DOCTYPE html>\n"];
  const stack: (Child | { close: string })[] = [doc];
  const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parents: string[] = [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node === "string") {
      out.push(RAW.has(parents[parents.length - 1] ?? "") ? node : escape(node));
      continue;
    }
    if ("close" in node) {
      out.push(node.close);
      parents.pop();
      continue;
    }
    const a = node.attrs.map(([n, v]) => ` ${n}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`).join("");
    const blockish = FLOW.has(node.name) || ["ul", "ol", "table", "tbody", "tr", "dl", "html", "head", "select"].includes(node.name);
    out.push(`<${node.name}${a}>`);
    if (VOID.has(node.name)) continue;
    parents.push(node.name);
    stack.push({ close: `</${node.name}>${blockish ? "\n" : ""}` });
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]!);
      if (blockish && typeof node.children[i] !== "string") stack.push("\n  ");
    }
  }
  return out.join("");
}

/** A document and a mutation of it (one to four mutations), as markup. */
export const documentAndMutation = (): fc.Arbitrary<{ a: string; b: string; mutations: string[] }> =>
  fc
    .record({
      seed: fc.integer(),
      mutations: fc.array(fc.tuple(fc.constantFrom(...MUTATIONS), fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 4 }),
    })
    .map(({ seed, mutations }) => {
      const a = randomDocument(seed);
      const b = randomDocument(seed);
      for (const [kind, x, y] of mutations) mutate(b, kind, x, y);
      return { a: writeDocument(a), b: writeDocument(b), mutations: mutations.map(([k, x, y]) => `${k}(${x},${y})`) };
    });
