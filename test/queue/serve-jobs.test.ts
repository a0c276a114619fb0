// `htmldiff serve --redis`: POST /v1/jobs queues pairs of stored documents for the workers under
// the ETags of their diffs (the ids `htmldiff enqueue` gives too); GET /v1/jobs/{id} redirects a
// finished job to its diff, answered from the job's result without a comparison on the server;
// errors are problem+json, Redis away 503.

import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "../../src/compare/compare.js";
import { compareOptions } from "../../src/compare/request.js";
import { documentPair, htmlDocument } from "../support/arbitraries.js";
import { freePort, haveRedis, runAsync, startRedis, startWorker, type RedisServer, type WorkerProcess } from "../support/redis.js";
import { diffsStarted, putDocument, startServe, type ServeProcess } from "../support/serve.js";

if (!haveRedis) console.warn("SKIPPED: serve --redis tests: redis-server is missing (.ci/run installs it)");

describe.skipIf(!haveRedis)("htmldiff serve --redis", () => {
  let redis: RedisServer;
  let serve: ServeProcess;
  let worker: WorkerProcess;

  beforeAll(async () => {
    redis = await startRedis();
    [serve, worker] = await Promise.all([startServe(["--workers", "1", "--redis", redis.url, "--queue", "web"]), startWorker(redis.url, ["--queue", "web", "--concurrency", "1"])]);
  });

  afterAll(async () => {
    await Promise.all([serve?.stop(), worker?.stop()]);
    await redis?.remove();
  });

  it("queues pairs under their diffs' ETags and redirects each finished job to its diff, answered without a comparison on the server", async () => {
    const pairs = fc.sample(documentPair(htmlDocument(20)), { numRuns: 8, seed: 2121 }).map(([a, b], i) => [`<p>${i}</p>${a}`, `<p>${i}</p>${b}`] as const);
    const hashes = await Promise.all(pairs.map(async ([a, b]) => ({ a: await putDocument(serve.url, a), b: await putDocument(serve.url, b) })));
    const posted = await fetch(`${serve.url}/v1/jobs?format=json`, { method: "POST", body: JSON.stringify(hashes) });
    expect(posted.status).toBe(202);
    const { jobs } = (await posted.json()) as { jobs: { id: string; location: string }[] };
    expect(jobs).toHaveLength(pairs.length);
    for (const [i, job] of jobs.entries()) {
      let answer = await fetch(`${serve.url}${job.location}`, { redirect: "manual" });
      while (answer.status === 200) {
        expect(((await answer.json()) as { state: string }).state).toMatch(/^(waiting|active|delayed)$/);
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await fetch(`${serve.url}${job.location}`, { redirect: "manual" });
      }
      expect(answer.status).toBe(303);
      const diff = await fetch(`${serve.url}${answer.headers.get("location")}`, { headers: { "Accept-Encoding": "identity" } });
      expect(diff.headers.get("etag")).toBe(`"${job.id}"`);
      const expected = await compare({
        a: { name: hashes[i]!.a, bytes: Buffer.from(pairs[i]![0]) },
        b: { name: hashes[i]!.b, bytes: Buffer.from(pairs[i]![1]) },
        options: compareOptions(),
        format: "json",
      });
      expect(await diff.text()).toBe(expected.output);
    }
    expect(await diffsStarted(serve.url)).toBe(0);
    // The command line names the same pair and options with the same id.
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-serve-jobs-"));
    try {
      const files = pairs[0]!.map((text, i) => {
        writeFileSync(join(dir, `${i}.html`), text);
        return join(dir, `${i}.html`);
      });
      expect((await runAsync(["enqueue", "--redis", redis.url, "--queue", "web", "-f", "json", ...files])).stdout).toBe(`${jobs[0]!.id}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers bad requests and unknown jobs with problem+json", async () => {
    const stored = await putDocument(serve.url, "<p>stored</p>");
    const answers = await Promise.all([
      fetch(`${serve.url}/v1/jobs`, { method: "POST", body: "not json" }),
      fetch(`${serve.url}/v1/jobs`, { method: "POST", body: JSON.stringify([{ a: stored, b: "0".repeat(64) }]) }),
      fetch(`${serve.url}/v1/jobs/no-such-job`),
      fetch(`${serve.url}/v1/jobs`),
    ]);
    expect(answers.map((answer) => [answer.status, answer.headers.get("content-type")])).toEqual([
      [400, "application/problem+json"],
      [404, "application/problem+json"],
      [404, "application/problem+json"],
      [405, "application/problem+json"],
    ]);
  });

  it("answers 503 while Redis is down, and says in one line with status 2 when it cannot be reached at start", async () => {
    const stored = await putDocument(serve.url, "<p>before the outage</p>");
    await redis.stop();
    try {
      const answers = await Promise.all([
        fetch(`${serve.url}/v1/jobs`, { method: "POST", body: JSON.stringify([{ a: stored, b: stored }]) }),
        fetch(`${serve.url}/v1/jobs/someid`),
        fetch(`${serve.url}/v1/diff/${stored}/${stored}`),
      ]);
      expect(answers.map((answer) => [answer.status, answer.headers.get("content-type")])).toEqual(Array(3).fill([503, "application/problem+json"]));
      const unreachable = await runAsync(["serve", "--port", "0", "--redis", `redis://127.0.0.1:${await freePort()}`]);
      expect(unreachable.status).toBe(2);
      expect(unreachable.stderr).toMatch(/^htmldiff: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
    } finally {
      await redis.start();
    }
  });
});
