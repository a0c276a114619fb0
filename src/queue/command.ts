// The queue's commands: `htmldiff worker`, `htmldiff enqueue` and `htmldiff results`, their
// options, and their errors as one line on stderr with status 2 (Redis unreachable included).

import { Command, InvalidArgumentError, Option } from "commander";
import { availableParallelism } from "node:os";
import { STORED_FORMATS, type DiffQuery, type StoredFormat } from "../compare/diff-id.js";
import { commandLineError } from "../compare/command-line-error.js";
import { connectRedis, DEFAULT_QUEUE, DEFAULT_RESULT_TTL_S, DiffJobs, RedisUnavailableError } from "../compare/jobs.js";
import { compareOptions, DIFF_FLAGS } from "../compare/request.js";
import { normalizeOptions, OptionError } from "../options.js";
import { firstLine, InputError } from "../read/decode.js";
import { loadIgnoreEngines, needsIgnoreEngines } from "../text/ignore-engines.js";
import { enqueuePairs, type PairSource } from "./enqueue.js";
import type { QueueIO } from "./io.js";
import { printResults, type ResultsFormat } from "./results.js";
import { runWorker } from "./worker.js";

/**
 * Runs `htmldiff <command> …argv` and returns its exit status.
 *
 * @example process.exitCode = await runQueueCommand("enqueue", ["--redis", url, "a.html", "b.html"], io)
 */
export async function runQueueCommand(command: "worker" | "enqueue" | "results", argv: readonly string[], io: QueueIO): Promise<number> {
  let status = 2;
  const program = (command === "worker" ? workerProgram : command === "enqueue" ? enqueueProgram : resultsProgram)(io, async (run) => {
    status = await run();
  });
  try {
    await program.exitOverride().parseAsync([...argv], { from: "user" });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (code !== undefined) return code === 0 ? 0 : 2;
    if (error instanceof InputError || error instanceof RedisUnavailableError) io.err(`htmldiff ${command}: ${error.message}\n`);
    else io.err(`htmldiff ${command}: internal error: ${firstLine(error)}\n`);
    return 2;
  }
  return status;
}

type Action = (run: () => Promise<number>) => Promise<void>;

function base(name: string, io: QueueIO): Command {
  return new Command()
    .name(`htmldiff ${name}`)
    .requiredOption("--redis <url>", "the Redis server, e.g. redis://127.0.0.1:6379")
    .option("--queue <name>", "the queue's name (its keys' prefix in Redis)", DEFAULT_QUEUE)
    .helpOption("-h, --help", "show this help")
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`htmldiff: ${commandLineError(s)}\n`),
    });
}

function workerProgram(io: QueueIO, action: Action): Command {
  return base("worker", io)
    .description("Take diff jobs from a Redis queue and run them on worker threads, till SIGTERM.")
    .option("--concurrency <n>", "worker threads; twice as many jobs are taken at once (default: the number of cores)", positive)
    .option("--timeout <seconds>", "the time limit of one job; past it the job fails for good", seconds, 30_000)
    .option("--lock <seconds>", "how soon another worker takes the job of a worker that died", seconds, 30_000)
    .option("--ttl <seconds>", "how long results are kept", seconds, DEFAULT_RESULT_TTL_S * 1000)
    .option("--heap-mb <n>", "the heap cap of each worker thread, in MiB", positive, 1024)
    .option("--recycle-after <n>", "jobs per worker thread before the threads are replaced", positive, 500)
    .action((o) =>
      action(() =>
        runWorker(
          {
            redisUrl: o.redis,
            queue: o.queue,
            concurrency: o.concurrency ?? availableParallelism(),
            timeoutMs: o.timeout,
            lockMs: o.lock,
            resultTtlS: Math.ceil(o.ttl / 1000),
            heapMb: o.heapMb,
            recycleAfter: o.recycleAfter,
          },
          io,
        ),
      ),
    );
}

function enqueueProgram(io: QueueIO, action: Action): Command {
  const program = base("enqueue", io)
    .description("Store pairs of documents in Redis and queue one diff job each; prints the job ids.")
    .usage("--redis URL [options] OLD NEW | -r OLD_DIR NEW_DIR | --pairs FILE")
    .argument("[paths...]", "OLD NEW, or two folders with -r")
    .option("-r, --recursive", "queue the HTML and XML files found in both folders at the same relative path")
    .option("--pairs <file>", "queue the pairs of this file: OLD<TAB>NEW, one a line")
    .addOption(new Option("-f, --format <name>", "the results' format").choices(STORED_FORMATS).default("text"))
    .option("--html", "parse both sides as HTML")
    .option("--xml", "parse both sides as XML");
  // The ignore options as the CLI has them.
  for (const { flags, description, repeatable } of DIFF_FLAGS) program.addOption(repeatable ? new Option(flags, description).argParser(collect) : new Option(flags, description));
  return program
    .option("-U, --context <lines>", "unchanged lines shown around each change", whole, 3)
    .addOption(new Option("--granularity <unit>", "show replaced words whole, or the characters that differ").choices(["word", "char"]).default("word"))
    .addOption(new Option("--algorithm <name>", "matching algorithm").choices(["default", "myers", "histogram", "difflib"]).default("default"))
    .option("--max-work <units>", "work budget of the word-level matching", positive)
    .action((paths: string[], o) =>
      action(async () => {
        const source = pairSource(paths, o.recursive ?? false, o.pairs);
        const query = await enqueueQuery(o);
        return withJobs(o.redis, o.queue, async (jobs) => {
          const count = await enqueuePairs(jobs, source, query, (id) => io.out(`${id}\n`));
          if (!count) io.err("htmldiff enqueue: no pairs to queue\n");
          return 0;
        });
      }),
    );
}

function resultsProgram(io: QueueIO, action: Action): Command {
  return base("results", io)
    .description("Print the results of jobs by id (from the arguments, else one a line on standard input).")
    .argument("[ids...]", "job ids, as enqueue prints them")
    .option("--wait", "wait till every job has finished")
    .addOption(new Option("-f, --format <name>", "each job's output, one JSON object a line, or one summary line a pair").choices(["output", "json", "stat"]).default("output"))
    .action((ids: string[], o) =>
      action(async () => {
        const given =
          ids.length && !(ids.length === 1 && ids[0] === "-")
            ? ids
            : Buffer.from(await io.readStdin())
                .toString("utf8")
                .split(/\s+/)
                .filter(Boolean);
        return withJobs(o.redis, o.queue, (jobs) => printResults(jobs, given, { wait: o.wait ?? false, format: o.format as ResultsFormat }, io));
      }),
    );
}

/** Runs `use` with the queue on a fresh connection, closed afterwards. */
async function withJobs(url: string, queue: string, use: (jobs: DiffJobs) => Promise<number>): Promise<number> {
  const redis = await connectRedis(url, "client");
  const jobs = new DiffJobs(redis, queue);
  try {
    return await use(jobs);
  } catch (error) {
    // A command refused because the connection went away: the same one line as an unreachable server.
    if (redis.status !== "ready") throw new RedisUnavailableError(`lost Redis at ${url}: ${(error as Error).message}`);
    throw error;
  } finally {
    await jobs.close().catch(() => undefined);
    redis.disconnect();
  }
}

function pairSource(paths: string[], recursive: boolean, list: string | undefined): PairSource {
  if (list !== undefined) {
    if (paths.length || recursive) throw new InputError("--pairs takes no OLD NEW and no -r");
    return { list };
  }
  if (paths.length !== 2) throw new InputError(recursive ? "-r takes two folders: OLD_DIR NEW_DIR" : "expected OLD NEW, -r OLD_DIR NEW_DIR or --pairs FILE");
  const pair = [paths[0]!, paths[1]!] as const;
  return recursive ? { folders: pair } : { files: pair };
}

/** The diff options of enqueue as serve's canonical query has them: lists sorted and without repeats, patterns checked. */
async function enqueueQuery(o: Record<string, unknown>): Promise<DiffQuery> {
  if (o.html && o.xml) throw new InputError("--html and --xml cannot both be given");
  const list = (value: unknown): string[] => [...new Set(value as string[])].sort();
  const ignores = { ignoreAttributes: list(o.ignoreAttr), ignoreElements: list(o.ignore), ignoreText: list(o.ignoreText), ignoreValues: list(o.ignoreValue) };
  if (needsIgnoreEngines(ignores)) {
    await loadIgnoreEngines();
    try {
      normalizeOptions(ignores);
    } catch (error) {
      if (error instanceof OptionError) throw new InputError(`${error.option}: ${error.detail}`);
      throw error;
    }
  }
  const options = compareOptions({
    ...(o.xml ? { mode: "xml" as const } : o.html ? { mode: "html" as const } : {}),
    ignoreWhitespace: Boolean(o.ignoreWhitespace),
    ignoreCase: Boolean(o.ignoreCase),
    ignoreComments: Boolean(o.ignoreComments),
    ...ignores,
    algorithm: o.algorithm as DiffQuery["options"]["algorithm"],
    ...(o.maxWork === undefined ? {} : { maxWork: o.maxWork as number }),
    context: o.context as number,
    granularity: o.granularity as DiffQuery["options"]["granularity"],
  });
  return { format: o.format as StoredFormat, options };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number of at least 1");
  return Number(value);
}

function whole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

/** Milliseconds from a number of seconds (decimals allowed). */
function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError("expected a number of seconds, more than 0");
  return Math.round(Number(value) * 1000);
}
