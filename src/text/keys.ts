// The key policy: what is compared for each token, after the ignore options.
// Keys of markup always start with "<", which no single text token can equal.

import type { NormalizedOptions } from "../options.js";
import type { DocEvent } from "../types.js";

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
