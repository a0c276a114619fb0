// One summary line per compared pair, for a quick look or a log.

import type { EditScript } from "../../edit-script.js";
import type { ChangeKind } from "../../types.js";
import type { DocumentNames } from "./json.js";
import { summarize } from "./json.js";

const ORDER: readonly ChangeKind[] = ["replace", "insert", "delete", "move", "attributes", "tag", "reindent"];
const NOUNS: Readonly<Record<ChangeKind, [string, string]>> = {
  replace: ["replacement", "replacements"],
  insert: ["insertion", "insertions"],
  delete: ["deletion", "deletions"],
  move: ["move half", "move halves"],
  attributes: ["attribute change", "attribute changes"],
  tag: ["tag change", "tag changes"],
  reindent: ["re-indented line", "re-indented lines"],
};

/**
 * `old → new: N changes (…), +I -D tokens`, or `old → new: identical`.
 *
 * @example renderStat(script, { old: "a.html", new: "b.html" })
 *   // "a.html → b.html: 2 changes (1 replacement, 1 attribute change), +2 -2 tokens"
 */
export function renderStat(script: EditScript, names: DocumentNames): string {
  const label = pairLabel(names);
  if (script.identical) return `${label}: identical`;
  const { changes, kinds, tokens } = summarize(script);
  const parts = ORDER.filter((k) => kinds[k] > 0).map((k) => `${kinds[k]} ${NOUNS[k][kinds[k] === 1 ? 0 : 1]}`);
  return `${label}: ${changes} ${changes === 1 ? "change" : "changes"} (${parts.join(", ")}), +${tokens.inserted} -${tokens.deleted} tokens`;
}

/**
 * The line of a pair where either side is binary: `old → new: binary files differ`, or `identical`.
 *
 * @example renderBinaryStat({ old: "a/logo.html", new: "b/logo.html" }, false) // "a/logo.html → b/logo.html: binary files differ"
 */
export function renderBinaryStat(names: DocumentNames, identical: boolean): string {
  return `${pairLabel(names)}: ${identical ? "identical" : "binary files differ"}`;
}

/**
 * The line of a file compared by its lines: `old → new: text files differ, +I -D lines`, or `identical`.
 *
 * @example renderTextFileStat({ old: "a/x.txt", new: "b/x.txt" }, { diff: "…", inserted: 2, deleted: 1 }) // "a/x.txt → b/x.txt: text files differ, +2 -1 lines"
 */
export function renderTextFileStat(names: DocumentNames, lines: { readonly diff: string; readonly inserted: number; readonly deleted: number }): string {
  return `${pairLabel(names)}: ${lines.diff ? `text files differ, +${lines.inserted} -${lines.deleted} lines` : "identical"}`;
}

/** How a line names the pair: `old → new`, or one name when both are the same. */
function pairLabel(names: DocumentNames): string {
  return names.old === names.new ? names.new : `${names.old} → ${names.new}`;
}

/** What a directory run found, pair by pair and file by file. */
export interface DirectoryTotals {
  readonly changed: number;
  readonly identical: number;
  readonly onlyOld: number;
  readonly onlyNew: number;
  /** Pairs that could not be compared (each already reported on stderr). */
  readonly failed: number;
}

/**
 * The last line of `htmldiff -r -f stat`; pairs that could not be compared are counted only when there are any.
 *
 * @example renderTotals({ changed: 3, identical: 40, onlyOld: 1, onlyNew: 0, failed: 0 })
 *   // "3 changed, 40 identical, 1 only in old, 0 only in new"
 */
export function renderTotals(t: DirectoryTotals): string {
  const failed = t.failed ? `, ${t.failed} could not be compared` : "";
  return `${t.changed} changed, ${t.identical} identical, ${t.onlyOld} only in old, ${t.onlyNew} only in new${failed}`;
}
