// Reads one side of a comparison: a file, `-` for standard input, `/dev/null` for nothing.

import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { decodeBytes, InputError } from "../read/decode.js";
import { charsetLabel } from "../read/encode.js";
import { detectMode } from "../read/mode.js";
import type { ParseMode } from "../types.js";
import type { CliIO } from "./io.js";

/** A side read and decoded, with the name to show for it and warnings about its decoding. */
export interface Input {
  readonly name: string;
  readonly text: string;
  readonly mode: ParseMode;
  /** How its bytes were written (see read/encode.ts): `utf-8`, `windows-1252`, `utf-16le;bom`, … */
  readonly charset: string;
  readonly warnings: readonly string[];
}

/**
 * Reads and decodes `path`; the mode is `forced` or detected from the name and the text.
 * Throws {@link InputError} with a one-line message for anything that is not a readable document.
 *
 * @example await readInput("old.html", io) // { name: "old.html", text: "<!doctype html>…", mode: "html", … }
 */
export async function readInput(path: string, io: Pick<CliIO, "readStdin">, forced?: ParseMode): Promise<Input> {
  const bytes = path === "-" ? await io.readStdin() : await readBytes(path);
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  return {
    name: path,
    text: decoded.text,
    mode: forced ?? detectMode(path, decoded.text),
    charset: charsetLabel(decoded.encoding, decoded.bom),
    warnings: decoded.warnings.map((w) => `${path}: ${w}`),
  };
}

/**
 * A regular file is read at once, without a trip through the thread pool per call (a directory
 * run reads thousands of small files, and the trips left a third of its time idle); anything
 * else (a pipe from `<(…)`, a device) is read asynchronously, so a signal can still be handled
 * while it waits for a writer.
 */
async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return statSync(path).isFile() ? readFileSync(path) : await readFile(path);
  } catch (error) {
    throw new InputError(`${path}: ${describe(error)}`);
  }
}

/** A file system error as a short phrase, like diff(1) says it. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "No such file or directory";
    case "EISDIR":
      return "Is a directory (expected a file)";
    case "EACCES":
    case "EPERM":
      return "Permission denied";
    default:
      return (error as Error).message.split("\n")[0] ?? String(error);
  }
}
