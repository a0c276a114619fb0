// The command line's own modules bundled into a few files in dist/bundle/ for bin/htmldiff.js:
// node 20 resolves, reads and links each ES module on its own (about half a millisecond each),
// and a two-file comparison loads about 75 of ours. Built from tsc's output in dist/, so the
// bundle runs the same JavaScript the library ships; packages stay outside it, and what a run
// loads only when it needs it (formats, -r, serve, the queue) stays in chunks of its own.

import { defineConfig } from "rolldown";

export default defineConfig({
  input: {
    main: "dist/main.js",
    "process-io": "dist/cli/process-io.js",
    // src/compare/pool.ts starts its worker threads from "./pool-worker.js" beside itself.
    "pool-worker": "dist/compare/pool-worker.js",
  },
  platform: "node",
  external: (id) => !id.startsWith(".") && !id.startsWith("/"),
  output: { dir: "dist/bundle", format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", cleanDir: true },
});
