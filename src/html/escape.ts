// Escaping for HTML output: text, attribute values, and the payload of the marker comments that
// carry content a browser must not see (a deleted doctype, whitespace deleted inside a table).

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\uFEFF": "&#xFEFF;" };

/**
 * Text as HTML character data: `&`, `<` and `>` escaped, and U+FEFF, which a reader would take
 * for a byte order mark at the start of a file; everything else kept.
 *
 * @example escapeText("a < b & c") // "a &lt; b &amp; c"
 */
export function escapeText(text: string): string {
  return /[&<>\uFEFF]/.test(text) ? text.replace(/[&<>\uFEFF]/g, (c) => ESCAPES[c]!) : text;
}

/**
 * A value for a double-quoted attribute: `&` and `"` escaped.
 *
 * @example escapeAttribute('say "hi" & go') // "say &quot;hi&quot; &amp; go"
 */
export function escapeAttribute(value: string): string {
  return /[&"]/.test(value) ? value.replace(/[&"]/g, (c) => (c === "&" ? "&amp;" : "&quot;")) : value;
}

/**
 * Markup made safe to stand inside a comment: `%`, `-` and `>` percent-encoded, so that no
 * `-->` can end the comment early, and CR, which a browser would turn into LF. {@link decodeCommentPayload} undoes it.
 *
 * @example encodeCommentPayload("<!DOCTYPE html>") // "<!DOCTYPE html%3E"
 */
export function encodeCommentPayload(markup: string): string {
  return markup.replace(/[%\->\r]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * The markup that {@link encodeCommentPayload} encoded.
 *
 * @example decodeCommentPayload("a%2D%2D%3E") // "a-->"
 */
export function decodeCommentPayload(payload: string): string {
  return payload.replace(/%(25|2D|3E|0D)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
