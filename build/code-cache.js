// Writes dist/bundle/cli-code.cache, V8's code cache of the CLI's CommonJS build, which
// src/compiled-cli.ts hands to V8 on each run (see there and rolldown.config.js). The cache is
// made after a warm-up run of a small comparison in each of the text and HTML formats, so that
// the functions such a run compiles lazily are in it, not only the top level.
//
// Run by `npm run build` after rolldown, in a node process of its own that sets the CLI's V8
// flags first, as a run does: V8 takes a cache only from the same node version under the same flags.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILED_CLI, loadCompiledCli, tuneV8ForCli } from "../dist/compiled-cli.js";

const bundle = fileURLToPath(new URL("../dist/bundle/", import.meta.url));
tuneV8ForCli();
const loaded = loadCompiledCli(bundle, undefined);
if (loaded === null) {
  console.log(`build/code-cache.js: node ${process.version} cannot run the CommonJS build; no code cache written.`);
  process.exit(0);
}

/** A small page with the parts a typical document has: headings, paragraphs, a list, a table, links. */
function page(words) {
  const paragraph = (n) => `<p>Paragraph ${n} has <a href="#s${n}">a link</a>, <em>some emphasis</em> and ${words} words &amp; an entity.</p>`;
  const rows = [1, 2, 3].map((n) => `<tr><td>row ${n}</td><td>${n * 7}</td></tr>`).join("");
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Warm-up</title></head><body>
<h1 id="top">A heading</h1>
${[1, 2, 3, 4].map(paragraph).join("\n")}
<ul><li>one item</li><li>another ${words} item</li></ul>
<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>\n`;
}

const scratch = mkdtempSync(join(tmpdir(), "htmldiff-code-cache-"));
try {
  const [oldFile, newFile] = [join(scratch, "old.html"), join(scratch, "new.html")];
  writeFileSync(oldFile, page("many"));
  writeFileSync(newFile, page("several"));
  const io = { out() {}, err() {}, readStdin: async () => new Uint8Array(), env: {}, cwd: scratch, stdoutIsTTY: false, stderrIsTTY: false };
  for (const format of ["text", "html"]) {
    const status = await loaded.cli.run(["--format", format, oldFile, newFile], io);
    if (status !== 1) throw new Error(`the warm-up run with --format ${format} ended with status ${status}, not 1 (different)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(join(bundle, COMPILED_CLI.cache), loaded.script.createCachedData());
