// Request bodies read with a size limit counted on the raw stream: a declared length over the
// limit is refused before a byte is read, and a chunked body as soon as it passes the limit.

import type { IncomingMessage } from "node:http";
import { HttpProblem } from "./problem.js";

/**
 * All of the body of `req`, at most `maxBytes`; throws a 413 {@link HttpProblem} past it.
 *
 * @example await readBody(req, 10 * 2 ** 20) // <Buffer 3c 70 3e …>
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  checkDeclaredLength(req, maxBytes);
  // Listeners, not `for await`: leaving an async iterator early destroys the stream, and the
  // client would get a broken pipe instead of the 413.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData).off("end", onEnd);
      reject(tooLarge(maxBytes));
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks, length));
    req.on("data", onData).on("end", onEnd).once("error", reject);
  });
}

/** Throws a 413 {@link HttpProblem} when the request's Content-Length is over `maxBytes`. */
export function checkDeclaredLength(req: IncomingMessage, maxBytes: number): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
}

/** The 413 of a body over `maxBytes`. */
export function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, `the request body is over the limit of ${maxBytes} bytes`);
}
