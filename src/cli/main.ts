// The command line: parses arguments, reads both sides, diffs them and prints, pages or writes the result.
// run() returns the exit status instead of exiting, so output to a pipe is never cut short.
// What only some runs use (-r, --accept/--reject, the page index) is imported when they need it,
// so that comparing two files loads no more than it must (start-up, docs/performance.md).

import { CommanderError } from "commander";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { firstLine, InputError } from "../read/decode.js";
import type { SummaryRow } from "../render/report/github.js";
import { colorLevel, gitColorAsker } from "./color.js";
import { checkIgnores, chooseFormat, comparePair } from "./compare.js";
import { loadConfig, mergeConfig } from "./config.js";
import { ExitCode } from "./exit-codes.js";
import { parseInvocation, type Invocation } from "./invocation.js";
import type { CliIO } from "./io.js";
import { checkOptions } from "./option-rules.js";
import { pagerCommand } from "./pager.js";
import { buildProgram, type CliOptions } from "./program.js";
import { checkTarget, writeOutput } from "./write-output.js";

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status:
 * 0 same, 1 different, 2 trouble (one line on stderr).
 *
 * @example process.exitCode = await run(["old.html", "new.html"], io)
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let status: number = ExitCode.Trouble;
  const program = buildProgram(io, async (args, options) => {
    status = await main(args, options, io, (key) => program.getOptionValueSource(key) === "cli");
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Same : ExitCode.Trouble;
    const message = error instanceof InputError || error instanceof RangeError ? error.message : `internal error: ${firstLine(error)}`;
    io.err(`htmldiff: ${message}\n`);
    return ExitCode.Trouble;
  }
  return status;
}

async function main(args: readonly string[], parsed: CliOptions, io: CliIO, given: (key: string) => boolean): Promise<number> {
  // `-o -` is standard output, as if -o were not given.
  const cli: CliOptions = parsed.output === "-" ? { ...parsed, output: undefined } : parsed;
  const config = loadConfig(cli.config, io.cwd ?? process.cwd());
  const options = mergeConfig(cli, config, given, parseInvocation(args, io.env)?.fromGit ?? false);
  // Only what the command line says is refused where it does not apply; a configuration's defaults are used where they do.
  checkOptions({ ...cli, format: options.format });
  await checkIgnores(options);
  if (options.accept !== undefined || options.reject !== undefined) {
    const { restoreDocument } = await import("./review.js");
    return restoreDocument(args, options, io);
  }
  const invocation = options.recursive ? undefined : parseInvocation(args, io.env);
  const pager = io.page && pagerCommand({ env: io.env, stdoutIsTTY: io.stdoutIsTTY, fromGit: invocation?.fromGit ?? false, options });
  if (!pager) return compare(args, invocation, options, io, false);
  // Colour was decided for stdout, the terminal the pager shows the text on.
  const chunks: string[] = [];
  const status = await compare(args, invocation, options, { ...io, out: (text) => void chunks.push(text) }, true);
  if (chunks.length) await io.page!(chunks.join(""), pager);
  return status;
}

/** The comparison of a single or a directory run; `paged` says that output is held for the pager. */
async function compare(args: readonly string[], invocation: Invocation | undefined, options: CliOptions, io: CliIO, paged: boolean): Promise<number> {
  if (options.recursive) return recurse(args, options, io, paged);
  if (!invocation) {
    const what = args.length < 2 ? `missing ${args.length ? "NEW" : "OLD and NEW"}` : `expected OLD NEW (or git's 7 or 9 external-diff arguments), got ${args.length} arguments`;
    throw new InputError(`${what}; see htmldiff --help`);
  }
  const status = await comparePairToOutput(invocation, options, io);
  // git treats any status but 0 from an external diff as a failure; --exit-code asks for diff's.
  return invocation.fromGit && !options.exitCode && status === ExitCode.Different ? ExitCode.Same : status;
}

async function comparePairToOutput(invocation: Invocation, options: CliOptions, io: CliIO): Promise<number> {
  const level = decideColor(options, io, invocation.fromGit);
  // A file git hands over (git diff, git difftool) may be any file: binary, plain text.
  const fromGit = invocation.fromGit || invocation.fromDifftool === true;
  const { status, output, warnings, counts } = fromGit ? await (await import("./git-pair.js")).compareForGit(invocation, options, io, level) : await comparePair(invocation, options, io, level);
  for (const warning of warnings) io.err(`htmldiff: warning: ${warning}\n`);
  if (options.output && !options.quiet) await writeOutput(options.output, output, [invocation.oldPath, invocation.newPath]);
  else if (output) io.out(output);
  if (chooseFormat(options) === "github" && !options.quiet) await stepSummary(status === ExitCode.Different ? [{ file: invocation.newLabel, ...counts }] : [], io);
  return status;
}

async function recurse(args: readonly string[], options: CliOptions, io: CliIO, paged: boolean): Promise<number> {
  if (args.length !== 2) throw new InputError("-r takes two folders: OLD_DIR NEW_DIR");
  const [oldDir, newDir] = args as [string, string];
  const level = decideColor(options, io, false);
  if (chooseFormat(options) === "page") return recurseToPages(oldDir, newDir, options, io);
  const { compareDirectories } = await import("./recursive/directories.js");
  const chunks: string[] = [];
  const write = options.output ? (text: string) => void chunks.push(text) : (text: string) => io.out(text);
  const onTerminal = io.stdoutIsTTY && !options.output && !paged;
  const { status, rows } = await compareDirectories(oldDir, newDir, options, io, level, { write, onTerminal });
  if (options.output && !options.quiet) await writeOutput(options.output, chunks.join(""), [oldDir, newDir]);
  if (chooseFormat(options) === "github" && !options.quiet) await stepSummary(rows, io);
  return status;
}

/** `-r -f page -o DIR`: one review page per changed document under DIR, and an index.html linking them. */
async function recurseToPages(oldDir: string, newDir: string, options: CliOptions, io: CliIO): Promise<number> {
  if (!options.output) throw new InputError("-r with --format page needs -o DIR, the folder for the pages");
  const dir = options.output;
  // A page's extension chose the format: the user likely expects one file, which -r does not write.
  if (options.format === undefined) throw new InputError(`${dir}: with -r, review pages are written into a folder: give -f page -o DIR`);
  const inputs = [oldDir, newDir];
  checkTarget(join(dir, "index.html"), inputs);
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${dir}: cannot make the folder (${error.code ?? error.message})`);
  });
  const [{ compareDirectories }, { renderPageIndex }] = await Promise.all([import("./recursive/directories.js"), import("../render/html/page-index.js")]);
  const links: string[] = [];
  const notes: string[] = [];
  // One page at a time: results come a batch at once, and each write holds signal handlers till it is done.
  let writing = Promise.resolve();
  const write = (text: string, path?: string): void => {
    if (path === undefined) {
      notes.push(text.trim());
      return;
    }
    const target = join(dir, `${path}.html`);
    writing = writing.then(() => mkdir(dirname(target), { recursive: true })).then(() => writeOutput(target, text, inputs));
    // Handled at the end, by the await below, however long the comparisons take.
    writing.catch(() => undefined);
    links.push(path);
  };
  const { status } = await compareDirectories(oldDir, newDir, options, io, 0, { write, onTerminal: false });
  await writing;
  await writeOutput(join(dir, "index.html"), renderPageIndex(oldDir, newDir, links, notes), inputs);
  return status;
}

/** The colour level of terminal output to stdout (0 for anything else); git is asked only when it called us. */
function decideColor(options: CliOptions, io: CliIO, calledByGit: boolean): 0 | 1 | 2 | 3 {
  if (chooseFormat(options) !== "term" || options.output) return 0;
  const { env, stdoutIsTTY: isTTY } = io;
  return colorLevel({ mode: options.color, env, isTTY, git: gitColorAsker(calledByGit, env, isTTY) });
}

/** Appends to GitHub's step summary, loading that code only for -f github. */
async function stepSummary(rows: readonly SummaryRow[], io: CliIO): Promise<void> {
  const { appendStepSummary } = await import("./step-summary.js");
  await appendStepSummary(rows, io);
}
