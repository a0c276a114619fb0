// diffDocuments(): wires the stages parse -> (words around the changes, or) tokenize -> match and refine -> edit script; no logic of its own.

import { omittedTagsToImply } from "./html/implied-tags.js";
import { parseDocument, type ParsedDocument } from "./events/parse.js";
import { parsePair } from "./events/shared-parse.js";
import { type DiffOptions, normalizeOptions } from "./options.js";
import { diffAroundChanges } from "./refine/around-changes.js";
import { diffTokens } from "./refine/refine.js";
import { EditScript } from "./edit-script.js";
import { KeyTable } from "./text/intern.js";
import { tokenizePair } from "./text/shared-tokens.js";
import { columnSide } from "./text/tokens.js";

/**
 * Compares two documents (source text or already parsed) and returns the edit script.
 *
 * @example diffDocuments("<p>one two</p>", "<p>one three</p>").opcodes.map((o) => o.tag)
 *   // ["equal", "replace", "equal"]
 */
export function diffDocuments(a: string | ParsedDocument, b: string | ParsedDocument, options: DiffOptions = {}): EditScript {
  const opts = normalizeOptions(options);
  const mode = opts.mode ?? "html";
  const implied = omittedTagsToImply([a, b].filter((x) => typeof x === "string"));
  const [docA, docB] =
    typeof a === "string" && typeof b === "string"
      ? parsePair(a, b, { mode, implied })
      : [typeof a === "string" ? parseDocument(a, { mode, implied }) : a, typeof b === "string" ? parseDocument(b, { mode, implied }) : b];
  const aroundChanges = diffAroundChanges(docA, docB, opts);
  if (aroundChanges) return aroundChanges;
  const table = new KeyTable();
  const [keyedA, keyedB] = tokenizePair(docA, docB, opts, table);
  const [sideA, sideB] = [columnSide(docA, keyedA), columnSide(docB, keyedB)];
  const { opcodes, changes, coarser } = diffTokens(sideA, sideB, opts);
  return new EditScript(sideA, sideB, opcodes, changes, coarser);
}
