// The review page's own style sheet and script, inlined into every page. The script is allowed
// by its hash in the page's Content Security Policy; nothing else may run.

/** Colours for light and dark schemes, the bar, the marks, the tooltip. */
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
#htmldiff-bar .hd-sample { padding: 0 4px; border-radius: 3px; }
#htmldiff-bar button { font: inherit; padding: 2px 10px; border: 1px solid var(--hd-line); border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }
#htmldiff-bar kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--hd-line); border-radius: 3px; padding: 0 3px; }
#htmldiff-doc { padding: 16px; }
:is(ins, del)[data-diff-wrap]:has(> :is(address, article, aside, blockquote, details, dialog, div, dl, fieldset, figure, footer, form,
  h1, h2, h3, h4, h5, h6, header, hr, main, nav, ol, p, pre, section, table, ul)) { display: block; }
ins[data-diff-wrap], [data-diff~="ins"], .hd-ins { background: var(--hd-ins-bg); color: var(--hd-ins-fg); text-decoration: underline; text-decoration-thickness: 1px; }
del[data-diff-wrap], [data-diff~="del"], .hd-del { background: var(--hd-del-bg); color: var(--hd-del-fg); text-decoration: line-through; }
[data-diff~="attrs"], .hd-attrs { outline: 2px dashed var(--hd-attr); outline-offset: 1px; }
[data-diff~="tag"], .hd-tag { outline: 2px dotted var(--hd-attr); outline-offset: 1px; }
[data-diff~="tag"]::before { content: "<" attr(data-diff-tag) ">\\2192"; font: 11px ui-monospace, monospace; color: var(--hd-attr); }
del.diff-reindent { display: none; }
ins.diff-reindent { background: none; color: inherit; text-decoration: none; }
.diff-move, .hd-move { outline: 2px solid var(--hd-move); outline-offset: 1px; cursor: pointer; }
.htmldiff-current { box-shadow: 0 0 0 3px var(--hd-focus) !important; }
[data-diff-as="head"] { display: none; }
[data-diff-as="html"], [data-diff-as="body"] { display: block; }
pre.diff-source { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
#htmldiff-tip { position: fixed; z-index: 2147483647; max-width: 40em; padding: 6px 8px; border-radius: 6px; white-space: pre-wrap;
  font: 12px/1.4 ui-monospace, monospace; background: var(--hd-bar-fg); color: var(--hd-bar-bg); pointer-events: none; }
`;

/** Next/previous change keys and buttons, the hover tooltip of old values, and the link between a move's halves. */
export const PAGE_SCRIPT = `(() => {
  const doc = document.getElementById("htmldiff-doc");
  const position = document.getElementById("htmldiff-position");
  const tip = document.getElementById("htmldiff-tip");
  // The bar is fixed (a wide document scrolls sideways under it): the page starts below it.
  const bar = document.getElementById("htmldiff-bar");
  const room = () => { document.body.style.paddingTop = bar.offsetHeight + "px"; };
  room();
  addEventListener("resize", room);
  const selector = "ins[data-diff-wrap], del[data-diff-wrap], [data-diff]";
  const marks = [...doc.querySelectorAll(selector)].filter((el) => !el.parentElement.closest(selector) && !el.classList.contains("diff-reindent") && el.getClientRects().length > 0);
  const adjacent = (a, b) => {
    let node = a.nextSibling;
    while (node && node.nodeType === 3 && !node.data.trim()) node = node.nextSibling;
    return node === b;
  };
  const stops = [];
  for (const el of marks) {
    const last = stops[stops.length - 1];
    if (last && adjacent(last[last.length - 1], el)) last.push(el);
    else stops.push([el]);
  }
  let current = -1;
  const go = (index) => {
    if (!stops.length) return;
    if (current >= 0) for (const el of stops[current]) el.classList.remove("htmldiff-current");
    current = (index + stops.length) % stops.length;
    for (const el of stops[current]) el.classList.add("htmldiff-current");
    stops[current][0].scrollIntoView({ block: "center" });
    position.textContent = (current + 1) + " / " + stops.length;
  };
  position.textContent = stops.length ? "– / " + stops.length : "no changes shown";
  document.getElementById("htmldiff-next").addEventListener("click", () => go(current + 1));
  document.getElementById("htmldiff-previous").addEventListener("click", () => go(current - 1));
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest?.("input, textarea, select, [contenteditable]")) return;
    if (event.key === "n" || event.key === "j") go(current + 1);
    else if (event.key === "p" || event.key === "k") go(current - 1);
    else return;
    event.preventDefault();
  });
  const describe = (el) => {
    const lines = [];
    const renamed = el.getAttribute("data-diff-tag");
    if (renamed) lines.push("tag: <" + renamed + "> \\u2192 <" + (el.getAttribute("data-diff-as") || el.localName) + ">");
    // Names after a mark prefix have their odd characters percent-encoded (markName in marks.ts).
    const mark = (name) => name.replace(/[^a-z0-9_:.\\-\\u0080-\\uffff]/gi, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
    const unmark = (name) => name.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    const now = (name) => el.getAttribute(name) ?? el.getAttribute("data-diff-raw-" + mark(name));
    for (const attr of el.attributes) {
      if (!attr.name.startsWith("data-diff-old-")) continue;
      const name = unmark(attr.name.slice("data-diff-old-".length));
      const value = now(name);
      lines.push(name + ": " + JSON.stringify(attr.value) + " \\u2192 " + (value === null ? "(removed)" : JSON.stringify(value)));
    }
    for (const name of (el.getAttribute("data-diff-added") || "").split(" ").filter(Boolean)) lines.push(name + ": (added) " + JSON.stringify(now(name)));
    if (el.hasAttribute("data-diff-move")) lines.push("moved: click to see the other place");
    return lines.join("\\n");
  };
  doc.addEventListener("mouseover", (event) => {
    const el = event.target.closest('[data-diff~="attrs"], [data-diff~="tag"], [data-diff-move]');
    const text = el ? describe(el) : "";
    tip.hidden = !text;
    if (!text) return;
    tip.textContent = text;
    const box = el.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(box.left, innerWidth - tip.offsetWidth - 4)) + "px";
    tip.style.top = (box.bottom + 6 + tip.offsetHeight > innerHeight ? box.top - tip.offsetHeight - 6 : box.bottom + 6) + "px";
  });
  doc.addEventListener("click", (event) => {
    const el = event.target.closest("[data-diff-move]");
    if (!el) return;
    const deleted = (x) => x.matches('del, [data-diff~="del"]');
    const id = el.getAttribute("data-diff-move");
    const other = [...doc.querySelectorAll("[data-diff-move]")].find((x) => x.getAttribute("data-diff-move") === id && deleted(x) !== deleted(el));
    if (!other) return;
    event.preventDefault();
    const index = stops.findIndex((stop) => stop.includes(other));
    if (index >= 0) go(index);
    else other.scrollIntoView({ block: "center" });
  });
})();`;
