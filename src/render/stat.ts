// One summary line per compared pair, for a quick look or a log.

import type { EditScript } from "../script/edit-script.js";
import type { ChangeKind } from "../types.js";
import type { DocumentNames } from "./json.js";
import { summarize } from "./json.js";

const ORDER: readonly ChangeKind[] = ["replace", "insert", "delete", "move", "attributes", "tag"];
const NOUNS: Readonly<Record<ChangeKind, [string, string]>> = {
  replace: ["replacement", "replacements"],
  insert: ["insertion", "insertions"],
  delete: ["deletion", "deletions"],
  move: ["move half", "move halves"],
  attributes: ["attribute change", "attribute changes"],
  tag: ["tag change", "tag changes"],
};

/**
 * `old → new: N changes (…), +I -D tokens`, or `old → new: identical`.
 *
 * @example renderStat(script, { old: "a.html", new: "b.html" })
 *   // "a.html → b.html: 2 changes (1 replacement, 1 attribute change), +2 -2 tokens"
 */
export function renderStat(script: EditScript, names: DocumentNames): string {
  const label = names.old === names.new ? names.new : `${names.old} → ${names.new}`;
  if (script.identical) return `${label}: identical`;
  const { changes, kinds, tokens } = summarize(script);
  const parts = ORDER.filter((k) => kinds[k] > 0).map((k) => `${kinds[k]} ${NOUNS[k][kinds[k] === 1 ? 0 : 1]}`);
  return `${label}: ${changes} ${changes === 1 ? "change" : "changes"} (${parts.join(", ")}), +${tokens.inserted} -${tokens.deleted} tokens`;
}
