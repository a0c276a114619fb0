// The options of GET /v1/diff as query parameters: parsed strictly (an unknown or malformed
// parameter is a 400, never silently ignored, since the answer is cached forever), normalized,
// and written back in one canonical order for the URL that POST /v1/diff redirects to.

import { compareOptions, type CompareOptions } from "../compare/request.js";
import { normalizeOptions, OptionError } from "../options.js";
import { loadIgnoreEngines } from "../text/ignore-engines.js";
import { HttpProblem } from "./problem.js";

// Queries are checked as they arrive, synchronously: the engines of the ignore options are loaded with this module.
await loadIgnoreEngines();

/** The formats the service renders. */
export const SERVE_FORMATS = ["html", "page", "json", "text", "stat"] as const;

/** One of {@link SERVE_FORMATS}. */
export type ServeFormat = (typeof SERVE_FORMATS)[number];

/** What a diff request asks for besides its two documents. */
export interface DiffQuery {
  readonly format: ServeFormat;
  readonly options: CompareOptions;
}

const FLAGS = { "ignore-whitespace": "ignoreWhitespace", "ignore-case": "ignoreCase", "ignore-comments": "ignoreComments", fragment: "fragment" } as const;
/** The repeatable parameters: the ignore rules, each a list whose order does not change the answer. */
const LISTS = { "ignore-attr": "ignoreAttributes", ignore: "ignoreElements", "ignore-text": "ignoreText", "ignore-value": "ignoreValues" } as const;
const CHOICES = {
  format: SERVE_FORMATS,
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
  let format: ServeFormat = "html";
  const lists = new Map<string, Set<string>>(Object.keys(LISTS).map((name) => [name, new Set()]));
  for (const [name, value] of params) {
    if (name in FLAGS) given[FLAGS[name as keyof typeof FLAGS]] = flag(name, value);
    else if (name in CHOICES) {
      const choices: readonly string[] = CHOICES[name as keyof typeof CHOICES];
      if (!choices.includes(value)) throw bad(`${name} must be one of ${choices.join(", ")}`);
      if (name === "format") format = value as ServeFormat;
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

/**
 * The query in canonical form: every parameter that differs from its default, in a fixed
 * order, so that equal requests have equal URLs (and caches keep one copy).
 *
 * @example canonicalQuery(parseDiffQuery(new URLSearchParams("ignore-case=true&format=json"))) // "format=json&ignore-case=1"
 */
export function canonicalQuery({ format, options }: DiffQuery): string {
  const defaults = compareOptions();
  const params = new URLSearchParams();
  if (format !== "html") params.append("format", format);
  if (options.mode) params.append("mode", options.mode);
  for (const [name, key] of Object.entries(FLAGS)) if (options[key]) params.append(name, "1");
  for (const [name, key] of Object.entries(LISTS)) for (const value of options[key]) params.append(name, value);
  if (options.algorithm !== defaults.algorithm) params.append("algorithm", options.algorithm);
  if (options.maxWork !== undefined) params.append("max-work", String(options.maxWork));
  if (options.context !== defaults.context) params.append("context", String(options.context));
  if (options.granularity !== defaults.granularity) params.append("granularity", options.granularity);
  if (options.view) params.append("view", options.view);
  return params.toString();
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
