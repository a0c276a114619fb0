// The `page` output: a standalone review page around the marked document (or source view):
// summary counts, a legend whose chips filter, keys to move between changes, a list of the
// changes, an SVG pair's pictures, light and dark colours, and a Content Security Policy that
// lets no script run but the page's own and no request leave the page.

import { createHash } from "node:crypto";
import type { EditScript } from "../../edit-script.js";
import type { ChangeKind } from "../../types.js";
import { eventTable } from "../../events/event-table.js";
import { writeDocument } from "./document-writer.js";
import { escapeAttribute, escapeText } from "../../html/escape.js";
import { charsetComment, VIEW } from "../../html/marks.js";
import { PAGE_STYLE } from "./page-assets.js";
import { changeItems } from "./page-changes.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { writeSource } from "./source-view.js";
import { isStop } from "./stops.js";

/** Options of {@link renderPage}. */
export interface PageOptions {
  /** How the old and new documents are named in the title and the bar (default: "old", "new"). */
  readonly oldLabel?: string;
  readonly newLabel?: string;
  /** `document` (default for HTML input) or `source` (always so for XML input). */
  readonly view?: "document" | "source";
  /** The charset labels the documents were decoded from, as for renderHtml. */
  readonly charsets?: { readonly old: string; readonly new: string };
}

/** The policy: only the page's own script (by hash), inline styles, images and fonts inlined as data; nothing fetched. */
function securityPolicy(): string {
  const hash = createHash("sha256").update(PAGE_SCRIPT).digest("base64");
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "media-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** The views of the page: name, button text, what it shows. */
const VIEWS = [
  ["marked", "marked", "both documents in one, changes marked"],
  ["old", "old", "the old document, its deletions marked"],
  ["new", "new", "the new document, its insertions marked"],
  ["split", "side by side", "the old and the new document next to each other, scrolled together"],
] as const;

/** Largest SVG document shown as a picture, in characters of source. */
const MAX_PICTURE = 2_000_000;

/**
 * For a pair of SVG documents: the old and new pictures side by side, as images from data URLs
 * (an SVG image runs no script and loads nothing); empty for other documents.
 */
function pictures(script: EditScript): string {
  const isSvg = (side: EditScript["a"]): boolean => {
    const events = eventTable(side.doc);
    let root = 0;
    while (root < events.length && events.kindAt(root) !== "open") root++;
    return root < events.length && /(^|:)svg$/.test(events.nameAt(root)) && side.doc.source.length <= MAX_PICTURE;
  };
  if (script.a.doc.mode !== "xml" || !(isSvg(script.a) || isSvg(script.b))) return "";
  const figure = (side: EditScript["a"], label: string): string => {
    const image = isSvg(side) ? `<img alt="the ${label} picture" src="data:image/svg+xml;base64,${Buffer.from(side.doc.source, "utf8").toString("base64")}">` : "(none)";
    return `<figure>${image}<figcaption>${label}</figcaption></figure>`;
  };
  return `<div class="hd-pictures">${figure(script.a, "old")}${figure(script.b, "new")}</div>`;
}

/** The header's parts, in the order shown: each kind of change a stop can be, and its label. */
const PARTS: readonly (readonly [ChangeKind, string])[] = [
  ["insert", "inserted"],
  ["delete", "deleted"],
  ["replace", "replaced"],
  ["move", "moved"],
  ["tag", "renamed"],
  ["attributes", "attributes changed"],
];

/**
 * Counts for the header, one per kind of change: the page's stops of that kind, so that they add
 * up to its total and match `-f stat` and `-f json` (which count a renamed element's start and
 * end tags as two changes, the page once). A move counts its two halves, and says how many left
 * a place and how many arrived (as the list of changes labels them).
 *
 * @example `<p>Run <strong>the example</strong> now</p>` → `<p>Run the example now</p>`: 2 deleted (the tags)
 */
export function pageCounts(script: EditScript): { kind: ChangeKind; label: string; count: number; away: number }[] {
  const stops = script.changes.filter((_, i) => isStop(script.changes, i));
  const away = stops.filter((c) => c.kind === "move" && script.opcodes[c.op]!.tag === "delete").length;
  return PARTS.map(([kind, label]) => ({ kind, label, count: stops.filter((c) => c.kind === kind).length, away: kind === "move" ? away : 0 }));
}

/** A move's halves in words: how many left a place, how many arrived. */
function moveDetail(count: number, away: number): string {
  return ` (<span class="hd-away">${away}</span> away, <span class="hd-here">${count - away}</span> here)`;
}

/**
 * The review page for a comparison: self-contained HTML that a browser opens without any
 * network request, with the documents' own scripts, handlers and active elements neutralised.
 * `accept` and `reject` give back the two documents from it, as from `renderHtml`.
 *
 * @example writeFileSync("report.html", renderPage(diffDocuments(a, b), { oldLabel: "a.html", newLabel: "b.html" }))
 */
export function renderPage(script: EditScript, options: PageOptions = {}): string {
  const oldLabel = options.oldLabel ?? "old";
  const newLabel = options.newLabel ?? "new";
  const source = options.view === "source" || script.b.doc.mode === "xml";
  const content = source ? writeSource(script, { stops: true, lines: true }) : writeDocument(script, { page: true, fragment: false, stops: true });
  const stops = script.changes.filter((_, i) => isStop(script.changes, i)).length;
  // The page's script recounts the parts (by data-kind) as the chips and the white-space toggle take stops out.
  const counts = pageCounts(script)
    .filter(({ count }) => count > 0)
    .map(({ kind, label, count, away }) => `<li data-kind="${kind}"><b>${count}</b> ${label}${kind === "move" ? moveDetail(count, away) : ""}</li>`)
    .join("");
  // Changes of indentation alone are shown unmarked and are no stops, but -f stat counts them: said apart from the total.
  const reindented = script.changes.filter((c) => c.kind === "reindent").length;
  const unmarked = reindented ? `<li class="hd-also">also ${reindented} re-indented ${reindented === 1 ? "line" : "lines"}, not marked</li>` : "";
  // The legend's chips filter the stops by kind (the page's script reads data-kind).
  const legend = [
    ["hd-ins", "insert", "inserted"],
    ["hd-del", "delete", "deleted"],
    ["hd-move", "move", "moved"],
    ["hd-tag", "tag", "renamed tag"],
    ["hd-attrs", "attributes", "attributes (hover)"],
  ]
    .map(([cls, kind, text]) => `<li><button type="button" class="hd-sample ${cls}" data-kind="${kind}" aria-pressed="true" title="stop at these changes, or not">${text}</button></li>`)
    .join("");
  const title = `htmldiff: ${oldLabel} → ${newLabel}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(securityPolicy())}">`,
    '<meta http-equiv="x-dns-prefetch-control" content="off"><meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">',
    `<title>${escapeText(title)}</title><style>${PAGE_STYLE}</style></head>`,
    '<body class="htmldiff-page hd-view-marked"><header id="htmldiff-bar">',
    `<h1>${escapeText(oldLabel)} → ${escapeText(newLabel)}</h1>`,
    // The script counts the stops it finds into #htmldiff-total; the writer put one before each change counted here.
    `<ul class="hd-counts"><li id="htmldiff-total"><b>${stops}</b> ${stops === 1 ? "change" : "changes"}</li>${script.identical ? "<li>identical</li>" : counts + unmarked}</ul>`,
    `<ul class="hd-legend">${legend}</ul>`,
    // The page's script shows the view chosen here (the marked document by default).
    '<span class="hd-views" id="htmldiff-views" role="group" aria-label="view">',
    ...VIEWS.map(([view, text, title]) => `<button type="button" data-view="${view}" aria-pressed="${view === "marked"}" title="${title}">${text}</button>`),
    "</span>",
    '<label class="hd-toggle" id="htmldiff-ws-toggle"><input type="checkbox" id="htmldiff-ws"> hide white space</label>',
    '<span><button type="button" id="htmldiff-previous" title="previous change (p)">◀ <kbd>p</kbd></button> ',
    '<span id="htmldiff-position"></span> ',
    '<button type="button" id="htmldiff-next" title="next change (n)"><kbd>n</kbd> ▶</button></span>',
    `<details id="htmldiff-list"><summary>list of changes</summary><ol>${changeItems(script)}</ol></details>`,
    '<details id="htmldiff-hidden" hidden><summary>not shown on the page: <b>0</b></summary><ol></ol></details></header>',
    // Everything the page's script finds by id comes before the document, which may use the same ids.
    '<div id="htmldiff-tip" hidden></div><div id="htmldiff-note" hidden></div>',
    `<main id="htmldiff-doc"${source ? "" : ` ${VIEW}="document"`}>${charsetComment(options.charsets)}${source ? pictures(script) : ""}${content}</main>`,
    `<script>${PAGE_SCRIPT}</script></body></html>`,
    "",
  ].join("\n");
}
