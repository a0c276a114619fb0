// The process-facing surface the CLI runs against, so tests can run it in-process.

/** Where the CLI reads and writes; the real process or a test's buffers. */
export interface CliIO {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes bytes to standard output (a document in its own encoding); without it, {@link out} gets the text. */
  readonly outBytes?: (bytes: Uint8Array) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<Uint8Array>;
  /**
   * Told, once both documents of a comparison of two files are read and before they are compared,
   * how many characters they hold together: the real process tunes V8 for a long run
   * (see `optimizeEarlierForLongRuns`); absent where nothing is tuned (a test's buffers).
   */
  readonly willCompare?: (characters: number) => void;
  /**
   * Told, once the two documents of a comparison of two files are diffed and before the output
   * is rendered: the real process collects the diff's garbage there after a long run (see
   * `collectBeforeRender`); absent where nothing is tuned.
   */
  readonly willRender?: () => void;
  /** The environment (NO_COLOR, FORCE_COLOR, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder a configuration file is looked for from (default: the process's current folder). */
  readonly cwd?: string;
  /** Whether standard output and standard error are terminals. */
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /**
   * Shows `text` through the pager `command` (printing it directly if the pager cannot run);
   * absent where there is no terminal to page on (a test's buffers).
   */
  readonly page?: (text: string, command: string) => Promise<void>;
}
