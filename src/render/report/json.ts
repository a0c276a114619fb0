// The edit script as versioned JSON for machines: each change with its kind, event and byte
// ranges, line:column positions and an excerpt, plus summary counts. Documented in docs/json-format.md.

import type { EditScript } from "../../edit-script.js";
import type { Change, ChangeKind, Opcode } from "../../types.js";
import { ElementPaths } from "./outline.js";
import { LineIndex, type Position } from "./positions.js";

/** The version of the JSON format; it changes only when a field changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;

/** Longest excerpt of one side of a change, in characters. */
const EXCERPT = 200;

/** Names shown for the two documents. */
export interface DocumentNames {
  readonly old: string;
  readonly new: string;
}

/** One side of a change in JSON. */
interface JsonSide {
  readonly events: readonly [number, number];
  readonly offsets: readonly [number, number];
  readonly start: Position;
  readonly end: Position;
  readonly excerpt: string;
  /** CSS-like path of the element the side starts in (see docs/json-format.md). */
  readonly path?: string;
}

/** Counts of changes by kind, and of tokens. */
export interface Summary {
  readonly changes: number;
  readonly kinds: Readonly<Record<ChangeKind, number>>;
  readonly tokens: { readonly inserted: number; readonly deleted: number; readonly unchanged: number };
}

/**
 * Counts of an edit script's changes by kind, and of its tokens.
 *
 * @example summarize(script).kinds // { insert: 1, delete: 0, replace: 2, move: 0, attributes: 1, tag: 0, reindent: 0 }
 */
export function summarize(script: EditScript): Summary {
  const kinds: Record<ChangeKind, number> = { insert: 0, delete: 0, replace: 0, move: 0, attributes: 0, tag: 0, reindent: 0 };
  for (const change of script.changes) kinds[change.kind]++;
  return { changes: script.changes.length, kinds, tokens: script.stats };
}

/**
 * The edit script as a JSON object (call JSON.stringify on it).
 *
 * @example renderJson(script, { old: "a.html", new: "b.html" }).changes[0].kind // "replace"
 */
export function renderJson(script: EditScript, names: DocumentNames): object {
  const aLines = new LineIndex(script.a.doc.source);
  const bLines = new LineIndex(script.b.doc.source);
  const paths = { a: new ElementPaths(script.a.doc), b: new ElementPaths(script.b.doc) };
  return {
    format: "htmldiff-edit-script",
    version: JSON_FORMAT_VERSION,
    old: { name: names.old, mode: script.a.doc.mode },
    new: { name: names.new, mode: script.b.doc.mode },
    identical: script.identical,
    fallback: script.fallback,
    unit: script.unit,
    summary: summarize(script),
    changes: script.changes.map((change) => jsonChange(script, change, aLines, bLines, paths)),
  };
}

function jsonChange(script: EditScript, change: Change, aLines: LineIndex, bLines: LineIndex, paths?: { a: ElementPaths; b: ElementPaths }): object {
  const code = script.opcodes[change.op]!;
  const side = (source: string, lines: LineIndex, start: number, end: number, evStart: number, evEnd: number): JsonSide => ({
    events: [evStart, evEnd],
    offsets: [start, end],
    start: lines.position(start),
    end: lines.position(end),
    excerpt: end - start > EXCERPT ? `${source.slice(start, start + EXCERPT)}…` : source.slice(start, end),
  });
  const { partner, oldName, newName, attributes } = change;
  const sides = (of: Opcode, withPaths: boolean): { old: JsonSide; new: JsonSide } => {
    const spans = script.spansOf(of);
    const events = script.eventsOf(of);
    const path = (where: ElementPaths | undefined, start: number, end: number) => (withPaths && where ? { path: where.of(start, start === end) } : {});
    return {
      old: { ...side(script.a.doc.source, aLines, spans.a.start, spans.a.end, events.aStart, events.aEnd), ...path(paths?.a, events.aStart, events.aEnd) },
      new: { ...side(script.b.doc.source, bLines, spans.b.start, spans.b.end, events.bStart, events.bEnd), ...path(paths?.b, events.bStart, events.bEnd) },
    };
  };
  const edits = change.inner?.filter((inner) => inner.tag !== "equal").map((inner) => ({ kind: inner.tag, ...sides(inner, false) }));
  return {
    kind: change.kind,
    ...sides(code, true),
    ...(change.kind === "move" ? { moved: code.tag === "delete" ? "from" : "to" } : {}),
    ...(partner === undefined ? {} : { partner }),
    ...(edits === undefined ? {} : { edits }),
    ...(oldName === undefined ? {} : { oldName, newName }),
    ...(attributes === undefined ? {} : { attributes }),
  };
}

/**
 * The record for a document found in one folder only of `htmldiff -r`, printed in the same
 * stream as the edit scripts: `path` is relative to both folders, `name` the file's own path.
 *
 * @example renderOnlyInJson("old", "gone.html", "site-v1/gone.html")
 *   // { format: "htmldiff-only-in", version: 1, only: "old", path: "gone.html", name: "site-v1/gone.html" }
 */
export function renderOnlyInJson(side: "old" | "new", path: string, name: string): object {
  return { format: "htmldiff-only-in", version: JSON_FORMAT_VERSION, only: side, path, name };
}

/**
 * The record for a file compared by its lines (under git, a file that is neither HTML nor XML),
 * printed where its edit script would stand: the unified diff, empty for the same text.
 *
 * @example renderTextFileJson({ old: "a/x.txt", new: "b/x.txt" }, "--- a/x.txt\n…")
 *   // { format: "htmldiff-lines", version: 1, old: { name: "a/x.txt" }, new: { name: "b/x.txt" }, identical: false, diff: "--- a/x.txt\n…" }
 */
export function renderTextFileJson(names: DocumentNames, diff: string): object {
  return { format: "htmldiff-lines", version: JSON_FORMAT_VERSION, old: { name: names.old }, new: { name: names.new }, identical: diff === "", diff };
}

/**
 * The record for a pair where either side is binary, printed where its edit script would stand:
 * there is no edit script, only whether the bytes are the same.
 *
 * @example renderBinaryJson({ old: "a/logo.html", new: "b/logo.html" }, false)
 *   // { format: "htmldiff-binary", version: 1, old: { name: "a/logo.html" }, new: { name: "b/logo.html" }, identical: false }
 */
export function renderBinaryJson(names: DocumentNames, identical: boolean): object {
  return { format: "htmldiff-binary", version: JSON_FORMAT_VERSION, old: { name: names.old }, new: { name: names.new }, identical };
}
