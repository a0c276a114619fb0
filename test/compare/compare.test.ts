// compare(): the layer every front end shares, called as a library with bytes, no files.

import { describe, expect, it } from "vitest";
import { compare } from "../../src/compare/compare.js";
import { compareOptions } from "../../src/compare/request.js";

const side = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

describe("compare", () => {
  it("renders two sides given as bytes in the format asked for", async () => {
    const result = await compare({ a: side("a.html", "<p>one two</p>"), b: side("b.html", "<p>one three</p>"), options: compareOptions(), format: "text" });
    expect(result.status).toBe(1);
    expect(result.output).toBe("--- a.html\n+++ b.html\n@@ -1 +1 @@\n1 1 │ <p>one [-two-]{+three+}</p>\n");
    expect(result.counts).toEqual({ changes: 1, inserted: 1, deleted: 1 });
  });

  it("applies the ignore options and says same", async () => {
    const result = await compare({ a: side("a.html", "<p>One</p>"), b: side("b.html", "<p>one</p>"), options: compareOptions({ ignoreCase: true }), format: "stat" });
    expect(result.status).toBe(0);
    expect(result.output).toContain("identical");
  });

  it("refuses binary bytes with the side's name", async () => {
    const run = compare({ a: side("a.bin", "a\0b"), b: side("b.html", "<p>"), options: compareOptions(), format: "json" });
    await expect(run).rejects.toThrow(/^a\.bin: binary file/);
  });
});
