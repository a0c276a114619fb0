// A ready `node:http` server for the diff service: the handler, its pool and store, timeouts
// against slow clients, and a graceful close that lets running comparisons finish.

import { createServer as createHttpServer, type Server } from "node:http";
import { availableParallelism } from "node:os";
import type { DiffJobs } from "../compare/jobs.js";
import { ComparePool } from "../compare/pool.js";
import { createHandler, type RequestHandler } from "./handler.js";
import { redisProblem } from "./jobs.js";
import { DiskStore, MemoryStore, type DocumentStore } from "./store.js";

/** The options of {@link createServer}; every one has a default. */
export interface ServeOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /** Comparisons that may wait for a worker before 503 (default: 16 per worker). */
  readonly maxQueue?: number;
  /** The largest body or fetched document, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** The hard time limit of one comparison, in ms (default 30 s). */
  readonly timeoutMs?: number;
  /** The work budget of each diff, and the most a request may ask (default: the engine's budget for the size, and no bound). */
  readonly maxWork?: number;
  /** The heap cap of each worker, in MiB (default 1024). */
  readonly heapMb?: number;
  /** Comparisons per worker before the workers are replaced (default 500). */
  readonly recycleAfter?: number;
  /** A folder to keep documents in; absent: memory. */
  readonly storeDir?: string;
  /** The bound of the memory store, in bytes (default 256 MiB). */
  readonly memoryBytes?: number;
  /** Whether POST /v1/diff may name documents by URL. */
  readonly allowFetch?: boolean;
  /** With `allowFetch`: ranges (CIDR) allowed although private or loopback. */
  readonly fetchAllow?: readonly string[];
  /** The time a client has to send its request headers, and its whole request, in ms (default 10 s and 60 s). */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** The job queue on Redis: POST /v1/jobs and GET /v1/jobs/{id} are answered, and documents are kept in Redis. */
  readonly jobs?: DiffJobs;
}

/** A diff server, not yet listening; `shutdown` stops taking requests and ends when running comparisons are done. */
export interface DiffServer {
  readonly server: Server;
  /** The request handler alone, to mount in a program's own server. */
  readonly handler: RequestHandler;
  readonly pool: ComparePool;
  /** Stops accepting, lets requests in flight finish, then ends the workers. */
  shutdown(): Promise<void>;
}

/**
 * Makes the diff service's server; call `server.listen(…)` on it.
 *
 * @example const { server } = createServer({ workers: 2 }); server.listen(8080, "127.0.0.1")
 */
export function createServer(options: ServeOptions = {}): DiffServer {
  const workers = options.workers ?? availableParallelism();
  const maxQueue = options.maxQueue ?? 16 * workers;
  const maxBytes = options.maxBytes ?? 10 * 2 ** 20;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pool = new ComparePool({ threads: workers, maxQueue, heapMb: options.heapMb ?? 1024, recycleAfter: options.recycleAfter ?? 500 });
  const store = options.jobs ? redisStore(options.jobs) : options.storeDir ? new DiskStore(options.storeDir) : new MemoryStore(options.memoryBytes ?? 256 * 2 ** 20);
  let draining = false;
  const handler = createHandler({
    store,
    pool,
    maxBytes,
    timeoutMs,
    ...(options.maxWork === undefined ? {} : { maxWork: options.maxWork }),
    workers,
    maxQueue,
    draining: () => draining,
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.allowFetch ? { fetch: { maxBytes, timeoutMs, allow: options.fetchAllow ?? [] } } : {}),
  });
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createHttpServer(
    {
      headersTimeout,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      // Node checks both timeouts on this interval: keep it below the shorter one.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 4)),
    },
    handler,
  );
  const shutdown = async (): Promise<void> => {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A kept-alive connection goes idle when its last answer is sent: close it then, not at its timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    await closed;
    clearInterval(sweep);
    await pool.close();
  };
  return { server, handler, pool, shutdown };
}

/** The documents of the job queue, in Redis; Redis away is a 503. */
function redisStore(jobs: DiffJobs): DocumentStore {
  return {
    put: (bytes) => redisProblem(jobs.putDocument(bytes)),
    get: (hash) => redisProblem(jobs.getDocument(hash)),
  };
}
