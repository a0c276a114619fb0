// GitHub Actions workflow commands: one ::notice or ::warning annotation per change, placed at
// the change's line in the new file, so CI logs and pull requests show where a page changed.

import type { EditScript } from "../script/edit-script.js";
import type { Change } from "../types.js";
import type { DocumentNames } from "./json.js";
import { LineIndex } from "./positions.js";

/** Longest quoted text of one side in an annotation. */
const QUOTE = 80;

/**
 * The annotations, one per line: a warning for what removes or alters content, a notice for
 * insertions and moves.
 *
 * @example renderGithub(script, names)
 *   // ::warning file=b.html,line=9,col=34,title=htmldiff%3A replace::"faster" → "quicker"
 */
export function renderGithub(script: EditScript, names: DocumentNames): string {
  const bLines = new LineIndex(script.b.doc.source);
  return script.changes
    .map((change) => {
      const spans = script.spansOf(script.opcodes[change.op]!);
      const where = bLines.position(spans.b.start);
      const level = change.kind === "insert" || change.kind === "move" ? "notice" : "warning";
      const oldText = quote(script.a.doc.source.slice(spans.a.start, spans.a.end));
      const newText = quote(script.b.doc.source.slice(spans.b.start, spans.b.end));
      const props = `file=${property(names.new)},line=${where.line},col=${where.column},title=${property(`htmldiff: ${describe(change)}`)}`;
      return `::${level} ${props}::${data(message(change, oldText, newText))}`;
    })
    .join("\n");
}

function describe(change: Change): string {
  if (change.kind === "move") return "moved block";
  if (change.kind === "attributes") return "attributes changed";
  if (change.kind === "tag") return `<${change.oldName}> renamed to <${change.newName}>`;
  return change.kind;
}

function message(change: Change, oldText: string, newText: string): string {
  if (change.kind === "insert") return `inserted ${newText}`;
  if (change.kind === "delete") return `deleted ${oldText}`;
  if (change.kind === "attributes" && change.attributes) {
    return change.attributes.map((d) => `${d.name}: ${d.old ?? "(none)"} → ${d.new ?? "(none)"}`).join("; ");
  }
  return `${oldText} → ${newText}`;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > QUOTE ? `${flat.slice(0, QUOTE)}…` : flat);
}

/** Escapes a workflow command's message. */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value. */
function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
