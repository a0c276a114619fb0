// The diff options of `htmldiff serve` as query parameters: strict parsing, and one canonical
// form for equal requests (so caches and ETags see one URL per answer).

import { describe, expect, it } from "vitest";
import { HttpProblem } from "../../src/serve/problem.js";
import { canonicalQuery } from "../../src/compare/diff-id.js";
import { parseDiffQuery } from "../../src/serve/query.js";
import { parseBytes, parseDuration } from "../../src/serve/units.js";

const canonical = (query: string): string => canonicalQuery(parseDiffQuery(new URLSearchParams(query)));

describe("diff query parameters", () => {
  it("writes equal requests alike, whatever the order and spelling of their parameters", () => {
    const forms = [
      "max-work=900&mode=xml&ignore-case=true&ignore-attr=id&ignore-attr=class",
      "ignore-attr=class&ignore-case=1&mode=xml&ignore-attr=id&max-work=900",
      "ignore-case&ignore-attr=id&ignore-attr=class&ignore-attr=id&max-work=900&mode=xml&format=html",
    ];
    expect(new Set(forms.map(canonical))).toEqual(new Set(["mode=xml&ignore-case=1&ignore-attr=class&ignore-attr=id&max-work=900"]));
  });

  it("takes the ignore rules of the command line as repeatable parameters, in one canonical order", () => {
    const query = parseDiffQuery(new URLSearchParams("ignore-text=%5Cd%2B&ignore=meta%5Bname%3Dgenerator%5D&ignore-value=v%5Cd&ignore=footer&ignore-attr=link%40href"));
    expect(query.options).toMatchObject({ ignoreElements: ["footer", "meta[name=generator]"], ignoreText: ["\\d+"], ignoreValues: ["v\\d"], ignoreAttributes: ["link@href"] });
    expect(canonical("ignore=footer&ignore=meta%5Bname%3Dgenerator%5D")).toBe(canonical("ignore=meta%5Bname%3Dgenerator%5D&ignore=footer"));
    expect(canonical("ignore=footer")).toBe("ignore=footer");
  });

  it("refuses a bad selector or pattern with a 400 that names it", () => {
    expect(() => parseDiffQuery(new URLSearchParams("ignore=p%5B"))).toThrow("ignore: bad selector 'p['");
    expect(() => parseDiffQuery(new URLSearchParams("ignore-text=a(b"))).toThrow("ignore-text: bad pattern 'a(b'");
  });

  it("leaves out what equals the default", () => {
    expect(canonical("format=html&context=3&granularity=word&algorithm=default&ignore-case=0")).toBe("");
  });

  it("refuses unknown names and bad values with a 400 that names them", () => {
    for (const [query, detail] of [
      ["colour=1", "unknown parameter 'colour'"],
      ["ignore-case=yes", "ignore-case must be 1, true, 0 or false"],
      ["max-work=0", "max-work must be a whole number of at least 1"],
      ["format=stat&fragment=1", "fragment applies only to format=html, not to stat"],
      ["view=source&format=json", "view applies only to format=html or page, not to json"],
    ]) {
      const attempt = () => parseDiffQuery(new URLSearchParams(query));
      expect(attempt, query).toThrow(HttpProblem);
      expect(attempt, query).toThrow(detail);
    }
  });
});

describe("sizes and durations of the command line", () => {
  it("reads binary and decimal units", () => {
    expect([parseBytes("10MiB"), parseBytes("2MB"), parseBytes("512k"), parseBytes("1000")]).toEqual([10485760, 2000000, 524288, 1000]);
    expect([parseDuration("30s"), parseDuration("250ms"), parseDuration("2m"), parseDuration("1.5")]).toEqual([30000, 250, 120000, 1500]);
    expect(() => parseBytes("lots")).toThrow("expected a size like 10MiB");
    expect(() => parseDuration("0s")).toThrow("at least 1ms");
  });
});
