// A side's text as a one-line quote, for the lists that name each change in a line (the
// review page's list of changes, GitHub annotations).

/** The longest quote, in characters, before it is cut with an ellipsis. */
const QUOTE = 80;

const VISIBLE: Readonly<Record<string, string>> = { " ": "\u00b7", "\t": "\u2409", "\n": "\u240a", "\r": "\u240d" };

/**
 * `text` in double quotes on one line: its white space runs read as one space and its ends
 * trimmed; text that is only white space is shown with visible marks (· space, ␉ tab, ␊ line
 * feed, ␍ carriage return, others by code point), never as "". Cut to 80 characters.
 *
 * @example quoteLine("a\n   b") // '"a b"'
 * @example quoteLine("  ") // '"··"'
 */
export function quoteLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const shown = flat || [...text].map((c) => VISIBLE[c] ?? `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`).join("");
  return JSON.stringify(shown.length > QUOTE ? `${shown.slice(0, QUOTE)}…` : shown);
}
