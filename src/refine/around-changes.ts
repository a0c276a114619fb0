// Compares two documents where they differ only: the tokens of a window around the
// differences are matched and refined, and the result is widened to the whole documents
// (see tokenWindow and diffWindow).

import { EditScript, type Side } from "../edit-script.js";
import { op } from "../match/opcodes.js";
import type { NormalizedOptions } from "../options.js";
import { KeyTable } from "../text/intern.js";
import { tokenWindow, type WindowSide } from "../text/token-window.js";
import type { Opcode } from "../types.js";
import { diffWindow, type KeyedSide } from "./refine.js";

/** Margins (in events) tried in turn: a change the first one leaves too near the window's ends may fit the next. */
const MARGINS = [16, 512];

/**
 * The edit script of `a` and `b`, byte for byte what comparing their whole token lists gives,
 * made by splitting only a window around their differences into words; undefined when that
 * cannot be promised (see tokenWindow and diffWindow) or would not save work, and the whole
 * lists must be compared. The script's sides make the other tokens on demand. `margins` are
 * the margins tried in turn (tests try small ones).
 *
 * @example diffAroundChanges(parseDocument(`${big}<p>a</p>${big}`), parseDocument(`${big}<p>b</p>${big}`), opts)?.changes // [{ kind: "replace", op: 1 }]
 */
export function diffAroundChanges(a: Side["doc"], b: Side["doc"], options: NormalizedOptions, margins: readonly number[] = MARGINS): EditScript | undefined {
  for (const margin of margins) {
    const window = tokenWindow(a, b, options, new KeyTable(), margin);
    if (window === undefined) return undefined;
    const { head, tail } = window;
    const diff = diffWindow(keyed(window.a), keyed(window.b), options, 2 * (head + tail));
    if (diff === undefined) continue;
    const opcodes = widened(diff.opcodes, head, window.a.tokenCount, window.b.tokenCount);
    const changes = diff.changes.map((change) => (change.inner ? { ...change, inner: change.inner.map((code) => shifted(code, head)) } : change));
    return new EditScript(window.a, window.b, opcodes, changes, diff.coarser, Object.freeze({ head, tail }));
  }
  return undefined;
}

/** A window side as the refine stage reads it: the window's tokens and key ids. */
function keyed(side: WindowSide): KeyedSide {
  const { tokens, ids, plan } = side.window;
  return { doc: side.doc, tokens, ids, ignoredAttributes: plan.attributes };
}

/** Opcodes of a window (equal at both ends) in the indexes of the whole lists, the equal ends stretched to the lists' ends. */
function widened(codes: readonly Opcode[], head: number, aLength: number, bLength: number): Opcode[] {
  const last = codes.length - 1;
  return codes.map((code, i) => {
    const moved = shifted(code, head);
    if (i !== 0 && i !== last) return moved;
    return op(code.tag, i === 0 ? 0 : moved.aStart, i === last ? aLength : moved.aEnd, i === 0 ? 0 : moved.bStart, i === last ? bLength : moved.bEnd);
  });
}

/** An opcode `by` tokens later on both sides. */
function shifted(code: Opcode, by: number): Opcode {
  return op(code.tag, code.aStart + by, code.aEnd + by, code.bStart + by, code.bEnd + by);
}
