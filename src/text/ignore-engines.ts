// The engines of the ignore options, css-select and css-what for selectors and regexpp for
// patterns, loaded only when an ignore option is given: importing them costs about 50 ms, which
// every other run would pay at start-up (docs/performance.md). The library entry loads them.

import type * as PatternCheck from "./pattern-check.js";
import type * as Selectors from "./selectors.js";

/** The modules that compile and match the ignore options. */
export interface IgnoreEngines {
  readonly selectors: typeof Selectors;
  readonly patterns: typeof PatternCheck;
}

let loaded: IgnoreEngines | undefined;

/**
 * Loads the engines once; call it before options with selectors or patterns are normalized.
 *
 * @example await loadIgnoreEngines(); normalizeOptions({ ignoreElements: ["footer"] })
 */
export async function loadIgnoreEngines(): Promise<IgnoreEngines> {
  if (!loaded) {
    const [selectors, patterns] = await Promise.all([import("./selectors.js"), import("./pattern-check.js")]);
    loaded = { selectors, patterns };
  }
  return loaded;
}

/** The engines loaded by {@link loadIgnoreEngines}; throws when they are not loaded yet. */
export function ignoreEngines(): IgnoreEngines {
  if (!loaded) throw new Error("the ignore options' engines are not loaded: await loadIgnoreEngines() first");
  return loaded;
}

/**
 * Whether options name any selector or pattern, so that the engines are needed.
 *
 * @example needsIgnoreEngines({ ignoreAttributes: ["data-*"] }) // false
 */
export function needsIgnoreEngines(options: {
  readonly ignoreElements?: readonly string[];
  readonly ignoreAttributes?: readonly string[];
  readonly ignoreText?: readonly string[];
  readonly ignoreValues?: readonly string[];
}): boolean {
  const selectorAttributes = (options.ignoreAttributes ?? []).some((entry) => {
    const at = entry.lastIndexOf("@");
    const selector = at < 0 ? "*" : entry.slice(0, at).trim();
    return selector !== "*" && selector !== "";
  });
  return Boolean(options.ignoreElements?.length || options.ignoreText?.length || options.ignoreValues?.length || selectorAttributes);
}
