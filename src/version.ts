// The package version, read from package.json so that it is written in one place only.

import { createRequire } from "node:module";

/**
 * The version of this package, e.g. "0.1.0". package.json is found by the package's own name,
 * so this holds wherever the module is built to. The CLI's bundle (rolldown.config.js) replaces
 * this module by the version written in, which spares each run node's CommonJS loader.
 */
export const VERSION: string = (createRequire(import.meta.url)("htmldiff-cli/package.json") as { version: string }).version;
