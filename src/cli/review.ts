// `--accept FILE` and `--reject FILE`: the new or the old document back from html or page output,
// written in its own encoding.

import { InputError } from "../read/decode.js";
import { declaredCharset, encodeDocument } from "../read/encode.js";
import { restoreSide } from "../review/accept.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import type { CliOptions } from "./program.js";
import { readInput } from "./read-input.js";
import { writeOutput } from "./write-output.js";

/**
 * Prints (or writes with `-o`) the document that `--accept` or `--reject` asks for; exit status 0.
 * Throws {@link InputError} for a file with no mark, which is not htmldiff's html or page output
 * (output always carries one), so that a wrong file is not taken for a report without changes.
 *
 * @example await restoreDocument([], { accept: "review.html", … }, io) // prints the new document
 */
export async function restoreDocument(args: readonly string[], options: CliOptions, io: CliIO): Promise<number> {
  if (options.accept !== undefined && options.reject !== undefined) throw new InputError("--accept and --reject cannot both be given");
  if (args.length) throw new InputError("--accept and --reject take one file (html or page output) and no OLD NEW");
  const path = (options.accept ?? options.reject)!;
  const { text } = await readInput(path, io, "html");
  const document = restoreSide(text, options.accept !== undefined ? "new" : "old");
  if (!document.marked) throw new InputError(`${path}: not html or page output of htmldiff (no marks to ${options.accept !== undefined ? "accept" : "reject"})`);
  // In its own encoding: the one the output recorded, else the one its declaration names.
  const bytes = encodeDocument(document.text, document.charset ?? declaredCharset(document.text));
  if (options.output) await writeOutput(options.output, bytes, [path]);
  else if (io.outBytes) io.outBytes(bytes);
  else io.out(document.text);
  return ExitCode.Same;
}
