// diffDocuments(): wires the stages parse -> tokenize -> match and refine -> edit script; no logic of its own.

import { parseDocument, type ParsedDocument } from "./events/parse.js";
import { type DiffOptions, normalizeOptions } from "./options.js";
import { diffTokens } from "./script/diff-tokens.js";
import { EditScript } from "./script/edit-script.js";
import { tokenize } from "./text/tokens.js";

/**
 * Compares two documents (source text or already parsed) and returns the edit script.
 *
 * @example diffDocuments("<p>one two</p>", "<p>one three</p>").opcodes.map((o) => o.tag)
 *   // ["equal", "replace", "equal"]
 */
export function diffDocuments(a: string | ParsedDocument, b: string | ParsedDocument, options: DiffOptions = {}): EditScript {
  const opts = normalizeOptions(options);
  const docA = typeof a === "string" ? parseDocument(a, { mode: opts.mode ?? "html" }) : a;
  const docB = typeof b === "string" ? parseDocument(b, { mode: opts.mode ?? "html" }) : b;
  const tokensA = tokenize(docA, opts);
  const tokensB = tokenize(docB, opts);
  const { opcodes, fallback } = diffTokens(tokensA, tokensB, opts.algorithm);
  return new EditScript({ doc: docA, tokens: tokensA }, { doc: docB, tokens: tokensB }, opcodes, fallback);
}
