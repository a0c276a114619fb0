// `htmldiff enqueue`: the pairs of a command line (OLD NEW, -r OLD_DIR NEW_DIR, or --pairs
// FILE), their documents stored in Redis and one job queued per pair; prints the job ids, one a
// line, in the order of the pairs.

import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DiffQuery } from "../compare/diff-id.js";
import type { DiffJobs, DiffJob } from "../compare/jobs.js";
import { InputError } from "../read/decode.js";
import { fileErrorPhrase } from "../read/file-error.js";
import { modeByExtension } from "../read/mode.js";

/** The pairs to queue: two files, two folders (paired by relative path), or a file of tab-separated pairs. */
export type PairSource = { readonly files: readonly [string, string] } | { readonly folders: readonly [string, string] } | { readonly list: string };

/** Pairs stored and queued per round trip to Redis, so a large archive streams instead of loading at once. */
const BATCH = 200;

/**
 * Stores the documents of every pair and queues their jobs; calls `printId` with each job id
 * in the order of the pairs. Throws {@link InputError} for a file that cannot be read.
 *
 * @example await enqueuePairs(jobs, { files: ["a.html", "b.html"] }, query, (id) => io.out(`${id}\n`))
 */
export async function enqueuePairs(jobs: DiffJobs, source: PairSource, query: DiffQuery, printId: (id: string) => void): Promise<number> {
  const pairs = await listPairs(source);
  for (let start = 0; start < pairs.length; start += BATCH) {
    const batch = await Promise.all(pairs.slice(start, start + BATCH).map(([oldPath, newPath]) => storePair(jobs, oldPath, newPath, query)));
    for (const id of await jobs.enqueue(batch)) printId(id);
  }
  return pairs.length;
}

async function storePair(jobs: DiffJobs, oldPath: string, newPath: string, query: DiffQuery): Promise<DiffJob> {
  const [a, b] = await Promise.all([jobs.putDocument(await readDocument(oldPath)), jobs.putDocument(await readDocument(newPath))]);
  return { a, b, oldLabel: oldPath, newLabel: newPath, query };
}

async function listPairs(source: PairSource): Promise<(readonly [string, string])[]> {
  if ("files" in source) return [source.files];
  if ("folders" in source) return pairsOfFolders(...source.folders);
  const text = await readFile(source.list, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${source.list}: ${fileErrorPhrase(error)}`);
  });
  return text.split("\n").flatMap((line, index) => {
    if (!line.trim()) return [];
    const fields = line.replace(/\r$/, "").split("\t");
    if (fields.length !== 2 || !fields[0] || !fields[1]) throw new InputError(`${source.list}:${index + 1}: expected OLD<TAB>NEW`);
    return [[fields[0], fields[1]] as const];
  });
}

/** The HTML and XML files (by extension) found under both folders at the same relative path. */
async function pairsOfFolders(oldDir: string, newDir: string): Promise<(readonly [string, string])[]> {
  const [oldFiles, newFiles] = await Promise.all([documentsUnder(oldDir), documentsUnder(newDir)]);
  return [...oldFiles]
    .filter((path) => newFiles.has(path))
    .sort()
    .map((path) => [join(oldDir, path), join(newDir, path)] as const);
}

async function documentsUnder(dir: string): Promise<Set<string>> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(`${dir}: No such file or directory`);
  if (!info.isDirectory()) throw new InputError(`${dir}: Not a directory (-r takes folders)`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((entry) => entry.isFile() && modeByExtension(entry.name)).map((entry) => relative(dir, join(entry.parentPath, entry.name))));
}

async function readDocument(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(`${path}: ${fileErrorPhrase(error)}`);
  }
}
