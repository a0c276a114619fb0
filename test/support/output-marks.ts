// The marks of HTML output read as docs/tricky-cases.md ("The marks") describes them, for the
// parse5 check. Written here from that description, not taken from the writer's own readers
// (src/html/attributes.ts, escape.ts), so that a mistake in the writer's vocabulary is not
// shared by the check that judges its output. Only the marks' names come from src/html/marks.ts.

import { ADDED, MARK, OLD_VALUE, OWN_CLASS, RAW } from "../../src/html/marks.js";

/** A marker comment: whose markup it carries (`del`, `ins`, `both`) or a document's own comment (`raw`), and its payload as written. */
export interface Marker {
  readonly role: "del" | "ins" | "both" | "raw";
  readonly payload: string;
}

/** A comment's text read as a marker (`htmldiff:ROLE:PAYLOAD`), or null for any other comment. */
export function readMarker(text: string): Marker | null {
  const parts = /^htmldiff:(del|ins|both|raw):([\s\S]*)$/.exec(text);
  return parts ? { role: parts[1] as Marker["role"], payload: parts[2]! } : null;
}

/** A marker's payload as markup: `%`, `-`, `>` and CR are written percent-encoded (`%25`, `%2D`, `%3E`, `%0D`). */
export function markerMarkup(payload: string): string {
  const codes: Readonly<Record<string, string>> = { "25": "%", "2D": "-", "3E": ">", "0D": "\r" };
  return payload.replace(/%(25|2D|3E|0D)/g, (whole, hex: string) => codes[hex] ?? whole);
}

/** An attribute name written after a mark prefix, its unsafe characters percent-encoded, as the document had it. */
function nameAfterPrefix(encoded: string): string {
  return encoded.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A marked element's attributes on one side (`ins`: the new document's, `del`: the old one's):
 * renamed document attributes (`data-diff-raw-NAME`) under their names, the marks left out, the
 * element's own class (`data-diff-class`) for the class a marked element carries, and on the old
 * side the old values (`data-diff-old-NAME`) instead of the new ones, without the attributes the
 * old element did not have (`data-diff-added`).
 */
export function attributesOnSide(attributes: readonly (readonly [string, string])[], keep: "ins" | "del"): [string, string][] {
  const marked = attributes.some(([name]) => name === MARK);
  const own: [string, string][] = [];
  const oldValues: [string, string][] = [];
  const added = new Set<string>();
  let ownClass: string | undefined;
  for (const [name, value] of attributes) {
    if (name.startsWith(RAW)) own.push([nameAfterPrefix(name.slice(RAW.length)), value]);
    else if (name.startsWith(OLD_VALUE)) oldValues.push([nameAfterPrefix(name.slice(OLD_VALUE.length)), value]);
    else if (name === OWN_CLASS) ownClass = value;
    else if (name === ADDED) for (const each of value.split(" ")) added.add(each);
    else if (name.startsWith(MARK)) continue;
    else if (name === "class" && marked) continue;
    else own.push([name, value]);
  }
  if (marked && ownClass !== undefined) own.push(["class", ownClass]);
  if (keep === "ins") return own;
  const changed = new Set(oldValues.map(([name]) => name));
  return [...own.filter(([name]) => !changed.has(name) && !added.has(name)), ...oldValues];
}
