// The options of GET /v1/diff as query parameters: parsed strictly (an unknown or malformed
// parameter is a 400, never silently ignored, since the answer is cached forever), normalized,
// and written back in one canonical order for the URL that POST /v1/diff redirects to.

import { QUERY_FLAGS as FLAGS, QUERY_LISTS as LISTS, STORED_FORMATS, type DiffQuery, type StoredFormat } from "../compare/diff-id.js";
import { compareOptions, type CompareOptions } from "../compare/request.js";
import { normalizeOptions, OptionError } from "../options.js";
import { loadIgnoreEngines } from "../text/ignore-engines.js";
import { HttpProblem } from "./problem.js";

// Queries are checked as they arrive, synchronously: the engines of the ignore options are loaded with this module.
await loadIgnoreEngines();

const CHOICES = {
  format: STORED_FORMATS,
  mode: ["html", "xml"],
  algorithm: ["default", "myers", "histogram", "difflib"],
  granularity: ["word", "char"],
  view: ["document", "source"],
} as const;

/**
 * Parses the query of a diff URL; throws a 400 {@link HttpProblem} naming the bad parameter.
 *
 * @example parseDiffQuery(new URLSearchParams("format=json&ignore-case=1")) // { format: "json", options: { ignoreCase: true, … } }
 */
export function parseDiffQuery(params: URLSearchParams): DiffQuery {
  const given: Record<string, unknown> = {};
  let format: StoredFormat = "html";
  const lists = new Map<string, Set<string>>(Object.keys(LISTS).map((name) => [name, new Set()]));
  for (const [name, value] of params) {
    if (name in FLAGS) given[FLAGS[name as keyof typeof FLAGS]] = flag(name, value);
    else if (name in CHOICES) {
      const choices: readonly string[] = CHOICES[name as keyof typeof CHOICES];
      if (!choices.includes(value)) throw bad(`${name} must be one of ${choices.join(", ")}`);
      if (name === "format") format = value as StoredFormat;
      else given[name] = value;
    } else if (lists.has(name)) {
      if (!value) throw bad(`${name} needs a value`);
      lists.get(name)!.add(value);
    } else if (name === "context") given.context = whole(name, value, 0);
    else if (name === "max-work") given.maxWork = whole(name, value, 1);
    else throw bad(`unknown parameter '${name}'`);
  }
  if (given.fragment && format !== "html") throw bad(`fragment applies only to format=html, not to ${format}`);
  if (given.view && format !== "html" && format !== "page") throw bad(`view applies only to format=html or page, not to ${format}`);
  for (const [name, key] of Object.entries(LISTS)) given[key] = [...lists.get(name)!].sort();
  const options = compareOptions(given);
  checkIgnores(options);
  return { format, options };
}

/** Compiles the selectors and patterns once; a bad one is a 400 naming its parameter. */
function checkIgnores({ ignoreAttributes, ignoreElements, ignoreText, ignoreValues }: CompareOptions): void {
  try {
    normalizeOptions({ ignoreAttributes, ignoreElements, ignoreText, ignoreValues });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    const name = Object.entries(LISTS).find(([, key]) => key === error.option)![0];
    throw bad(`${name}: ${error.detail}`);
  }
}

function flag(name: string, value: string): boolean {
  if (value === "" || value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw bad(`${name} must be 1, true, 0 or false`);
}

function whole(name: string, value: string, least: number): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < least) throw bad(`${name} must be a whole number of at least ${least}`);
  return Number(value);
}

function bad(detail: string): HttpProblem {
  return new HttpProblem(400, detail);
}
