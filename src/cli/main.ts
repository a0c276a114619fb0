// The command line: parses arguments, reads both sides, diffs them and prints or writes the result.
// run() returns the exit status instead of exiting, so output to a pipe is never cut short.

import { CommanderError } from "commander";
import { parseDocument } from "../events/parse.js";
import { diffDocuments } from "../pipeline.js";
import { InputError } from "../read/decode.js";
import { plainTheme } from "../render/text.js";
import type { ParseMode } from "../types.js";
import { colorLevel } from "./color.js";
import { ExitCode } from "./exit-codes.js";
import { formatForPath, render, type FormatName } from "./formats.js";
import { parseInvocation, type Invocation } from "./invocation.js";
import type { CliIO } from "./io.js";
import { buildProgram, type CliOptions } from "./program.js";
import { readInput } from "./read-input.js";
import { terminalTheme } from "./theme.js";
import { writeOutput } from "./write-output.js";

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status:
 * 0 same, 1 different, 2 trouble (one line on stderr).
 *
 * @example process.exitCode = await run(["old.html", "new.html"], io)
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let status: number = ExitCode.Trouble;
  const program = buildProgram(io, async (args, options) => {
    status = await main(args, options, io);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Same : ExitCode.Trouble;
    const message = error instanceof InputError || error instanceof RangeError ? error.message : `internal error: ${describe(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
  return status;
}

async function main(args: readonly string[], options: CliOptions, io: CliIO): Promise<number> {
  const invocation = parseInvocation(args);
  if (!invocation) {
    const what = args.length < 2 ? `missing ${args.length ? "NEW" : "OLD and NEW"}` : `expected OLD NEW (or git's 7 or 9 external-diff arguments), got ${args.length} arguments`;
    throw new InputError(`${what}; see htmldiff --help`);
  }
  const status = await comparePair(invocation, options, io);
  // git treats any status but 0 from an external diff as a failure; --exit-code asks for diff's.
  return invocation.fromGit && !options.exitCode && status === ExitCode.Different ? ExitCode.Same : status;
}

async function comparePair(invocation: Invocation, options: CliOptions, io: CliIO): Promise<number> {
  const { oldPath, newPath } = invocation;
  if (oldPath === "-" && newPath === "-") throw new InputError("only one side can be standard input (-)");
  if (options.html && options.xml) throw new InputError("--html and --xml cannot both be given");
  const forced: ParseMode | undefined = options.xml ? "xml" : options.html ? "html" : undefined;
  const a = await readInput(oldPath, io, forced);
  const b = await readInput(newPath, io, forced);
  for (const warning of [...a.warnings, ...b.warnings]) io.err(`htmldiff: warning: ${warning}\n`);
  // One mode for both sides, so that tag names and keys are comparable.
  const mode = forced ?? (a.mode === "xml" || b.mode === "xml" ? "xml" : "html");
  const script = diffDocuments(parseDocument(a.text, { mode }), parseDocument(b.text, { mode }), {
    mode,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
    ignoreCase: options.ignoreCase ?? false,
    ignoreComments: options.ignoreComments ?? false,
    ignoreAttributes: options.ignoreAttr,
    algorithm: options.algorithm,
  });
  if (script.fallback) io.err("htmldiff: warning: the documents differ too much for a fine diff; parts are shown as whole replacements\n");
  const status = script.identical ? ExitCode.Same : ExitCode.Different;
  if (options.quiet) return status;
  const format = chooseFormat(options);
  const level = format === "term" && !options.output ? colorLevel({ mode: options.color, env: io.env, isTTY: io.stdoutIsTTY }) : 0;
  const output = render(format, script, {
    oldLabel: invocation.oldLabel,
    newLabel: invocation.newLabel,
    context: options.context,
    granularity: options.granularity,
    theme: level ? terminalTheme(level) : plainTheme,
  });
  if (options.output) await writeOutput(options.output, output, [oldPath, newPath]);
  else if (output) io.out(output);
  return status;
}

/** `--format`, else what the output file's name implies, else the terminal format. */
function chooseFormat(options: CliOptions): FormatName {
  return options.format ?? (options.output ? (formatForPath(options.output) ?? "text") : "term");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
