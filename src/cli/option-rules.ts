// Options that do not apply to the chosen format or mode are refused, not silently ignored.

import { InputError } from "../read/decode.js";
import { chooseFormat } from "./compare.js";
import type { CliOptions } from "./program.js";

/**
 * Throws {@link InputError} for an option that would change nothing here: `--fragment` without
 * `-f html`, `--keep-scripts` without `--fragment`, `--view` without html or page, `--max-annotations` without github, `-j` without
 * `-r`, `-q` with `-o` (nothing would be written), the selector and pattern ignores with
 * `--accept` or `--reject` (nothing is compared). `-U`, `--granularity` and `--color` are
 * accepted with every format: they are display preferences set once (in an alias or git's
 * diff driver) whatever format a run then picks. Call with `-o -` already turned into stdout.
 *
 * @example checkOptions({ ...options, jobs: 4 }) // throws: -j applies only to -r (compare folders)
 */
export function checkOptions(options: CliOptions): void {
  const format = chooseFormat(options);
  const refuse = (message: string): never => {
    throw new InputError(message);
  };
  if (options.fragment && format !== "html") refuse(`--fragment applies only to -f html, not to ${format}`);
  if (options.keepScripts && !options.fragment) refuse("--keep-scripts applies only to --fragment (-f html keeps the document as it is; the page never runs its scripts)");
  if (options.view !== undefined && format !== "html" && format !== "page") refuse(`--view applies only to -f html or page, not to ${format}`);
  if (options.maxAnnotations !== undefined && format !== "github") refuse(`--max-annotations applies only to -f github, not to ${format}`);
  if (options.jobs !== undefined && !options.recursive) refuse("-j applies only to -r (compare folders)");
  if (options.quiet && options.output !== undefined) refuse("-q writes nothing: it cannot be given with -o");
  if (options.accept !== undefined || options.reject !== undefined) {
    const flags: [string, readonly string[] | undefined][] = [
      ["--ignore", options.ignore],
      ["--ignore-attr", options.ignoreAttr],
      ["--ignore-text", options.ignoreText],
      ["--ignore-value", options.ignoreValue],
    ];
    for (const [flag, values] of flags) if (values?.length) refuse(`${flag} applies only to comparing two documents, not to --accept or --reject`);
  }
}
