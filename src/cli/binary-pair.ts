// A pair where either side is binary (NUL bytes), answered as diff(1) and git answer it: "Binary
// files OLD and NEW differ" and status 1, or nothing and status 0 for the same bytes. Shared by
// git's external diff, a directory run and a comparison of two files.

import type { CompareCounts, CompareResult } from "../compare/request.js";
import { renderBinary, type FormatName } from "../render/formats.js";
import { ExitCode } from "./exit-codes.js";

/** A side as read: the name messages and output call it, and its bytes. */
export interface SideBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The result of a pair that cannot be compared as documents because a side is binary: rendered
 * in `format` (see renderBinary), nothing with `quiet`. A side given by its name only was read as
 * a document, so it differs from the binary one (the same bytes decode the same way). Its counts
 * are those of a file compared whole: one change when the bytes differ, no tokens.
 *
 * @example await binaryPairResult({ name: "a/logo.html", bytes: png }, { name: "b/logo.html", bytes: other }, "text", false)
 *   // { status: 1, output: "Binary files a/logo.html and b/logo.html differ\n", warnings: [], counts: { changes: 1, inserted: 0, deleted: 0 } }
 */
export async function binaryPairResult(a: SideBytes | { readonly name: string }, b: SideBytes | { readonly name: string }, format: FormatName, quiet: boolean): Promise<CompareResult> {
  const same = "bytes" in a && "bytes" in b && Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).equals(b.bytes);
  const output = quiet ? "" : await renderBinary(format, { old: a.name, new: b.name }, same);
  return { status: same ? ExitCode.Same : ExitCode.Different, output, warnings: [], counts: wholeChange(!same) };
}

/**
 * The counts of a file compared whole (binary, or by lines): one change when it differs, no tokens.
 *
 * @example wholeChange(true) // { changes: 1, inserted: 0, deleted: 0 }
 */
export function wholeChange(differs: boolean): CompareCounts {
  return { changes: differs ? 1 : 0, inserted: 0, deleted: 0 };
}
