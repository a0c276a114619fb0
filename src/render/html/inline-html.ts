// The `html` output: the new document with its changes marked, nothing else added. HTML input is
// written as a document (or only the body's content, for embedding); XML input, or the source
// view on request, as the escaped source text with the same marks.

import type { EditScript } from "../../edit-script.js";
import { writeDocument } from "./document-writer.js";
import { charsetComment } from "../../html/marks.js";
import { writeSource } from "./source-view.js";

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Only the body's content, in `<div class="diff">`, for embedding in another page. */
  readonly fragment?: boolean;
  /** `document` (default for HTML input) or `source`: the source text with the marks (always so for XML input). */
  readonly view?: "document" | "source";
  /** The charset labels the documents were decoded from (`windows-1252`, `utf-16le;bom`): recorded for --accept and --reject when one is not UTF-8. */
  readonly charsets?: { readonly old: string; readonly new: string };
}

/**
 * The new document with deletions and insertions marked (`<del>`/`<ins>` where the content model
 * allows them, classes and `data-diff*` attributes elsewhere); `accept` and `reject` turn it
 * back into either document.
 *
 * @example renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))
 *   // '<p>one <del data-diff-wrap="del">two</del><ins data-diff-wrap="ins">three</ins></p>'
 */
export function renderHtml(script: EditScript, options: HtmlOptions = {}): string {
  const fragment = options.fragment ?? false;
  const body = options.view === "source" || script.b.doc.mode === "xml" ? writeSource(script) : writeDocument(script, { page: false, fragment });
  return fragment ? `<div class="diff">${body}</div>` : `${charsetComment(options.charsets)}${body}`;
}
