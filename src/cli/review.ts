// `--accept FILE` and `--reject FILE`: the new or the old document back from html or page output.

import { InputError } from "../read/decode.js";
import { accept, reject } from "../review/accept.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import type { CliOptions } from "./program.js";
import { readInput } from "./read-input.js";
import { writeOutput } from "./write-output.js";

/**
 * Prints (or writes with `-o`) the document that `--accept` or `--reject` asks for; exit status 0.
 *
 * @example await restoreDocument([], { accept: "review.html", … }, io) // prints the new document
 */
export async function restoreDocument(args: readonly string[], options: CliOptions, io: CliIO): Promise<number> {
  if (options.accept !== undefined && options.reject !== undefined) throw new InputError("--accept and --reject cannot both be given");
  if (args.length) throw new InputError("--accept and --reject take one file (html or page output) and no OLD NEW");
  const path = (options.accept ?? options.reject)!;
  const { text } = await readInput(path, io, "html");
  const document = options.accept !== undefined ? accept(text) : reject(text);
  if (options.output) await writeOutput(options.output, document, [path]);
  else io.out(document);
  return ExitCode.Same;
}
