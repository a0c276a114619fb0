// htmlparser2's Parser class, loaded alone, for htmlparser2-adapter.ts. The CLI's bundle
// (rolldown.config.js) replaces this module by a static import of the same file.

import type { Parser as StockParser } from "htmlparser2";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * htmlparser2's Parser, loaded from its own module next to the package's entry point: the entry
 * point also loads domhandler, domutils, dom-serializer and entities' encoders, none of which a
 * parse uses (about 25 ms of every run's start-up). Found from the CommonJS entry that `require`
 * resolves (dist/commonjs/index.js), beside which the ES modules are; htmlparser2's version is
 * pinned, and so is its file layout.
 *
 * @example new Parser({ onopentagname: (name) => console.log(name) }).end("<p>") // logs "p"
 */
export const { Parser } = (await import(new URL("../esm/Parser.js", pathToFileURL(createRequire(import.meta.url).resolve("htmlparser2"))).href)) as {
  Parser: typeof StockParser;
};
