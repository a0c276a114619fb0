// Re-indentation: a line whose indentation alone changed is a change of its own (a reindent),
// also where the matcher joined it to lines inserted or deleted just before it.

import { sideList } from "../text/token-list.js";
import { op } from "../match/opcodes.js";
import type { Opcode, TokenList } from "../types.js";
import type { Side } from "../edit-script.js";

/** Whether a token run is white space within one line (indentation), and nothing else. */
function onlyIndentation(tokens: TokenList, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (tokens.kind(i) !== "space" || /[\n\r]/.test(tokens.text(i))) return false;
  }
  return true;
}

/** Whether the run of `side` from token `from` to `to` stands at the start of a line of its source. */
function atLineStart(side: Side, from: number, to: number): boolean {
  const tokens = sideList(side);
  const at = from < to ? tokens.start(from) : from > 0 ? tokens.end(from - 1) : 0;
  const before = side.doc.source.charCodeAt(at - 1);
  return at === 0 || before === 0x0a || before === 0x0d;
}

/**
 * Whether an opcode changes only the indentation of a line: white space within a line, at a
 * line start on both sides, before the same tokens (the equal run that follows).
 *
 * @example "\n    <x>" → "\n  <x>": the "    " replaced by "  " is a re-indent
 */
export function isReindent(code: Opcode, a: Side, b: Side): boolean {
  const [x, y] = [sideList(a), sideList(b)];
  return (
    onlyIndentation(x, code.aStart, code.aEnd) &&
    onlyIndentation(y, code.bStart, code.bEnd) &&
    atLineStart(a, code.aStart, code.aEnd) &&
    atLineStart(b, code.bStart, code.bEnd) &&
    code.aEnd < x.length &&
    code.bEnd < y.length &&
    !/[\n\r]/.test(x.text(code.aEnd)) &&
    !/[\n\r]/.test(y.text(code.bEnd))
  );
}

/** How many tokens at the end of `from..to` are white space within one line. */
function trailingIndentation(tokens: TokenList, from: number, to: number): number {
  let n = 0;
  while (to - n > from && tokens.kind(to - n - 1) === "space" && !/[\n\r]/.test(tokens.text(to - n - 1))) n++;
  return n;
}

/**
 * The opcodes with each change that ends in a line's changed indentation (lines inserted or
 * deleted, then the next line re-indented) split in two: the lines, then the re-indent, so that
 * the re-indent is shown as one (adjacent non-equal opcodes are allowed: they still tile).
 *
 * @example delete "    <links>…</links>\n          " + insert "        " before "</configuration>"
 *   // → delete "    <links>…</links>\n", replace "          " by "        "
 */
export function splitReindents(opcodes: readonly Opcode[], a: Side, b: Side): Opcode[] {
  const out: Opcode[] = [];
  for (const code of opcodes) {
    if (code.tag === "equal") {
      out.push(code);
      continue;
    }
    const i = trailingIndentation(sideList(a), code.aStart, code.aEnd);
    const j = trailingIndentation(sideList(b), code.bStart, code.bEnd);
    const head = op("equal", code.aStart, code.aEnd - i, code.bStart, code.bEnd - j);
    const tail = op("replace", code.aEnd - i, code.aEnd, code.bEnd - j, code.bEnd);
    const rest = code.aEnd - i - code.aStart + (code.bEnd - j - code.bStart);
    if (rest === 0 || i + j === 0 || !isReindent(tail, a, b)) {
      out.push(code);
      continue;
    }
    const lines = head.aEnd > head.aStart ? (head.bEnd > head.bStart ? "replace" : "delete") : "insert";
    const reindent = i && j ? "replace" : i ? "delete" : "insert";
    out.push(op(lines, head.aStart, head.aEnd, head.bStart, head.bEnd), op(reindent, tail.aStart, tail.aEnd, tail.bStart, tail.bEnd));
  }
  return out;
}
