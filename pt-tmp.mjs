import { runPeer, PEERS } from "./bench/peers.js";
import { mkdtempSync } from "node:fs";
const scratch = mkdtempSync("/tmp/hdpeer-");
const dir = process.argv[2];
for (const p of PEERS) console.log(p, JSON.stringify(runPeer(p, { id: "x", a: dir + "/a.html", b: dir + "/b.html" }, { runs: 1, timeoutMs: 60000, scratch })));
