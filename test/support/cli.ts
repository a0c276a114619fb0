// Runs the CLI in-process with captured output, as a test double for the real process.

import { run } from "../../src/cli/main.js";

/** What a run printed and returned. */
export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}: standard input, environment, and whether stdout is a terminal. */
export interface RunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
}

/** Runs `htmldiff args…` in this process. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    readStdin: async () => Buffer.from(options.stdin ?? ""),
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
  });
  return { status, stdout, stderr };
}
