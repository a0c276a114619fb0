// -w (ignore white space) and re-indentation (issue 17): white space that a browser shows as
// written (pre, textarea, listing, xml:space="preserve") is still compared with -w.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { CORPUS, corpusPresent } from "../support/corpus.js";

const dir = mkdtempSync(join(tmpdir(), "htmldiff-space-"));
let files = 0;
/** Writes a file of the given extension and returns its path. */
function file(text: string, ext = "html"): string {
  const path = join(dir, `${files++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

describe("-w", () => {
  it.each([
    ["pre", "<pre>a  b</pre>", "<pre>a b</pre>"],
    ["textarea", "<textarea>a\n b</textarea>", "<textarea>a\nb</textarea>"],
    ["listing", "<listing>a  b</listing>", "<listing>a b</listing>"],
    ["an element inside pre", "<pre><b>a  b</b></pre>", "<pre><b>a b</b></pre>"],
  ])("compares white space in %s", async (_, a, b) => {
    expect((await runCli(["-w", "-q", file(a), file(b)])).status).toBe(1);
  });

  it('compares white space under xml:space="preserve" until xml:space="default"', async () => {
    const doc = (x: string, y: string): string => `<r><t xml:space="preserve">${x}<u xml:space="default">${y}</u></t></r>`;
    expect((await runCli(["-w", "-q", file(doc("a  b", "c"), "xml"), file(doc("a b", "c"), "xml")])).status).toBe(1);
    expect((await runCli(["-w", "-q", file(doc("a b", "c  d"), "xml"), file(doc("a b", "c d"), "xml")])).status).toBe(0);
  });

  it("ignores white space elsewhere", async () => {
    expect((await runCli(["-w", "-q", file("<p>a  b</p><pre>x</pre>"), file("<p>a\n b</p><pre>x</pre>")])).status).toBe(0);
  });

  it("numbers each row by the lines of the tokens it shows", async () => {
    const a = file("<r>\n  <x>1</x>\n  <links>\n    <link>a</link>\n  </links>\n  <y/>\n</r>\n", "xml");
    const b = file("<r>\n    <x>1</x>\n    <y/>\n</r>\n", "xml");
    const rows = (await runCli(["-w", "-f", "text", a, b])).stdout.trimEnd().split("\n").slice(3);
    expect(rows).toEqual([
      "1 1 │ <r>",
      "2 2 │     <x>1</x>",
      "3   │ [-<links>-]",
      "4   │ [-    <link>a</link>-]",
      "5   │ [-  </links>-]",
      "6 3 │     <y/>",
      "7 4 │ </r>",
    ]);
  });

  if (!corpusPresent) console.warn("SKIPPED: pandoc-docx-document-xmlspace with -w: ../shared/corpus is absent");
  it.skipIf(!corpusPresent)("finds the changed preserved white space of pandoc-docx-document-xmlspace", async () => {
    const pair = join(CORPUS, "pandoc-docx-document-xmlspace");
    expect((await runCli(["-w", "-q", join(pair, "a.xml"), join(pair, "b.xml")])).status).toBe(1);
  });
});
