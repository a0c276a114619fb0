// diffDocuments(): wires the stages parse -> tokenize -> match and refine -> edit script; no logic of its own.

import { parseDocument, type ParsedDocument } from "./events/parse.js";
import { type DiffOptions, normalizeOptions } from "./options.js";
import { diffTokens } from "./refine/refine.js";
import { EditScript } from "./edit-script.js";
import { KeyTable } from "./text/intern.js";
import { tokenizeKeyed } from "./text/tokens.js";

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
  const table = new KeyTable();
  const keyedA = tokenizeKeyed(docA, opts, table);
  const keyedB = tokenizeKeyed(docB, opts, table);
  const sideA = { doc: docA, tokens: keyedA.tokens, ids: keyedA.ids, ignoredAttributes: keyedA.plan.attributes };
  const sideB = { doc: docB, tokens: keyedB.tokens, ids: keyedB.ids, ignoredAttributes: keyedB.plan.attributes };
  const { opcodes, changes, fallback, unit } = diffTokens(sideA, sideB, opts);
  return new EditScript({ doc: docA, tokens: keyedA.tokens }, { doc: docB, tokens: keyedB.tokens }, opcodes, changes, fallback, unit);
}
