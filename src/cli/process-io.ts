// The real process behind CliIO: stdout and stderr, standard input, the environment, the pager.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { CliIO } from "./io.js";

/** Characters of a comparison's two documents together from which {@link optimizeEarlierForLongRuns} tunes V8. */
export const LONG_RUN_CHARACTERS = 1_000_000;

/**
 * Lets V8 optimize a function after 5 ticks of its interrupt budget instead of the CLI's 24
 * (src/compiled-cli.ts) when the documents hold {@link LONG_RUN_CHARACTERS} or more together.
 * The late optimizing suits typical pages, whose run is too short for TurboFan's code to repay
 * its compiling; on long documents the hot functions run long enough that it does. V8 reads the
 * flag at each tick, so it takes effect for the rest of the run. Instructions of a whole run
 * (callgrind, `--format html`), 24 ticks → 5: generated pairs (1% of words edited) of 100 KB a
 * side +5%, 300 KB +1.6% (both below the threshold, so untouched), 600 KB −12.5%, 1 MB −14%,
 * 5 MB −7%; the typo pair (2.5 MB a side) −11% (html), −7% (text).
 *
 * @example optimizeEarlierForLongRuns(a.text.length + b.text.length)
 */
export function optimizeEarlierForLongRuns(characters: number): void {
  if (characters >= LONG_RUN_CHARACTERS) setFlagsFromString("--ticks-before-optimization=5");
}

/** Characters of a comparison's two documents together from which the CLI collects the diff's garbage before rendering (see {@link collectBeforeRender}). */
export const COLLECT_BEFORE_RENDER_CHARACTERS = 4_000_000;

/**
 * Collects the garbage of a long run's diff before its output is rendered: V8 collects typed
 * arrays only in a full collection, which a run's growth of its heap alone seldom calls for, so
 * the columns and tables the parse, the tokenizer and the refine stage made and dropped were
 * still held when the render's own strings and arrays came on top, at the run's peak.
 * Collected, their memory is what the render allocates in. Only from
 * {@link COLLECT_BEFORE_RENDER_CHARACTERS}: peak resident memory of `--format html` on the
 * generated 5 MB pair 165 MB → 151 MB, for one full collection (7 ms; 1.4% of the run's
 * instructions); on 1 MB pairs the few MB it saves are not worth the time. A no-op where this
 * node gives no `gc` to a new context once `--expose-gc` is set.
 *
 * @example const collect = collectBeforeRender(); collect() // a full garbage collection
 */
export function collectBeforeRender(): () => void {
  // gc() is given to contexts made once the flag is set; the process's own stays as it is.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("typeof gc === 'function' ? gc : undefined") as (() => void) | undefined;
  return () => gc?.();
}

/** Characters written at a time by {@link writeInSlices}. */
const SLICE = 1 << 16;

/**
 * Writes `text` a slice at a time, never splitting a surrogate pair: the stream encodes each
 * slice on its own, so a long output (the html of a 5 MB pair) is never held twice at once, as
 * a string and as its whole UTF-8 encoding.
 *
 * @example writeInSlices(output, (slice) => process.stdout.write(slice))
 */
export function writeInSlices(text: string, write: (slice: string) => void): void {
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + SLICE);
    // A high surrogate at the cut goes with its low surrogate into the next slice.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    write(text.slice(from, to));
    from = to;
  }
}

/**
 * CliIO for this process. A closed pipe on stdout (`htmldiff … | head`) ends output quietly.
 *
 * @example process.exitCode = await run(process.argv.slice(2), processIO())
 */
export function processIO(): CliIO {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  // Whether the comparison told of is long enough to collect before rendering (see willRender), and the collection once made.
  let collectsBeforeRender = false;
  let collect: (() => void) | undefined;
  return {
    out: (text) => writeInSlices(text, (slice) => process.stdout.write(slice)),
    outBytes: (bytes) => {
      process.stdout.write(bytes);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    willCompare: (characters) => {
      optimizeEarlierForLongRuns(characters);
      collectsBeforeRender = characters >= COLLECT_BEFORE_RENDER_CHARACTERS;
    },
    willRender: () => {
      if (collectsBeforeRender) (collect ??= collectBeforeRender())();
    },
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    // Asked only when needed: the first use of process.stderr opens its stream (for a pipe, node's
    // net and stream modules), which a run that writes nothing there need not pay for.
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    page: async (text, command) => {
      const { runPager } = await import("./run-pager.js");
      if (!(await runPager(command, text, process.env))) process.stdout.write(text);
    },
  };
}
