#!/usr/bin/env node
// CommonJS (bin/package.json): node starts its ES module loader only if a run imports ES modules (src/main.ts).
require("../dist/bundle/main.cjs")
  .run(process.argv.slice(2))
  .then((status) => {
    process.exitCode = status;
  });
