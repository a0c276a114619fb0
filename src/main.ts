// The program behind bin/htmldiff.js: `htmldiff serve …` is the HTTP service (src/serve/),
// `htmldiff worker|enqueue|results …` the Redis queue (src/queue/), any other command line the
// CLI (src/cli/). The front ends never import each other; each is loaded only when it runs. The
// CLI runs from its CommonJS build with V8's code cache when the bundle has one
// (src/compiled-cli.ts), else from its ES modules; so this module imports none of the CLI's.

import { fileURLToPath } from "node:url";
import { loadCompiledCli, readCodeCache, tuneV8ForCli } from "./compiled-cli.js";

/**
 * Runs `htmldiff` with `argv` (without node and the script) in this process and returns the exit status.
 *
 * @example process.exitCode = await run(["serve", "--port", "8080"])
 */
export async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const queued = command === "worker" || command === "enqueue" || command === "results";
  if (command !== "serve" && !queued) return runCli(argv);
  const io = (await import("./cli/process-io.js")).processIO();
  try {
    if (queued) return await (await import("./queue/command.js")).runQueueCommand(command, rest, io);
    return await (await import("./serve/command.js")).runServe(rest, io);
  } catch (error) {
    const [{ ExitCode }, { firstLine, InputError }] = await Promise.all([import("./cli/exit-codes.js"), import("./read/decode.js")]);
    const message = error instanceof InputError ? error.message : `internal error: ${firstLine(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
}

async function runCli(argv: readonly string[]): Promise<number> {
  tuneV8ForCli();
  const bundle = fileURLToPath(new URL(".", import.meta.url));
  // Without a cache, compiling the CommonJS build would only take the place of compiling the ES modules.
  const cachedData = readCodeCache(bundle);
  const compiled = cachedData && loadCompiledCli(bundle, cachedData);
  if (compiled) return compiled.cli.run(argv, compiled.cli.processIO());
  const [{ run }, { processIO }] = await Promise.all([import("./cli/main.js"), import("./cli/process-io.js")]);
  return run(argv, processIO());
}
