// The batches of a directory run: outcomes in path order whatever order batches finish in,
// a bound on what is out at once, and batch sizes that follow the time pairs take.

import { describe, expect, it } from "vitest";
import type { Batch, PairOutcome } from "../../src/cli/recursive/batch.js";
import { Schedule } from "../../src/cli/recursive/schedule.js";

const paths = Array.from({ length: 200 }, (_, i) => `page-${String(i).padStart(3, "0")}.html`);
const same: PairOutcome = null;

/** A schedule over `paths` whose reports are collected in `reported`. */
function schedule(threads: number) {
  const reported: string[] = [];
  return { s: new Schedule(paths, threads, (path) => void reported.push(path)), reported };
}

/** Finishes `batch` as if each of its pairs had taken `msPerPair`. */
const done = (batch: Batch, msPerPair: number) => ({ start: batch.start, outcomes: batch.paths.map(() => same), ms: msPerPair * batch.paths.length });

describe("Schedule", () => {
  it("reports every path once, in path order, when batches finish in reverse order", () => {
    const { s, reported } = schedule(4);
    const out: Batch[] = [];
    for (let batch = s.take(); batch; batch = s.take()) out.push(batch);
    for (const batch of out.reverse()) s.finish(done(batch, 1));
    while (!s.allTaken) s.finish(done(s.take()!, 1));
    expect(reported).toEqual(paths);
    expect(s.finished).toBe(true);
  });

  it("hands out at most 3 batches per thread until the earliest is reported", () => {
    const { s, reported } = schedule(2);
    const out = Array.from({ length: 6 }, () => s.take()!);
    expect(s.take()).toBeUndefined();
    s.finish(done(out[1]!, 1));
    expect([s.take(), reported]).toEqual([undefined, []]);
    s.finish(done(out[0]!, 1));
    expect(reported.length).toBe(out[0]!.paths.length + out[1]!.paths.length);
    expect(s.take()).toBeDefined();
  });

  it("starts with one pair, grows batches of fast pairs to about 50 ms, and keeps slow pairs one at a time", () => {
    const { s } = schedule(2);
    const first = s.take()!;
    expect(first.paths.length).toBe(1);
    s.finish(done(first, 1));
    s.finish(done(s.take()!, 1));
    expect(s.take()!.paths.length).toBeGreaterThan(10);
    const slow = schedule(2).s;
    slow.finish(done(slow.take()!, 400));
    expect(slow.take()!.paths.length).toBe(1);
  });

  it("never gives a batch more than its share of what is left, so threads finish together", () => {
    const { s } = schedule(2);
    const sizes: number[] = [];
    for (let batch = s.take(); batch; batch = s.take()) {
      sizes.push(batch.paths.length);
      s.finish(done(batch, 0.1));
    }
    expect(sizes.slice(-3)).toEqual([1, 1, 1]);
    expect(sizes.reduce((a, b) => a + b)).toBe(paths.length);
  });

  it("resolves nextFinish() when a batch is finished", async () => {
    const { s } = schedule(1);
    const batch = s.take()!;
    const waiting = s.nextFinish();
    s.finish(done(batch, 1));
    await expect(waiting).resolves.toBeUndefined();
  });
});
