// Runs one peer on one pair, in its own process so that the parent can time it out:
//   node bench/peer-worker.js NAME A B OUT
// Writes the peer's HTML output to OUT and prints {"ms": time of the diff call}.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

// The peers are installed apart, in bench/peers (see installPeers in peers.js).
const require = createRequire(new URL("./peers/package.json", import.meta.url));
const [name, fileA, fileB, outFile] = process.argv.slice(2);
const a = readFileSync(fileA, "utf8");
const b = readFileSync(fileB, "utf8");

/** Each peer as a function of two HTML strings to one HTML string, with what it needs loaded. */
function load(peer) {
  switch (peer) {
    case "htmldiff-js": {
      const HtmlDiff = require("htmldiff-js").default;
      return (x, y) => HtmlDiff.execute(x, y);
    }
    case "node-htmldiff": {
      const diff = require("node-htmldiff");
      return (x, y) => diff(x, y);
    }
    case "visual-dom-diff": {
      // The documents have to be parsed into DOMs (jsdom) and the result serialized: a user pays for both.
      const { JSDOM } = require("jsdom");
      const { visualDomDiff } = require("visual-dom-diff");
      return (x, y) => {
        const docA = new JSDOM(x).window.document;
        const docB = new JSDOM(y).window.document;
        const fragment = visualDomDiff(docA.documentElement, docB.documentElement);
        return Array.from(fragment.childNodes, (n) => n.outerHTML ?? n.textContent).join("");
      };
    }
    default:
      throw new Error(`unknown peer ${peer}`);
  }
}

const run = load(name);
const t0 = process.hrtime.bigint();
const html = run(a, b);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
writeFileSync(outFile, html);
process.stdout.write(JSON.stringify({ ms }));
