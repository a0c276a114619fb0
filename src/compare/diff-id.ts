// The name of a diff: its format and options in one canonical query string, and the tag (the
// ETag of `htmldiff serve`, the job id of the queue) that engine version, query and both
// documents' hashes give. Equal requests get equal names, whichever front end made them.

import { createHash } from "node:crypto";
import { VERSION } from "../version.js";
import { compareOptions, type CompareOptions } from "./request.js";

/** The formats a diff is served and stored in. */
export const STORED_FORMATS = ["html", "page", "json", "text", "stat"] as const;

/** One of {@link STORED_FORMATS}. */
export type StoredFormat = (typeof STORED_FORMATS)[number];

/** What a diff asks for besides its two documents. */
export interface DiffQuery {
  readonly format: StoredFormat;
  readonly options: CompareOptions;
}

/** The query's on/off parameters and the options they set. */
export const QUERY_FLAGS = { "ignore-whitespace": "ignoreWhitespace", "ignore-case": "ignoreCase", "ignore-comments": "ignoreComments", fragment: "fragment" } as const;

/** The repeatable parameters: the ignore rules, each a list whose order does not change the answer. */
export const QUERY_LISTS = { "ignore-attr": "ignoreAttributes", ignore: "ignoreElements", "ignore-text": "ignoreText", "ignore-value": "ignoreValues" } as const;

/**
 * The query in canonical form: every parameter that differs from its default, in a fixed
 * order, so that equal requests have equal URLs (and caches keep one copy). Lists are written
 * in the order given: callers sort and deduplicate them first.
 *
 * @example canonicalQuery({ format: "json", options: compareOptions({ ignoreCase: true }) }) // "format=json&ignore-case=1"
 */
export function canonicalQuery({ format, options }: DiffQuery): string {
  const defaults = compareOptions();
  const params = new URLSearchParams();
  if (format !== "html") params.append("format", format);
  if (options.mode) params.append("mode", options.mode);
  for (const [name, key] of Object.entries(QUERY_FLAGS)) if (options[key]) params.append(name, "1");
  for (const [name, key] of Object.entries(QUERY_LISTS)) for (const value of options[key]) params.append(name, value);
  if (options.algorithm !== defaults.algorithm) params.append("algorithm", options.algorithm);
  if (options.maxWork !== undefined) params.append("max-work", String(options.maxWork));
  if (options.context !== defaults.context) params.append("context", String(options.context));
  if (options.granularity !== defaults.granularity) params.append("granularity", options.granularity);
  if (options.view) params.append("view", options.view);
  return params.toString();
}

/**
 * The tag of the diff of documents `a` and `b` (SHA-256 hex) under `query` with this version of
 * the engine: the same answer always has the same tag (base64url, 43 characters).
 *
 * @example diffTag({ format: "text", options: compareOptions() }, a, b) // "3q0m…"
 */
export function diffTag(query: DiffQuery, a: string, b: string): string {
  return createHash("sha256")
    .update(JSON.stringify([VERSION, canonicalQuery(query), a, b]))
    .digest("base64url");
}
