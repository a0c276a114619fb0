// What the CLI's CommonJS build (dist/bundle/cli.cjs, rolldown.config.js) exports: the CLI and
// the real process's CliIO, for src/compiled-cli.ts to run with V8's code cache.

export { run } from "./main.js";
export { processIO } from "./process-io.js";
