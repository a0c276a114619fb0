// How `htmldiff serve` starts and stops: on the socket systemd passes (socket activation, run
// with Debian's systemd-socket-activate), and on SIGTERM with a comparison in flight (it
// completes, then the process exits 0; a second signal exits at once).

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { putDocument, startServe, type ServeProcess } from "../support/serve.js";
import { SLOW_PAIR, SLOW_QUERY } from "../support/slow-pair.js";

const ACTIVATE = "/usr/bin/systemd-socket-activate";
const haveActivate = existsSync(ACTIVATE);
if (!haveActivate) console.warn(`SKIPPED: socket activation test: ${ACTIVATE} is missing (.ci/run installs Debian's systemd)`);

describe.skipIf(!haveActivate)("htmldiff serve under systemd socket activation", () => {
  it("answers on the socket passed as fd 3 (LISTEN_FDS, LISTEN_PID), opening no port of its own", async () => {
    const port = await freePort();
    const child = spawn(ACTIVATE, ["-l", `127.0.0.1:${port}`, process.execPath, BIN, "serve", "--workers", "1"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      // systemd-socket-activate listens first and starts the server at the first connection.
      await new Promise<void>((resolve) => child.stderr.on("data", (chunk: Buffer) => chunk.toString().includes("Listening on") && resolve()));
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      expect(stdout).toBe(`htmldiff serve: listening on http://127.0.0.1:${port}/ (fd 3, from systemd)\n`);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});

describe("htmldiff serve on SIGTERM", () => {
  let server: ServeProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("finishes the comparison in flight, then exits 0", async () => {
    server = await startServe(["--workers", "1"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0]), await putDocument(server.url, SLOW_PAIR[1])];
    const inFlight = fetch(`${server.url}/v1/diff/${a}/${b}?${SLOW_QUERY}`);
    await waitForPending(server.url);
    server.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^[0-9a-f]{64} → [0-9a-f]{64}: \d+ changes/);
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain("SIGTERM, finishing the comparisons in flight");
  });

  it("exits at once on a second signal, with status 1", async () => {
    server = await startServe(["--workers", "1"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0]), await putDocument(server.url, SLOW_PAIR[1])];
    const inFlight = fetch(`${server.url}/v1/diff/${a}/${b}?${SLOW_QUERY}`).then(
      (response) => response.status,
      () => "cut",
    );
    await waitForPending(server.url);
    server.child.kill("SIGTERM");
    await new Promise<void>((resolve) => server!.child.stderr!.on("data", (chunk: Buffer) => chunk.toString().includes("finishing") && resolve()));
    server.child.kill("SIGTERM");
    expect(await server.stop()).toBe(1);
    expect(await inFlight).toBe("cut");
  });
});

async function waitForPending(url: string): Promise<void> {
  for (;;) {
    const info = (await (await fetch(`${url}/`)).json()) as { diffs: { pending: number } };
    if (info.diffs.pending > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A loopback port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
