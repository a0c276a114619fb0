// `htmldiff serve`: its options, listening (on a port, or on the socket systemd passes), and
// SIGTERM/SIGINT: stop accepting, finish running comparisons for up to 30 s, exit 0; a second
// signal exits at once.

import { Command, InvalidArgumentError } from "commander";
import type { Server } from "node:http";
import { commandLineError } from "../compare/command-line-error.js";
import { connectRedis, DEFAULT_QUEUE, DiffJobs, RedisUnavailableError } from "../compare/jobs.js";
import { InputError } from "../read/decode.js";
import { createServer, type ServeOptions } from "./server.js";
import { parseBytes, parseDuration } from "./units.js";

/** Where `serve` writes its messages and which environment it reads (LISTEN_FDS, LISTEN_PID). */
export interface ServeIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** How long running comparisons may take to finish after SIGTERM. */
const GRACE_MS = 30_000;

/** The first file descriptor systemd passes (sd_listen_fds(3)). */
const SD_LISTEN_FDS_START = 3;

/**
 * Runs the service until a signal ends it; returns the exit status (0 after a graceful stop).
 *
 * @example process.exitCode = await runServe(["--port", "8080"], io)
 */
export async function runServe(argv: readonly string[], io: ServeIO): Promise<number> {
  const parsed = parseServeArguments(argv, io);
  if (typeof parsed === "number") return parsed;
  const { host, port, options, redis } = parsed;
  const jobs = redis ? await openJobs(redis.url, redis.queue) : undefined;
  const diffServer = createServer({ ...options, ...(jobs ? { jobs } : {}) });
  const { server } = diffServer;
  const activated = listenFd(io.env);
  try {
    await listen(server, activated === undefined ? { port, host } : { fd: activated });
  } catch (error) {
    await diffServer.pool.destroy();
    jobs?.redis.disconnect();
    throw error;
  }
  io.out(`htmldiff serve: listening on ${describeAddress(server, activated)}\n`);
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        io.err(`htmldiff serve: ${signal} again, exiting now\n`);
        process.exit(1);
      }
      stopping = true;
      io.err(`htmldiff serve: ${signal}, finishing the comparisons in flight\n`);
      const forced = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      forced.unref();
      diffServer.shutdown().then(async () => {
        await jobs?.close().catch(() => undefined);
        jobs?.redis.disconnect();
        clearTimeout(forced);
        process.off("SIGTERM", onSignal).off("SIGINT", onSignal);
        resolve(0);
      });
    };
    process.on("SIGTERM", onSignal).on("SIGINT", onSignal);
  });
}

/** The parsed command line, or the exit status when there is nothing to run (help, or an error already reported). */
function parseServeArguments(argv: readonly string[], io: ServeIO): { host: string; port: number; options: ServeOptions; redis?: { url: string; queue: string } } | number {
  const program = new Command()
    .name("htmldiff serve")
    .description("Serve diffs over HTTP: documents stored by SHA-256, GET /v1/diff/{a}/{b} cacheable forever.")
    .option("--host <address>", "the address to listen on", "127.0.0.1")
    .option("--port <n>", "the port to listen on (0: any free port)", port, 8080)
    .option("--workers <n>", "worker threads (default: the number of cores)", positive)
    .option("--max-queue <n>", "comparisons that may wait for a worker before 503 (default: 16 per worker)", positive)
    .option("--max-bytes <size>", "the largest request body or fetched document", bytes, 10 * 2 ** 20)
    .option("--timeout <duration>", "the time limit of one comparison; past it its worker is ended (504)", duration, 30_000)
    .option("--max-work <units>", "the work budget of each diff (default: the engine's, as for the CLI); past it, the coarser diff; no request may ask more", positive)
    .option("--heap-mb <n>", "the heap cap of each worker, in MiB", positive, 1024)
    .option("--recycle-after <n>", "comparisons per worker before the workers are replaced", positive, 500)
    .option("--store <dir>", "keep documents in this folder (default: in memory, least recently used dropped past 256 MiB)")
    .option("--allow-fetch", "POST /v1/diff may name documents by http(s) URL (public addresses only)")
    .option("--fetch-allow <cidr>", "with --allow-fetch: also allow this private range, e.g. 10.1.0.0/16 (repeatable)", cidr)
    .option("--redis <url>", "answer POST /v1/jobs and GET /v1/jobs/{id} with the queue on this Redis (see htmldiff worker); documents are kept there")
    .option("--queue <name>", "with --redis: the queue's name", DEFAULT_QUEUE)
    .option("--headers-timeout <duration>", "the time a client has to send its request headers", duration, 10_000)
    .option("--request-timeout <duration>", "the time a client has to send its whole request", duration, 60_000)
    .helpOption("-h, --help", "show this help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`htmldiff: ${commandLineError(s)}\n`),
    });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts();
  if (o.redis && o.store) {
    io.err("htmldiff: --store and --redis cannot both be given: with --redis, documents are kept in Redis\n");
    return 2;
  }
  return {
    host: o.host,
    port: o.port,
    ...(o.redis ? { redis: { url: o.redis, queue: o.queue } } : {}),
    options: {
      ...(o.workers ? { workers: o.workers } : {}),
      ...(o.maxQueue ? { maxQueue: o.maxQueue } : {}),
      maxBytes: o.maxBytes,
      timeoutMs: o.timeout,
      ...(o.maxWork ? { maxWork: o.maxWork } : {}),
      heapMb: o.heapMb,
      recycleAfter: o.recycleAfter,
      ...(o.store ? { storeDir: o.store } : {}),
      allowFetch: o.allowFetch ?? false,
      fetchAllow: o.fetchAllow,
      headersTimeoutMs: o.headersTimeout,
      requestTimeoutMs: o.requestTimeout,
    },
  };
}

/** The job queue on Redis; an unreachable server is bad input (one line, status 2). */
async function openJobs(url: string, queue: string): Promise<DiffJobs> {
  try {
    return new DiffJobs(await connectRedis(url, "service"), queue);
  } catch (error) {
    if (error instanceof RedisUnavailableError) throw new InputError(error.message);
    throw error;
  }
}

/** The socket systemd passed, when LISTEN_PID names this process (sd_listen_fds(3)). */
function listenFd(env: ServeIO["env"]): number | undefined {
  if (env.LISTEN_PID !== String(process.pid) || !env.LISTEN_FDS) return undefined;
  if (Number(env.LISTEN_FDS) < 1) return undefined;
  return SD_LISTEN_FDS_START;
}

function listen(server: Server, where: { port: number; host: string } | { fd: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new InputError(`cannot listen: ${error.code ?? error.message}`)));
    server.listen(where, () => resolve());
  });
}

function describeAddress(server: Server, fd: number | undefined): string {
  const address = server.address();
  if (address === null || typeof address === "string") return `fd ${fd} (${address ?? "socket activation"})`;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/${fd === undefined ? "" : ` (fd ${fd}, from systemd)`}`;
}

function positive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of at least 1");
  return Number(value);
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("expected a port number, 0 to 65535");
  return Number(value);
}

function bytes(value: string): number {
  return wrap(() => parseBytes(value));
}

function duration(value: string): number {
  return wrap(() => parseDuration(value));
}

function cidr(value: string, previous: string[] | undefined): string[] {
  if (!/^[0-9a-f.:]+\/\d{1,3}$/i.test(value)) throw new InvalidArgumentError("expected a range like 10.1.0.0/16");
  return [...(previous ?? []), value];
}

function wrap(parse: () => number): number {
  try {
    return parse();
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
