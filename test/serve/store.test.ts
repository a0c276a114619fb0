// The document stores of `htmldiff serve`: the memory store drops the least recently used past
// its bound; the disk store gives back only bytes that still hash to their name.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiskStore, MemoryStore, sha256 } from "../../src/serve/store.js";

const bytes = (text: string): Buffer => Buffer.from(text);

describe("MemoryStore", () => {
  it("drops the least recently used documents past its bound in bytes", async () => {
    const store = new MemoryStore(24);
    const one = await store.put(bytes("<p>one one</p>"));
    const two = await store.put(bytes("<p>2</p>"));
    // Reading `one` makes `two` the least recently used.
    expect(await store.get(one)).toEqual(bytes("<p>one one</p>"));
    const three = await store.put(bytes("<p>3</p>"));
    expect(await store.get(two)).toBeUndefined();
    expect(await store.get(one)).toBeDefined();
    expect(await store.get(three)).toBeDefined();
  });

  it("keeps a document larger than the bound until the next one comes", async () => {
    const store = new MemoryStore(4);
    const big = await store.put(bytes("<p>big</p>"));
    expect(await store.get(big)).toBeDefined();
    await store.put(bytes("<p>x</p>"));
    expect(await store.get(big)).toBeUndefined();
  });
});

describe("DiskStore", () => {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-disk-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives back what it was given, by hash", async () => {
    const store = new DiskStore(dir);
    const hash = await store.put(bytes("<p>kept</p>"));
    expect(hash).toBe(sha256(bytes("<p>kept</p>")));
    expect(await store.get(hash)).toEqual(bytes("<p>kept</p>"));
  });

  it("removes a file whose bytes no longer hash to its name, and answers nothing for it", async () => {
    const store = new DiskStore(dir);
    const hash = await store.put(bytes("<p>to damage</p>"));
    writeFileSync(join(dir, hash.slice(0, 2), hash), "<p>damaged</p>");
    expect(await store.get(hash)).toBeUndefined();
    expect(readdirSync(join(dir, hash.slice(0, 2)))).not.toContain(hash);
  });

  it("answers nothing for a name that is not a hash, such as a path out of its folder", async () => {
    const store = new DiskStore(join(dir, "inner"));
    writeFileSync(join(dir, "secret"), "<p>secret</p>");
    for (const name of ["../secret", "../../etc/passwd", "/etc/passwd", "se/../secret"]) expect(await store.get(name), name).toBeUndefined();
  });
});
