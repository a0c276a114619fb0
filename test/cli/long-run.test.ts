// A comparison of long documents tells the process so before it starts (CliIO.willCompare), and
// the real process then lets V8 optimize earlier (src/cli/process-io.ts): a short run keeps the
// late optimizing that suits typical pages, a long one gains from optimized code sooner. Once
// the documents are diffed, the process is told again (CliIO.willRender), and after a long run
// collects the diff's garbage before the output is rendered.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("node:v8", async (original) => ({ ...(await original<typeof import("node:v8")>()), setFlagsFromString: vi.fn() }));

const { setFlagsFromString } = await import("node:v8");
const { run } = await import("../../src/cli/main.js");
const { LONG_RUN_CHARACTERS, optimizeEarlierForLongRuns } = await import("../../src/cli/process-io.js");

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-long-run-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a comparison's length", () => {
  it("is told to the process once both documents are read, in characters of both together", async () => {
    const [oldFile, newFile] = [join(scratch, "old.html"), join(scratch, "new.html")];
    writeFileSync(oldFile, "<p>caf\u00e9 one</p>\n");
    writeFileSync(newFile, "<p>caf\u00e9 two three</p>\n");
    const told: number[] = [];
    const status = await run([oldFile, newFile], {
      out: () => {},
      err: () => {},
      readStdin: async () => new Uint8Array(0),
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      willCompare: (characters) => told.push(characters),
    });
    expect(status).toBe(1);
    expect(told).toEqual(["<p>caf\u00e9 one</p>\n".length + "<p>caf\u00e9 two three</p>\n".length]);
  });

  it("is followed, once the documents are diffed and before the output is rendered, by willRender (not with --quiet)", async () => {
    const [oldFile, newFile] = [join(scratch, "old.html"), join(scratch, "new.html")];
    writeFileSync(oldFile, "<p>one</p>\n");
    writeFileSync(newFile, "<p>two</p>\n");
    for (const [args, calls] of [
      [
        [oldFile, newFile],
        ["compare", "render"],
      ],
      [["-q", oldFile, newFile], ["compare"]],
    ] as const) {
      const told: string[] = [];
      const status = await run([...args], {
        out: () => told.push("out"),
        err: () => {},
        readStdin: async () => new Uint8Array(0),
        env: {},
        stdoutIsTTY: false,
        stderrIsTTY: false,
        willCompare: () => told.push("compare"),
        willRender: () => told.push("render"),
      });
      expect(status).toBe(1);
      expect(told.filter((call) => call !== "out")).toEqual(calls);
      if (calls.length === 2) expect(told.at(-1)).toBe("out");
    }
  });

  it("collects a dropped typed array before a long run's render, with no flag given to node", () => {
    // In a process of its own (the built module): here node:v8 is mocked.
    const script = `
      const { collectBeforeRender } = await import(${JSON.stringify(new URL("../../dist/cli/process-io.js", import.meta.url).href)});
      const collect = collectBeforeRender();
      let held = new Uint8Array(64e6).fill(1);
      const before = process.memoryUsage().arrayBuffers;
      held = null;
      collect();
      process.stdout.write(JSON.stringify([before, process.memoryUsage().arrayBuffers]));`;
    const [before, after] = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as [number, number];
    expect(before).toBeGreaterThanOrEqual(64e6);
    expect(after).toBeLessThan(before - 60e6);
  });

  it("makes V8 optimize earlier from LONG_RUN_CHARACTERS on, and changes nothing below", () => {
    vi.mocked(setFlagsFromString).mockClear();
    optimizeEarlierForLongRuns(LONG_RUN_CHARACTERS - 1);
    expect(setFlagsFromString).not.toHaveBeenCalled();
    optimizeEarlierForLongRuns(LONG_RUN_CHARACTERS);
    expect(setFlagsFromString).toHaveBeenCalledWith("--ticks-before-optimization=5");
  });
});
