// The state a browser's tokenizer is left in by a script's text: whether `</script>` ends the
// script there. Used by the parser (to end a script where a browser does) and by the serializer.

/** Where a script's text leaves a browser's tokenizer: in plain script data, in `<!--`, or in `<!--<script>` (where `</script>` ends nothing). */
export type ScriptState = "data" | "escaped" | "double";

/**
 * The state a browser's tokenizer is in after a script's text so far (HTML's script data,
 * escaped and double-escaped states, dashes folded in): `<!--` escapes, `<script` followed by
 * whitespace, `/` or `>` there escapes twice, `</script` likewise once less, `-->` ends both.
 *
 * @example scriptState("<!--<script>x") // "double"; scriptState("<!-- x") // "escaped"; scriptState("x") // "data"
 */
export function scriptState(text: string): ScriptState {
  let state: ScriptState = "data";
  // Most scripts hold no `<!--`: nothing to follow.
  if (!text.includes("<!--")) return state;
  const tag = /^<(\/?)script[\t\n\f\r />]/i;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === "data") {
      if (text.startsWith("<!--", i)) {
        // `<!-->` and `<!--->` end where they begin.
        const end = /^<!--+>/.exec(text.slice(i, i + 64));
        if (end) i += end[0].length - 1;
        else {
          state = "escaped";
          i += 3;
        }
      }
    } else if (c === "-" && text.startsWith("-->", i)) {
      state = "data";
      i += 2;
    } else if (c === "<") {
      const match = tag.exec(text.slice(i, i + 9));
      if (match && !match[1] && state === "escaped") state = "double";
      else if (match && match[1] && state === "double") state = "escaped";
    }
  }
  return state;
}
