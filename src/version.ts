// The package version, read from package.json so that it is written in one place only.

import { createRequire } from "node:module";

/**
 * The version of this package, e.g. "0.1.0". package.json is found by the package's own name,
 * so this holds wherever the module is built to (dist/ or the CLI's bundle in dist/bundle/).
 */
export const VERSION: string = (createRequire(import.meta.url)("htmldiff-cli/package.json") as { version: string }).version;
