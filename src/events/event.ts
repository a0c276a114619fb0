// Builders of frozen events: the only place where DocEvent values are made.

import type { Attribute, CloseEvent, InstructionEvent, OpenEvent, TextEvent } from "../types.js";

/** Most tags have no attributes: they share one frozen empty list. */
const NO_ATTRIBUTES: readonly Attribute[] = Object.freeze([]);

/** A frozen start tag event; `attrs` and its pairs are frozen in place. */
export function openEvent(start: number, end: number, name: string, attrs: Attribute[], selfClosing: boolean): OpenEvent {
  if (attrs.length === 0) return Object.freeze({ kind: "open", start, end, name, attrs: NO_ATTRIBUTES, selfClosing });
  for (const pair of attrs) Object.freeze(pair);
  return Object.freeze({ kind: "open", start, end, name, attrs: Object.freeze(attrs), selfClosing });
}

/** A frozen end tag event; an implied one has an empty span (`start === end`). */
export function closeEvent(start: number, end: number, name: string, implied: boolean): CloseEvent {
  return Object.freeze({ kind: "close", start, end, name, implied });
}

/** A frozen text, comment or CDATA event. */
export function textEvent(kind: TextEvent["kind"], start: number, end: number, text: string): TextEvent {
  return Object.freeze({ kind, start, end, text });
}

/** A frozen processing instruction or doctype event. */
export function instructionEvent(start: number, end: number, name: string, data: string): InstructionEvent {
  return Object.freeze({ kind: "instruction", start, end, name, data });
}
