// The parse5 check's own reading of the marks, on the examples docs/tricky-cases.md gives: the
// check judges the writer by the marks' description, so it must read that description right.

import { describe, expect, it } from "vitest";
import { attributesOnSide, markerMarkup, readMarker } from "../support/output-marks.js";

describe("the parse5 check's reading of the marks", () => {
  it("gives each side's attributes of a changed link (docs/tricky-cases.md, Attribute changes)", () => {
    const written: [string, string][] = [
      ["href", "/basket"],
      ["class", "link diff-attrs"],
      ["data-diff-class", "link"],
      ["data-diff", "attrs"],
      ["data-diff-old-href", "/cart"],
    ];
    expect(attributesOnSide(written, "ins")).toEqual([
      ["href", "/basket"],
      ["class", "link"],
    ]);
    expect(attributesOnSide(written, "del")).toEqual([
      ["class", "link"],
      ["href", "/cart"],
    ]);
  });

  it("leaves out on the old side the attributes it did not have, and renames kept ones back", () => {
    const written: [string, string][] = [
      ["title", "new"],
      ["data-diff-raw-data-diff", "x"],
      ["class", "diff-attrs"],
      ["data-diff", "attrs"],
      ["data-diff-added", "title"],
    ];
    expect(attributesOnSide(written, "ins")).toEqual([
      ["title", "new"],
      ["data-diff", "x"],
    ]);
    expect(attributesOnSide(written, "del")).toEqual([["data-diff", "x"]]);
  });

  it("reads a marker's role and its percent-encoded markup", () => {
    const marker = readMarker("htmldiff:del:<!DOCTYPE html%3E a%2D%2D%3E b%25");
    expect(marker?.role).toBe("del");
    expect(markerMarkup(marker!.payload)).toBe("<!DOCTYPE html> a--> b%");
    expect(readMarker(" a comment ")).toBeNull();
    expect(readMarker("htmldiff:stop:3")).toBeNull();
  });
});
