// The attributes an element is written with in HTML output: its own (renamed where they could
// be taken for marks, or would run script on the review page) plus the marks of its change; and
// back: either side's attributes from those written.

import type { Attribute, AttributeDelta, OpenEvent } from "../types.js";
import { ADDED, AS, isMarkName, keepAttribute, MARK, markName, MOVE, OLD_TAG, OLD_VALUE, OWN_CLASS, RAW, REPLACED, unmarkName } from "./marks.js";

/** What an element's start tag says about its change. */
export interface ElementMarks {
  /** `ins`, `del`, `attrs`, `tag`. */
  readonly flags?: readonly string[];
  /** Attribute changes to record (their old values). */
  readonly deltas?: readonly AttributeDelta[];
  /** The old name of a renamed element. */
  readonly oldName?: string;
  /** The id shared by the two halves of a move. */
  readonly move?: number;
  /** The element's real name when it is written under another (html, head, body on the page). */
  readonly realName?: string;
  /** Deleted or inserted whole although part of it was kept: its changed words are marked inside it (class {@link REPLACED}). */
  readonly replaced?: boolean;
}

/** Attributes whose URL a browser loads as soon as the page opens. */
const LOADS = new Set(["src", "srcset", "poster", "background", "data", "dynsrc", "lowsrc", "imagesrcset"]);
/** A style that loads something: `url(…)` other than a data URL, or `@import`. */
export const LOADING_CSS = /@import|url\s*\(\s*["']?\s*(?!data:)/i;

/** Whether an attribute would run script or make a request when the review page is opened. */
function isActive([name, value]: Attribute): boolean {
  if (/^on/i.test(name) || name === "srcdoc") return true;
  // Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
  const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  if (url.startsWith("javascript:") || url.startsWith("vbscript:")) return true;
  if (LOADS.has(name)) return url !== "" && !url.startsWith("data:");
  return name === "style" && LOADING_CSS.test(value);
}

/**
 * The attributes to write for a start tag: the element's own, then the marks. On the review page
 * (`neutralise`), event handlers, `srcdoc`, `javascript:` URLs and URLs that would be loaded
 * (images, media, styles with `url()`) are kept under `data-diff-raw-`.
 *
 * @example writtenAttributes(parseDocument('<tr class="odd">').events[0], { flags: ["ins"] }, false) // [["class", "odd diff-ins"], ["data-diff-class", "odd"], ["data-diff", "ins"]]
 */
export function writtenAttributes(event: OpenEvent, marks: ElementMarks, neutralise: boolean): Attribute[] {
  const own = event.attrs.map((attr): Attribute => (neutralise && isActive(attr) ? [RAW + markName(attr[0]), attr[1]] : keepAttribute(attr)));
  const flags = marks.flags ?? [];
  if (!flags.length && marks.realName === undefined && !marks.deltas?.length) return own;
  const classes = flags.map((flag) => `diff-${flag}`);
  if (marks.move !== undefined) classes.push("diff-move");
  if (marks.replaced) classes.push(REPLACED);
  const out: Attribute[] = [];
  let ownClass: string | undefined;
  for (const attr of own) {
    if (attr[0] === "class" && ownClass === undefined && classes.length) ownClass = attr[1];
    else out.push(attr);
  }
  if (classes.length) {
    out.push(["class", ownClass === undefined ? classes.join(" ") : `${ownClass} ${classes.join(" ")}`]);
    if (ownClass !== undefined) out.push([OWN_CLASS, ownClass]);
  }
  if (flags.length) out.push([MARK, flags.join(" ")]);
  for (const delta of marks.deltas ?? []) if (delta.old !== null) out.push([OLD_VALUE + markName(delta.name), delta.old]);
  const added = (marks.deltas ?? []).filter((d) => d.old === null).map((d) => d.name);
  if (added.length) out.push([ADDED, added.join(" ")]);
  if (marks.oldName !== undefined) out.push([OLD_TAG, marks.oldName]);
  if (marks.move !== undefined) out.push([MOVE, String(marks.move)]);
  if (marks.realName !== undefined) out.push([AS, marks.realName]);
  return out;
}

/**
 * An element's own attributes from its attributes in HTML output: marks removed, renamed ones
 * given back their names, and for the old side (`del`) the old values.
 *
 * @example restoreAttributes([["href", "/b"], ["data-diff", "attrs"], ["data-diff-old-href", "/a"]], "del") // [["href", "/a"]]
 */
export function restoreAttributes(attributes: readonly Attribute[], keep: "ins" | "del"): Attribute[] {
  const marked = attributes.some(([name]) => name === MARK);
  let attrs: Attribute[] = [];
  let ownClass: string | undefined;
  const old = new Map<string, string>();
  let added: string[] = [];
  for (const [name, value] of attributes) {
    if (name.startsWith(RAW)) attrs.push([unmarkName(name.slice(RAW.length)), value]);
    else if (name === OWN_CLASS) ownClass = value;
    else if (name.startsWith(OLD_VALUE)) old.set(unmarkName(name.slice(OLD_VALUE.length)), value);
    else if (name === ADDED) added = value.split(" ");
    else if (!isMarkName(name) && !(marked && name === "class")) attrs.push([name, value]);
  }
  if (marked && ownClass !== undefined) attrs.push(["class", ownClass]);
  if (keep === "del") {
    attrs = attrs.filter(([name]) => !old.has(name) && !added.includes(name));
    for (const [name, value] of old) attrs.push([name, value]);
  }
  return attrs;
}
