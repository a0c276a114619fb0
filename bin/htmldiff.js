#!/usr/bin/env node
import { run } from "../dist/main.js";
import { processIO } from "../dist/cli/process-io.js";

process.exitCode = await run(process.argv.slice(2), processIO());
