// Starts the built `htmldiff serve` on a loopback port of the system's choosing, for the tests
// of the HTTP service, and stops it; every test file stops its servers in afterAll.

import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { BIN } from "./cli.js";

/** A running server: its base URL (`http://127.0.0.1:PORT`), its process and what it printed. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** The exit code once the process has ended, or, if a signal ended it, the signal's name and what it printed. */
  readonly exited: Promise<number | string>;
  /** Sends SIGTERM and resolves as `exited` does. */
  readonly stop: () => Promise<number | string>;
}

/**
 * Runs `htmldiff serve --port 0 …args` and waits for the line that names its URL.
 *
 * @example const server = await startServe(["--workers", "1"]); await fetch(`${server.url}/healthz`)
 */
export async function startServe(args: string[] = [], options: { command?: string[]; env?: Record<string, string> } = {}): Promise<ServeProcess> {
  const [program, ...prefix] = [...(options.command ?? []), process.execPath];
  const child = spawn(program!, [...prefix, BIN, "serve", ...(options.command ? [] : ["--port", "0"]), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? `ended by ${signal}; stderr: ${stderr}`)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      stdout += chunk;
      const match = /listening on (http:\/\/[^/\s]+)\//.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`htmldiff serve exited (${code}) before listening: ${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The lower-case hex SHA-256 of a text's UTF-8 bytes: a document's name in the store. */
export function hashOf(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Stores `text` with PUT /v1/docs/{hash} and returns the hash. */
export async function putDocument(url: string, text: string): Promise<string> {
  const hash = hashOf(text);
  const response = await fetch(`${url}/v1/docs/${hash}`, { method: "PUT", body: text, headers: { "Content-Type": "text/html" } });
  if (response.status !== 201) throw new Error(`PUT answered ${response.status}: ${await response.text()}`);
  return hash;
}

/** The number of comparisons the server has started, from GET /. */
export async function diffsStarted(url: string): Promise<number> {
  const info = (await (await fetch(`${url}/`)).json()) as { diffs: { started: number } };
  return info.diffs.started;
}

/** The `detail` of a problem+json answer. */
export async function detailOf(response: Response): Promise<string> {
  return ((await response.json()) as { detail: string }).detail;
}

/** The number of changes in a `format=json` answer. */
export async function changesOf(response: Response): Promise<number> {
  return ((await response.json()) as { summary: { changes: number } }).summary.changes;
}
