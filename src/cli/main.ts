// The command line: parses arguments, reads both sides, diffs them and prints the result.
// run() returns the exit status instead of exiting, so output to a pipe is never cut short.

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { parseDocument } from "../events/parse.js";
import type { DiffOptions } from "../options.js";
import { diffDocuments } from "../pipeline.js";
import { InputError } from "../read/decode.js";
import { renderText } from "../render/text.js";
import type { AlgorithmName, ParseMode } from "../types.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { readInput } from "./read-input.js";
import { VERSION } from "./version.js";

interface CliOptions {
  html?: boolean;
  xml?: boolean;
  ignoreWhitespace?: boolean;
  ignoreCase?: boolean;
  ignoreComments?: boolean;
  ignoreAttr: string[];
  context: number;
  algorithm: AlgorithmName;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  htmldiff old.html new.html            show what changed, word by word
  htmldiff -q expected.html actual.html exit status only: 0 same, 1 different, 2 trouble
  curl -s "$URL" | htmldiff expected.html -
  htmldiff --xml -w a.svg b.svg         XML rules, whitespace ignored`;

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status.
 *
 * @example process.exitCode = await run(["old.html", "new.html"], io)
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Same : ExitCode.Trouble;
    }
    if (error instanceof InputError || error instanceof RangeError) {
      io.err(`htmldiff: ${error.message}\n`);
      return ExitCode.Trouble;
    }
    io.err(`htmldiff: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.Trouble;
  }
  return (program as Command & { status?: number }).status ?? ExitCode.Trouble;
}

function buildProgram(io: CliIO): Command {
  const program = new Command()
    .name("htmldiff")
    .description("Compare two HTML or XML documents word by word, aware of tags.")
    .usage("[options] OLD NEW")
    .argument("<old>", "the old document (a file, or - for standard input)")
    .argument("<new>", "the new document (a file, or - for standard input)")
    .option("--html", "parse both sides as HTML (default: by file extension, then by content)")
    .option("--xml", "parse both sides as XML")
    .option("-w, --ignore-whitespace", "ignore whitespace differences")
    .option("--ignore-case", "ignore letter case in text")
    .option("--ignore-comments", "ignore comments")
    .option("--ignore-attr <name>", "ignore attributes with this name (a glob like data-*; repeatable)", collect, [])
    .option("-U, --context <lines>", "unchanged lines shown around each change", parseCount, 3)
    .addOption(
      new Option("--algorithm <name>", "matching algorithm").choices(["default", "myers", "histogram", "difflib"]).default("default"),
    )
    .option("-q, --quiet", "print nothing; report differences by exit status only")
    .version(VERSION, "--version", "print the version")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`htmldiff: ${s.replace(/^error: /, "").trimEnd()}\n`),
    })
    .action(async (oldPath: string, newPath: string, opts: CliOptions) => {
      (program as Command & { status?: number }).status = await compare(oldPath, newPath, opts, io);
    });
  return program;
}

async function compare(oldPath: string, newPath: string, opts: CliOptions, io: CliIO): Promise<number> {
  if (oldPath === "-" && newPath === "-") throw new InputError("only one side can be standard input (-)");
  if (opts.html && opts.xml) throw new InputError("--html and --xml cannot both be given");
  const forced: ParseMode | undefined = opts.xml ? "xml" : opts.html ? "html" : undefined;
  const [a, b] = [await readInput(oldPath, io, forced), await readInput(newPath, io, forced)];
  for (const warning of [...a.warnings, ...b.warnings]) io.err(`htmldiff: warning: ${warning}\n`);
  // One mode for both sides, so that tag names and keys are comparable.
  const mode = forced ?? (a.mode === "xml" || b.mode === "xml" ? "xml" : "html");
  const options: DiffOptions = {
    mode,
    ignoreWhitespace: opts.ignoreWhitespace ?? false,
    ignoreCase: opts.ignoreCase ?? false,
    ignoreComments: opts.ignoreComments ?? false,
    ignoreAttributes: opts.ignoreAttr,
    algorithm: opts.algorithm,
  };
  const script = diffDocuments(parseDocument(a.text, { mode }), parseDocument(b.text, { mode }), options);
  if (script.identical) return ExitCode.Same;
  if (!opts.quiet) io.out(`--- ${a.name}\n+++ ${b.name}\n${renderText(script, { context: opts.context })}\n`);
  return ExitCode.Different;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number of lines");
  return Number(value);
}
