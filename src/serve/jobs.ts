// POST /v1/jobs and GET /v1/jobs/{id} of `htmldiff serve --redis`: pairs of stored documents
// queued for `htmldiff worker`, under the same names (diff tags) as the ETags of GET /v1/diff;
// a finished job redirects to that URL, which then answers from the stored result.

import type { IncomingMessage, ServerResponse } from "node:http";
import { canonicalQuery, type DiffQuery } from "../compare/diff-id.js";
import type { DiffJob, DiffJobs } from "../compare/jobs.js";
import { readBody } from "./body.js";
import { HttpProblem } from "./problem.js";
import { HASH, type DocumentStore } from "./store.js";

/** The most pairs one POST /v1/jobs may queue. */
const MAX_PAIRS = 10_000;

/**
 * Waits for a Redis command; a failure (Redis down or unreachable) becomes a 503 problem.
 *
 * @example const bytes = await redisProblem(jobs.getDocument(hash))
 */
export async function redisProblem<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch {
    throw new HttpProblem(503, "the job queue's Redis is unavailable; try again later", { "Retry-After": "5" });
  }
}

/**
 * POST /v1/jobs: the body is a JSON list of pairs `[{"a": sha256, "b": sha256}, …]` of stored
 * documents, the query the diff's format and options; answers 202 with each pair's job id and
 * its URL, in order.
 *
 * @example POST /v1/jobs?format=json  [{"a": "9f86…", "b": "6030…"}]  → 202 {"jobs": [{"id": "3q0m…", …}]}
 */
export async function postJobs(jobs: DiffJobs, store: DocumentStore, req: IncomingMessage, res: ServerResponse, query: DiffQuery, maxBytes: number): Promise<void> {
  const pairs = parsePairs((await readBody(req, maxBytes)).toString("utf8"));
  const missing = await findMissing(store, pairs);
  if (missing) throw new HttpProblem(404, `no document with the hash ${missing}; PUT it to /v1/docs/{sha256} first`);
  const queued: DiffJob[] = pairs.map(({ a, b }) => ({ a, b, oldLabel: a, newLabel: b, query }));
  const ids = await redisProblem(jobs.enqueue(queued));
  const body = { jobs: ids.map((id, i) => ({ id, a: pairs[i]!.a, b: pairs[i]!.b, location: `/v1/jobs/${id}` })) };
  res.writeHead(202, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(`${JSON.stringify(body)}\n`);
}

/** GET /v1/jobs/{id}: 303 to the diff when done; else the state (and a failed job's reason); 404 when unknown or expired. */
export async function getJob(jobs: DiffJobs, res: ServerResponse, id: string): Promise<void> {
  const state = await redisProblem(jobs.state(id));
  if (state.state === "unknown") throw new HttpProblem(404, `no job ${id} (never queued, or its result has expired)`);
  if (state.state === "completed") {
    const { a, b, query } = state.result.job;
    const search = canonicalQuery(query);
    res.writeHead(303, { Location: `/v1/diff/${a}/${b}${search ? `?${search}` : ""}`, "Cache-Control": "no-store", "Content-Length": 0 });
    res.end();
    return;
  }
  const body = { id, state: state.state, ...(state.state === "failed" ? { error: state.error } : {}) };
  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(`${JSON.stringify(body)}\n`);
}

function parsePairs(text: string): { a: string; b: string }[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "the body is not valid JSON");
  }
  if (!Array.isArray(body) || !body.length) throw new HttpProblem(400, 'expected a JSON list of pairs [{"a": sha256, "b": sha256}, …]');
  if (body.length > MAX_PAIRS) throw new HttpProblem(400, `at most ${MAX_PAIRS} pairs a request`);
  return body.map((pair: unknown, i) => {
    const { a, b } = (typeof pair === "object" && pair !== null ? pair : {}) as Record<string, unknown>;
    if (typeof a !== "string" || typeof b !== "string" || !HASH.test(a) || !HASH.test(b)) throw new HttpProblem(400, `pair ${i}: a and b must be documents' SHA-256, 64 lower-case hex digits`);
    return { a, b };
  });
}

async function findMissing(store: DocumentStore, pairs: readonly { a: string; b: string }[]): Promise<string | undefined> {
  const hashes = [...new Set(pairs.flatMap(({ a, b }) => [a, b]))];
  const found = await Promise.all(hashes.map((hash) => store.get(hash)));
  return hashes.find((_, i) => !found[i]);
}
