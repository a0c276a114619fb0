// The review page's list of changes: one item per stop, with what changed as text (old → new),
// so that a change the page cannot show in place (in the head, an attribute of an element that
// is not rendered, white space) can still be read. The page's script numbers and orders them.

import type { EditScript } from "../../edit-script.js";
import { eventTable } from "../../events/event-table.js";
import type { AttributeDelta, Change } from "../../types.js";
import { escapeAttribute, escapeText } from "../../html/escape.js";
import { quoteLine } from "../report/quote.js";
import { sideTokens } from "./side-tokens.js";
import { isStop } from "./stops.js";

/** How far back the enclosing element of a change is looked for, in events. */
const LOOK_BACK = 2000;

const KIND_LABEL: Readonly<Record<Change["kind"], string>> = {
  insert: "inserted",
  delete: "deleted",
  replace: "replaced",
  move: "moved",
  attributes: "attributes",
  tag: "renamed",
  reindent: "re-indented",
};

/**
 * One `<li>` per stop of the page, in the order of the edit script: `data-change` (its index),
 * `data-kind`, `data-ws` for a change of white space only, and a line saying what changed.
 *
 * @example changeItems(diffDocuments("<p>a</p>", "<p>b</p>"))
 *   // '<li data-change="0" data-kind="replace"><span class="hd-kind">replaced</span> &lt;p&gt; "a" → "b"</li>'
 */
export function changeItems(script: EditScript): string {
  const out: string[] = [];
  script.changes.forEach((change, index) => {
    if (!isStop(script.changes, index)) return;
    const ws = whitespaceOnly(script, change) ? " data-ws" : "";
    const label = change.kind === "move" ? (script.opcodes[change.op]!.tag === "delete" ? "moved away" : "moved here") : KIND_LABEL[change.kind];
    out.push(`<li data-change="${index}" data-kind="${escapeAttribute(change.kind)}"${ws}><span class="hd-kind">${label}</span> ${escapeText(describeChange(script, change))}</li>`);
  });
  return out.join("\n");
}

/**
 * What a change is, in one line of text: its element, and old → new.
 *
 * @example describeChange(diffDocuments('<a href="/x">a</a>', '<a href="/y">a</a>'), change) // '<a> href: "/x" → "/y"'
 */
export function describeChange(script: EditScript, change: Change): string {
  const code = script.opcodes[change.op]!;
  const spans = script.spansOf(code);
  const oldText = script.a.doc.source.slice(spans.a.start, spans.a.end);
  const newText = script.b.doc.source.slice(spans.b.start, spans.b.end);
  if (change.kind === "attributes" || change.kind === "tag") {
    const renamed = change.kind === "tag" ? `<${change.oldName}> \u2192 <${change.newName}>` : `<${elementAt(script, "b", code.bStart)}>`;
    return [renamed, ...(change.attributes ?? []).map(describeAttribute)].join(" ");
  }
  const where = enclosing(script, code.bEnd > code.bStart ? "b" : "a", code.bEnd > code.bStart ? code.bStart : code.aStart);
  const place = where ? `in <${where}> ` : "";
  if (code.tag === "insert") return `${place}+ ${quoteLine(newText)}`;
  if (code.tag === "delete") return `${place}\u2212 ${quoteLine(oldText)}`;
  return `${place}${quoteLine(oldText)} \u2192 ${quoteLine(newText)}`;
}

function describeAttribute(delta: AttributeDelta): string {
  if (delta.old === null) return `${delta.name}: (added) ${quoteLine(delta.new ?? "")}`;
  if (delta.new === null) return `${delta.name}: ${quoteLine(delta.old)} \u2192 (removed)`;
  return `${delta.name}: ${quoteLine(delta.old)} \u2192 ${quoteLine(delta.new)}`;
}

/** Whether a change's tokens on both sides are all white space. */
function whitespaceOnly(script: EditScript, change: Change): boolean {
  if (change.kind === "attributes" || change.kind === "tag") return false;
  const code = script.opcodes[change.op]!;
  for (let i = code.aStart; i < code.aEnd; i++) if (sideTokens(script, "a").kind(i) !== "space") return false;
  for (let j = code.bStart; j < code.bEnd; j++) if (sideTokens(script, "b").kind(j) !== "space") return false;
  return true;
}

/** The name of the element whose start tag is token `t` of a side. */
function elementAt(script: EditScript, side: "a" | "b", t: number): string {
  const events = eventTable(script[side].doc);
  const e = sideTokens(script, side).event(t);
  const kind = events.kindAt(e);
  return kind === "open" || kind === "close" ? events.nameAt(e) : "";
}

/** The name of the element that holds token `t` of a side (looked for a little way back), or "". */
function enclosing(script: EditScript, side: "a" | "b", t: number): string {
  const events = eventTable(script[side].doc);
  const first = sideTokens(script, side).event(t);
  let depth = 0;
  for (let e = first - 1; e >= 0 && e >= first - LOOK_BACK; e--) {
    const kind = events.kindAt(e);
    if (kind === "close") depth++;
    else if (kind === "open") {
      if (depth === 0) return events.nameAt(e);
      depth--;
    }
  }
  return "";
}
