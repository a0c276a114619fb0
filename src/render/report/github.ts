// GitHub Actions workflow commands: one ::notice or ::warning annotation per change, placed at
// the change's line in the new file, so CI logs and pull requests show where a page changed; and
// the Markdown table of a job's step summary.

import type { EditScript } from "../../edit-script.js";
import type { Change, ChangeKind } from "../../types.js";
import type { DocumentNames } from "./json.js";
import { LineIndex } from "./positions.js";
import { quoteLine } from "./quote.js";

/** The kinds in the order the count of changes left out gives them. */
const KINDS: readonly ChangeKind[] = ["replace", "insert", "delete", "move", "attributes", "tag", "reindent"];

/** Annotations per file when `--max-annotations` is not given: GitHub shows at most 10 of each level per step. */
export const DEFAULT_MAX_ANNOTATIONS = 10;

/**
 * The annotations, one per line: a warning for what removes or alters content, a notice for
 * insertions and moves. Past `max` changes, one more annotation, at the first change left out,
 * gives the counts of the rest by kind.
 *
 * @example renderGithub(script, names)
 *   // ::warning file=b.html,line=9,col=34,title=htmldiff%3A replace::"faster" → "quicker"
 */
export function renderGithub(script: EditScript, names: DocumentNames, max: number = DEFAULT_MAX_ANNOTATIONS): string {
  const bLines = new LineIndex(script.b.doc.source);
  const at = (change: Change) => bLines.position(script.spansOf(script.opcodes[change.op]!).b.start);
  const shown = script.changes.slice(0, max).map((change) => {
    const spans = script.spansOf(script.opcodes[change.op]!);
    const oldText = quoteLine(script.a.doc.source.slice(spans.a.start, spans.a.end));
    const newText = quoteLine(script.b.doc.source.slice(spans.b.start, spans.b.end));
    return annotation(levelOf(change.kind), names.new, at(change), describe(change), message(change, oldText, newText));
  });
  const rest = script.changes.slice(max);
  if (rest.length === 0) return shown.join("\n");
  const counts = KINDS.map((kind) => [kind, rest.filter((change) => change.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
  const more = `${rest.length} more ${rest.length === 1 ? "change" : "changes"}`;
  const level = rest.some((change) => levelOf(change.kind) === "warning") ? "warning" : "notice";
  shown.push(annotation(level, names.new, at(rest[0]!), more, `${more} not annotated (${counts}); run htmldiff locally to see them all`));
  return shown.join("\n");
}

/**
 * The annotation for a document found in one folder only of `htmldiff -r`: a warning for one
 * that is gone, a notice for a new one. `name` is the file's path, `path` its path in the folder.
 *
 * @example renderOnlyInGithub("new", "site-v2", "about.html", "site-v2/about.html")
 *   // ::notice file=site-v2/about.html,title=htmldiff%3A only in new::about.html is only in site-v2
 */
export function renderOnlyInGithub(side: "old" | "new", dir: string, path: string, name: string): string {
  const props = `file=${property(name)},title=${property(`htmldiff: only in ${side}`)}`;
  return `::${side === "old" ? "warning" : "notice"} ${props}::${data(`${path} is only in ${dir}`)}`;
}

/**
 * The annotation for a pair where either side is binary and the bytes differ: a warning on the
 * file (the old one when the new side is `/dev/null`), with diff's line as its `message`.
 *
 * @example renderBinaryGithub({ old: "a/logo.html", new: "b/logo.html" }, "Binary files a/logo.html and b/logo.html differ")
 *   // ::warning file=b/logo.html,title=htmldiff%3A binary files differ::Binary files a/logo.html and b/logo.html differ
 */
export function renderBinaryGithub(names: DocumentNames, message: string): string {
  const file = names.new === "/dev/null" ? names.old : names.new;
  return `::warning file=${property(file)},title=${property("htmldiff: binary files differ")}::${data(message)}`;
}

/**
 * The annotation for a file that differs compared by its lines: a warning at the first new line a
 * change touches (on the file alone when none does, or on the old file when the new side is
 * `/dev/null`), with its counts of lines.
 *
 * @example renderTextFileGithub({ old: "a/x.txt", new: "b/x.txt" }, { inserted: 1, deleted: 1, firstLine: 2 })
 *   // ::warning file=b/x.txt,line=2,title=htmldiff%3A text files differ::+1 -1 lines (not HTML or XML: compared line by line)
 */
export function renderTextFileGithub(names: DocumentNames, lines: { readonly inserted: number; readonly deleted: number; readonly firstLine?: number }): string {
  const deleted = names.new === "/dev/null";
  const where = `file=${property(deleted ? names.old : names.new)}${lines.firstLine && !deleted ? `,line=${lines.firstLine}` : ""}`;
  return `::warning ${where},title=${property("htmldiff: text files differ")}::${data(`+${lines.inserted} -${lines.deleted} lines (not HTML or XML: compared line by line)`)}`;
}

/** One row of the step summary: a compared file and its counts, or a file found on one side only. */
export type SummaryRow = { readonly file: string; readonly changes: number; readonly inserted: number; readonly deleted: number } | { readonly file: string; readonly only: "old" | "new" };

/**
 * The Markdown appended to a job's step summary (`$GITHUB_STEP_SUMMARY`): a heading, then a
 * table of files with their changes and tokens inserted and deleted, or a line saying that
 * nothing differs. It starts with a blank line, so it never runs into what is there already.
 *
 * @example renderStepSummary([{ file: "index.html", changes: 2, inserted: 3, deleted: 1 }])
 *   // "\n### htmldiff\n\n| file | changes | +/- tokens |\n| --- | ---: | ---: |\n| index.html | 2 | +3 -1 |\n"
 */
export function renderStepSummary(rows: readonly SummaryRow[]): string {
  if (rows.length === 0) return "\n### htmldiff\n\nNo differences.\n";
  const lines = rows.map((row) => ("only" in row ? `| ${cell(row.file)} | only in ${row.only} | |` : `| ${cell(row.file)} | ${row.changes} | +${row.inserted} -${row.deleted} |`));
  return `\n### htmldiff\n\n| file | changes | +/- tokens |\n| --- | ---: | ---: |\n${lines.join("\n")}\n`;
}

/** A file name as plain text in a Markdown table cell: no markup, no column break, one line. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>&|]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`)).replace(/[\r\n]+/g, " ");
}

function levelOf(kind: ChangeKind): "notice" | "warning" {
  return kind === "insert" || kind === "move" || kind === "reindent" ? "notice" : "warning";
}

function annotation(level: "notice" | "warning", file: string, where: { line: number; column: number }, title: string, text: string): string {
  return `::${level} file=${property(file)},line=${where.line},col=${where.column},title=${property(`htmldiff: ${title}`)}::${data(text)}`;
}

function describe(change: Change): string {
  if (change.kind === "move") return "moved block";
  if (change.kind === "attributes") return "attributes changed";
  if (change.kind === "tag") return `<${change.oldName}> renamed to <${change.newName}>`;
  if (change.kind === "reindent") return "re-indented";
  return change.kind;
}

function message(change: Change, oldText: string, newText: string): string {
  if (change.kind === "insert") return `inserted ${newText}`;
  if (change.kind === "delete") return `deleted ${oldText}`;
  if (change.kind === "attributes" && change.attributes) {
    return change.attributes.map((d) => `${d.name}: ${attributeValue(d.old)} → ${attributeValue(d.new)}`).join("; ");
  }
  return `${oldText} → ${newText}`;
}

function attributeValue(value: string | null): string {
  return value === null ? "(none)" : value === "" ? "(empty)" : value;
}

/** Escapes a workflow command's message. */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value. */
function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
