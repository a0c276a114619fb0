// One comparison from sides to rendered output, for every front end: decodes, parses, diffs and
// renders. No process, file system or command line here: callers read the inputs and print.

import { diffDocuments, diffForHunks } from "../pipeline.js";
import { decodeInput, type Input } from "../read/input.js";
import { render } from "../render/formats.js";
import type { Theme } from "../render/report/text.js";
import { loadIgnoreEngines, needsIgnoreEngines } from "../text/ignore-engines.js";
import type { CompareRequest, CompareResult, CompareSide } from "./request.js";

/**
 * Diffs and renders the two sides of `request`; throws `InputError` for a side that is not a
 * document. `theme` colours `term` output (plain when absent). `willRender` is called once the
 * diff is made, before the output is rendered (and not for `--quiet`): the CLI collects the
 * diff's garbage there after a long run.
 *
 * @example await compare({ a: { name: "a.html", bytes }, b: { name: "b.html", bytes: other }, options: compareOptions(), format: "stat" })
 *   // { status: 1, output: "a.html → b.html: 1 change (1 replacement), +1 -1 tokens\n", warnings: [], counts: { changes: 1, … } }
 */
export async function compare(request: CompareRequest, theme?: Theme, willRender?: () => void): Promise<CompareResult> {
  const { options } = request;
  if (needsIgnoreEngines(options)) await loadIgnoreEngines();
  const a = decoded(request.a, options.mode);
  const b = decoded(request.b, options.mode);
  const warnings = [...a.warnings, ...b.warnings];
  // One mode for both sides, so that tag names and keys are comparable.
  const mode = options.mode ?? (a.mode === "xml" || b.mode === "xml" ? "xml" : "html");
  // The reports of hunks read the documents only as far as their changes and context.
  const diff = request.format === "text" || request.format === "term" ? diffForHunks : diffDocuments;
  const script = diff(a.text, b.text, {
    mode,
    ignoreWhitespace: options.ignoreWhitespace,
    ignoreCase: options.ignoreCase,
    ignoreComments: options.ignoreComments,
    ignoreAttributes: options.ignoreAttributes,
    ignoreElements: options.ignoreElements,
    ignoreText: options.ignoreText,
    ignoreValues: options.ignoreValues,
    algorithm: options.algorithm,
    ...(options.maxWork === undefined ? {} : { maxWork: options.maxWork }),
  });
  if (script.coarser?.reason === "work-budget") {
    warnings.push(`${b.name}: past the work budget (--max-work ${script.coarser.budget}), lines and tags were matched first; some changes are coarser than word by word`);
  } else if (script.coarser) {
    warnings.push(`${a.name} and ${b.name} differ too much for a fine diff; parts are shown as whole replacements`);
  }
  const status = script.identical ? 0 : 1;
  const counts = { changes: script.changes.length, inserted: script.stats.inserted, deleted: script.stats.deleted };
  if (options.quiet) return { status, output: "", warnings, counts };
  willRender?.();
  const output = await render(request.format, script, {
    oldLabel: a.name,
    newLabel: b.name,
    context: options.context,
    granularity: options.granularity,
    ...(theme ? { theme } : {}),
    fragment: options.fragment,
    keepScripts: options.keepScripts,
    ...(options.view ? { view: options.view } : {}),
    ...(options.maxAnnotations === undefined ? {} : { maxAnnotations: options.maxAnnotations }),
    charsets: { old: a.charset, new: b.charset },
  });
  return { status, output, warnings, counts };
}

function decoded(side: CompareSide, forced: CompareRequest["options"]["mode"]): Input {
  return "bytes" in side ? decodeInput(side.bytes, side.name, forced) : side;
}
