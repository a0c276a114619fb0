// The package version, read from package.json so that it is written in one place only.

import { createRequire } from "node:module";

/** The version of this package, e.g. "0.1.0". */
export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
