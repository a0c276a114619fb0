// One side of a comparison decoded: its text, its parse mode and the warnings of its decoding,
// under the name that messages call it. No file system: the bytes come from the caller.

import { BinaryInputError, decodeBytes, InputError } from "./decode.js";
import { charsetLabel } from "./encode.js";
import { detectMode } from "./mode.js";
import type { ParseMode } from "../types.js";

/** A side read and decoded, with the name to show for it and warnings about its decoding. */
export interface Input {
  readonly name: string;
  readonly text: string;
  readonly mode: ParseMode;
  /** How its bytes were written (see encode.ts): `utf-8`, `windows-1252`, `utf-16le;bom`, … */
  readonly charset: string;
  readonly warnings: readonly string[];
}

/**
 * Decodes the bytes of a side called `name`; throws {@link BinaryInputError} for binary bytes
 * and {@link InputError} for other bytes that are not a document, each naming the side.
 *
 * @example decodeInput(Buffer.from("<p>hi"), "a/index.html").text // "<p>hi"
 */
export function decodeInput(bytes: Uint8Array, name: string, forced?: ParseMode): Input {
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof BinaryInputError) throw new BinaryInputError(`${name}: ${error.message}`);
    if (error instanceof InputError) throw new InputError(`${name}: ${error.message}`);
    throw error;
  }
  return {
    name,
    text: decoded.text,
    mode: forced ?? detectMode(name, decoded.text),
    charset: charsetLabel(decoded.encoding, decoded.bom),
    warnings: decoded.warnings.map((w) => `${name}: ${w}`),
  };
}
