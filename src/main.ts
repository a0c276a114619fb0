// The program behind bin/htmldiff.js: `htmldiff serve …` is the HTTP service (src/serve/),
// `htmldiff worker|enqueue|results …` the Redis queue (src/queue/), any other command line the
// CLI (src/cli/). The front ends never import each other; each is loaded only when it runs.

import type { CliIO } from "./cli/io.js";
import { ExitCode } from "./cli/exit-codes.js";
import { firstLine, InputError } from "./read/decode.js";

/**
 * Runs `htmldiff` with `argv` (without node and the script) and returns the exit status.
 *
 * @example process.exitCode = await run(["serve", "--port", "8080"], processIO())
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  const queued = command === "worker" || command === "enqueue" || command === "results";
  if (command !== "serve" && !queued) return (await import("./cli/main.js")).run(argv, io);
  try {
    if (queued) return await (await import("./queue/command.js")).runQueueCommand(command, rest, io);
    return await (await import("./serve/command.js")).runServe(rest, io);
  } catch (error) {
    const message = error instanceof InputError ? error.message : `internal error: ${firstLine(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
}
