// Hostile requests to `htmldiff serve`, sent byte by byte over raw sockets: a huge declared body
// refused before it is sent, headers or a body that trickle in (slowloris), malformed multipart,
// and paths that try to climb out of the store. Each gets its answer and the server stays up.

import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeProcess } from "../support/serve.js";

describe("htmldiff serve under hostile requests", () => {
  let server: ServeProcess;
  let port: number;
  beforeAll(async () => {
    server = await startServe(["--workers", "1", "--max-bytes", "64KiB", "--headers-timeout", "1s", "--request-timeout", "2s"]);
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  /** Writes `parts` to a new connection and resolves with all it received once the server closes it. */
  const exchange = (parts: string[], keepWriting = false): Promise<string> =>
    new Promise((resolve) => {
      const socket: Socket = connect(port, "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.on("close", () => resolve(received));
      socket.on("error", () => undefined);
      for (const part of parts) socket.write(part);
      // A slow client: one more byte now and then, never the end.
      if (keepWriting) {
        const drip = setInterval(() => socket.writable && socket.write("x"), 200);
        socket.on("close", () => clearInterval(drip));
      }
    });

  it("refuses a declared length over --max-bytes at once, without waiting for the body (413)", async () => {
    const reply = await exchange(["POST /v1/docs HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 1000000000\r\n\r\n<p>"]);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain("Content-Type: application/problem+json");
  });

  it("closes a connection whose headers trickle in past --headers-timeout (408)", async () => {
    const reply = await exchange(["GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "], true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("closes a connection whose body trickles in past --request-timeout (408)", async () => {
    const reply = await exchange(["POST /v1/docs HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 60000\r\n\r\n<p>"], true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("answers malformed multipart with 400", async () => {
    const body = '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\n<p>a\r\n--zz\r\nContent-Disposition: form-data; name="b"\r\n\r\n<p>b';
    const reply = await exchange([`POST /v1/diff HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`]);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain("malformed multipart request");
    const noBoundary = await exchange(["POST /v1/diff HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab"]);
    expect(noBoundary).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("answers paths that climb out of the store with 400 or 404, never a file", async () => {
    for (const path of ["/v1/docs/../../etc/passwd", "/v1/diff/..%2f..%2fetc%2fpasswd/x", "/v1/diff/../../../etc/passwd"]) {
      const reply = await exchange([`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
      expect(reply, path).toMatch(/^HTTP\/1\.1 (400|404|405) /);
      expect(reply, path).not.toContain("root:");
    }
  });

  it("is still up after all of them", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
