// The `page` output: a standalone review page around the marked document (or source view):
// summary counts, a legend, keys to move between changes, light and dark colours, and a Content
// Security Policy that lets no script run but the page's own and no request leave the page.

import { createHash } from "node:crypto";
import type { EditScript } from "../../edit-script.js";
import { writeDocument } from "./document-writer.js";
import { fallbacks, layoutOf } from "./layout.js";
import { escapeAttribute, escapeText } from "../../html/escape.js";
import { charsetComment, VIEW } from "../../html/marks.js";
import { PAGE_SCRIPT, PAGE_STYLE } from "./page-assets.js";
import { writeSource } from "./source-view.js";

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

/**
 * Counts for the summary, as the page shows the changes: insertions, deletions, replacements,
 * moves, renamed elements, attribute changes. In the document view, where the writer had to
 * replace more than the script changed (an element deleted and inserted again whole, so that the
 * output nests), that is one replacement, and the changes inside it are not counted again.
 *
 * @example `<p>Run <strong>the example</strong> now</p>` → `<p>Run the example now</p>`: 1 replaced, 0 deleted
 */
export function pageCounts(script: EditScript, view: "document" | "source" = "document"): { label: string; count: number; sample: string }[] {
  const replacedWhole = view === "document" && script.b.doc.mode === "html" ? fallbacks(layoutOf(script).items) : { runs: 0, changes: new Set<number>() };
  // A move's halves are counted as a move wherever they are shown.
  const shown = script.changes.filter((c, i) => c.kind === "move" || !replacedWhole.changes.has(i));
  const count = (kind: string): number => shown.filter((c) => c.kind === kind).length;
  const renamed = script.changes.filter((c, i) => c.kind === "tag" && (c.partner === undefined || c.partner > i) && !replacedWhole.changes.has(i));
  const attributes = count("attributes") + renamed.filter((c) => c.attributes?.length).length;
  return [
    { label: "inserted", count: count("insert"), sample: "hd-ins" },
    { label: "deleted", count: count("delete"), sample: "hd-del" },
    { label: "replaced", count: count("replace") + replacedWhole.runs, sample: "hd-del" },
    { label: "moved", count: count("move") / 2, sample: "hd-move" },
    { label: "renamed", count: renamed.length, sample: "hd-tag" },
    { label: "attributes changed", count: attributes, sample: "hd-attrs" },
  ];
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
  const content = source ? writeSource(script) : writeDocument(script, { page: true, fragment: false });
  const counts = pageCounts(script, source ? "source" : "document")
    .map(({ label, count }) => `<li><b>${count}</b> ${label}</li>`)
    .join("");
  const legend = [
    ["hd-ins", "inserted"],
    ["hd-del", "deleted"],
    ["hd-move", "moved"],
    ["hd-tag", "renamed tag"],
    ["hd-attrs", "attributes (hover)"],
  ]
    .map(([cls, text]) => `<li><span class="hd-sample ${cls}">${text}</span></li>`)
    .join("");
  const title = `htmldiff: ${oldLabel} → ${newLabel}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(securityPolicy())}">`,
    '<meta http-equiv="x-dns-prefetch-control" content="off"><meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">',
    `<title>${escapeText(title)}</title><style>${PAGE_STYLE}</style></head>`,
    '<body class="htmldiff-page"><header id="htmldiff-bar">',
    `<h1>${escapeText(oldLabel)} → ${escapeText(newLabel)}</h1>`,
    `<ul class="hd-counts">${script.identical ? "<li>identical</li>" : counts}</ul>`,
    `<ul class="hd-legend">${legend}</ul>`,
    '<span><button type="button" id="htmldiff-previous" title="previous change (p)">◀ <kbd>p</kbd></button> ',
    '<span id="htmldiff-position"></span> ',
    '<button type="button" id="htmldiff-next" title="next change (n)"><kbd>n</kbd> ▶</button></span></header>',
    // Everything the page's script finds by id comes before the document, which may use the same ids.
    '<div id="htmldiff-tip" hidden></div>',
    `<main id="htmldiff-doc"${source ? "" : ` ${VIEW}="document"`}>${charsetComment(options.charsets)}${content}</main>`,
    `<script>${PAGE_SCRIPT}</script></body></html>`,
    "",
  ].join("\n");
}
