// diffDocuments(): wires the stages parse -> (words around the changes, or) tokenize -> match and refine -> edit script; no logic of its own.
// diffForHunks(): the same over the documents' heads, for the reports of hunks (text, term).

import { omittedTagsToImply } from "./html/implied-tags.js";
import { parseDocument, type ParsedDocument } from "./events/parse.js";
import { type HeadCut, parseHeads, parsePair } from "./events/shared-parse.js";
import { type DiffOptions, normalizeOptions } from "./options.js";
import { diffAroundChanges } from "./refine/around-changes.js";
import { budgetGrows, diffTokens } from "./refine/refine.js";
import { EditScript, onWholeSources } from "./edit-script.js";
import { KeyTable } from "./text/intern.js";
import { tokenizePair } from "./text/shared-tokens.js";
import { columnSide, eventLocal } from "./text/tokens.js";

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

/**
 * The edit script of `a` and `b` for a report of hunks (`renderText`), made from their heads
 * only when they share a long end (see `parseHeads`): the text after the last change is then
 * never parsed nor split into words, and the report is the one the whole script gives. Falls back
 * to {@link diffDocuments} when that cannot be promised: the changes were not compared in a
 * window around them that ends before the heads do (the options or the algorithm allow no
 * window, or the window reached the cut), or the diff is coarser than a minimal one (its work
 * budget grows with the documents' length; with a budget that does not, the heads are not read),
 * or a heading is open where the heads end (a hunk's label takes its words, which may go on past
 * the cut: see `parseHeads`). Where no window can be used, the heads are not read.
 *
 * @example renderText(diffForHunks(a, b)) === renderText(diffDocuments(a, b)) // true
 */
export function diffForHunks(a: string, b: string, options: DiffOptions = {}, cut?: HeadCut): EditScript {
  const opts = normalizeOptions(options);
  // Only a window can promise the whole documents' answer (see diffAroundChanges): where none can be used, the heads would be diffed for nothing.
  if (!eventLocal(opts) || (opts.algorithm !== "default" && opts.algorithm !== "histogram")) return diffDocuments(a, b, options);
  // A budget that does not grow with the documents (given, or at its cap) could be exceeded by the whole lists alone. No token is shorter than a character.
  if (!budgetGrows(a.length + b.length, opts.maxWork)) return diffDocuments(a, b, options);
  const heads = parseHeads(a, b, { mode: opts.mode ?? "html", implied: omittedTagsToImply([a, b]) }, cut);
  const script = heads && diffDocuments(heads[0], heads[1], options);
  if (script === undefined || script.coarser !== undefined || !endsBefore(script, heads![0].source.length)) return diffDocuments(a, b, options);
  return onWholeSources(script, a, b);
}

/** Whether the window the script was made in ends before `end` in the old source: tokens it shares unchanged follow, and the first of them starts before `end`. */
function endsBefore(script: EditScript, end: number): boolean {
  const { tail } = script.shared;
  return tail > 0 && script.token("a", script.tokenCount("a") - tail).start < end;
}
