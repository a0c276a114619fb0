// Reads one side of a comparison: a file, `-` for standard input, `/dev/null` for nothing.

import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { BinaryInputError, InputError } from "../read/decode.js";
import { fileErrorPhrase } from "../read/file-error.js";
import { decodeInput, type Input } from "../read/input.js";
import type { ParseMode } from "../types.js";
import type { CliIO } from "./io.js";

/**
 * Reads and decodes `path`; the mode is `forced` or detected from the name and the text.
 * `name` is what messages call the side (git's `a/page.html` for its temporary file).
 * Throws {@link InputError} with a one-line message for anything that is not a readable document.
 *
 * @example await readInput("old.html", io) // { name: "old.html", text: "<!doctype html>…", mode: "html", … }
 */
export async function readInput(path: string, io: Pick<CliIO, "readStdin">, forced?: ParseMode, name = path): Promise<Input> {
  return decodeInput(await readSide(path, io, name), name, forced);
}

/** A side found binary by {@link readDocument}: its name, its bytes and the error that says so. */
export interface BinarySide {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly error: BinaryInputError;
}

/**
 * Reads and decodes one side as {@link readInput} does, except that a binary side comes back as
 * its bytes, for the pair's `Binary files … differ` (see binary-pair.ts). Only a binary side's
 * bytes outlive the call: held by a caller's frame, a document's bytes would stay in memory
 * through its whole comparison (both files' bytes, 5 MB more at the typo pair's peak).
 *
 * @example await readDocument("logo.html", io) // { name: "logo.html", bytes: …, error: BinaryInputError }
 */
export async function readDocument(path: string, io: Pick<CliIO, "readStdin">, forced?: ParseMode, name = path): Promise<Input | BinarySide> {
  const bytes = await readSide(path, io, name);
  try {
    return decodeInput(bytes, name, forced);
  } catch (error) {
    if (error instanceof BinaryInputError) return { name, bytes, error };
    throw error;
  }
}

/**
 * The bytes of one side: standard input for `-`, else the file at `path` (see {@link readBytes}).
 *
 * @example await readSide("-", io) // the bytes piped in
 */
async function readSide(path: string, io: Pick<CliIO, "readStdin">, name = path): Promise<Uint8Array> {
  return path === "-" ? await io.readStdin() : await readBytes(path, name);
}

/**
 * The bytes of the file at `path`; messages call it `name`. A regular file is read at once,
 * without a trip through the thread pool per call (a directory run reads thousands of small
 * files, and the trips left a third of its time idle); anything else (a pipe from `<(…)`, a
 * device) is read asynchronously, so a signal can still be handled while it waits for a writer.
 *
 * @example await readBytes("/tmp/git-blob-x/a.html", "a/a.html") // throws "a/a.html: No such file or directory" if gone
 */
export async function readBytes(path: string, name = path): Promise<Uint8Array> {
  try {
    return statSync(path).isFile() ? readFileSync(path) : await readFile(path);
  } catch (error) {
    throw new InputError(`${name}: ${describe(error)}`);
  }
}

/** A file system error as a short phrase, like diff(1) says it; a folder given as a document says what was expected. */
function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === "EISDIR" ? "Is a directory (expected a file)" : fileErrorPhrase(error);
}
