// The body of POST /v1/diff: both documents as multipart/form-data parts `a` and `b` (files or
// fields), or as JSON {"a": "<p>…", "b": "<p>…"}, where with --allow-fetch a side may be
// {"url": "https://…"}. Each side is stored; the result is the two hashes.

import busboy from "busboy";
import type { IncomingMessage } from "node:http";
import { checkDeclaredLength, readBody, tooLarge } from "./body.js";
import { fetchDocument, type FetchPolicy } from "./fetch.js";
import { storeChecked } from "./documents.js";
import { HttpProblem } from "./problem.js";
import type { DocumentStore } from "./store.js";

/** What reading a diff's body needs: where to store, the size limit, and the fetch policy if fetching is allowed. */
export interface DiffPostContext {
  readonly store: DocumentStore;
  readonly maxBytes: number;
  readonly fetch?: FetchPolicy;
}

/**
 * Reads, stores and returns the hashes of the two documents of a POST /v1/diff; throws an
 * {@link HttpProblem}: 400 malformed, 413 too large, 415 another media type, 422 not a document.
 *
 * @example await readDiffPost(req, context) // ["9f86…", "60303…"]
 */
export async function readDiffPost(req: IncomingMessage, context: DiffPostContext): Promise<[string, string]> {
  const type = req.headers["content-type"]?.split(";")[0]!.trim().toLowerCase();
  let sides: Map<string, Uint8Array>;
  if (type === "multipart/form-data") sides = await readMultipart(req, context.maxBytes);
  else if (type === "application/json") sides = await readJson(req, context);
  else throw new HttpProblem(415, "POST /v1/diff takes multipart/form-data or application/json");
  const a = sides.get("a");
  const b = sides.get("b");
  if (!a || !b) throw new HttpProblem(400, "both documents are needed: parts (or members) named a and b");
  return [await storeChecked(context.store, a, "a"), await storeChecked(context.store, b, "b")];
}

async function readJson(req: IncomingMessage, context: DiffPostContext): Promise<Map<string, Uint8Array>> {
  const text = (await readBody(req, context.maxBytes)).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "the body is not valid JSON");
  }
  if (typeof body !== "object" || body === null) throw new HttpProblem(400, 'expected a JSON object {"a": …, "b": …}');
  const sides = new Map<string, Uint8Array>();
  for (const name of ["a", "b"]) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === "string") sides.set(name, Buffer.from(value));
    else if (typeof value === "object" && value !== null && typeof (value as { url?: unknown }).url === "string") {
      if (!context.fetch) throw new HttpProblem(400, "documents by URL need the server to run with --allow-fetch");
      sides.set(name, await fetchDocument((value as { url: string }).url, context.fetch));
    } else if (value !== undefined) throw new HttpProblem(400, `${name} must be the document's text, or {"url": …}`);
  }
  return sides;
}

/** The parts `a` and `b` of a multipart body, the whole body counted against `maxBytes` as it arrives. */
async function readMultipart(req: IncomingMessage, maxBytes: number): Promise<Map<string, Uint8Array>> {
  checkDeclaredLength(req, maxBytes);
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 2, fields: 2, fileSize: maxBytes, fieldSize: maxBytes } });
  } catch (error) {
    throw new HttpProblem(400, `malformed multipart request: ${(error as Error).message}`);
  }
  return new Promise((resolve, reject) => {
    const sides = new Map<string, Uint8Array>();
    let received = 0;
    const fail = (problem: HttpProblem): void => {
      req.unpipe(parser);
      reject(problem);
    };
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) fail(tooLarge(maxBytes));
    });
    parser.on("file", (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => sides.set(name, Buffer.concat(chunks)));
    });
    parser.on("field", (name, value) => sides.set(name, Buffer.from(value)));
    parser.on("error", (error: Error) => fail(new HttpProblem(400, `malformed multipart request: ${error.message}`)));
    parser.on("close", () => resolve(sides));
    req.pipe(parser);
  });
}
