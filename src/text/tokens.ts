// Turns a document's events into the tokens that are compared: one token per markup event,
// word/space/punctuation tokens for character data. Ignored tokens are left out.

import type { ParsedDocument } from "../events/parse.js";
import { decodeText } from "../events/references.js";
import type { NormalizedOptions } from "../options.js";
import type { Token } from "../types.js";
import { markupKey, textKey } from "./keys.js";
import { splitWords } from "./words.js";

/**
 * The tokens of a parsed document, in source order, each with its text, key, event and span.
 *
 * @example tokenize(parseDocument("<b>Hi you</b>"), opts).map((t) => t.text) // ["<b>", "Hi", " ", "you", "</b>"]
 */
export function tokenize(doc: ParsedDocument, options: NormalizedOptions): Token[] {
  const { source, events } = doc;
  const tokens: Token[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (event.kind !== "text") {
      if (event.kind === "comment" && options.ignoreComments) continue;
      const text = source.slice(event.start, event.end);
      tokens.push({ kind: event.kind, text, key: markupKey(event, options), event: index, start: event.start, end: event.end });
      continue;
    }
    const raw = source.slice(event.start, event.end);
    // Raw-text content (script, style) is kept verbatim by the parser: decoding it again would be wrong.
    const decoded = event.text === raw ? null : decodeText(raw, doc.mode);
    const text = decoded ? decoded.text : raw;
    splitWords(text, (from, to, kind) => {
      if (kind === "space" && options.ignoreWhitespace) return;
      const start = event.start + (decoded ? decoded.rawOffset(from) : from);
      const end = event.start + (decoded ? decoded.rawOffset(to) : to);
      const written = source.slice(start, end);
      // Without references the written text is the decoded text: one string serves as both.
      const key = textKey(decoded ? text.slice(from, to) : written, options);
      tokens.push({ kind, text: written, key, event: index, start, end });
    });
  }
  return tokens;
}
