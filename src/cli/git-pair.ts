// One file of a `git diff` (git's 7 or 9 external-diff arguments), answered as git answers it:
// "Binary files … differ" for binary bytes, a line diff for a file that is not a document (in
// json, stat and github a record, line or annotation of it), and
// git's header lines for a chmod, a rename or a copy, so that git never stops at a file; HTML
// and XML are documents.

import { modeByExtension } from "../read/mode.js";
import { binaryPairResult, wholeChange } from "./binary-pair.js";
import { ExitCode } from "./exit-codes.js";
import type { CompareResult as PairResult } from "../compare/request.js";
import { chooseFormat, compareInputs, forcedMode } from "./compare.js";
import type { Invocation } from "./invocation.js";
import { lineDiff, plainLineTheme } from "./line-diff.js";
import { renderTextFile } from "../render/formats.js";
import type { CliOptions } from "./program.js";
import type { Input } from "../read/input.js";
import type { CliIO } from "./io.js";
import { readDocument } from "./read-input.js";

/** What a file turned out to be, which decides how its header lines are coloured. */
type Kind = "document" | "lines" | "binary";

/**
 * Reads, diffs and renders the pair git handed over. Messages name the sides by their labels
 * (`a/page.html`), never by git's temporary files. In the line formats (term, text) a mode
 * change, a rename or a copy comes first as git prints it: `diff --git a/x b/y`, `old mode …`,
 * `new mode …`, then the lines of git's ninth argument (`similarity index 90%`, `rename from x`,
 * `rename to y`).
 *
 * @example await compareForGit(parseInvocation(["logo.png", "/tmp/x", "1a2b3c4", "100644", "logo.png", "5d6e7f8", "100644"])!, options, io, 0)
 *   // { status: 1, output: "Binary files a/logo.png and b/logo.png differ\n", warnings: [] }
 */
export async function compareForGit(invocation: Invocation, options: CliOptions, io: Pick<CliIO, "readStdin">, colorLevel: 0 | 1 | 2 | 3): Promise<PairResult> {
  const { kind, result } = await compareContents(invocation, options, io, colorLevel);
  const format = chooseFormat(options);
  const lines = headerLines(invocation);
  if (!lines.length || options.quiet || (format !== "term" && format !== "text")) return result;
  return { ...result, output: (await paintHeader(lines, kind, colorLevel)) + result.output };
}

async function compareContents(invocation: Invocation, options: CliOptions, io: Pick<CliIO, "readStdin">, colorLevel: 0 | 1 | 2 | 3): Promise<{ kind: Kind; result: PairResult }> {
  const { oldLabel, newLabel } = invocation;
  const forced = forcedMode(options);
  const a = await readDocument(invocation.oldPath, io, forced, oldLabel);
  const b = await readDocument(invocation.newPath, io, forced, newLabel);
  if ("error" in a || "error" in b) return { kind: "binary", result: await binaryPairResult(a, b, chooseFormat(options), options.quiet ?? false) };
  if (forced || isDocument(invocation, a, b)) return { kind: "document", result: await compareInputs(a, b, options, colorLevel) };
  const format = chooseFormat(options);
  const theme = colorLevel && (format === "term" || format === "text") ? (await import("./theme.js")).lineTheme(colorLevel) : plainLineTheme;
  const lines = lineDiff(a.text, b.text, oldLabel, newLabel, options.context, theme);
  const status = lines.diff ? ExitCode.Different : ExitCode.Same;
  const output = options.quiet ? "" : ((await renderTextFile(format, { old: oldLabel, new: newLabel }, lines)) ?? lines.diff);
  return { kind: "lines", result: { status, output, warnings: [...a.warnings, ...b.warnings], counts: wholeChange(status === ExitCode.Different) } };
}

/** HTML or XML: by the repository path's extension, else by a side that starts with a tag. */
function isDocument(invocation: Invocation, a: Input, b: Input): boolean {
  const path = invocation.newLabel === "/dev/null" ? invocation.oldLabel : invocation.newLabel;
  return modeByExtension(path) !== undefined || [a.text, b.text].some((text) => /^\uFEFF?\s*</.test(text));
}

/** git's header of a mode change, a rename or a copy; none for a plain edit (git's seven arguments, same modes). */
function headerLines({ oldLabel, newLabel, modeChange, renameLines = [] }: Invocation): string[] {
  if (!modeChange && !renameLines.length) return [];
  const modeLines = modeChange ? [`old mode ${modeChange.old}`, `new mode ${modeChange.new}`] : [];
  return [`diff --git ${oldLabel} ${newLabel}`, ...modeLines, ...renameLines];
}

/** The header's lines, coloured as the header of the output they precede. */
async function paintHeader(lines: readonly string[], kind: Kind, colorLevel: 0 | 1 | 2 | 3): Promise<string> {
  let paint = (text: string): string => text;
  if (colorLevel) {
    paint = kind === "document" ? (await import("../compare/terminal-theme.js")).terminalTheme(colorLevel).meta : (await import("./theme.js")).lineTheme(colorLevel).header;
  }
  return lines.map((line) => `${paint(line)}\n`).join("");
}
