// Errors as RFC 9457 problem details (application/problem+json): a status, a title and one line of detail.

import type { ServerResponse } from "node:http";

/** An error that answers a request with `status`; thrown anywhere below a handler. */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";
  /**
   * @example throw new HttpProblem(404, "no document with this hash", { "Retry-After": "1" })
   */
  constructor(
    readonly status: number,
    detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * Answers with `problem` as application/problem+json, and closes the connection when the
 * request's body was not read to its end (a refused upload is not drained).
 *
 * @example sendProblem(res, new HttpProblem(413, "the body is over 10485760 bytes"))
 */
export function sendProblem(res: ServerResponse, problem: HttpProblem, instance?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ type: "about:blank", title: TITLES[problem.status] ?? "Error", status: problem.status, detail: problem.message, ...(instance ? { instance } : {}) });
  res.writeHead(problem.status, { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...problem.headers });
  res.end(`${body}\n`);
}
