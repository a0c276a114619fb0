// The program behind bin/htmldiff.js: `htmldiff serve …` is the HTTP service (src/serve/),
// `htmldiff worker|enqueue|results …` the Redis queue (src/queue/), any other command line the
// CLI (src/cli/). The front ends never import each other; each is loaded only when it runs. The
// CLI runs from its CommonJS build with V8's code cache when the bundle has one
// (src/compiled-cli.ts), else from its ES modules, as the other front ends do (src/front-ends.ts).
//
// The build (rolldown.config.js) makes this module CommonJS, dist/bundle/main.cjs, and the bin a
// CommonJS script, so that a comparison of two files runs without node's ES module loader (about
// 4 ms of a run): it is started only by the import() of the ES modules here, when a run needs them.

import { fileURLToPath } from "node:url";
import { loadCompiledCli, readCodeCache, tuneV8ForCli } from "./compiled-cli.js";

/**
 * Runs `htmldiff` with `argv` (without node and the script) in this process and returns the exit status.
 *
 * @example process.exitCode = await run(["serve", "--port", "8080"])
 */
export async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "serve" || command === "worker" || command === "enqueue" || command === "results") return (await import("./front-ends.js")).runFrontEnd(command, rest);
  tuneV8ForCli();
  const bundle = fileURLToPath(new URL(".", import.meta.url));
  // Without a cache, compiling the CommonJS build would only take the place of compiling the ES modules.
  const cachedData = readCodeCache(bundle);
  const compiled = cachedData && loadCompiledCli(bundle, cachedData);
  if (compiled) return compiled.cli.run(argv, compiled.cli.processIO());
  return (await import("./front-ends.js")).runCliModules(argv);
}
