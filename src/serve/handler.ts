// The HTTP interface of `htmldiff serve` as one request handler, routing to the document store,
// the compare pool and the fetcher. See the README's "htmldiff serve" section for the interface.

import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { canonicalQuery, diffTag, STORED_FORMATS, type DiffQuery, type StoredFormat } from "../compare/diff-id.js";
import type { DiffJobs } from "../compare/jobs.js";
import { ComparePool, PoolBusyError, PoolTimeoutError } from "../compare/pool.js";
import type { CompareResult } from "../compare/request.js";
import { firstLine, InputError } from "../read/decode.js";
import { VERSION } from "../version.js";
import { readBody } from "./body.js";
import { readDiffPost } from "./diff-post.js";
import { HttpProblem, sendProblem } from "./problem.js";
import { parseDiffQuery } from "./query.js";
import { storeChecked } from "./documents.js";
import { getJob, postJobs, redisProblem } from "./jobs.js";
import { HASH, sha256, type DocumentStore } from "./store.js";
import type { FetchPolicy } from "./fetch.js";

/** What the handler serves from and its limits. */
export interface HandlerContext {
  readonly store: DocumentStore;
  readonly pool: ComparePool;
  /** The largest request body, and the largest fetched document, in bytes. */
  readonly maxBytes: number;
  /** The hard time limit of one comparison, in ms. */
  readonly timeoutMs: number;
  /** The work budget of each diff and the most a request may ask; absent: the engine's default, unbounded. */
  readonly maxWork?: number;
  /** Whether POST /v1/diff may name documents by URL, and what it may fetch. */
  readonly fetch?: FetchPolicy;
  /** Facts for GET /: the number of workers and the queue's bound. */
  readonly workers: number;
  readonly maxQueue: number;
  /** True once the server stops taking work: /readyz answers 503. */
  readonly draining: () => boolean;
  /** The job queue on Redis (`--redis`): /v1/jobs, and GET /v1/diff answered from finished jobs. */
  readonly jobs?: DiffJobs;
}

/** A request handler, as `node:http` calls it. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const CONTENT_TYPES: Readonly<Record<StoredFormat, string>> = {
  html: "text/html; charset=utf-8",
  page: "text/html; charset=utf-8",
  json: "application/json",
  text: "text/plain; charset=utf-8",
  stat: "text/plain; charset=utf-8",
};

/** Media types a stored document may be sent as (or none). */
const DOCUMENT_TYPES = new Set(["text/html", "application/xhtml+xml", "application/xml", "text/xml", "image/svg+xml", "text/plain", "application/octet-stream"]);

/** The answer of a diff for two hashes and options never changes for one version of the engine. */
const IMMUTABLE = "public, max-age=31536000, immutable";

const gzipAsync = promisify(gzip);

/**
 * The handler of `htmldiff serve`, to mount in any `node:http` server.
 *
 * @example http.createServer(createHandler(context)).listen(8080)
 */
export function createHandler(context: HandlerContext): RequestHandler {
  return (req, res) => {
    route(context, req, res).catch(async (error: unknown) => {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, `internal error: ${firstLine(error)}`);
      // A client still sending its body reads no answer till it has sent it: drop the rest first,
      // unless it declared a length over the limit, which is refused at once.
      const overDeclared = Number(req.headers["content-length"] ?? 0) > context.maxBytes;
      if (!req.complete && (overDeclared || !(await drain(req)))) res.setHeader("Connection", "close");
      sendProblem(res, problem, req.url);
    });
  };
}

async function route(context: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const parts = url.pathname.split("/").slice(1);
  const method = req.method ?? "GET";
  const only = (...methods: string[]): void => {
    if (!methods.includes(method)) throw new HttpProblem(405, `${url.pathname} takes ${methods.join(" or ")}`, { Allow: methods.join(", ") });
  };
  if (url.pathname === "/") return (only("GET", "HEAD"), sendJson(res, 200, info(context)));
  if (url.pathname === "/healthz") return (only("GET", "HEAD"), sendJson(res, 200, { status: "alive" }));
  if (url.pathname === "/readyz") {
    only("GET", "HEAD");
    return context.draining() ? sendJson(res, 503, { status: "draining" }) : sendJson(res, 200, { status: "ready" });
  }
  if (parts[0] === "v1" && parts[1] === "docs" && parts.length === 2) return (only("POST"), storeDocument(context, req, res));
  if (parts[0] === "v1" && parts[1] === "docs" && parts.length === 3) return (only("PUT"), storeDocument(context, req, res, hashParameter(parts[2]!)));
  if (parts[0] === "v1" && parts[1] === "diff" && parts.length === 2) return (only("POST"), postDiff(context, req, res, url));
  if (parts[0] === "v1" && parts[1] === "diff" && parts.length === 4) {
    only("GET", "HEAD");
    return getDiff(context, req, res, hashParameter(parts[2]!), hashParameter(parts[3]!), budgeted(parseDiffQuery(url.searchParams), context.maxWork));
  }
  if (parts[0] === "v1" && parts[1] === "jobs" && (parts.length === 2 || parts.length === 3)) {
    if (!context.jobs) throw new HttpProblem(404, "this server has no job queue (htmldiff serve --redis URL)");
    if (parts.length === 3) return (only("GET", "HEAD"), getJob(context.jobs, res, parts[2]!));
    only("POST");
    return postJobs(context.jobs, context.store, req, res, budgeted(parseDiffQuery(url.searchParams), context.maxWork), context.maxBytes);
  }
  throw new HttpProblem(404, `no such resource: ${url.pathname}`);
}

/** GET /: what this server is and its limits. */
function info(context: HandlerContext): object {
  return {
    name: "htmldiff",
    version: VERSION,
    formats: STORED_FORMATS,
    limits: { maxBytes: context.maxBytes, timeoutMs: context.timeoutMs, maxWork: context.maxWork ?? null, workers: context.workers, maxQueue: context.maxQueue },
    allowFetch: context.fetch !== undefined,
    diffs: { started: context.pool.started, pending: context.pool.pending, workerGeneration: context.pool.generation },
  };
}

/** PUT /v1/docs/{hash} (the body must hash to it) or POST /v1/docs: 201 with the hash. */
async function storeDocument(context: HandlerContext, req: IncomingMessage, res: ServerResponse, expected?: string): Promise<void> {
  checkDocumentType(req.headers["content-type"]);
  const bytes = await readBody(req, context.maxBytes);
  if (expected !== undefined && sha256(bytes) !== expected) throw new HttpProblem(422, `the body's SHA-256 is ${sha256(bytes)}, not ${expected}`);
  const hash = await storeChecked(context.store, bytes, "the document");
  res.writeHead(201, { "Content-Type": "application/json", Location: `/v1/docs/${hash}` });
  res.end(`${JSON.stringify({ sha256: hash })}\n`);
}

/** POST /v1/diff: stores both documents and redirects (303) to the cacheable GET URL. */
async function postDiff(context: HandlerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const query = parseDiffQuery(url.searchParams);
  const [a, b] = await readDiffPost(req, context);
  const search = canonicalQuery(query);
  res.writeHead(303, { Location: `/v1/diff/${a}/${b}${search ? `?${search}` : ""}`, "Content-Length": 0 });
  res.end();
}

/** GET /v1/diff/{a}/{b}: answered from If-None-Match before any work, else by the pool. */
async function getDiff(context: HandlerContext, req: IncomingMessage, res: ServerResponse, a: string, b: string, query: DiffQuery): Promise<void> {
  // The canonical query names the format and options in one order, whatever order the URL used.
  const tag = diffTag(query, a, b);
  const zipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const etag = zipped ? `"${tag}-gz"` : `"${tag}"`;
  const cacheHeaders = { ETag: etag, "Cache-Control": IMMUTABLE, Vary: "Accept-Encoding" };
  if (matches(req.headers["if-none-match"], tag)) {
    res.writeHead(304, cacheHeaders);
    res.end();
    return;
  }
  const result = (await finishedJob(context, tag, a, b)) ?? (await compareStored(context, a, b, query));
  const body = zipped ? await gzipAsync(result.output) : Buffer.from(result.output);
  res.writeHead(200, {
    ...cacheHeaders,
    "Content-Type": CONTENT_TYPES[query.format],
    ...(zipped ? { "Content-Encoding": "gzip" } : {}),
    "Content-Length": body.length,
    "Htmldiff-Identical": result.status === 0 ? "true" : "false",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The result of a job queued by POST /v1/jobs for this diff, when it is done: the same bytes as a comparison here. */
async function finishedJob(context: HandlerContext, tag: string, a: string, b: string): Promise<CompareResult | undefined> {
  if (!context.jobs) return undefined;
  const done = await redisProblem(context.jobs.result(tag));
  // Labelled by hash, as this server labels: a job queued from the command line shows paths instead.
  return done && done.result.job.oldLabel === a && done.result.job.newLabel === b ? done.result : undefined;
}

async function compareStored(context: HandlerContext, a: string, b: string, query: DiffQuery): Promise<CompareResult> {
  const [old, updated] = await Promise.all([context.store.get(a), context.store.get(b)]);
  if (!old || !updated) throw new HttpProblem(404, `no document with the hash ${old ? b : a}; PUT it to /v1/docs/{sha256} first`);
  return compareOnPool(context, { a: { name: a, bytes: old }, b: { name: b, bytes: updated }, options: query.options, format: query.format });
}

async function compareOnPool(context: HandlerContext, request: Parameters<ComparePool["run"]>[0]) {
  try {
    return await context.pool.run(request, context.timeoutMs);
  } catch (error) {
    if (error instanceof PoolBusyError) throw new HttpProblem(503, error.message, { "Retry-After": "1" });
    if (error instanceof PoolTimeoutError) throw new HttpProblem(504, error.message);
    if (error instanceof InputError) throw new HttpProblem(422, error.message);
    throw new HttpProblem(500, `the comparison failed: ${firstLine(error)}`);
  }
}

/**
 * The query with the server's work budget: a request may ask less, never more (400). The
 * budget is part of the options, so it is part of the ETag: servers with other budgets give
 * other answers.
 */
function budgeted(query: DiffQuery, maxWork: number | undefined): DiffQuery {
  if (maxWork === undefined) return query;
  const asked = query.options.maxWork;
  if (asked !== undefined && asked > maxWork) throw new HttpProblem(400, `max-work is at most ${maxWork} on this server`);
  return { ...query, options: { ...query.options, maxWork: asked ?? maxWork } };
}

/** Whether an If-None-Match header names this diff (in either encoding), or is `*`. */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(",").some((item) => {
    const candidate = item.trim().replace(/^W\//, "");
    return candidate === "*" || candidate === `"${tag}"` || candidate === `"${tag}-gz"`;
  });
}

/** How long, and how much more, a refused request's body is read and dropped before the connection is cut. */
const LINGER_MS = 2000;
const LINGER_BYTES = 16 * 2 ** 20;

/**
 * Reads and drops the rest of a refused request's body, so that a client still sending it
 * reads the answer instead of a broken pipe; true when the body ended, false when it ran past
 * {@link LINGER_BYTES} or {@link LINGER_MS} (then the connection is closed after the answer:
 * a declared gigabyte is never read).
 */
function drain(req: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let dropped = 0;
    const done = (ended: boolean): void => {
      clearTimeout(cut);
      req.off("data", onData).off("end", onEnd).off("close", onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer): void => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) done(false);
    };
    const onEnd = (): void => done(true);
    const onClose = (): void => done(req.complete);
    const cut = setTimeout(() => done(false), LINGER_MS);
    cut.unref();
    req.on("data", onData).once("end", onEnd).once("close", onClose);
    req.resume();
  });
}

function hashParameter(text: string): string {
  if (!HASH.test(text)) throw new HttpProblem(400, "a document is named by its SHA-256: 64 lower-case hex digits");
  return text;
}

function checkDocumentType(header: string | undefined): void {
  const type = header?.split(";")[0]!.trim().toLowerCase();
  if (type && !DOCUMENT_TYPES.has(type)) throw new HttpProblem(415, `a document is sent as text/html, application/xhtml+xml, an XML type or text/plain, not ${type}`);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(`${JSON.stringify(body)}\n`);
}
