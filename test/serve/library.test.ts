// The service as a library: createServer() from the package's entry point (the built dist/, as
// a program that installed the package imports it), listening itself or mounted in the
// program's own node:http server through its request handler.

import { createServer as createHttpServer } from "node:http";
import { describe, expect, it } from "vitest";
import { hashOf } from "../support/serve.js";

describe("createServer from the package", () => {
  it("serves diffs on a server the program listens with", async () => {
    const { createServer } = await import("htmldiff-cli");
    const diff = createServer({ workers: 1 });
    await new Promise<void>((resolve) => diff.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(diff.server.address() as { port: number }).port}`;
    try {
      const response = await fetch(`${url}/v1/diff`, { method: "POST", body: JSON.stringify({ a: "<p>a b</p>", b: "<p>a c</p>" }), headers: { "Content-Type": "application/json" } });
      expect(response.url).toBe(`${url}/v1/diff/${hashOf("<p>a b</p>")}/${hashOf("<p>a c</p>")}`);
      expect(await response.text()).toContain("<del");
    } finally {
      await diff.shutdown();
    }
  });

  it("gives its request handler to a program's own server", async () => {
    const { createServer } = await import("htmldiff-cli");
    const diff = createServer({ workers: 1 });
    const own = createHttpServer((req, res) => (req.url === "/mine" ? res.end("mine") : diff.handler(req, res)));
    await new Promise<void>((resolve) => own.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(own.address() as { port: number }).port}`;
    try {
      expect(await (await fetch(`${url}/mine`)).text()).toBe("mine");
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "alive" });
    } finally {
      own.closeAllConnections();
      await new Promise((resolve) => own.close(resolve));
      await diff.shutdown();
    }
  });
});
