#!/usr/bin/env node
import { run } from "../dist/bundle/main.js";
import { processIO } from "../dist/bundle/process-io.js";

process.exitCode = await run(process.argv.slice(2), processIO());
