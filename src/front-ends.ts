// The program's ES modules, which src/main.ts (run as CommonJS by bin/htmldiff.js) imports when a
// command needs them: the HTTP service (src/serve/) and the Redis queue (src/queue/), and the CLI
// when its CommonJS build cannot run. Each front end is loaded only when it runs; none imports another.

/** The commands of the front ends other than the CLI: `htmldiff serve …` and the queue's `worker`, `enqueue` and `results`. */
export type FrontEndCommand = "serve" | "worker" | "enqueue" | "results";

/**
 * Runs the front end that `command` names with the rest of the command line and returns the exit
 * status; an error it throws is one line on stderr and status 2 (ExitCode.Trouble).
 *
 * @example process.exitCode = await runFrontEnd("serve", ["--port", "8080"])
 */
export async function runFrontEnd(command: FrontEndCommand, rest: readonly string[]): Promise<number> {
  const io = (await import("./cli/process-io.js")).processIO();
  try {
    if (command === "serve") return await (await import("./serve/command.js")).runServe(rest, io);
    return await (await import("./queue/command.js")).runQueueCommand(command, rest, io);
  } catch (error) {
    const [{ ExitCode }, { firstLine, InputError }] = await Promise.all([import("./cli/exit-codes.js"), import("./read/decode.js")]);
    const message = error instanceof InputError ? error.message : `internal error: ${firstLine(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
}

/**
 * Runs the CLI from its ES modules with `argv` and returns the exit status.
 *
 * @example process.exitCode = await runCliModules(["old.html", "new.html"])
 */
export async function runCliModules(argv: readonly string[]): Promise<number> {
  const [{ run }, { processIO }] = await Promise.all([import("./cli/main.js"), import("./cli/process-io.js")]);
  return run(argv, processIO());
}
