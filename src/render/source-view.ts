// The source view: the new document's source text, escaped, with deleted old text and inserted
// new text marked as in the document view. Any XML becomes readable in a browser this way.

import type { EditScript } from "../script/edit-script.js";
import { escapeText } from "./escape.js";
import { MOVE, VIEW, WRAP } from "./marks.js";
import { segmentsOf } from "./segments.js";
import { isStop, stopComment } from "./stops.js";

/**
 * The source of the new document in a `<pre>`, with `<del>`/`<ins>` around changed text. A
 * newline follows the start tag, since HTML drops the first newline of a `<pre>`.
 *
 * @example writeSource(diffDocuments("<a>1</a>", "<a>2</a>", { mode: "xml" }))
 *   // '<pre class="diff-source" data-diff-view="source">\n&lt;a&gt;<del …>1</del><ins …>2</ins>&lt;/a&gt;</pre>'
 */
export function writeSource(script: EditScript, options: { readonly stops?: boolean } = {}): string {
  const out = [`<pre class="diff-source" ${VIEW}="source">\n`];
  let last = -1;
  for (const segment of segmentsOf(script, "word")) {
    const text = escapeText(segment.text);
    const change = segment.change ?? -1;
    if (options.stops && change > last) {
      if (isStop(script.changes, change)) out.push(stopComment(change));
      last = change;
    }
    if (segment.kind === "equal") {
      out.push(text);
      continue;
    }
    const tag = segment.kind === "delete" ? "del" : "ins";
    const { moved } = segment;
    const id = moved && (moved.side === "to" ? `${segment.aOffset}-${moved.otherOffset}` : `${moved.otherOffset}-${segment.bOffset}`);
    const move = id ? ` class="diff-move" ${MOVE}="${id}"` : "";
    out.push(`<${tag} ${WRAP}="${tag}"${move}>${text}</${tag}>`);
  }
  out.push("</pre>");
  return out.join("");
}
