// Storing a document that came in a request: refused (422) unless its bytes decode as a document.

import { BinaryInputError, decodeBytes, InputError } from "../read/decode.js";
import { HttpProblem } from "./problem.js";
import type { DocumentStore } from "./store.js";

/**
 * Stores `bytes` after checking that they decode as a document (not binary); 422 otherwise.
 *
 * @example await storeChecked(store, Buffer.from("<p>hi"), "a") // "b1f8…"
 */
export async function storeChecked(store: DocumentStore, bytes: Uint8Array, name: string): Promise<string> {
  try {
    decodeBytes(bytes);
  } catch (error) {
    if (error instanceof BinaryInputError || error instanceof InputError) throw new HttpProblem(422, `${name} is not an HTML or XML document: ${error.message}`);
    throw error;
  }
  return store.put(bytes);
}
