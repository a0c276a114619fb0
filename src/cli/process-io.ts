// The real process behind CliIO: stdout and stderr, standard input, the environment, the pager.

import type { CliIO } from "./io.js";

/**
 * CliIO for this process. A closed pipe on stdout (`htmldiff … | head`) ends output quietly.
 *
 * @example process.exitCode = await run(process.argv.slice(2), processIO())
 */
export function processIO(): CliIO {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    outBytes: (bytes) => {
      process.stdout.write(bytes);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    // Asked only when needed: the first use of process.stderr opens its stream (for a pipe, node's
    // net and stream modules), which a run that writes nothing there need not pay for.
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    page: async (text, command) => {
      const { runPager } = await import("./run-pager.js");
      if (!(await runPager(command, text, process.env))) process.stdout.write(text);
    },
  };
}
