import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/pipeline.js";
import { renderHtml } from "../../src/render/html/inline-html.js";
import { partners } from "../../src/text/tag-pairs.js";
import { listOf } from "../../src/text/token-list.js";
import { rebalanceEdits } from "../../src/refine/rebalance.js";
import type { Opcode, Token } from "../../src/types.js";
import { documentPair, fcParams, htmlDocument } from "../support/arbitraries.js";

// A form field gains a message inside its div, and a new block follows the div: both end with
// `  </div>\n`, so a matcher may keep the new block's end tag and insert half of each element.
const FIELD_OLD = '<form>\n  <div class="f">\n    <label>M</label>\n  </div>\n  <div class="g">x</div>\n</form>\n';
const FIELD_NEW =
  '<form>\n  <div class="f">\n    <label>M</label>\n    <div class="fb">req</div>\n  </div>\n  <!-- ok -->\n  <div class="s">\n    <p>ok</p>\n  </div>\n  <div class="g">x</div>\n</form>\n';

/** The source text of each change, on the side it has text. */
function changedTexts(a: string, b: string): string[] {
  const script = diffDocuments(a, b);
  return script.changes.map((change) => {
    const spans = script.spansOf(script.opcodes[change.op]!);
    const [source, span] = spans.a.start === spans.a.end ? [b, spans.b] : [a, spans.a];
    return `${change.kind}: ${source.slice(span.start, span.end).trim()}`;
  });
}

/** Pure insertions and deletions holding a tag whose partner lies outside them. */
function brokenRuns(codes: readonly Opcode[], a: readonly Token[], b: readonly Token[]): number {
  const [pa, pb] = [partners(listOf(a)), partners(listOf(b))];
  return codes.filter((code) => {
    if (code.tag !== "insert" && code.tag !== "delete") return false;
    const [pairs, start, end] = code.tag === "insert" ? [pb, code.bStart, code.bEnd] : [pa, code.aStart, code.aEnd];
    for (let t = start; t < end; t++) if (pairs[t]! >= 0 && (pairs[t]! < start || pairs[t]! >= end)) return true;
    return false;
  }).length;
}

describe("whole-element alignment of insertions and deletions", () => {
  it("inserts the new message and the new block as whole elements, keeping the field's own end tag", () => {
    expect(changedTexts(FIELD_OLD, FIELD_NEW)).toEqual(['insert: <div class="fb">req</div>', 'insert: <!-- ok -->\n  <div class="s">\n    <p>ok</p>\n  </div>']);
    expect(renderHtml(diffDocuments(FIELD_OLD, FIELD_NEW))).not.toContain("<del");
  });

  it("deletes them as whole elements the other way round", () => {
    expect(changedTexts(FIELD_NEW, FIELD_OLD)).toEqual(['delete: <div class="fb">req</div>', 'delete: <!-- ok -->\n  <div class="s">\n    <p>ok</p>\n  </div>']);
  });

  it("inserts a new block before an alike one as a whole element, not the end of one and the start of the next", () => {
    const old = '<main>\n  <div class="f">\n    <label>M</label>\n  </div>\n</main>\n';
    const now = '<main>\n  <div class="f">\n    <p>new</p>\n  </div>\n  <div class="f">\n    <label>M</label>\n  </div>\n</main>\n';
    expect(changedTexts(old, now)).toEqual(['insert: <div class="f">\n    <p>new</p>\n  </div>']);
    expect(changedTexts(now, old)).toEqual(['delete: <div class="f">\n    <p>new</p>\n  </div>']);
  });

  it("keeps the tiling and the matched tokens, and never cuts more elements (property)", () => {
    fc.assert(
      fc.property(documentPair(htmlDocument()), ([x, y]) => {
        const script = diffDocuments(x, y);
        const [a, b] = [script.a.tokens, script.b.tokens];
        const out = rebalanceEdits(script.opcodes, listOf(a), listOf(b));
        let [i, j, kept] = [0, 0, 0];
        for (const code of out) {
          expect([code.aStart, code.bStart]).toEqual([i, j]);
          if (code.tag === "equal") {
            expect(code.aEnd - code.aStart).toBe(code.bEnd - code.bStart);
            for (let k = 0; k < code.aEnd - code.aStart; k++) expect(a[code.aStart + k]!.key).toBe(b[code.bStart + k]!.key);
            kept += code.aEnd - code.aStart;
          }
          [i, j] = [code.aEnd, code.bEnd];
        }
        expect([i, j]).toEqual([a.length, b.length]);
        expect(kept).toBe(script.stats.unchanged);
        expect(brokenRuns(out, a, b)).toBeLessThanOrEqual(brokenRuns(script.opcodes, a, b));
      }),
      fcParams(300),
    );
  });
});
