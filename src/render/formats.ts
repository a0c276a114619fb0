// The output formats, which one a file name implies, and rendering by name.
// Each renderer is loaded when its format is first used: a run loads only the one it needs,
// which keeps start-up short (see docs/performance.md).

import { join } from "node:path";
import { declaredEncoding } from "../read/decode.js";
import type { Granularity } from "./report/segments.js";
import type { Theme } from "./report/text.js";
import type { EditScript } from "../edit-script.js";
import type { DocumentNames } from "./report/json.js";

/** Characters of HTML output whose charset declarations count (decodeBytes reads 4,096 bytes, browsers 1,024). */
const SNIFF_CHARS = 4096;

/** Every value of `--format`. */
export const FORMATS = ["term", "text", "json", "stat", "github", "html", "page"] as const;

/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];

/** What rendering needs besides the script. */
export interface RenderContext {
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly context: number;
  readonly granularity: Granularity;
  /** The theme for `term` (plain when absent, as for `text`). */
  readonly theme?: Theme;
  /** For `html`: only the body's content, in `<div class="diff">`. */
  readonly fragment?: boolean;
  /** For `html` with `fragment`: keep the documents' scripts, handlers and loads. */
  readonly keepScripts?: boolean;
  /** For `html` and `page`: the marked document, or its source text (always the source for XML). */
  readonly view?: "document" | "source";
  /** For `github`: annotations per file before the one that counts the rest (default 10). */
  readonly maxAnnotations?: number;
  /** For `html` and `page`: the charset labels the documents were decoded from. */
  readonly charsets?: { readonly old: string; readonly new: string };
}

/**
 * The format an output file's extension implies: `.json` json, `.txt`/`.diff`/`.patch` text,
 * `.html`/`.htm` the review page.
 *
 * @example formatForPath("report.json") // "json"
 */
export function formatForPath(path: string): FormatName | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "txt" || ext === "diff" || ext === "patch") return "text";
  if (ext === "html" || ext === "htm") return "page";
  return undefined;
}

/**
 * The output for one compared pair; empty when there is nothing to say (identical documents
 * in term, text and github). JSON always answers, so a machine can read `identical`; stat
 * says `identical`; `html` and `page` show the new document whatever changed.
 *
 * @example await render("stat", script, ctx) // "a.html → b.html: 1 change (1 replacement), +1 -1 tokens\n"
 */
export async function render(format: FormatName, script: EditScript, ctx: RenderContext): Promise<string> {
  const names = { old: ctx.oldLabel, new: ctx.newLabel };
  if (format === "json") {
    const { renderJson } = await import("./report/json.js");
    return `${JSON.stringify(renderJson(script, names), null, 2)}\n`;
  }
  const view = { ...(ctx.view === undefined ? {} : { view: ctx.view }), ...(ctx.charsets === undefined ? {} : { charsets: ctx.charsets }) };
  if (format === "html") {
    const { renderHtml } = await import("./html/inline-html.js");
    const html = renderHtml(script, { fragment: ctx.fragment ?? false, keepScripts: ctx.keepScripts ?? false, ...view });
    // UTF-8 with nothing added, but where a charset prescan would find another declaration in
    // raw text (a <meta charset> in a style or script): there a byte order mark, which wins.
    const misread = !ctx.fragment && (declaredEncoding(html.slice(0, SNIFF_CHARS)) ?? "utf-8") !== "utf-8";
    return misread ? `\uFEFF${html}` : html;
  }
  if (format === "page") {
    const { renderPage } = await import("./html/page.js");
    return renderPage(script, { oldLabel: ctx.oldLabel, newLabel: ctx.newLabel, ...view });
  }
  if (format === "stat") {
    const { renderStat } = await import("./report/stat.js");
    return `${renderStat(script, names)}\n`;
  }
  if (script.identical) return "";
  switch (format) {
    case "github": {
      const { renderGithub } = await import("./report/github.js");
      return `${renderGithub(script, names, ctx.maxAnnotations)}\n`;
    }
    case "term":
    case "text": {
      const { plainTheme, renderText } = await import("./report/text.js");
      const theme = ctx.theme ?? plainTheme;
      const body = renderText(script, { context: ctx.context, granularity: ctx.granularity, theme });
      return `${theme.meta(`--- ${ctx.oldLabel}`)}\n${theme.meta(`+++ ${ctx.newLabel}`)}\n${body}\n`;
    }
  }
}

/**
 * What `htmldiff -r` prints for a document found in one folder only: a JSON record, a GitHub
 * annotation, or diff's `Only in DIR: PATH` line in the other formats.
 *
 * @example await renderOnlyIn("text", "old", "site-v1", "gone.html") // "Only in site-v1: gone.html\n"
 */
export async function renderOnlyIn(format: FormatName, side: "old" | "new", dir: string, path: string): Promise<string> {
  const name = join(dir, path);
  if (format === "json") {
    const { renderOnlyInJson } = await import("./report/json.js");
    return `${JSON.stringify(renderOnlyInJson(side, path, name))}\n`;
  }
  if (format === "github") {
    const { renderOnlyInGithub } = await import("./report/github.js");
    return `${renderOnlyInGithub(side, dir, path, name)}\n`;
  }
  return `Only in ${dir}: ${path}\n`;
}

/** A file compared by its lines (under git, a file that is neither HTML nor XML): its unified diff and counts. */
export interface TextFileDiff {
  /** The unified diff, empty for the same text. */
  readonly diff: string;
  readonly inserted: number;
  readonly deleted: number;
  /** The first line of the new file a change touches (1-based), if one does. */
  readonly firstLine?: number;
}

/**
 * The output for a file compared by its lines in the formats made for programs and logs: a JSON
 * record carrying the unified diff, a stat line, a GitHub annotation; undefined in the other
 * formats, which show the unified diff itself.
 *
 * @example await renderTextFile("stat", { old: "a/x.txt", new: "b/x.txt" }, { diff: "…", inserted: 1, deleted: 1 })
 *   // "a/x.txt → b/x.txt: text files differ, +1 -1 lines\n"
 */
export async function renderTextFile(format: FormatName, names: DocumentNames, lines: TextFileDiff): Promise<string | undefined> {
  if (format === "json") {
    const { renderTextFileJson } = await import("./report/json.js");
    return `${JSON.stringify(renderTextFileJson(names, lines.diff))}\n`;
  }
  if (format === "stat") {
    const { renderTextFileStat } = await import("./report/stat.js");
    return `${renderTextFileStat(names, lines)}\n`;
  }
  if (format === "github") {
    if (!lines.diff) return "";
    const { renderTextFileGithub } = await import("./report/github.js");
    return `${renderTextFileGithub(names, lines)}\n`;
  }
  return undefined;
}

/**
 * The output for a pair where either side is binary (NUL bytes), which no format can show: a
 * JSON record, a stat line, a GitHub annotation, or diff's `Binary files OLD and NEW differ` in
 * the other formats; for the same bytes, what each format says of an identical pair (nothing in
 * the line formats and github).
 *
 * @example await renderBinary("text", { old: "a/logo.html", new: "b/logo.html" }, false) // "Binary files a/logo.html and b/logo.html differ\n"
 */
export async function renderBinary(format: FormatName, names: DocumentNames, identical: boolean): Promise<string> {
  if (format === "json") {
    const { renderBinaryJson } = await import("./report/json.js");
    return `${JSON.stringify(renderBinaryJson(names, identical))}\n`;
  }
  if (format === "stat") {
    const { renderBinaryStat } = await import("./report/stat.js");
    return `${renderBinaryStat(names, identical)}\n`;
  }
  if (identical) return "";
  const line = `Binary files ${names.old} and ${names.new} differ`;
  if (format === "github") {
    const { renderBinaryGithub } = await import("./report/github.js");
    return `${renderBinaryGithub(names, line)}\n`;
  }
  return `${line}\n`;
}
