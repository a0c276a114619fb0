#!/usr/bin/env node
// The floor as a process: `node bench/floor-cli.js [--xml] A B` reads both files and tokenizes
// them with empty callbacks. The CLI's time is compared with this process's time.

import { readFileSync } from "node:fs";
import { floorParse } from "./floor.js";

const args = process.argv.slice(2);
const xml = args[0] === "--xml";
const [a, b] = xml ? args.slice(1) : args;
floorParse(readFileSync(a, "utf8"), xml);
floorParse(readFileSync(b, "utf8"), xml);
