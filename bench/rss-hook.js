// Preloaded with `node --import` when GNU time is missing: writes what GNU time's
// `-f "%M %U %S"` would (peak RSS in KB, user and system CPU seconds) at exit.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.HDBENCH_RSS_FILE) {
    const u = process.resourceUsage();
    writeFileSync(process.env.HDBENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
  }
});
