// diffDocuments(): wires the stages parse -> tokenize -> key -> match -> refine; no logic of its own.

import { parseDocument, type ParsedDocument } from "./events/parse.js";
import { align } from "./match/align.js";
import { type DiffOptions, normalizeOptions } from "./options.js";
import { foldConfetti } from "./script/cleanup.js";
import { EditScript } from "./script/edit-script.js";
import { internKeys } from "./text/intern.js";
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
  const [keysA, keysB] = internKeys([tokensA, tokensB]) as [Int32Array, Int32Array];
  const { opcodes, fallback } = align(keysA, keysB, opts.algorithm);
  const refined = foldConfetti(opcodes, tokensA, tokensB);
  return new EditScript({ doc: docA, tokens: tokensA }, { doc: docB, tokens: tokensB }, refined, fallback);
}
