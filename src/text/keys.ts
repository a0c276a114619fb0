// The key policy: what is compared for each token, after the ignore options.
// Keys of markup always start with "<", which no single text token can equal.

import type { NormalizedOptions } from "../options.js";
import type { AttributeDelta, DocEvent, OpenEvent } from "../types.js";

/**
 * The comparison key of a markup event; attribute order never matters, ignored attributes
 * vanish (those of the globs, and those `ignoredHere` names for this element), and the parts of
 * values that an ignore-value pattern matches are folded.
 *
 * @example markupKey(<a href=x id=y>, opts) // '<a href="x" id="y">' whichever order they were written in
 */
export function markupKey(event: DocEvent, options: NormalizedOptions, ignoredHere?: (name: string) => boolean): string {
  switch (event.kind) {
    case "open": {
      if (event.attrs.length === 0) return `<${event.name}>`;
      const { valueKey } = options;
      const attrs = event.attrs
        .filter(([name]) => !options.isIgnoredAttribute(name) && !ignoredHere?.(name))
        .map(([name, value]) => ` ${name}="${valueKey ? valueKey(value) : value}"`)
        .sort();
      return `<${event.name}${attrs.join("")}>`;
    }
    case "close":
      return `</${event.name}>`;
    case "comment":
      return `<!--${options.ignoreCase ? event.text.toLowerCase() : event.text}-->`;
    case "cdata":
      return `<![CDATA[${event.text}]]>`;
    case "instruction":
      // A declaration's name is compared in any letter case (`<!DOCTYPE` and `<!doctype` are alike), as browsers read it.
      return `<${event.name.startsWith("!") ? event.name.toLowerCase() : event.name} ${event.data}>`;
    case "text":
      throw new TypeError("text events are split into word tokens, not keyed whole");
  }
}

/**
 * The comparison key of a word, space or punctuation token: its decoded text, folded as asked.
 *
 * @example textKey("Caf\u00e9", { ignoreCase: true }) // "caf\u00e9"
 */
export function textKey(decoded: string, options: Pick<NormalizedOptions, "ignoreCase">): string {
  return options.ignoreCase ? decoded.toLowerCase() : decoded;
}

/** What decides which attributes differ: the ignored names, and (optionally) what a value is compared as. */
export type AttributeOptions = Pick<NormalizedOptions, "isIgnoredAttribute"> & Partial<Pick<NormalizedOptions, "valueKey">>;

/**
 * The attributes that differ between two start tags, by name (so the answer reads the same from
 * either side); ignored attributes (by the globs, or by `ignoredHere` on these two elements) are
 * left out, and values equal after `valueKey` (ignore-value patterns) do not differ.
 *
 * @example <a href="/a" id="x"> vs <a href="/b" class="c">: class null→c, href /a→/b, id x→null
 */
export function attributeDeltas(x: OpenEvent, y: OpenEvent, options: AttributeOptions, ignoredHere?: (name: string) => boolean): AttributeDelta[] {
  const ignored = ignoredHere ? (name: string) => options.isIgnoredAttribute(name) || ignoredHere(name) : options.isIgnoredAttribute;
  const fold = options.valueKey ?? ((value: string) => value);
  const before = new Map<string, string>();
  for (const [name, value] of x.attrs) if (!before.has(name)) before.set(name, value);
  const after = new Map<string, string>();
  for (const [name, value] of y.attrs) if (!after.has(name)) after.set(name, value);
  const out: AttributeDelta[] = [];
  for (const [name, value] of before) {
    if (ignored(name)) continue;
    const now = after.get(name) ?? null;
    if (now === null || fold(now) !== fold(value)) out.push({ name, old: value, new: now });
  }
  for (const [name, value] of after) {
    if (!before.has(name) && !ignored(name)) out.push({ name, old: null, new: value });
  }
  return out.sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : 0));
}
