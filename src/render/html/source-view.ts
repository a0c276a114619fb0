// The source view: the new document's source text, escaped, with deleted old text and inserted
// new text marked as in the document view. Any XML becomes readable in a browser this way.

import type { EditScript } from "../../edit-script.js";
import { escapeText } from "../../html/escape.js";
import { MOVE, VIEW, WRAP } from "../../html/marks.js";
import { segmentsOf } from "../report/segments.js";

/**
 * The source of the new document in a `<pre>`, with `<del>`/`<ins>` around changed text. A
 * newline follows the start tag, since HTML drops the first newline of a `<pre>`.
 *
 * @example writeSource(diffDocuments("<a>1</a>", "<a>2</a>", { mode: "xml" }))
 *   // '<pre class="diff-source" data-diff-view="source">\n&lt;a&gt;<del …>1</del><ins …>2</ins>&lt;/a&gt;</pre>'
 */
export function writeSource(script: EditScript): string {
  const out = [`<pre class="diff-source" ${VIEW}="source">\n`];
  for (const segment of segmentsOf(script, "word")) {
    const text = escapeText(segment.text);
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
