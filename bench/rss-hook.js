// Preloaded with `node --import` when GNU time is missing: writes the peak RSS (KB) at exit.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.HDBENCH_RSS_FILE) writeFileSync(process.env.HDBENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
