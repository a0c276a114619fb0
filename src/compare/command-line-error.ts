// How the front ends (cli/, serve/, queue/) print an error of their command line: commander's
// message as one line, since a bad input gets one clear line on stderr.

/**
 * commander's error message as one line after `htmldiff: `: without its `error: ` and with its
 * suggestion, which it prints on a line of its own, joined on.
 *
 * @example commandLineError("error: unknown option '--prot'\n(Did you mean --port?)") // "unknown option '--prot' (did you mean --port?)"
 */
export function commandLineError(message: string): string {
  return message
    .replace(/^error: /, "")
    .trimEnd()
    .replace(/\n\(Did you mean (.*)\)$/, " (did you mean $1)")
    .replace(/\s*\n\s*/g, " ");
}
