// Writes an output file whole or not at all: a temporary file beside it, then a rename. An
// interrupt (SIGINT, SIGTERM, SIGHUP) during the write removes the temporary file first.

import { realpathSync, statSync, unlinkSync } from "node:fs";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../read/decode.js";
import { fileErrorPhrase } from "../read/file-error.js";

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename, so that
 * readers see the old file or the complete new one; refuses to write over one of `inputs`, or
 * inside one that is a folder (`-r`: the report would replace or join the compared documents).
 * A target that exists and is not a regular file (a device, a pipe) is written directly:
 * renaming over it would replace the device instead of writing to it.
 *
 * A SIGINT, SIGTERM or SIGHUP that arrives while the temporary file exists removes it and then
 * ends the process by that same signal (a shell sees status 130, 143 or 129), so the target is
 * always either the old file or the complete new one, and nothing is left beside it.
 *
 * @example await writeOutput("report.json", json, ["a.html", "b.html"])
 */
export async function writeOutput(path: string, text: string | Uint8Array, inputs: readonly string[]): Promise<void> {
  const target = checkTarget(path, inputs);
  if (isSpecialFile(target)) {
    await writeFile(target, text).catch((error: unknown) => {
      throw new InputError(`${path}: cannot write the output (${fileErrorPhrase(error)})`);
    });
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const release = removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new InputError(`${path}: cannot write the output (${fileErrorPhrase(error)})`);
  } finally {
    release();
  }
}

/**
 * Throws {@link InputError} when `path` is one of `inputs`, or lies inside one that is a folder;
 * returns its canonical path. {@link writeOutput} calls it; call it first to refuse before
 * making anything (a folder for pages, say).
 *
 * @example checkTarget("old/report.html", ["old", "new"]) // throws: refusing to write the output inside an input folder
 */
export function checkTarget(path: string, inputs: readonly string[]): string {
  const target = canonical(path);
  const sources = inputs.filter((input) => input !== "-").map(canonical);
  if (sources.some((source) => source === target)) {
    throw new InputError(`${path}: refusing to write the output over an input`);
  }
  if (sources.some((source) => target.startsWith(`${source}${sep}`))) {
    throw new InputError(`${path}: refusing to write the output inside an input folder`);
  }
  return target;
}

const INTERRUPTS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Until the returned function is called, an interrupt removes `temporary` (if the rename has
 * not taken it yet) and re-raises itself with the default action, which ends the process as
 * that signal would have. Returns the function that removes the handlers.
 */
function removeOnInterrupt(temporary: string): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed into place, or never created: nothing to remove.
    }
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const signal of INTERRUPTS) process.off(signal, onSignal);
  };
  for (const signal of INTERRUPTS) process.on(signal, onSignal);
  return release;
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
