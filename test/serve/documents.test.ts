// The document store of `htmldiff serve` over real HTTP: PUT and POST /v1/docs, in memory and
// under --store DIR (atomic, verified on read, no way out of the folder).

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detailOf, hashOf, putDocument, startServe, type ServeProcess } from "../support/serve.js";

describe("htmldiff serve: documents in memory", () => {
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe(["--workers", "1"]);
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("stores a document under its SHA-256 with PUT", async () => {
    const text = "<p>hello</p>";
    const response = await fetch(`${server.url}/v1/docs/${hashOf(text)}`, { method: "PUT", body: text, headers: { "Content-Type": "text/html" } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sha256: hashOf(text) });
    expect(response.headers.get("location")).toBe(`/v1/docs/${hashOf(text)}`);
  });

  it("refuses a PUT whose body does not hash to the URL with 422", async () => {
    const response = await fetch(`${server.url}/v1/docs/${hashOf("<p>other</p>")}`, { method: "PUT", body: "<p>hello</p>" });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await detailOf(response)).toMatch(/SHA-256 is [0-9a-f]{64}, not/);
  });

  it("stores a document with POST and answers its hash", async () => {
    const response = await fetch(`${server.url}/v1/docs`, { method: "POST", body: "<p>posted</p>" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sha256: hashOf("<p>posted</p>") });
  });

  it("refuses binary bytes with 422 and another media type with 415", async () => {
    const binary = await fetch(`${server.url}/v1/docs`, { method: "POST", body: new Uint8Array([60, 112, 0, 1]) });
    expect(binary.status).toBe(422);
    expect(await detailOf(binary)).toMatch(/binary/);
    const image = await fetch(`${server.url}/v1/docs`, { method: "POST", body: "GIF89a", headers: { "Content-Type": "image/gif" } });
    expect(image.status).toBe(415);
  });

  it("refuses a name that is not a hash, such as a path, with 400", async () => {
    for (const name of ["..%2F..%2Fetc%2Fpasswd", "ABC", `${hashOf("x").slice(0, 63)}g`]) {
      const response = await fetch(`${server.url}/v1/docs/${name}`, { method: "PUT", body: "<p>x</p>" });
      expect(response.status, name).toBe(400);
    }
  });
});

describe("htmldiff serve --store DIR", () => {
  let dir: string;
  let server: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "htmldiff-store-"));
    server = await startServe(["--workers", "1", "--store", dir]);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes each document as one file named by its hash, and nothing else", async () => {
    const hash = await putDocument(server.url, "<p>kept on disk</p>");
    expect(readdirSync(join(dir, hash.slice(0, 2)))).toEqual([hash]);
  });

  it("serves a stored document to a diff, and treats a damaged file as absent (404)", async () => {
    const a = await putDocument(server.url, "<p>one</p>");
    const b = await putDocument(server.url, "<p>two</p>");
    const good = await fetch(`${server.url}/v1/diff/${a}/${b}?format=stat`);
    expect(good.status).toBe(200);
    writeFileSync(join(dir, b.slice(0, 2), b), "<p>tampered</p>");
    const damaged = await fetch(`${server.url}/v1/diff/${a}/${b}?format=stat&ignore-case=1`);
    expect(damaged.status).toBe(404);
  });
});
