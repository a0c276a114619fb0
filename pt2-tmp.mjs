import { runPeer } from "./bench/peers.js";
import { mkdtempSync } from "node:fs";
const scratch = mkdtempSync("/tmp/hdpeer-");
const [peer, a, b] = process.argv.slice(2);
console.log(peer, JSON.stringify(runPeer(peer, { id: "x", a, b }, { runs: 1, timeoutMs: 90000, scratch })));
