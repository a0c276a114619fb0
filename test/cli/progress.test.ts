// The -r progress line: it stays while results go to a file or a pipe, and moves below each
// result written to the same terminal. A fake io records stdout and stderr in one log, a fake
// clock stands for the second the line waits before it shows.

import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { Progress } from "../../src/cli/recursive/progress.js";

const WIPE = "\r\u001b[K";

/** A fake io whose stderr is a terminal; `log` gets every write, tagged with its stream. */
function fakeIO(stdoutIsTTY: boolean): { io: CliIO; log: string[] } {
  const log: string[] = [];
  const io: CliIO = {
    out: (s) => void log.push(`out:${s}`),
    err: (s) => void log.push(`err:${s}`),
    readStdin: async () => new Uint8Array(0),
    env: {},
    stdoutIsTTY,
    stderrIsTTY: true,
  };
  return { io, log };
}

/** A clock that stands still until moved. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe("Progress", () => {
  it("shows nothing in the first second", () => {
    const { io, log } = fakeIO(false);
    const time = clock();
    const progress = new Progress(io, 4, false, time.now);
    progress.tick();
    progress.result(() => io.out("result\n"));
    expect(log).toEqual(["out:result\n"]);
  });

  it("stays visible while results go to a file or a pipe (stdout is not the terminal)", () => {
    const { io, log } = fakeIO(false);
    const time = clock();
    const progress = new Progress(io, 4, io.stdoutIsTTY, time.now);
    time.advance(1500);
    progress.tick();
    progress.result(() => io.out("first result\n"));
    progress.tick();
    progress.result(() => io.out("second result\n"));
    expect(log).toEqual([`err:\r[========                      ] 1/4 files`, "out:first result\n", `err:\r[===============               ] 2/4 files`, "out:second result\n"]);
    expect(log.filter((line) => line.includes(WIPE))).toEqual([]);
  });

  it("on the terminal is wiped before each result and drawn again below it", () => {
    const { io, log } = fakeIO(true);
    const time = clock();
    const progress = new Progress(io, 2, io.stdoutIsTTY, time.now);
    time.advance(1500);
    progress.tick();
    progress.result(() => io.out("result\n"));
    expect(log).toEqual([`err:\r[===============               ] 1/2 files`, `err:${WIPE}`, "out:result\n", `err:\r[===============               ] 1/2 files`]);
    progress.clear();
    expect(log.at(-1)).toBe(`err:${WIPE}`);
  });

  it("is wiped before a message on stderr and drawn again below it, wherever results go", () => {
    const { io, log } = fakeIO(false);
    const time = clock();
    const progress = new Progress(io, 2, false, time.now);
    time.advance(1500);
    progress.tick();
    progress.message("htmldiff: warning: something\n");
    expect(log.slice(1)).toEqual([`err:${WIPE}`, "err:htmldiff: warning: something\n", `err:\r[===============               ] 1/2 files`]);
  });
});
