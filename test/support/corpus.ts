// The shared corpus of real document pairs (../shared/corpus, listed in MANIFEST.tsv), when present.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeBytes } from "../../src/read/decode.js";
import type { ParseMode } from "../../src/types.js";

/**
 * Where the corpus is: `HTMLDIFF_CORPUS` when set, else `shared/corpus` beside the clone, or
 * beside a folder of clones (a git worktree in `wt/NAME` finds `../../shared/corpus`). Tests
 * that need it skip, saying so, when it is absent.
 */
export const CORPUS =
  process.env.HTMLDIFF_CORPUS ||
  ([join(import.meta.dirname, "../../../shared/corpus"), join(import.meta.dirname, "../../../../shared/corpus")].find((dir) => existsSync(join(dir, "MANIFEST.tsv"))) ??
    join(import.meta.dirname, "../../../shared/corpus"));

/** Whether the corpus is here. */
export const corpusPresent = existsSync(join(CORPUS, "MANIFEST.tsv"));

/** One pair of the corpus, decoded. */
export interface CorpusPair {
  readonly name: string;
  readonly mode: ParseMode;
  readonly a: string;
  readonly b: string;
}

/** The names, kinds (html or xml) and sizes listed in the manifest. */
export function corpusEntries(): { name: string; mode: ParseMode; bytes: number }[] {
  if (!corpusPresent) return [];
  const [header, ...rows] = readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n");
  const columns = header!.split("\t");
  const at = (name: string): number => columns.indexOf(name);
  return rows.map((row) => {
    const cells = row.split("\t");
    return { name: cells[at("name")]!, mode: cells[at("kind")] === "xml" ? "xml" : "html", bytes: Number(cells[at("bytes_a")]) + Number(cells[at("bytes_b")]) };
  });
}

/**
 * One of `count` shares of the corpus, balanced by size, so that test files can check the
 * shares side by side.
 */
export function corpusShare(index: number, count: number): { name: string; mode: ParseMode }[] {
  return corpusEntries()
    .sort((x, y) => y.bytes - x.bytes)
    .filter((_, i) => i % count === index);
}

/** Reads one pair (files a.* and b.*), decoded as the CLI decodes them. */
export function readPair(name: string, mode: ParseMode): CorpusPair {
  const dir = join(CORPUS, name);
  const files = readdirSync(dir);
  const read = (prefix: string): string =>
    decodeBytes(
      readFileSync(
        join(
          dir,
          files.find((f) => f.startsWith(prefix))!,
        ),
      ),
    ).text;
  return { name, mode, a: read("a."), b: read("b.") };
}
