// One file of a `git diff` (git's 7 or 9 external-diff arguments), answered as git answers it:
// "Binary files … differ" for binary bytes and a line diff for a file that is not a document,
// so that git never stops at a file; HTML and XML are compared as documents.

import { BinaryInputError } from "../read/decode.js";
import { modeByExtension } from "../read/mode.js";
import { ExitCode } from "./exit-codes.js";
import { compareInputs, forcedMode, type PairResult } from "./compare.js";
import type { Invocation } from "./invocation.js";
import { plainLineTheme, unifiedDiff, type LineTheme } from "./line-diff.js";
import type { CliOptions } from "./program.js";
import { decodeInput, readBytes, type Input } from "./read-input.js";

/**
 * Reads, diffs and renders the pair git handed over. Messages name the sides by their labels
 * (`a/page.html`), never by git's temporary files.
 *
 * @example await compareForGit(parseInvocation(["logo.png", "/tmp/x", "1a2b3c4", "100644", "logo.png", "5d6e7f8", "100644"])!, options, 0)
 *   // { status: 1, output: "Binary files a/logo.png and b/logo.png differ\n", warnings: [] }
 */
export async function compareForGit(invocation: Invocation, options: CliOptions, colorLevel: 0 | 1 | 2 | 3): Promise<PairResult> {
  const { oldLabel, newLabel } = invocation;
  const forced = forcedMode(options);
  const oldBytes = await readBytes(invocation.oldPath, oldLabel);
  const newBytes = await readBytes(invocation.newPath, newLabel);
  let a: Input;
  let b: Input;
  try {
    a = decodeInput(oldBytes, oldLabel, forced);
    b = decodeInput(newBytes, newLabel, forced);
  } catch (error) {
    if (!(error instanceof BinaryInputError)) throw error;
    if (Buffer.from(oldBytes).equals(newBytes)) return { status: ExitCode.Same, output: "", warnings: [] };
    return { status: ExitCode.Different, output: options.quiet ? "" : `Binary files ${oldLabel} and ${newLabel} differ\n`, warnings: [] };
  }
  if (forced || isDocument(invocation, a, b)) return compareInputs(a, b, invocation, options, colorLevel);
  const theme = colorLevel ? (await import("./theme.js")).lineTheme(colorLevel) : plainLineTheme;
  const output = unifiedDiff(a.text, b.text, oldLabel, newLabel, options.context, theme);
  return { status: output ? ExitCode.Different : ExitCode.Same, output: options.quiet ? "" : output, warnings: [...a.warnings, ...b.warnings] };
}

/** HTML or XML: by the repository path's extension, else by a side that starts with a tag. */
function isDocument(invocation: Invocation, a: Input, b: Input): boolean {
  const path = invocation.newLabel === "/dev/null" ? invocation.oldLabel : invocation.newLabel;
  return modeByExtension(path) !== undefined || [a.text, b.text].some((text) => /^\uFEFF?\s*</.test(text));
}
