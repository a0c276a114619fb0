// The source view: the new document's source text, escaped, with deleted old text and inserted
// new text marked as in the document view. Any XML becomes readable in a browser this way.

import type { EditScript } from "../../edit-script.js";
import { escapeText } from "../../html/escape.js";
import { MOVE, REINDENT, VIEW, WRAP } from "../../html/marks.js";
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
  /** Inside the arriving half of an edited move: its edits are marked inside its own `<ins>`. */
  let arriving = false;
  for (const segment of segmentsOf(script, "word")) {
    const text = escapeText(segment.text);
    const { moved } = segment;
    if (arriving && (!segment.inMove || moved)) {
      out.push("</ins>");
      arriving = false;
    }
    if (arriving) {
      const tag = segment.kind === "delete" ? "del" : "ins";
      out.push(segment.inMove === "edit" ? `<${tag} ${WRAP}="${tag}">${text}</${tag}>` : text);
      continue;
    }
    if (segment.kind === "equal") {
      out.push(text);
      continue;
    }
    const tag = segment.kind === "delete" ? "del" : "ins";
    // The same id on both halves: where the block was in the old source, where it is in the new one.
    const id = moved && (moved.side === "to" ? `${moved.otherOffset}-${segment.bOffset}` : `${segment.aOffset}-${moved.otherOffset}`);
    const move = id ? ` class="diff-move" ${MOVE}="${id}"` : segment.reindent ? ` class="${REINDENT}"` : "";
    if (moved?.side === "to" && moved.edited) {
      out.push(`<ins ${WRAP}="ins"${move}>`);
      arriving = true;
      out.push(segment.inMove === "edit" ? `<${tag} ${WRAP}="${tag}">${text}</${tag}>` : text);
      continue;
    }
    out.push(`<${tag} ${WRAP}="${tag}"${move}>${text}</${tag}>`);
  }
  if (arriving) out.push("</ins>");
  out.push("</pre>");
  return out.join("");
}
