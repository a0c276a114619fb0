// Builders of frozen events: the only place where DocEvent values are made.

import type { Attribute, CloseEvent, DocEvent, InstructionEvent, OpenEvent, TextEvent } from "../types.js";

/** Most tags have no attributes: they share one frozen empty list. */
export const NO_ATTRIBUTES: readonly Attribute[] = Object.freeze([]);

/**
 * Whether two attribute lists hold the same names and values in the same order (lists shared
 * between tags written alike are the same object).
 *
 * @example sameAttributes([["a", "1"]], [["a", "1"]]) // true
 */
export function sameAttributes(x: readonly Attribute[], y: readonly Attribute[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]![0] !== y[i]![0] || x[i]![1] !== y[i]![1]) return false;
  return true;
}

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

/**
 * `event` as written `shift` characters later (the same object when `shift` is 0): its strings
 * and attribute list are the same.
 *
 * @example movedEvent(closeEvent(3, 7, "p", false), 2) // { kind: "close", start: 5, end: 9, name: "p", implied: false }
 */
export function movedEvent(event: DocEvent, shift: number): DocEvent {
  if (shift === 0) return event;
  const start = event.start + shift;
  const end = event.end + shift;
  switch (event.kind) {
    case "open":
      return openEvent(start, end, event.name, event.attrs, event.selfClosing);
    case "close":
      return closeEvent(start, end, event.name, event.implied);
    case "instruction":
      return instructionEvent(start, end, event.name, event.data);
    default:
      return textEvent(event.kind, start, end, event.text);
  }
}
