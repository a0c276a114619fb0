// -w (ignore white space) and re-indentation (issue 17): white space that a browser shows as
// written (pre, textarea, listing, xml:space="preserve") is still compared with -w.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

describe("a change of indentation only", () => {
  const a = (): string => file("<r>\n  <a>x</a>\n  <b>y</b>\n<c/>\n</r>\n", "xml");
  const b = (): string => file("<r>\n    <a>x</a>\n\t<b>z</b>\n  <c/>\n</r>\n", "xml");

  it("is shown as a re-indent in text output: no marks, one marker per hunk", async () => {
    const { status, stdout } = await runCli(["-f", "text", a(), b()]);
    expect([status, stdout.trimEnd().split("\n").slice(3)]).toEqual([
      1,
      ["1 1 │ <r>", "2 2 │     <a>x</a>  (re-indented lines in this hunk)", "3 3 │ \t<b>[-y-]{+z+}</b>", "4 4 │   <c/>", "5 5 │ </r>"],
    ]);
  });

  it("has the kind reindent in JSON", async () => {
    const { stdout } = await runCli(["-f", "json", a(), b()]);
    const script = JSON.parse(stdout) as { changes: { kind: string }[]; summary: { kinds: Record<string, number> } };
    expect(script.changes.map((c) => c.kind)).toEqual(["reindent", "reindent", "replace", "reindent"]);
    expect(script.summary.kinds.reindent).toBe(3);
  });

  it("is marked calm in html and page output, which still give both documents back", async () => {
    const [x, y] = [a(), b()];
    for (const format of ["html", "page"]) {
      const { stdout } = await runCli(["-f", format, x, y]);
      expect(stdout.match(/class="diff-reindent"/g)).toHaveLength(5);
      const out = file(stdout);
      expect((await runCli(["--accept", out])).stdout).toBe(readFileSync(y, "utf8"));
      expect((await runCli(["--reject", out])).stdout).toBe(readFileSync(x, "utf8"));
    }
  });

  it("is marked calm in an HTML document's html and page output too", async () => {
    const x = file("<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n");
    const y = file("<div>\n    <p>a</p>\n    <p>c</p>\n</div>\n");
    for (const format of ["html", "page"]) {
      const { stdout } = await runCli(["-f", format, x, y]);
      expect(stdout.match(/class="diff-reindent"/g)).toHaveLength(4);
      const out = file(stdout);
      expect((await runCli(["--accept", out])).stdout).toBe(readFileSync(y, "utf8"));
      expect((await runCli(["--reject", out])).stdout).toBe(readFileSync(x, "utf8"));
    }
  });

  it("is hidden by -w", async () => {
    const x = file("<r>\n  <a>x</a>\n</r>\n", "xml");
    const y = file("<r>\n    <a>x</a>\n</r>\n", "xml");
    expect((await runCli(["-q", x, y])).status).toBe(1);
    expect((await runCli(["-w", "-q", x, y])).status).toBe(0);
  });
});

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
    expect(rows).toEqual(["1 1 │ <r>", "2 2 │     <x>1</x>", "3   │ [-<links>-]", "4   │ [-    <link>a</link>-]", "5   │ [-  </links>-]", "6 3 │     <y/>", "7 4 │ </r>"]);
  });

  if (!corpusPresent) console.warn("SKIPPED: pandoc-docx-document-xmlspace with -w: ../shared/corpus is absent");
  it.skipIf(!corpusPresent)("finds the changed preserved white space of pandoc-docx-document-xmlspace", async () => {
    const pair = join(CORPUS, "pandoc-docx-document-xmlspace");
    expect((await runCli(["-w", "-q", join(pair, "a.xml"), join(pair, "b.xml")])).status).toBe(1);
  });
});
