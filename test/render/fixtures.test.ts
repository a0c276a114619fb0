// Readable expected output: for each fixtures/<case>/ with an expected.html (old.*, new.*),
// `renderHtml` must print expected.html; the output also round-trips and parses as meant. After an
// intended change of output, regenerate with UPDATE_SNAPSHOTS=1 and review the diff (a new case
// starts with an empty expected.html). docs/tricky-cases.md explains each case.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { accept, reject } from "../../src/review/accept.js";
import { firstEventDifference, parse5Difference } from "../support/html-check.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");

describe("html output of each fixture pair", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const files = readdirSync(dir);
    if (!files.includes("expected.html")) continue;
    const aFile = files.find((f) => f.startsWith("old."))!;
    const mode = aFile.endsWith(".html") ? "html" : "xml";
    it(name, () => {
      const a = readFileSync(join(dir, aFile), "utf8");
      const b = readFileSync(
        join(
          dir,
          files.find((f) => f.startsWith("new."))!,
        ),
        "utf8",
      );
      const output = renderHtml(diffDocuments(a, b, { mode }));
      const expectedFile = join(dir, "expected.html");
      if (process.env.UPDATE_SNAPSHOTS) writeFileSync(expectedFile, output);
      expect(output).toBe(readFileSync(expectedFile, "utf8"));
      if (mode === "xml") expect(accept(output)).toBe(b);
      else expect(firstEventDifference(accept(output), b, mode)).toBeNull();
      expect(firstEventDifference(reject(output), a, mode)).toBeNull();
      expect(parse5Difference(output)).toBeNull();
    });
  }
});
