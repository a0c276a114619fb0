// POST /v1/diff with documents by URL (--allow-fetch) and its guard against server-side request
// forgery. Only loopback servers are contacted: the refused targets (127.0.0.1 without an
// allowance, 10.0.0.1, 169.254.169.254) are refused before any connection is made.

import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detailOf, hashOf, startServe, type ServeProcess } from "../support/serve.js";

describe("htmldiff serve --allow-fetch", () => {
  let origin: Server;
  let originUrl: string;
  let guarded: ServeProcess;
  let intranet: ServeProcess;
  let closed: ServeProcess;
  const hits: string[] = [];

  beforeAll(async () => {
    origin = createServer((req, res) => {
      hits.push(req.url!);
      if (req.url === "/a.html") res.end("<p>fetched one</p>");
      else if (req.url === "/b.html") res.end("<p>fetched two</p>");
      else if (req.url === "/to-private") res.writeHead(302, { Location: "http://10.0.0.1/secret" }).end();
      else if (req.url === "/to-metadata") res.writeHead(301, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
      else if (req.url === "/big") res.end(`<p>${"x".repeat(5000)}</p>`);
      else if (req.url === "/hang") res.flushHeaders();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
    originUrl = `http://127.0.0.1:${(origin.address() as { port: number }).port}`;
    [guarded, intranet, closed] = await Promise.all([
      startServe(["--workers", "1", "--allow-fetch"]),
      startServe(["--workers", "1", "--allow-fetch", "--fetch-allow", "127.0.0.0/8", "--max-bytes", "4KiB", "--timeout", "1s"]),
      startServe(["--workers", "1"]),
    ]);
  });
  afterAll(async () => {
    await Promise.all([guarded.stop(), intranet.stop(), closed.stop()]);
    origin.closeAllConnections();
    await new Promise((resolve) => origin.close(resolve));
  });

  const post = (server: ServeProcess, a: string, b: string) =>
    fetch(`${server.url}/v1/diff?format=stat`, { method: "POST", body: JSON.stringify({ a: { url: a }, b: { url: b } }), headers: { "Content-Type": "application/json" }, redirect: "manual" });

  it("refuses loopback, private, link-local and metadata addresses with 422, and sends them nothing", async () => {
    const before = hits.length;
    for (const target of [`${originUrl}/a.html`, "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]:1/", "http://100.64.0.1/", "http://localhost:1/"]) {
      const response = await post(guarded, target, target);
      expect(response.status, target).toBe(422);
      expect(await detailOf(response), target).toMatch(/^refusing to fetch .*loopback, private, link-local or reserved address$/);
    }
    expect(hits.length).toBe(before);
  });

  it("refuses schemes other than http(s) with 400, and URLs at all without --allow-fetch", async () => {
    expect((await post(guarded, "file:///etc/passwd", "file:///etc/passwd")).status).toBe(400);
    const response = await post(closed, `${originUrl}/a.html`, `${originUrl}/b.html`);
    expect(response.status).toBe(400);
    expect(await detailOf(response)).toBe("documents by URL need the server to run with --allow-fetch");
  });

  it("fetches from a range allowed with --fetch-allow and redirects to the diff", async () => {
    const response = await post(intranet, `${originUrl}/a.html`, `${originUrl}/b.html`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/v1/diff/${hashOf("<p>fetched one</p>")}/${hashOf("<p>fetched two</p>")}?format=stat`);
  });

  it("checks every redirect again: an allowed origin cannot send the fetch to 10.0.0.1 or 169.254.169.254", async () => {
    for (const [path, address] of [
      ["/to-private", "10.0.0.1"],
      ["/to-metadata", "169.254.169.254"],
    ]) {
      const response = await post(intranet, `${originUrl}${path}`, `${originUrl}/b.html`);
      expect(response.status, path).toBe(422);
      expect(await detailOf(response)).toContain(`is ${address}, a loopback`);
    }
  });

  it("bounds a fetched document's size (413) and the fetch's time (504)", async () => {
    expect((await post(intranet, `${originUrl}/big`, `${originUrl}/b.html`)).status).toBe(413);
    expect((await post(intranet, `${originUrl}/hang`, `${originUrl}/b.html`)).status).toBe(504);
  });
});
