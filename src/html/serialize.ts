// Writes events back as HTML markup: tags with double-quoted attributes, escaped text, comments,
// instructions. Every element gets an explicit end tag except void ones (and a script cut off
// inside `<!--<script>`, which no end tag ends), so a parser rebuilds exactly the elements that
// were written, whatever end tags the source had left out.

import { scriptState } from "./script-state.js";
import type { Attribute, CloseEvent, DocEvent, InstructionEvent } from "../types.js";
import { RAW_TEXT, VOID } from "./elements.js";
import { escapeAttribute, escapeText } from "./escape.js";

/**
 * A start tag.
 *
 * @example openTag("a", [["href", "/x?a=1&b=2"]]) // '<a href="/x?a=1&amp;b=2">'
 */
export function openTag(name: string, attrs: readonly Attribute[]): string {
  let out = `<${name}`;
  for (const [key, value] of attrs) out += ` ${key}="${escapeAttribute(value)}"`;
  return `${out}>`;
}

/** An end tag, or nothing for a void element. */
export function closeTag(name: string): string {
  return VOID.has(name) ? "" : `</${name}>`;
}

/**
 * A comment. htmlparser2 reads a CDATA section in HTML as a comment `[CDATA[…]]`, which may hold
 * `-->`: such a comment is written back as the CDATA section it was, which reads back the same.
 * (A browser ends it at its first `>`: HTML output carries it in a marker comment instead.)
 *
 * @example commentOf(" note ") // "<!-- note -->"; commentOf("[CDATA[a-->b]]") // "<![CDATA[a-->b]]>"
 */
export function commentOf(text: string): string {
  if (text.includes("-->") && text.startsWith("[CDATA[") && text.endsWith("]]") && !text.includes("]]>")) return `<!${text}>`;
  return `<!--${text}-->`;
}

/**
 * A doctype or processing instruction as its event describes it.
 *
 * @example instructionOf({ kind: "instruction", name: "!doctype", data: "html", start: 0, end: 15 }) // "<!doctype html>"
 */
export function instructionOf(event: InstructionEvent): string {
  // `<!>` and `<?>` would run on to the next `>` in our parser: a nameless one keeps its space.
  // An end tag that closed nothing (`/td`, `/` for `</>`) is written as an end tag.
  if (event.name.startsWith("/")) return event.data ? `<${event.name} ${event.data}>` : `<${event.name}>`;
  return event.data || event.name.length < 2 ? `<${event.name} ${event.data}>` : `<${event.name}>`;
}

/**
 * Events as HTML that parses back to the same events (end tags made explicit). Text inside
 * raw-text elements (script, style, …) is written as is. A script whose text leaves a browser's
 * tokenizer inside `<!--<script>` ends only at the end of the file: when nothing but end tags
 * follows it, they are left out (written, they would be its text). `endTag` writes each end tag
 * (by default plain, implied or not).
 *
 * @example serializeEvents(parseDocument("<p>a &amp; b").events) // "<p>a &amp; b</p>"
 * @example serializeEvents(parseDocument("<p><script><!--<script>").events) // "<p><script><!--<script>"
 */
export function serializeEvents(events: readonly DocEvent[], endTag: (event: CloseEvent) => string = (event) => closeTag(event.name)): string {
  const out: string[] = [];
  const open: string[] = [];
  let scriptText = "";
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.kind) {
      case "open":
        out.push(openTag(event.name, event.attrs));
        open.push(event.name);
        if (event.name === "script") scriptText = "";
        break;
      case "close":
        if (event.name === "script" && scriptState(scriptText) === "double" && onlyEndTagsFrom(events, i)) return out.join("");
        out.push(endTag(event));
        open.pop();
        break;
      case "text":
        if (open[open.length - 1] === "script") scriptText += event.text;
        out.push(RAW_TEXT.has(open[open.length - 1] ?? "") ? event.text : escapeText(event.text));
        break;
      case "comment":
        out.push(commentOf(event.text));
        break;
      case "cdata":
        out.push(`<![CDATA[${event.text}]]>`);
        break;
      case "instruction":
        out.push(instructionOf(event));
        break;
    }
  }
  return out.join("");
}

/** Whether `events[from..]` are all end tags. */
function onlyEndTagsFrom(events: readonly DocEvent[], from: number): boolean {
  for (let i = from; i < events.length; i++) if (events[i]!.kind !== "close") return false;
  return true;
}
