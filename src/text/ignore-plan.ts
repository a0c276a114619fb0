// What the selector options leave out of one document: the elements of --ignore (skipped whole)
// and, per element, the attributes of --ignore-attr SELECTOR@NAME.

import { eventTable } from "../events/event-table.js";
import type { ParsedDocument } from "../events/parse.js";
import type { NormalizedOptions } from "../options.js";
import { ignoreEngines } from "./ignore-engines.js";
import { firstAtLeast } from "./sorted.js";

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
    // (No list made per element where no attribute rule is given, as with --ignore alone.)
    if (rules.length === 0) continue;
    const matching = rules.filter((rule) => rule.test(element));
    if (matching.length) attributes.set(element.index, (name) => matching.some((rule) => rule.isName(name)));
  }
  return { skip, attributes };
}

/**
 * Whether events `from..to` (both included) of the document of `plan` are tokenized as they
 * are: none of them lies in an ignored element or starts one, and none is a start tag with
 * ignored attributes. (The event after a run is included: an ignored element there takes back
 * the white space before it.)
 *
 * @example plainEvents(NO_PLAN, 0, 10) // true
 */
export function plainEvents(plan: IgnorePlan, from: number, to: number): boolean {
  const { skipStarts, skipEnds, attributeStarts } = planIndex(plan);
  // The last ignored element starting at or before `to`: elements ignored never overlap, so it ends last.
  const k = firstAtLeast(skipStarts, to + 1) - 1;
  if (k >= 0 && skipEnds[k]! >= from) return false;
  const m = firstAtLeast(attributeStarts, to + 1) - 1;
  return m < 0 || attributeStarts[m]! < from;
}

/**
 * The first event at or after `from` that starts an ignored element of the document of `plan`,
 * or -1 when none does.
 *
 * @example firstIgnoredFrom(ignorePlan(parseDocument('<p>a<meta name="generator"></p>'), normalizeOptions({ ignoreElements: ["meta"] })), 0) // 2
 */
export function firstIgnoredFrom(plan: IgnorePlan, from: number): number {
  const { skipStarts } = planIndex(plan);
  const k = firstAtLeast(skipStarts, from);
  return k < skipStarts.length ? skipStarts[k]! : -1;
}

/** A plan's ignored elements (start and last event, in order) and start tags with ignored attributes (in order), made once per plan. */
const indexes = new WeakMap<IgnorePlan, { skipStarts: Int32Array; skipEnds: Int32Array; attributeStarts: Int32Array }>();

function planIndex(plan: IgnorePlan): { skipStarts: Int32Array; skipEnds: Int32Array; attributeStarts: Int32Array } {
  let index = indexes.get(plan);
  if (index === undefined) {
    const starts: number[] = [];
    const ends: number[] = [];
    const { skip } = plan;
    if (skip) for (let e = 0; e < skip.length; e++) if (skip[e]! >= 0) (starts.push(e), ends.push(skip[e]!));
    index = { skipStarts: Int32Array.from(starts), skipEnds: Int32Array.from(ends), attributeStarts: Int32Array.from([...plan.attributes.keys()].sort((x, y) => x - y)) };
    indexes.set(plan, index);
  }
  return index;
}
