// The command line of `htmldiff serve`: its help, and one line with status 2 for a bad option,
// an argument it does not take, or a port it cannot listen on (the process then ends).

import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { runBinary } from "../support/cli.js";

describe("htmldiff serve's command line", () => {
  it("prints its options with --help", () => {
    const { status, stdout } = runBinary(["serve", "--help"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: htmldiff serve \[options\]/);
    for (const option of ["--host", "--port", "--workers", "--max-bytes", "--timeout", "--store", "--allow-fetch"]) expect(stdout).toContain(option);
  });

  it("is named in the help of htmldiff itself", () => {
    expect(runBinary(["--help"]).stdout).toContain("htmldiff serve --port 8080");
  });

  it("prints no '(default: [])' for its repeatable option, nor does the queue's enqueue", () => {
    for (const command of ["serve", "enqueue"]) {
      const help = runBinary([command, "--help"]).stdout;
      expect(help).toContain("(repeatable)");
      expect(help).not.toContain("default: []");
    }
  });

  it("refuses a bad value, an argument and an unknown option with one line and status 2", () => {
    for (const [args, message] of [
      [["serve", "--port", "http"], "htmldiff: option '--port <n>' argument 'http' is invalid. expected a port number, 0 to 65535\n"],
      [["serve", "--max-bytes", "lots"], "htmldiff: option '--max-bytes <size>' argument 'lots' is invalid. expected a size like 10MiB or 500000, got 'lots'\n"],
      [["serve", "page.html"], "htmldiff: too many arguments. Expected 0 arguments but got 1.\n"],
      [["serve", "--colour"], "htmldiff: unknown option '--colour'\n"],
      [["serve", "--prot", "8080"], "htmldiff: unknown option '--prot' (did you mean --port?)\n"],
    ] as const) {
      const result = runBinary([...args]);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toBe(message);
    }
  });

  it("says it cannot listen on a port in use, and ends with status 2", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    try {
      const { port } = taken.address() as { port: number };
      const result = runBinary(["serve", "--port", String(port), "--workers", "1"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe("htmldiff: cannot listen: EADDRINUSE\n");
    } finally {
      taken.close();
    }
  });
});
