// The patterns of --ignore-text and --ignore-value as comparison keys: matched text folds to
// the key of its pattern. Checking and compiling them is pattern-check.ts's.

/** The comparison key of text matched by the pattern at `index`: no input can hold it (NUL bytes are refused as binary). */
export function patternKey(index: number): string {
  return `\u0000${index}`;
}

/**
 * The text with every match of each pattern replaced by its {@link patternKey}, so that two
 * values differing only inside matches compare equal.
 *
 * @example foldMatches("app.0a1b2c3d.js", [compilePattern("[0-9a-f]{8}")]) // "app.\u00000.js"
 */
export function foldMatches(text: string, patterns: readonly RegExp[]): string {
  let folded = text;
  patterns.forEach((pattern, index) => {
    folded = folded.replace(pattern, (match) => (match === "" ? "" : patternKey(index)));
  });
  return folded;
}

/**
 * The matches of the patterns in `text`, in order and not overlapping: at each place the
 * earliest match wins, then the first pattern. Empty matches are skipped.
 *
 * @example matchRuns("built 2024-01-02", [compilePattern("\\d{4}-\\d\\d-\\d\\d")]) // [[6, 16, 0]]
 */
export function matchRuns(text: string, patterns: readonly RegExp[]): [start: number, end: number, pattern: number][] {
  const runs: [number, number, number][] = [];
  // Each pattern's next match from where the search stands (null: none left), found again only
  // when the search passes its start: a pattern that matches late is not searched for again at every match of another.
  const next: ([number, number] | null)[] = patterns.map((pattern) => nextMatch(text, pattern, 0));
  let at = 0;
  for (;;) {
    let best = -1;
    for (let p = 0; p < patterns.length; p++) {
      let found: [number, number] | null = next[p]!;
      if (found && found[0] < at) found = next[p] = nextMatch(text, patterns[p]!, at);
      if (found && (best < 0 || found[0] < next[best]![0])) best = p;
    }
    if (best < 0) return runs;
    const [start, end] = next[best]!;
    runs.push([start, end, best]);
    at = end;
  }
}

/** The first non-empty match of `pattern` in `text` at or after `from`, as [start, end]. */
function nextMatch(text: string, pattern: RegExp, from: number): [number, number] | null {
  pattern.lastIndex = from;
  let match = pattern.exec(text);
  while (match && match[0] === "") {
    pattern.lastIndex = match.index + 1;
    match = pattern.lastIndex <= text.length ? pattern.exec(text) : null;
  }
  return match ? [match.index, match.index + match[0].length] : null;
}
