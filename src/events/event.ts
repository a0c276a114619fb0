// Builders of frozen events: the only place where DocEvent values are made.

import type { Attribute, CloseEvent, InstructionEvent, OpenEvent, TextEvent } from "../types.js";

/** Most tags have no attributes: they share one frozen empty list. */
export const NO_ATTRIBUTES: readonly Attribute[] = Object.freeze([]);

/**
 * A frozen start tag event. `attrs` must be frozen already, its pairs too (lists are shared
 * between tags written alike).
 */
export function openEvent(start: number, end: number, name: string, attrs: readonly Attribute[], selfClosing: boolean): OpenEvent {
  return Object.freeze({ kind: "open", start, end, name, attrs, selfClosing });
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
