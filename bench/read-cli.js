#!/usr/bin/env node
// The least a node program comparing two files must do: `node bench/read-cli.js A B` reads both
// as text, as the CLI does, and exits. Its peak RSS is a floor under the memory of any node tool
// on the pair, whatever it does next (the peak RSS targets of issue 16 are read against it).

import { readFileSync } from "node:fs";

const texts = process.argv.slice(2, 4).map((file) => readFileSync(file, "utf8"));
if (texts.length !== 2) throw new Error("usage: node bench/read-cli.js A B");
