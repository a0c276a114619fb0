// The queue against a real redis-server: 1,000 pairs over two workers give every result once,
// equal to the CLI's output; a worker killed mid-job loses nothing; workers ride out a Redis
// restart; a bad document is a failed job at its first try; time limits and result TTLs hold;
// an unreachable Redis is one line and status 2.

import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, DiffJobs } from "../../src/compare/jobs.js";
import { htmlDocument, documentPair } from "../support/arbitraries.js";
import { runCli } from "../support/cli.js";
import { freePort, haveRedis, runAsync, startRedis, startWorker, type RedisServer, type WorkerProcess } from "../support/redis.js";
import { PAST_ANY_LIMIT, SLOW_PAIR } from "../support/slow-pair.js";

if (!haveRedis) console.warn("SKIPPED: queue tests: redis-server is missing (.ci/run installs it)");

/** A shorter {@link SLOW_PAIR}: with {@link SLOW} a second or two, long enough to kill a worker mid-job. */
const SLOWISH = SLOW_PAIR.map((side) => `${side.slice(0, 60_000)}</p>`);

/** The options that make {@link SLOWISH} slow. */
const SLOW = ["--algorithm", "myers", "--max-work", "4000000000", "-f", "stat"];

describe.skipIf(!haveRedis)("htmldiff worker, enqueue and results on Redis", () => {
  let redis: RedisServer;
  let dir: string;
  const workers: WorkerProcess[] = [];
  const worker = async (queue: string, ...args: string[]): Promise<WorkerProcess> => {
    const started = await startWorker(redis.url, ["--queue", queue, "--concurrency", "1", ...args]);
    workers.push(started);
    return started;
  };
  const write = (name: string, text: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), "htmldiff-queue-"));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => (w.child.kill("SIGKILL"), w.exited)));
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs 1,000 pairs on two workers: every result once, equal to the CLI's output for the pair", async () => {
    const pairs = fc.sample(documentPair(htmlDocument(12)), { numRuns: 1000, seed: 21 });
    const lines = pairs.map(([a, b], i) => `${write(`a${i}.html`, `<h1>pair ${i}</h1>${a}`)}\t${write(`b${i}.html`, `<h1>pair ${i}</h1>${b}`)}`);
    const list = write("pairs.tsv", `${lines.join("\n")}\n`);
    await Promise.all([worker("many"), worker("many")]);
    const queued = await runAsync(["enqueue", "--redis", redis.url, "--queue", "many", "--pairs", list]);
    expect(queued.stderr).toBe("");
    const ids = queued.stdout.trim().split("\n");
    expect(new Set(ids).size).toBe(1000);
    const results = await runAsync(["results", "--redis", redis.url, "--queue", "many", "--wait", "-f", "json"], queued.stdout);
    expect(results.stderr).toBe("");
    const rows = results.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; old: string; new: string; status: number; output: string });
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      const cli = await runCli([row.old, row.new]);
      expect({ pair: row.old, output: row.output, status: row.status }).toEqual({ pair: row.old, output: cli.stdout, status: cli.status });
    }
  });

  it("retries the job of a worker killed with SIGKILL mid-job; nothing is lost or duplicated", async () => {
    const jobs = new DiffJobs(await connectRedis(redis.url, "client"), "killed", 60);
    try {
      const first = await worker("killed", "--lock", "1");
      const slow = (await runAsync(["enqueue", "--redis", redis.url, "--queue", "killed", ...SLOW, write("slow-a.html", SLOWISH[0]!), write("slow-b.html", SLOWISH[1]!)])).stdout.trim();
      while ((await jobs.state(slow)).state !== "active") await new Promise((resolve) => setTimeout(resolve, 50));
      first.child.kill("SIGKILL");
      await first.exited;
      // Killed mid-job: the job is still taken by the dead worker, till its lock expires.
      expect((await jobs.state(slow)).state).toBe("active");
      const quick = (await runAsync(["enqueue", "--redis", redis.url, "--queue", "killed", write("q-a.html", "<p>one</p>"), write("q-b.html", "<p>two</p>")])).stdout.trim();
      await worker("killed", "--lock", "1");
      const results = await runAsync(["results", "--redis", redis.url, "--queue", "killed", "--wait", "-f", "json"], `${slow}\n${quick}\n`);
      const rows = results.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; state: string });
      expect(rows.map((row) => [row.id, row.state]).sort()).toEqual(
        [
          [slow, "completed"],
          [quick, "completed"],
        ].sort(),
      );
      expect(results.status).toBe(1);
    } finally {
      await jobs.close();
      jobs.redis.disconnect();
    }
  });

  it("reconnects a worker to Redis stopped for a few seconds, and takes the jobs queued after", async () => {
    const running = await worker("restart", "--lock", "1");
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await redis.start();
    const queued = await runAsync(["enqueue", "--redis", redis.url, "--queue", "restart", write("r-a.html", "<p>before</p>"), write("r-b.html", "<p>after</p>")]);
    const results = await runAsync(["results", "--redis", redis.url, "--queue", "restart", "--wait"], queued.stdout);
    expect(results.stdout).toContain("{+after+}");
    expect(running.stderr()).toMatch(/lost Redis \(\w+\), reconnecting\n[^]*Redis is back\n/);
  });

  it("fails a bad document at its first try and a job past its time limit, into the dead-letter list; keeps results for their TTL", async () => {
    await worker("checks", "--timeout", "2", "--ttl", "60");
    // The slow pair last: the thread it ties up is replaced, and no job waits for that.
    const pairs = [
      [write("bad.html", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])), write("good.html", "<p>fine</p>")],
      [write("t-a.html", "<p>one</p>"), write("t-b.html", "<p>two</p>")],
      [write("l-a.html", SLOW_PAIR[0]), write("l-b.html", SLOW_PAIR[1])],
    ];
    const list = write("checks.tsv", pairs.map((pair) => pair.join("\t")).join("\n"));
    const [bad, quick, slow] = (await runAsync(["enqueue", "--redis", redis.url, "--queue", "checks", ...PAST_ANY_LIMIT.args, "--pairs", list])).stdout.trim().split("\n");
    const results = await runAsync(["results", "--redis", redis.url, "--queue", "checks", "--wait", bad!, quick!, slow!]);
    expect(results.status).toBe(2);
    expect(results.stdout).toMatch(new RegExp(`^${pairs[1]![0]} → ${pairs[1]![1]}: 1 change\\b`));
    const errors = results.stderr.split("\n").filter(Boolean).sort();
    expect(errors).toHaveLength(2);
    expect(errors.find((line) => line.includes(bad!))).toMatch(new RegExp(`^htmldiff: ${bad} \\(.*bad\\.html → .*good\\.html\\): .*binary`, "i"));
    expect(errors.find((line) => line.includes(slow!))).toMatch(/: the comparison ran past its time limit of 2000 ms$/);
    const jobs = new DiffJobs(await connectRedis(redis.url, "client"), "checks", 60);
    try {
      const failed = await jobs.queue.getFailed();
      expect(failed.map((job) => [job.id, job.attemptsMade]).sort()).toEqual(
        [
          [bad, 1],
          [slow, 1],
        ].sort(),
      );
      const ttl = await jobs.redis.ttl(`checks:result:${quick}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      await jobs.close();
      jobs.redis.disconnect();
    }
  });

  it("says in one line, with status 2, that Redis cannot be reached", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const runs = await Promise.all([
      runAsync(["enqueue", "--redis", url, join(dir, "q-a.html"), join(dir, "q-b.html")]),
      runAsync(["worker", "--redis", url]),
      runAsync(["results", "--redis", url, "x"]),
    ]);
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^htmldiff \w+: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/);
    }
  });
});
