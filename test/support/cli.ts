// Runs the CLI in-process with captured output, as a test double for the real process, or the
// built binary as a user runs it. Both check that the run left every input file as it was.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { expectInputsUnchanged, snapshotInputs } from "./inputs.js";

/** The built binary, `bin/htmldiff.js` (run `npm run build` first; `npm test` does). */
export const BIN = join(import.meta.dirname, "../../bin/htmldiff.js");

/** What a run printed and returned. */
export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}: standard input, environment, whether stdout is a terminal, and the current folder. */
export interface RunOptions {
  readonly stdin?: string | Uint8Array;
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
}

/** Runs `htmldiff args…` in this process; throws if the run changed one of the files it was given. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const inputs = snapshotInputs(args);
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    readStdin: async () => (typeof options.stdin === "string" ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array(0))),
    env: options.env ?? {},
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
  });
  expectInputsUnchanged(inputs);
  return { status, stdout, stderr };
}

/** What a run of the binary printed, with its status, or the signal that ended it. */
export interface BinaryResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built binary with `args` (NO_COLOR set, `input` on standard input, `env` added);
 * throws if the run changed one of the files it was given. `command` prefixes the call, e.g.
 * `["setpriv", "--reuid=65534", …]` to run it as another user.
 */
export function runBinary(args: string[], input?: string | Uint8Array, env: Record<string, string> = {}, command: string[] = []): BinaryResult {
  const inputs = snapshotInputs(args);
  const [program, ...prefix] = [...command, process.execPath];
  const result = spawnSync(program!, [...prefix, BIN, ...args], {
    input: input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    maxBuffer: 1 << 30,
  });
  expectInputsUnchanged(inputs);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
