// Writes an output file whole or not at all: a temporary file beside it, then a rename.

import { realpathSync, statSync } from "node:fs";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../read/decode.js";

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename, so that
 * readers see the old file or the complete new one; refuses to write over one of `inputs`.
 * A target that exists and is not a regular file (a device, a pipe) is written directly:
 * renaming over it would replace the device instead of writing to it.
 *
 * @example await writeOutput("report.json", json, ["a.html", "b.html"])
 */
export async function writeOutput(path: string, text: string, inputs: readonly string[]): Promise<void> {
  const target = canonical(path);
  if (inputs.some((input) => input !== "-" && canonical(input) === target)) {
    throw new InputError(`${path}: refusing to write the output over an input`);
  }
  if (isSpecialFile(target)) {
    await writeFile(target, text).catch((error: unknown) => {
      throw new InputError(`${path}: cannot write the output (${reason(error)})`);
    });
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new InputError(`${path}: cannot write the output (${reason(error)})`);
  }
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function isSpecialFile(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
