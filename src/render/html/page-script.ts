// The review page's own script, inlined into every page and allowed by its hash in the page's
// Content Security Policy (nothing else may run). Written as text: it runs in the browser.

/**
 * The page's behaviour: one stop per change, found by the stop comments the writer puts where
 * each change starts (the marks up to the next one are its marks), in document order, inside
 * inert templates too; `n`/`p` and the buttons move between stops, `#change-N` names the current
 * one, and a note says what it is; a stop with no visible box (white space between blocks, the
 * head, an element not rendered) scrolls to the nearest visible place and is listed in the "not shown on the
 * page" panel; a white-space change the page lays out is shown by signs (· ⍽ → ↵); the white-space toggle takes white-space changes out of the marks, the stops and
 * the count, and so do the legend's chips for a kind of change (the header's parts are recounted
 * to add up to it); a source view's folded run of unchanged lines opens and closes on a click; the view shows the marked document, the old or
 * the new one, or both side by side, scrolled together; the tooltip shows a changed element's old and new values next to the pointer; a
 * move's halves link to each other.
 */
export const PAGE_SCRIPT = `(() => {
  const byId = (id) => document.getElementById(id);
  const doc = byId("htmldiff-doc"), bar = byId("htmldiff-bar"), position = byId("htmldiff-position");
  const tip = byId("htmldiff-tip"), note = byId("htmldiff-note"), total = byId("htmldiff-total").querySelector("b");
  const list = byId("htmldiff-list"), panel = byId("htmldiff-hidden"), whitespace = byId("htmldiff-ws");
  // The bar is fixed (a wide document scrolls sideways under it): the page starts below it.
  const room = () => {
    document.body.style.paddingTop = bar.offsetHeight + "px";
    document.body.style.setProperty("--hd-bar-h", bar.offsetHeight + "px");
    note.style.top = bar.offsetHeight + 8 + "px";
  };
  // The bar changes height as it wraps, as its panels open and as the script fills it.
  room();
  new ResizeObserver(room).observe(bar);
  const MARKS = "ins[data-diff-wrap], del[data-diff-wrap], [data-diff]";
  const entries = new Map([...list.querySelectorAll("li[data-change]")].map((li) => [li.getAttribute("data-change"), li]));
  const stops = [];
  const hosts = new Map();
  // Side by side: the two panes, and each element of the document with its copy in the old pane, both ways.
  let panes = null;
  const twin = new Map();
  const stack = [doc];
  // Stops whose comments follow each other with no mark between share the marks after them (changes
  // written as one piece, such as a paragraph that had to be shown deleted and inserted whole).
  // Inside such a piece, the words of a change are marked on their own, naming it: they are its marks.
  const own = new Map();
  let open = [];
  while (stack.length) {
    const node = stack.pop();
    if (node.nodeType === 8) {
      if (node.data.startsWith("htmldiff:stop:")) {
        const change = node.data.slice(14);
        const entry = entries.get(change);
        const stop = { anchor: node, els: [], change, entry, ws: !!entry && entry.hasAttribute("data-ws"), text: entry ? entry.textContent : "" };
        if (open.length && open[0].els.length) open = [];
        open.push(stop);
        stops.push(stop);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const named = node.getAttribute("data-diff-change");
    if (named !== null) {
      if (!own.has(named)) own.set(named, []);
      own.get(named).push(node);
    } else if (open.length && node !== doc && node.matches(MARKS)) {
      const els = open[0].els;
      const last = els[els.length - 1];
      if (!last || !last.contains(node)) for (const stop of open) stop.els.push(node);
    }
    let kids = node.childNodes;
    if (node.localName === "template") {
      hosts.set(node.content, node);
      kids = node.content.childNodes;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const boxed = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // The signs of white space, in glyphs common fonts have: · space, ⍽ no-break space, → tab, ↵ line
  // feed, ← carriage return, ␣ any other.
  const SIGNS = { " ": "\\u00b7", "\\u00a0": "\\u237d", "\\t": "\\u2192", "\\n": "\\u21b5", "\\r": "\\u2190" };
  const signs = (text) => [...text].map((c) => SIGNS[c] || "\\u2423").join("");
  const ordered = list.querySelector("ol");
  stops.forEach((stop, i) => {
    if (own.has(stop.change)) stop.els = own.get(stop.change);
    stop.number = i + 1;
    stop.shown = stop.els.some(boxed);
    if (stop.ws) for (const el of stop.els) el.classList.add("hd-ws");
    // White space that takes room on the page is shown by signs beside it (it stays as it is).
    if (stop.ws && stop.shown) for (const el of stop.els) el.setAttribute("data-hd-signs", signs(el.textContent));
    if (!stop.entry) return;
    const link = document.createElement("a");
    link.href = "#change-" + stop.number;
    link.textContent = stop.number;
    stop.entry.prepend(link, " ");
    ordered.append(stop.entry);
  });
  byId("htmldiff-ws-toggle").hidden = !stops.some((stop) => stop.ws);
  // The nearest visible place after a node: a following sibling with a box, else its parent, going up.
  const place = (node) => {
    for (let n = node; n && n !== doc; ) {
      for (let s = n.nextSibling; s; s = s.nextSibling) if (s.nodeType === 1 && boxed(s)) return s;
      const up = hosts.get(n.parentNode) || n.parentNode;
      if (up && up !== doc && up.nodeType === 1 && boxed(up)) return up;
      n = up;
    }
    return doc;
  };
  const reveal = (el) => {
    const box = el.getBoundingClientRect();
    if (box.height > innerHeight / 2 && document.body.classList.contains("hd-view-split")) el.scrollIntoView({ block: "start" });
    else if (box.height > innerHeight / 2) scrollBy(0, box.top - bar.offsetHeight - 16);
    else el.scrollIntoView({ block: "center" });
  };
  let active = [];
  let current = -1;
  const label = () => {
    position.textContent = active.length ? (current >= 0 ? current + 1 : "\\u2013") + " / " + active.length : "no changes";
    total.textContent = active.length;
    total.nextSibling.textContent = active.length === 1 ? " change" : " changes";
  };
  const clear = () => {
    for (const el of doc.querySelectorAll(".htmldiff-current")) el.classList.remove("htmldiff-current");
    for (const li of bar.querySelectorAll("li.hd-at")) li.classList.remove("hd-at");
    note.hidden = true;
  };
  const go = (index) => {
    if (!active.length) return;
    clear();
    current = (index + active.length) % active.length;
    const stop = active[current];
    if (stop.shown) {
      // Side by side, the old pane's copies are marked too; a side's view shows only that side's marks.
      const twins = stop.els.map((el) => twin.get(el)).filter(Boolean);
      for (const el of [...stop.els, ...twins]) el.classList.add("htmldiff-current");
      reveal(stop.els.find(boxed) || twins.find(boxed) || place(stop.anchor));
    } else reveal(place(stop.anchor));
    // What the change is, in words: also for a shown one, whose marks may hold other changes too.
    note.textContent = (stop.shown ? "" : "not shown on the page: ") + stop.text;
    note.hidden = !stop.text;
    if (stop.entry) stop.entry.classList.add("hd-at");
    label();
    history.replaceState(null, "", "#change-" + stop.number);
  };
  // A stop is kept while one of the kinds it shows is chosen: a replacement is a deletion and an insertion.
  const chips = [...bar.querySelectorAll(".hd-legend button[data-kind]")];
  const FACETS = { replace: ["insert", "delete"] };
  const chosen = (stop) => {
    const kind = stop.entry ? stop.entry.getAttribute("data-kind") : "";
    const on = chips.filter((chip) => chip.getAttribute("aria-pressed") === "true").map((chip) => chip.getAttribute("data-kind"));
    return (FACETS[kind] || [kind]).some((facet) => on.includes(facet));
  };
  // The header's parts, one per kind of change: recounted from the stops kept, so that they add up to the total.
  const parts = [...bar.querySelectorAll(".hd-counts li[data-kind]")];
  const recount = () => {
    for (const part of parts) {
      const of = active.filter((stop) => stop.entry && stop.entry.getAttribute("data-kind") === part.getAttribute("data-kind"));
      part.querySelector("b").textContent = of.length;
      part.hidden = !of.length;
      // A move's halves: the list labels each "moved away" or "moved here".
      const away = part.querySelector(".hd-away");
      if (!away) continue;
      away.textContent = of.filter((stop) => stop.entry.querySelector(".hd-kind").textContent === "moved away").length;
      part.querySelector(".hd-here").textContent = of.length - Number(away.textContent);
    }
  };
  const refresh = () => {
    const was = active[current];
    const hideWhitespace = whitespace.checked;
    document.body.classList.toggle("hd-hide-ws", hideWhitespace);
    const kept = (stop) => !(hideWhitespace && stop.ws) && chosen(stop);
    active = stops.filter(kept);
    for (const stop of stops) if (stop.entry) stop.entry.hidden = !kept(stop);
    current = active.indexOf(was);
    if (current < 0) clear();
    const unseen = active.filter((stop) => !stop.shown);
    panel.querySelector("ol").replaceChildren(...unseen.map((stop) => (stop.entry ? stop.entry.cloneNode(true) : document.createElement("li"))));
    panel.querySelector("summary b").textContent = unseen.length;
    panel.hidden = !unseen.length;
    recount();
    label();
    room();
  };
  refresh();
  whitespace.addEventListener("change", refresh);
  for (const chip of chips) {
    chip.addEventListener("click", () => {
      chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "true" ? "false" : "true");
      refresh();
    });
  }
  // The views: the marked document, the old or the new one (the other side's marks hidden), or the
  // two side by side: the old one in a copy of the document, each pane scrolled with the other.
  const views = byId("htmldiff-views");
  const split = () => {
    if (panes) return panes;
    const [oldPane, newPane] = ["old", "new"].map((side) => {
      const pane = document.createElement("div");
      pane.className = "hd-pane hd-pane-" + side;
      return pane;
    });
    newPane.append(...doc.childNodes);
    for (const node of newPane.childNodes) oldPane.append(node.cloneNode(true));
    const walk = (root) => document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    const [a, b] = [walk(newPane), walk(oldPane)];
    for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
      twin.set(x, y);
      twin.set(y, x);
    }
    doc.append(oldPane, newPane);
    const expected = new Map();
    const follow = (from, to) => {
      if (Math.abs(from.scrollTop - (expected.get(from) ?? -1)) < 1) return;
      const top = from.getBoundingClientRect().top;
      const hit = document.elementFromPoint(from.getBoundingClientRect().left + 24, top + 4);
      // The nearest element at or above the pane's top whose copy is shown in the other pane.
      let el = hit && from.contains(hit) && hit !== from ? hit : null;
      for (let steps = 0; el && el !== from && steps < 400; steps++) {
        const other = twin.get(el);
        if (other && boxed(other) && boxed(el)) {
          const offset = el.getBoundingClientRect().top - top;
          to.scrollTop += other.getBoundingClientRect().top - to.getBoundingClientRect().top - offset;
          expected.set(to, to.scrollTop);
          return;
        }
        el = el.previousElementSibling || el.parentElement;
      }
      to.scrollTop = (from.scrollTop / Math.max(1, from.scrollHeight - from.clientHeight)) * (to.scrollHeight - to.clientHeight);
      expected.set(to, to.scrollTop);
    };
    const frame = (from, to) => {
      let queued = false;
      from.addEventListener("scroll", () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          follow(from, to);
        });
      });
    };
    frame(newPane, oldPane);
    frame(oldPane, newPane);
    return (panes = [oldPane, newPane]);
  };
  const show = (view) => {
    if (view === "split") split();
    for (const name of ["marked", "old", "new", "split"]) document.body.classList.toggle("hd-view-" + name, name === view);
    for (const button of views.querySelectorAll("button")) button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    if (view === "split" && current >= 0) go(current);
  };
  views.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-view]");
    if (button) show(button.getAttribute("data-view"));
  });
  const fromAddress = () => {
    const match = /^#change-(\\d+)$/.exec(location.hash);
    const index = match ? active.findIndex((stop) => stop.number === Number(match[1])) : -1;
    if (index >= 0) go(index);
  };
  fromAddress();
  addEventListener("hashchange", fromAddress);
  byId("htmldiff-next").addEventListener("click", () => go(current + 1));
  byId("htmldiff-previous").addEventListener("click", () => go(current - 1));
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest?.("input, textarea, select, [contenteditable]")) return;
    if (event.key === "n" || event.key === "j") go(current + 1);
    else if (event.key === "p" || event.key === "k") go(current - 1);
    else return;
    event.preventDefault();
  });
  // Old and new values as the documents have them: the page's own classes are not the document's.
  const describe = (el) => {
    const lines = [];
    const renamed = el.getAttribute("data-diff-tag");
    if (renamed) lines.push("tag: <" + renamed + "> \\u2192 <" + (el.getAttribute("data-diff-as") || el.localName) + ">");
    // Names after a mark prefix have their odd characters percent-encoded (markName in marks.ts).
    const mark = (name) => name.replace(/[^a-z0-9_:.\\-\\u0080-\\uffff]/gi, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
    const unmark = (name) => name.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    const now = (name) => (name === "class" ? el.getAttribute("data-diff-class") : el.getAttribute(name) ?? el.getAttribute("data-diff-raw-" + mark(name)));
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
  // Next to the pointer; a tall element's values only over the element itself (its badge), not over all it holds.
  doc.addEventListener("mouseover", (event) => {
    const el = event.target.closest && event.target.closest('[data-diff~="attrs"], [data-diff~="tag"], [data-diff-move]');
    const near = el && (el === event.target || el.getBoundingClientRect().height < 160);
    const text = near ? describe(el) : "";
    tip.hidden = !text;
    if (!text) return;
    tip.textContent = text;
    tip.style.left = Math.max(4, Math.min(event.clientX + 12, innerWidth - tip.offsetWidth - 4)) + "px";
    const below = event.clientY + 18;
    tip.style.top = (below + tip.offsetHeight > innerHeight - 4 ? Math.max(4, event.clientY - tip.offsetHeight - 10) : below) + "px";
  });
  doc.addEventListener("mouseleave", () => {
    tip.hidden = true;
  });
  doc.addEventListener("click", (event) => {
    const fold = event.target.closest(".hd-fold");
    if (fold) fold.classList.toggle("hd-open");
    const clicked = event.target.closest("[data-diff-move]");
    // A copy in the old pane stands for the element it copies.
    const el = (panes && panes[0].contains(clicked) ? twin.get(clicked) : clicked) || null;
    if (!el) return;
    const deleted = (x) => x.matches('del, [data-diff~="del"]');
    const id = el.getAttribute("data-diff-move");
    const other = [...(panes ? panes[1] : doc).querySelectorAll("[data-diff-move]")].find((x) => x.getAttribute("data-diff-move") === id && deleted(x) !== deleted(el));
    if (!other) return;
    event.preventDefault();
    const index = active.findIndex((stop) => stop.els.includes(other));
    if (index >= 0) go(index);
    else other.scrollIntoView({ block: "center" });
  });
})();`;
