// The review page's own style sheet, inlined into every page (its script is in page-script.ts):
// colours and second cues of the marks, badges for changed attributes, caps on unsized pictures.

/** Elements that show no generated content (void, replaced, table parts): a changed attribute is an outline there, a badge elsewhere. */
const NO_BADGE =
  "img, input, br, hr, wbr, area, col, colgroup, embed, source, track, iframe, video, audio, canvas, select, textarea, svg, math, object, picture, meter, progress, table, thead, tbody, tfoot, tr, td, th, option, optgroup";
/** Elements a block insertion or deletion holds. */
const BLOCKS = "address, article, aside, blockquote, details, dialog, div, dl, fieldset, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, main, nav, ol, p, pre, section, table, ul";
/** Elements that carry an insertion or deletion mark themselves and are laid out as blocks. */
const CLASSED_BLOCKS = "li, dt, dd, td, th, caption, summary, legend";

/** Colours for light and dark schemes; the bar, its panels and the tooltip; the marks with a second cue beyond colour; caps on unsized pictures. */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --hd-ins-bg: #d3f5da; --hd-ins-fg: #04400f; --hd-del-bg: #fde1df; --hd-del-fg: #7a1010;
  --hd-attr: #a25c00; --hd-move: #2457c5; --hd-bar-bg: #f6f8fa; --hd-bar-fg: #1f2328; --hd-line: #d0d7de; --hd-focus: #e3a400; }
@media (prefers-color-scheme: dark) {
  :root { --hd-ins-bg: #113d1d; --hd-ins-fg: #b4f3be; --hd-del-bg: #4d1719; --hd-del-fg: #ffd8d3; --hd-attr: #f0a33a;
    --hd-move: #7ea6ff; --hd-bar-bg: #161b22; --hd-bar-fg: #e6edf3; --hd-line: #30363d; --hd-focus: #f2cc60; }
  body.htmldiff-page { background: #0d1117; color: #e6edf3; }
}
body.htmldiff-page { margin: 0; }
#htmldiff-bar { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px;
  padding: 8px 16px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--hd-bar-bg);
  color: var(--hd-bar-fg); border-bottom: 1px solid var(--hd-line); }
#htmldiff-bar h1 { font-size: 14px; margin: 0; font-weight: 600; }
#htmldiff-bar .hd-counts, #htmldiff-bar .hd-legend { display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 0; padding: 0; list-style: none; }
#htmldiff-bar .hd-also { opacity: 0.7; }
#htmldiff-bar .hd-sample { padding: 0 4px; border-radius: 3px; }
#htmldiff-bar .hd-legend button { padding: 0 6px; border-radius: 3px; border: 0; }
#htmldiff-bar .hd-legend button.hd-ins { background: var(--hd-ins-bg); color: var(--hd-ins-fg); }
#htmldiff-bar .hd-legend button.hd-del { background: var(--hd-del-bg); color: var(--hd-del-fg); }
#htmldiff-bar .hd-legend button[aria-pressed="false"] { opacity: 0.45; text-decoration: none; outline-style: none; box-shadow: inset 0 0 0 1px var(--hd-line); }
#htmldiff-bar button { font: inherit; padding: 2px 10px; border: 1px solid var(--hd-line); border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }
#htmldiff-bar kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--hd-line); border-radius: 3px; padding: 0 3px; }
#htmldiff-doc { padding: 16px; }
:is(ins, del)[data-diff-wrap]:has(> :is(${BLOCKS})) { display: block; }
ins[data-diff-wrap], [data-diff~="ins"], .hd-ins { background: var(--hd-ins-bg); color: var(--hd-ins-fg); text-decoration: underline; text-decoration-thickness: 1px; }
del[data-diff-wrap], [data-diff~="del"], .hd-del { background: var(--hd-del-bg); color: var(--hd-del-fg); text-decoration: line-through; }
ins[data-diff-wrap]:has(> :is(${BLOCKS})), :is(${CLASSED_BLOCKS})[data-diff~="ins"], tr[data-diff~="ins"] > :first-child { border-left: 4px solid var(--hd-ins-fg); padding-left: 6px; }
del[data-diff-wrap]:has(> :is(${BLOCKS})), :is(${CLASSED_BLOCKS})[data-diff~="del"], tr[data-diff~="del"] > :first-child { border-left: 4px dashed var(--hd-del-fg); padding-left: 6px; }
:is([data-diff~="attrs"], [data-diff~="tag"]):is(${NO_BADGE}), .hd-attrs { outline: 2px dashed var(--hd-attr); outline-offset: 1px; }
.hd-tag { outline: 2px dotted var(--hd-attr); outline-offset: 1px; }
:is([data-diff~="attrs"], [data-diff~="tag"]):not(${NO_BADGE})::before { content: "attr"; display: inline-block; margin: 0 3px 0 0; padding: 0 3px; border-radius: 3px;
  font: 600 10px/1.4 ui-monospace, monospace; color: var(--hd-bar-bg); background: var(--hd-attr); text-decoration: none; vertical-align: text-top; cursor: help; }
[data-diff~="tag"]:not(${NO_BADGE})::before { content: "<" attr(data-diff-tag) ">\\2192"; }
[data-diff~="tag"][data-diff~="attrs"]:not(${NO_BADGE})::before { content: "<" attr(data-diff-tag) ">\\2192 attr"; }
/* Deleted or inserted whole so that the markup nests, part of it kept: calm, its changed words marked inside. */
:is(ins, del).diff-replaced, .diff-replaced[data-diff] { color: inherit; text-decoration: none; }
ins.diff-replaced, .diff-replaced[data-diff~="ins"] { background: color-mix(in srgb, var(--hd-ins-bg) 40%, transparent); }
del.diff-replaced, .diff-replaced[data-diff~="del"] { background: color-mix(in srgb, var(--hd-del-bg) 40%, transparent); }
del.diff-reindent { display: none; }
ins.diff-reindent { background: none; color: inherit; text-decoration: none; border: 0; padding: 0; }
.diff-move, .hd-move { outline: 2px solid var(--hd-move); outline-offset: 1px; cursor: pointer; }
/* White space that changed, shown by signs (a struck or underlined blank reads as a hyphen), deleted ones in a dashed box. */
:is(ins, del).hd-ws[data-hd-signs] { text-decoration: none; }
:is(ins, del).hd-ws[data-hd-signs]::before { content: attr(data-hd-signs); display: inline-block; padding: 0 1px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
del.hd-ws[data-hd-signs]::before { outline: 1px dashed var(--hd-del-fg); outline-offset: -1px; }
.hd-hide-ws del.hd-ws { display: none; }
.hd-hide-ws ins.hd-ws::before { content: none; }
.hd-hide-ws ins.hd-ws { background: none; color: inherit; text-decoration: none; border: 0; padding: 0; }
#htmldiff-doc :is(img, video, canvas, iframe, embed, object, svg) { max-width: 100%; }
#htmldiff-doc svg:not([width], [height], [style*="width"], [style*="height"]) { max-width: 3em; max-height: 3em; }
#htmldiff-doc :is(img, video, canvas):not([height], [style*="height"]) { max-height: 24em; }
/* The views: one side's document alone (the other side's marks hidden), or both side by side. */
:is(.hd-view-old #htmldiff-doc, .hd-pane-old) :is(ins[data-diff-wrap], [data-diff~="ins"]),
:is(.hd-view-new #htmldiff-doc, .hd-view-split .hd-pane-new) :is(del[data-diff-wrap], [data-diff~="del"]) { display: none !important; }
:is(.hd-view-old #htmldiff-doc, .hd-pane-old) del.diff-reindent { display: inline; background: none; color: inherit; text-decoration: none; }
.hd-pane-old { display: none; }
.hd-pane-new { display: contents; }
.hd-view-split #htmldiff-doc { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; padding: 0 12px; }
.hd-view-split .hd-pane { display: block; height: calc(100vh - var(--hd-bar-h, 48px)); overflow: auto; padding: 8px; box-sizing: border-box; }
.hd-view-split .hd-pane-old { border-right: 1px solid var(--hd-line); }
#htmldiff-bar .hd-views { display: inline-flex; }
#htmldiff-bar .hd-views button { border-radius: 0; margin-left: -1px; }
#htmldiff-bar .hd-views button:first-child { border-radius: 6px 0 0 6px; }
#htmldiff-bar .hd-views button:last-child { border-radius: 0 6px 6px 0; }
#htmldiff-bar .hd-views button[aria-pressed="true"] { background: var(--hd-line); font-weight: 600; }
.htmldiff-current { box-shadow: 0 0 0 3px var(--hd-focus) !important; }
.htmldiff-current:is([data-diff~="attrs"], [data-diff~="tag"]):not(${NO_BADGE}) { box-shadow: none !important; }
.htmldiff-current:is([data-diff~="attrs"], [data-diff~="tag"]):not(${NO_BADGE})::before { box-shadow: 0 0 0 3px var(--hd-focus); }
[data-diff-as="head"] { display: none; }
[data-diff-as="html"], [data-diff-as="body"] { display: block; }
.hd-pictures { display: flex; flex-wrap: wrap; gap: 16px; margin: 0 0 16px; }
.hd-pictures figure { margin: 0; padding: 8px; border: 1px solid var(--hd-line); background: #fff; text-align: center; }
.hd-pictures img { max-width: min(480px, 42vw); max-height: 360px; }
.hd-pictures figcaption { font: 12px system-ui, sans-serif; color: #555; }
pre.diff-source [data-diff-line]::before, pre.diff-source [data-diff-line]::after { content: attr(data-diff-line-old); display: inline-block; width: 5ch;
  margin-right: 1ch; text-align: right; color: #888; background: none; text-decoration: none; user-select: none; }
pre.diff-source [data-diff-line]::after { content: attr(data-diff-line); margin-right: 2ch; }
pre.diff-source [data-diff-fold] { display: none; }
pre.diff-source .hd-fold::before { content: "\\22EF  " attr(data-label); display: block; padding: 2px 0 2px 14ch; color: var(--hd-move); background: var(--hd-bar-bg); cursor: pointer; }
pre.diff-source .hd-fold.hd-open + [data-diff-fold] { display: inline; }
pre.diff-source { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
#htmldiff-bar details { flex-basis: 100%; }
#htmldiff-bar details > ol { max-height: 40vh; overflow: auto; margin: 4px 0; padding-left: 3.5em; font: 12px/1.5 ui-monospace, monospace; }
/* White space kept in an item's text, not between the items (the script reorders them, leaving the line breaks behind). */
#htmldiff-bar details > ol > li { white-space: pre-wrap; overflow-wrap: anywhere; }
#htmldiff-bar summary { cursor: pointer; }
#htmldiff-bar .hd-kind { font: 600 12px system-ui, sans-serif; }
#htmldiff-bar li.hd-at { background: var(--hd-line); }
#htmldiff-bar .hd-toggle { display: inline-flex; gap: 4px; align-items: center; }
#htmldiff-note { position: fixed; right: 16px; z-index: 2147483647; max-width: 40em; padding: 6px 10px; border-radius: 6px; border: 2px solid var(--hd-focus);
  white-space: pre-wrap; font: 12px/1.4 ui-monospace, monospace; background: var(--hd-bar-bg); color: var(--hd-bar-fg); }
#htmldiff-tip { position: fixed; z-index: 2147483647; max-width: 40em; padding: 6px 8px; border-radius: 6px; white-space: pre-wrap;
  font: 12px/1.4 ui-monospace, monospace; background: var(--hd-bar-fg); color: var(--hd-bar-bg); pointer-events: none; }
`;
