// The options and help of the command line (commander), parsed into one plain object.

import { Command, InvalidArgumentError, Option } from "commander";
import type { Granularity } from "../render/report/segments.js";
import type { AlgorithmName } from "../types.js";
import type { ColorMode } from "./color.js";
import { FORMATS, type FormatName } from "../render/formats.js";
import type { CliIO } from "./io.js";
import { VERSION } from "../version.js";
import { commandLineError } from "../compare/command-line-error.js";
import { DIFF_FLAGS } from "../compare/request.js";

/** Everything the options say, with defaults filled in. */
export interface CliOptions {
  readonly format?: FormatName;
  readonly output?: string;
  readonly html?: boolean;
  readonly xml?: boolean;
  readonly ignoreWhitespace?: boolean;
  readonly ignoreCase?: boolean;
  readonly ignoreComments?: boolean;
  readonly ignoreAttr: string[];
  /** `--ignore SELECTOR`: elements left out of the comparison. */
  readonly ignore: string[];
  readonly ignoreText: string[];
  readonly ignoreValue: string[];
  readonly context: number;
  readonly granularity: Granularity;
  readonly algorithm: AlgorithmName;
  readonly maxWork?: number;
  readonly color: ColorMode;
  readonly quiet?: boolean;
  readonly exitCode?: boolean;
  readonly recursive?: boolean;
  readonly jobs?: number;
  readonly fragment?: boolean;
  readonly keepScripts?: boolean;
  readonly view?: "document" | "source";
  readonly accept?: string;
  readonly reject?: string;
  readonly maxAnnotations?: number;
  /** False with `--no-pager`. */
  readonly pager: boolean;
  /** `--config FILE`, or false with `--no-config` (undefined: look for one). */
  readonly config?: string | false;
}

const EXAMPLES = `
Exit status: 0 same, 1 different, 2 trouble (as diff(1)). Called by git with its 7 or 9
external-diff arguments, differences exit 0 unless --exit-code is given.

Examples:
  htmldiff old.html new.html                 what changed, word by word
  htmldiff -q expected.html actual.html      exit status only
  curl -s "$URL" | htmldiff expected.html -  compare with standard input
  htmldiff -f json a.svg b.svg > edits.json  the edit script for a program
  htmldiff -f github old.html new.html       annotations in a GitHub Actions log
  htmldiff -o review.html old.html new.html  a review page to open in a browser
  htmldiff --reject review.html > old.html   the old document back from the page
  htmldiff -r -f stat site-v1/ site-v2/      one line per changed page of two builds
  GIT_EXTERNAL_DIFF=htmldiff git diff        as git's diff for every file
  git difftool -y -x htmldiff                as a difftool
  htmldiff serve --port 8080                 diffs over HTTP (see htmldiff serve --help)`;

/**
 * The commander program; `action` receives the positional arguments and the parsed options.
 *
 * @example buildProgram(io, async (args, options) => { … }).parseAsync(argv, { from: "user" })
 */
export function buildProgram(io: CliIO, action: (args: string[], options: CliOptions) => Promise<void>): Command {
  return (
    withDiffFlags(
      new Command()
        .name("htmldiff")
        .description("Compare two HTML or XML documents word by word, aware of tags.")
        .usage("[options] OLD NEW")
        .argument("[documents...]", "OLD and NEW: files, or - for standard input, or /dev/null for nothing")
        .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS))
        .option("-o, --output <file>", "write the output to a file (format from its extension: .json, .txt, .html)")
        .option("--html", "parse both sides as HTML (default: by file extension, then by content)")
        .option("--xml", "parse both sides as XML"),
    )
      .option("-U, --context <lines>", "unchanged lines shown around each change", count, 3)
      .addOption(new Option("--granularity <unit>", "show replaced words whole, or the characters that differ").choices(["word", "char"]).default("word"))
      .addOption(new Option("--algorithm <name>", "matching algorithm").choices(["default", "myers", "histogram", "difflib"]).default("default"))
      .option("--max-work <units>", "work budget of the word-level matching; past it, lines and tags are matched first (default: 200M + 100 per token, at most 1G; see docs/robustness.md)", positive)
      .addOption(new Option("--color <when>", "colour the terminal output (NO_COLOR and FORCE_COLOR are honoured)").choices(["auto", "always", "never"]).default("auto"))
      .option("-q, --quiet", "print nothing; report differences by exit status only")
      .option("--exit-code", "exit 1 on differences even when called by git")
      .option("-r, --recursive", "compare two folders: HTML and XML files paired by relative path")
      .option("-j, --jobs <n>", "with -r, compare this many pairs at once (default: the number of cores less one, at least 1)", positive)
      .option("--fragment", 'with -f html: only the body\'s content, in <div class="diff">, for embedding (scripts neutralised)')
      .option("--keep-scripts", "with --fragment: keep the documents' scripts, handlers and loads as they are")
      .addOption(new Option("--view <view>", "with -f html or page: the marked document, or its source text (always for XML)").choices(["document", "source"]))
      .option("--max-annotations <n>", "with -f github: annotations per file, then one with the counts of the rest (default: 10)", positive)
      .option("--no-pager", "never page the output (on a terminal it goes through $HTMLDIFF_PAGER, $PAGER or less)")
      .option("--config <file>", 'read option defaults from this JSON file (default: .htmldiff.json or package.json\'s "htmldiff" key, found from the current folder up)')
      .option("--no-config", "read no configuration file")
      .option("--accept <file>", "print the new document back from html or page output (takes no OLD NEW)")
      .option("--reject <file>", "print the old document back from html or page output (takes no OLD NEW)")
      .version(`htmldiff ${VERSION}`, "-V, --version", "print the name and version")
      .helpOption("-h, --help", "show this help")
      .addHelpText("after", EXAMPLES)
      .exitOverride()
      .configureOutput({
        writeOut: (s) => io.out(s),
        writeErr: (s) => io.err(s),
        outputError: (s, write) => write(`htmldiff: ${withFormatHint(commandLineError(s))}\n`),
      })
      // The repeatable options have no default in commander (its help would print `(default: [])`): empty lists here.
      .action((args: string[], options: CliOptions) =>
        action(args, { ...options, ignore: options.ignore ?? [], ignoreAttr: options.ignoreAttr ?? [], ignoreText: options.ignoreText ?? [], ignoreValue: options.ignoreValue ?? [] }),
      )
  );
}

/** `command` with the diff's flags shared with `htmldiff enqueue` ({@link DIFF_FLAGS}) added, the repeatable ones collecting lists. */
function withDiffFlags(command: Command): Command {
  for (const { flags, description, repeatable } of DIFF_FLAGS) command.addOption(repeatable ? new Option(flags, description).argParser(collect) : new Option(flags, description));
  return command;
}

/** An unknown option named like a format (`--stat`, `--json`) points to `-f`, which chooses formats. */
function withFormatHint(message: string): string {
  const name = /^unknown option '--([a-z]+)'$/.exec(message)?.[1];
  return name !== undefined && (FORMATS as readonly string[]).includes(name) ? `${message} (for the ${name} format: -f ${name})` : message;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of at least 1");
  return Number(value);
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number of lines");
  return Number(value);
}
