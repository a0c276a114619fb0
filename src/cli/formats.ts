// The output formats the CLI offers, which one a file name implies, and rendering by name.

import { renderGithub } from "../render/github.js";
import { renderHtml } from "../render/inline-html.js";
import { renderJson } from "../render/json.js";
import { renderPage } from "../render/page.js";
import type { Granularity } from "../render/segments.js";
import { renderStat } from "../render/stat.js";
import { renderText, type Theme } from "../render/text.js";
import type { EditScript } from "../script/edit-script.js";

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
  /** The theme for `term` (plain for `text`). */
  readonly theme: Theme;
  /** For `html`: only the body's content, in `<div class="diff">`. */
  readonly fragment?: boolean;
  /** For `html` and `page`: the marked document, or its source text (always the source for XML). */
  readonly view?: "document" | "source";
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
 * in the line-oriented formats). JSON always answers, so a machine can read `identical`, and so
 * do `html` and `page`, which show the new document whatever changed.
 *
 * @example render("stat", script, ctx) // "a.html → b.html: 1 change (1 replacement), +1 -1 tokens\n"
 */
export function render(format: FormatName, script: EditScript, ctx: RenderContext): string {
  const names = { old: ctx.oldLabel, new: ctx.newLabel };
  if (format === "json") return `${JSON.stringify(renderJson(script, names), null, 2)}\n`;
  const view = ctx.view === undefined ? {} : { view: ctx.view };
  // A byte order mark: browsers trust it over a <meta charset> that the new document may declare.
  if (format === "html") return `${ctx.fragment ? "" : "\uFEFF"}${renderHtml(script, { fragment: ctx.fragment ?? false, ...view })}`;
  if (format === "page") return renderPage(script, { oldLabel: ctx.oldLabel, newLabel: ctx.newLabel, ...view });
  if (script.identical) return "";
  switch (format) {
    case "stat":
      return `${renderStat(script, names)}\n`;
    case "github":
      return `${renderGithub(script, names)}\n`;
    case "term":
    case "text": {
      const body = renderText(script, { context: ctx.context, granularity: ctx.granularity, theme: ctx.theme });
      return `${ctx.theme.meta(`--- ${ctx.oldLabel}`)}\n${ctx.theme.meta(`+++ ${ctx.newLabel}`)}\n${body}\n`;
    }
  }
}
