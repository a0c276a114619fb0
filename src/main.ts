// The program behind bin/htmldiff.js: `htmldiff serve …` is the HTTP service (src/serve/), any
// other command line the CLI (src/cli/). The two front ends never import each other; each is
// loaded only when it runs.

import type { CliIO } from "./cli/io.js";
import { ExitCode } from "./cli/exit-codes.js";
import { InputError } from "./read/decode.js";

/**
 * Runs `htmldiff` with `argv` (without node and the script) and returns the exit status.
 *
 * @example process.exitCode = await run(["serve", "--port", "8080"], processIO())
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] !== "serve") return (await import("./cli/main.js")).run(argv, io);
  try {
    return await (await import("./serve/command.js")).runServe(argv.slice(1), io);
  } catch (error) {
    const message = error instanceof InputError ? error.message : `internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
}
