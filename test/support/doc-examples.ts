// Reads the `@example` lines of doc comments as runnable checks: `CODE // EXPECTED`, several on
// one line separated by `; `, CODE being statements whose last one is the value, EXPECTED a
// JavaScript value, optionally followed by `: why`.

import { readFileSync } from "node:fs";

/** One example: the code, the value written after `//`, and where it stands. */
export interface DocExample {
  readonly code: string;
  readonly expected: string;
  readonly where: string;
}

/** The position of the first `needle` at bracket depth 0 and outside quotes in `text`, from `from`; -1 if none. */
function topLevel(text: string, needle: string, from = 0): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Splits `text` at each `separator` at depth 0 outside quotes. */
export function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = topLevel(text, separator); at >= 0; at = topLevel(text, separator, from)) {
    out.push(text.slice(from, at));
    from = at + separator.length;
  }
  out.push(text.slice(from));
  return out;
}

/** The examples of the `@example` lines of a source file. */
export function docExamples(path: string): DocExample[] {
  const out: DocExample[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, index) => {
      const example = /^\s*\*\s*@example\s+(.*)$/.exec(line)?.[1];
      if (example === undefined) return;
      let rest = example;
      while (rest.trim()) {
        const comment = topLevel(rest, " // ");
        if (comment < 0) throw new Error(`${path}:${index + 1}: an @example without '// value'`);
        const end = topLevel(rest, "; ", comment + 4);
        out.push({ code: rest.slice(0, comment).trim(), expected: rest.slice(comment + 4, end < 0 ? undefined : end).trim(), where: `${path}:${index + 1}` });
        rest = end < 0 ? "" : rest.slice(end + 2);
      }
    });
  return out;
}

/** Runs an example with `scope` in scope: its value and the value it says it has. */
export function runExample(example: DocExample, scope: Record<string, unknown>): { actual: unknown; expected: unknown } {
  const statements = splitTopLevel(example.code, "; ");
  const last = statements.pop()!;
  const evaluate = (body: string): unknown => new Function(...Object.keys(scope), body)(...Object.values(scope));
  const actual = evaluate(`${statements.join(";\n")}${statements.length ? ";\n" : ""}return (${last});`);
  let expected: unknown;
  try {
    expected = evaluate(`return (${example.expected});`);
  } catch {
    // `true: the browser closes the open dd`: the value, then why.
    expected = evaluate(`return (${example.expected.slice(0, topLevel(example.expected, ": "))});`);
  }
  return { actual, expected };
}
