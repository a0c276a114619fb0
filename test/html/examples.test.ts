// The @example lines of src/html/ (the browser's rules) run as tests: each says what a call
// gives, and must give it.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../src/events/event-table.js";
import { parseDocument } from "../../src/events/parse.js";
import { docExamples, runExample } from "../support/doc-examples.js";

const HTML = join(import.meta.dirname, "../../src/html");
const files = readdirSync(HTML)
  .filter((name) => name.endsWith(".ts"))
  .sort();

describe("the @example lines of src/html/", () => {
  it("are read from every module, one or more per module", () => {
    for (const file of files) expect(docExamples(join(HTML, file)).length, file).toBeGreaterThanOrEqual(1);
  });

  for (const file of files) {
    it(`hold in ${file}`, async () => {
      const scope = { ...(await import(join(HTML, file))), parseDocument, eventTable };
      const examples = docExamples(join(HTML, file));
      for (const example of examples) {
        const { actual, expected } = runExample(example, scope);
        expect(actual, `${example.where}: ${example.code}`).toEqual(expected);
      }
    });
  }

  it("fail when a call does not give what its example says", () => {
    const { actual, expected } = runExample({ code: "escapeText('<')", expected: '"<"', where: "here" }, { escapeText: (s: string) => s.replace("<", "&lt;") });
    expect(actual).not.toEqual(expected);
  });
});
