// The worker thread of the compare pool: runs compare() on a request. An input that is not a
// document comes back as data, since an error's class does not survive the trip between threads.

import { BinaryInputError, firstLine, InputError } from "../read/decode.js";
import { compare } from "./compare.js";
import type { Theme } from "../render/report/text.js";
import type { CompareRequest, CompareResult } from "./request.js";

/** A comparison done, or refused with the one-line reason of an {@link InputError}; `binary` when it was a {@link BinaryInputError}. */
export type PoolReply = { readonly result: CompareResult } | { readonly refused: string; readonly binary?: true };

/** One reply of a batch: a {@link PoolReply}, or the first line of the error that failed the comparison. */
export type BatchReply = PoolReply | { readonly failed: string };

/** Piscina's task function: one request in, one reply out. */
export default async function runTask(request: CompareRequest): Promise<PoolReply> {
  try {
    return { result: await compare(request, await themeOf(request)) };
  } catch (error) {
    if (error instanceof BinaryInputError) return { refused: error.message, binary: true };
    if (error instanceof InputError || error instanceof RangeError) return { refused: error.message };
    throw error;
  }
}

/**
 * Piscina's task function `compareEach`: several requests in, a reply for each, in order. A
 * request that fails does not fail the others. Many small comparisons go in batches, so that
 * threads exchange one message per batch, not per pair.
 */
export async function compareEach(requests: readonly CompareRequest[]): Promise<BatchReply[]> {
  const replies: BatchReply[] = [];
  for (const request of requests) {
    try {
      replies.push(await runTask(request));
    } catch (error) {
      replies.push({ failed: firstLine(error) });
    }
  }
  return replies;
}

/** The terminal theme a request asks for, if any (chalk is loaded only for colour). */
async function themeOf(request: CompareRequest): Promise<Theme | undefined> {
  const level = request.colorLevel ?? 0;
  if (request.format !== "term" || level === 0 || request.options.quiet) return undefined;
  return (await import("./terminal-theme.js")).terminalTheme(level);
}
