// The index page of a folder of review pages (`htmldiff -r -f page -o DIR`).

import { escapeAttribute, escapeText } from "../../html/escape.js";

/**
 * A small standalone page linking each document's review page (`<path>.html`) and listing the
 * other findings (documents on one side only); no script, nothing loaded.
 *
 * @example renderPageIndex("v1", "v2", ["index.html"], ["Only in v2: new.html"]) // "<!doctype html>…"
 */
export function renderPageIndex(oldDir: string, newDir: string, pages: readonly string[], notes: readonly string[]): string {
  const items = pages.map((p) => `<li><a href="${escapeAttribute(encodeURI(`${p}.html`))}">${escapeText(p)}</a></li>`).join("\n");
  const others = notes.map((n) => `<li>${escapeText(n)}</li>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>htmldiff: ${escapeText(oldDir)} → ${escapeText(newDir)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em}code{font-size:90%}</style></head>
<body><h1><code>${escapeText(oldDir)}</code> → <code>${escapeText(newDir)}</code></h1>
<p>${pages.length} changed ${pages.length === 1 ? "document" : "documents"}.</p>
<ul>
${items}
</ul>
${others ? `<h2>Elsewhere</h2>\n<ul>\n${others}\n</ul>\n` : ""}</body></html>
`;
}
