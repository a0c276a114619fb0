// What the selector options leave out of one document: the elements of --ignore (skipped whole)
// and, per element, the attributes of --ignore-attr SELECTOR@NAME.

import { eventTable } from "../events/event-table.js";
import type { ParsedDocument } from "../events/parse.js";
import type { NormalizedOptions } from "../options.js";
import { ignoreEngines } from "./ignore-engines.js";

/** The selector ignores of one document, by event index. */
export interface IgnorePlan {
  /** For the start tag of an ignored element, the index of its last event; -1 elsewhere. Null when nothing is ignored. */
  readonly skip: Int32Array | null;
  /** For a start tag matched by an attribute rule, whether an attribute name is ignored on it. */
  readonly attributes: ReadonlyMap<number, (name: string) => boolean>;
}

/** The plan of a document when no selector option is given. */
export const NO_PLAN: IgnorePlan = Object.freeze({ skip: null, attributes: new Map() });

/**
 * Matches the selector options against a document's elements, in document order; the content
 * of an ignored element is not looked at again.
 *
 * @example ignorePlan(parseDocument('<p>a<meta name="generator"></p>'), normalizeOptions({ ignoreElements: ["meta"] })).skip // Int32Array [-1, -1, 3, -1, -1]
 */
export function ignorePlan(doc: ParsedDocument, options: NormalizedOptions): IgnorePlan {
  const { ignoreElements, attributeRules } = options;
  if (ignoreElements.length === 0 && attributeRules.length === 0) return NO_PLAN;
  const mode = doc.mode;
  const { buildTree, compileSelectors } = ignoreEngines().selectors;
  const events = eventTable(doc);
  const tree = buildTree(events);
  const ignored = ignoreElements.length ? compileSelectors(ignoreElements, mode) : null;
  const rules = attributeRules.map((rule) => ({ test: compileSelectors([rule.selector], mode), isName: rule.isName }));
  const skip = ignored ? new Int32Array(events.length).fill(-1) : null;
  const attributes = new Map<number, (name: string) => boolean>();
  let after = -1;
  for (const element of tree.elements) {
    if (element.index <= after) continue;
    if (ignored?.(element)) {
      skip![element.index] = after = element.end;
      continue;
    }
    const matching = rules.filter((rule) => rule.test(element));
    if (matching.length) attributes.set(element.index, (name) => matching.some((rule) => rule.isName(name)));
  }
  return { skip, attributes };
}
