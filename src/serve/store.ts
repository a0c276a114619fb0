// The content-addressed document store: documents kept by the SHA-256 of their bytes, in memory
// with a least-recently-used bound on their total size, or on disk under a folder.

import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where documents are kept; `get` gives back exactly the bytes `put` was given, or undefined. */
export interface DocumentStore {
  /** Stores `bytes` and returns their hash (lower-case hex SHA-256). */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `hash`, or undefined when there are none. */
  get(hash: string): Promise<Uint8Array | undefined>;
}

/** The shape of a document's name: 64 lower-case hex digits, nothing that could name a path. */
export const HASH = /^[0-9a-f]{64}$/;

/**
 * The lower-case hex SHA-256 of `bytes`.
 *
 * @example sha256(Buffer.from("")) // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Documents in memory; past `maxBytes` in all, the least recently used are dropped. */
export class MemoryStore implements DocumentStore {
  // A Map iterates in insertion order: deleting and setting again on use keeps the oldest first.
  private readonly documents = new Map<string, Uint8Array>();
  private bytes = 0;

  /** @example new MemoryStore(256 * 2 ** 20) */
  constructor(private readonly maxBytes: number) {}

  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    if (this.documents.delete(hash)) this.bytes -= bytes.length;
    this.documents.set(hash, bytes);
    this.bytes += bytes.length;
    for (const [oldest, held] of this.documents) {
      if (this.bytes <= this.maxBytes || oldest === hash) break;
      this.documents.delete(oldest);
      this.bytes -= held.length;
    }
    return hash;
  }

  async get(hash: string): Promise<Uint8Array | undefined> {
    const bytes = this.documents.get(hash);
    if (bytes) {
      this.documents.delete(hash);
      this.documents.set(hash, bytes);
    }
    return bytes;
  }
}

/**
 * Documents as files under `dir`, named by their hash in a folder of its first two digits.
 * Written to a temporary file and renamed, so a reader sees a whole file or none; read back
 * only when the bytes still hash to their name (a damaged file is removed and counts as absent).
 */
export class DiskStore implements DocumentStore {
  /** @example new DiskStore("/var/lib/htmldiff") */
  constructor(private readonly dir: string) {}

  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    const folder = join(this.dir, hash.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${hash}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, join(folder, hash));
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return hash;
  }

  async get(hash: string): Promise<Uint8Array | undefined> {
    // The pattern is the guard against a path: only 64 hex digits ever reach join().
    if (!HASH.test(hash)) return undefined;
    const path = join(this.dir, hash.slice(0, 2), hash);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    if (sha256(bytes) === hash) return bytes;
    await unlink(path).catch(() => undefined);
    return undefined;
  }
}
