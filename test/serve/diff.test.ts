// GET /v1/diff/{a}/{b} and POST /v1/diff of `htmldiff serve` over real HTTP: the answer, its
// cache headers, If-None-Match answered before any work, the redirect of a POST, and the
// service endpoints.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesOf, diffsStarted, hashOf, putDocument, startServe, type ServeProcess } from "../support/serve.js";

describe("htmldiff serve: diffs", () => {
  let server: ServeProcess;
  let a: string;
  let b: string;
  beforeAll(async () => {
    server = await startServe(["--workers", "1"]);
    a = await putDocument(server.url, "<p>The quick brown fox</p>");
    b = await putDocument(server.url, "<p>The QUICK red fox</p>");
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("answers the diff in the format asked for, with an ETag and immutable caching", async () => {
    const response = await fetch(`${server.url}/v1/diff/${a}/${b}?format=text`, { headers: { "Accept-Encoding": "identity" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{43}"$/);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(await response.text()).toBe(`--- ${a}\n+++ ${b}\n@@ -1 +1 @@\n1 1 │ <p>The [-quick brown-]{+QUICK red+} fox</p>\n`);
  });

  it("applies every option that changes the answer, and gives each its own ETag", async () => {
    const plain = await fetch(`${server.url}/v1/diff/${a}/${b}?format=json`);
    const folded = await fetch(`${server.url}/v1/diff/${a}/${b}?format=json&ignore-case=1`);
    expect(plain.headers.get("etag")).not.toBe(folded.headers.get("etag"));
    const json = (await folded.json()) as { summary: { changes: number } };
    expect(json.summary.changes).toBe(1);
    expect(await changesOf(plain)).toBeGreaterThanOrEqual(1);
    const html = await fetch(`${server.url}/v1/diff/${a}/${b}?fragment=1`);
    expect(await html.text()).toContain("<del");
  });

  it("gives one ETag to equal requests, whatever the order of their parameters", async () => {
    const tags = await Promise.all(
      ["max-work=90000000&mode=html&ignore-case=1", "ignore-case=true&mode=html&max-work=90000000"].map(async (query) => {
        const response = await fetch(`${server.url}/v1/diff/${a}/${b}?${query}`, { headers: { "Accept-Encoding": "identity" } });
        await response.arrayBuffer();
        return response.headers.get("etag");
      }),
    );
    expect(tags[0]).toBe(tags[1]);
  });

  it("answers If-None-Match with 304 before any work: no comparison is started", async () => {
    const first = await fetch(`${server.url}/v1/diff/${a}/${b}?format=stat&context=5`);
    const etag = first.headers.get("etag")!;
    const before = await diffsStarted(server.url);
    const again = await fetch(`${server.url}/v1/diff/${a}/${b}?format=stat&context=5`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await diffsStarted(server.url)).toBe(before);
  });

  it("gzips for a client that accepts it, under its own tag", async () => {
    const response = await fetch(`${server.url}/v1/diff/${a}/${b}?format=page`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("etag")).toMatch(/-gz"$/);
    expect(await response.text()).toContain("<!DOCTYPE html>");
  });

  it("redirects a POST of both documents (multipart) to the GET URL with canonical options (303)", async () => {
    const form = new FormData();
    form.append("a", new Blob(["<p>left</p>"], { type: "text/html" }), "a.html");
    form.append("b", new Blob(["<p>right</p>"], { type: "text/html" }), "b.html");
    const response = await fetch(`${server.url}/v1/diff?ignore-case=true&format=json`, { method: "POST", body: form, redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/v1/diff/${hashOf("<p>left</p>")}/${hashOf("<p>right</p>")}?format=json&ignore-case=1`);
    const followed = await fetch(`${server.url}${response.headers.get("location")}`);
    expect(await changesOf(followed)).toBe(1);
  });

  it("redirects a POST of both documents as JSON", async () => {
    const response = await fetch(`${server.url}/v1/diff`, {
      method: "POST",
      body: JSON.stringify({ a: "<p>x</p>", b: "<p>y</p>" }),
      headers: { "Content-Type": "application/json" },
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/v1/diff/${hashOf("<p>x</p>")}/${hashOf("<p>y</p>")}`);
  });

  it("says what it is on /, that it is alive on /healthz and ready on /readyz", async () => {
    const info = await (await fetch(`${server.url}/`)).json();
    expect(info).toMatchObject({ name: "htmldiff", formats: ["html", "page", "json", "text", "stat"], limits: { maxBytes: 10485760, timeoutMs: 30000, workers: 1 } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready" });
  });
});

describe("htmldiff serve: errors as application/problem+json", () => {
  let server: ServeProcess;
  let a: string;
  beforeAll(async () => {
    server = await startServe(["--workers", "1", "--max-bytes", "1KiB"]);
    a = await putDocument(server.url, "<p>a</p>");
  });
  afterAll(async () => {
    await server.stop();
  });

  const problem = async (response: Response, status: number): Promise<string> => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { status: number; detail: string };
    expect(body.status).toBe(status);
    return body.detail;
  };

  it("400 for an unknown or malformed option, never ignored", async () => {
    expect(await problem(await fetch(`${server.url}/v1/diff/${a}/${a}?ignore-cas=1`), 400)).toBe("unknown parameter 'ignore-cas'");
    expect(await problem(await fetch(`${server.url}/v1/diff/${a}/${a}?format=pdf`), 400)).toMatch(/^format must be one of/);
    expect(await problem(await fetch(`${server.url}/v1/diff/${a}/${a}?context=-1`), 400)).toMatch(/^context must be/);
  });

  it("404 for a document the store does not hold, and for an unknown path", async () => {
    expect(await problem(await fetch(`${server.url}/v1/diff/${a}/${hashOf("missing")}`), 404)).toContain(hashOf("missing"));
    await problem(await fetch(`${server.url}/v2/nothing`), 404);
  });

  it("405 with Allow for a method a path does not take", async () => {
    const response = await fetch(`${server.url}/v1/docs`, { method: "DELETE" });
    await problem(response, 405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("413 for a body over --max-bytes, declared or streamed", async () => {
    await problem(await fetch(`${server.url}/v1/docs`, { method: "POST", body: "x".repeat(2000) }), 413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode("<p>".padEnd(500, "y")));
        controller.close();
      },
    });
    await problem(await fetch(`${server.url}/v1/docs`, { method: "POST", body: chunks, duplex: "half" } as RequestInit), 413);
  });

  it("415 for a diff posted as neither multipart nor JSON; 422 for a binary side", async () => {
    await problem(await fetch(`${server.url}/v1/diff`, { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), 415);
    const body = JSON.stringify({ a: "<p>", b: "\u0000\u0001" });
    expect(await problem(await fetch(`${server.url}/v1/diff`, { method: "POST", body, headers: { "Content-Type": "application/json" } }), 422)).toMatch(/^b is not an HTML or XML document/);
  });
});
