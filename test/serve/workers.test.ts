// The worker threads of `htmldiff serve`: a comparison past the time limit ends its worker (504)
// and the next one succeeds; a full queue answers 503 with Retry-After; a worker out of heap
// fails its request (500) without taking the server down; workers are recycled after N diffs.

import { afterEach, describe, expect, it } from "vitest";
import { detailOf, putDocument, startServe, type ServeProcess } from "../support/serve.js";
import { PAST_ANY_LIMIT, SLOW_PAIR, SLOW_QUERY } from "../support/slow-pair.js";

describe("htmldiff serve: workers", () => {
  let server: ServeProcess | undefined;
  afterEach(async () => {
    expect(await server?.stop()).toBe(0);
    server = undefined;
  });

  const smallDiff = async (url: string): Promise<number> => {
    const a = await putDocument(url, "<p>small one</p>");
    const b = await putDocument(url, "<p>small two</p>");
    return (await fetch(`${url}/v1/diff/${a}/${b}?format=stat`)).status;
  };

  it("ends a comparison past --timeout with 504, and the next comparison succeeds", async () => {
    server = await startServe(["--workers", "1", "--timeout", "1s"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0]), await putDocument(server.url, SLOW_PAIR[1])];
    const slow = await fetch(`${server.url}/v1/diff/${a}/${b}?${PAST_ANY_LIMIT.query}`);
    expect(slow.status).toBe(504);
    expect(await detailOf(slow)).toBe("the comparison ran past its time limit of 1000 ms");
    expect(await smallDiff(server.url)).toBe(200);
  });

  it("gives every diff the work budget of --max-work: coarser past it, and no request may ask more (400)", async () => {
    server = await startServe(["--workers", "1", "--max-work", "1000"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0].slice(0, 20_000)), await putDocument(server.url, SLOW_PAIR[1].slice(0, 20_000))];
    const coarse = await fetch(`${server.url}/v1/diff/${a}/${b}?format=json`);
    expect(((await coarse.json()) as { unit: string }).unit).toBe("line");
    const greedy = await fetch(`${server.url}/v1/diff/${a}/${b}?format=json&max-work=1001`);
    expect(greedy.status).toBe(400);
    expect(await detailOf(greedy)).toBe("max-work is at most 1000 on this server");
    expect((await fetch(`${server.url}/v1/diff/${a}/${b}?format=json&max-work=1000`)).status).toBe(200);
  });

  it("answers 503 with Retry-After when every worker is busy and the queue is full", async () => {
    server = await startServe(["--workers", "1", "--max-queue", "1", "--timeout", "2s"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0]), await putDocument(server.url, SLOW_PAIR[1])];
    const url = `${server.url}/v1/diff/${a}/${b}?${SLOW_QUERY}`;
    const running = fetch(url);
    await waitFor(server.url, (pending) => pending === 1);
    const queued = fetch(`${url}&context=4`);
    await waitFor(server.url, (pending) => pending === 2);
    const refused = await fetch(`${url}&context=5`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    await Promise.all([running, queued]);
  });

  it("fails a comparison whose worker runs out of heap with 500, and stays up", async () => {
    server = await startServe(["--workers", "1", "--heap-mb", "16"]);
    const [a, b] = [await putDocument(server.url, SLOW_PAIR[0]), await putDocument(server.url, SLOW_PAIR[1])];
    const crashed = await fetch(`${server.url}/v1/diff/${a}/${b}?${SLOW_QUERY}`);
    expect(crashed.status).toBe(500);
    expect(await detailOf(crashed)).toMatch(/^the comparison failed: .*memory limit/);
    expect(await smallDiff(server.url)).toBe(200);
  });

  it("replaces the workers after --recycle-after comparisons each", async () => {
    server = await startServe(["--workers", "1", "--recycle-after", "1"]);
    for (let i = 0; i < 3; i++) expect(await smallDiff(server.url.concat(""))).toBe(200);
    // The same pair three times: the store answers, the pool compares each time (no cache in the server).
    const info = (await (await fetch(`${server.url}/`)).json()) as { diffs: { started: number; workerGeneration: number } };
    expect(info.diffs).toMatchObject({ started: 3, workerGeneration: 3 });
  });
});

/** Polls GET / until the number of comparisons running or queued satisfies `done`. */
async function waitFor(url: string, done: (pending: number) => boolean): Promise<void> {
  for (;;) {
    const info = (await (await fetch(`${url}/`)).json()) as { diffs: { pending: number } };
    if (done(info.diffs.pending)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
