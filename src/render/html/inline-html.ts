// The `html` output: the new document with its changes marked, nothing else added. HTML input is
// written as a document (or only the body's content, for embedding); XML input, or the source
// view on request, as the escaped source text with the same marks.

import type { EditScript } from "../../edit-script.js";
import { writeDocument } from "./document-writer.js";
import { charsetComment, UNCHANGED } from "../../html/marks.js";
import { writeSource } from "./source-view.js";

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Only the body's content, in `<div class="diff">`, for embedding in another page. */
  readonly fragment?: boolean;
  /**
   * With `fragment`: keep the documents' scripts, `on…` handlers, `javascript:` URLs and loads as
   * they are. Without it a fragment is neutralised as the review page is, since it is embedded
   * in another page (a whole document is the document itself, never neutralised).
   */
  readonly keepScripts?: boolean;
  /** `document` (default for HTML input) or `source`: the source text with the marks (always so for XML input). */
  readonly view?: "document" | "source";
  /** The charset labels the documents were decoded from (`windows-1252`, `utf-16le;bom`): recorded for --accept and --reject when one is not UTF-8. */
  readonly charsets?: { readonly old: string; readonly new: string };
}

/**
 * The new document with deletions and insertions marked (`<del>`/`<ins>` where the content model
 * allows them, classes and `data-diff*` attributes elsewhere); `accept` and `reject` turn it
 * back into either document. Output of documents with no differences begins with
 * `<!--htmldiff:unchanged-->`, its one mark, which tells `--accept` that it is output, not any page.
 *
 * @example renderHtml(diffDocuments("<p>one two</p>", "<p>one three</p>"))
 *   // '<p>one <del data-diff-wrap="del">two</del><ins data-diff-wrap="ins">three</ins></p>'
 */
export function renderHtml(script: EditScript, options: HtmlOptions = {}): string {
  const fragment = options.fragment ?? false;
  const source = options.view === "source" || script.b.doc.mode === "xml";
  const body = source ? writeSource(script) : writeDocument(script, { page: fragment && !options.keepScripts, fragment });
  if (fragment) return `<div class="diff">${body}</div>`;
  // A document with nothing marked would be any page: the comment tells --accept it is output.
  const unchanged = script.identical && !source ? `<!--${UNCHANGED}-->` : "";
  return `${charsetComment(options.charsets)}${unchanged}${body}`;
}
