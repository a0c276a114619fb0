import { describe, expect, it } from "vitest";
import { colorLevel } from "../../src/cli/color.js";

const tty = true;
const pipe = false;

describe("colorLevel", () => {
  it("colours a terminal by default", () => expect(colorLevel({ mode: "auto", env: {}, isTTY: tty })).toBe(1));
  it("does not colour a pipe by default", () => expect(colorLevel({ mode: "auto", env: {}, isTTY: pipe })).toBe(0));
  it("colours git's pager (GIT_PAGER_IN_USE)", () => expect(colorLevel({ mode: "auto", env: { GIT_PAGER_IN_USE: "true" }, isTTY: pipe })).toBe(1));
  it("honours NO_COLOR on a terminal", () => expect(colorLevel({ mode: "auto", env: { NO_COLOR: "1" }, isTTY: tty })).toBe(0));
  it("ignores an empty NO_COLOR", () => expect(colorLevel({ mode: "auto", env: { NO_COLOR: "" }, isTTY: tty })).toBe(1));
  it("honours FORCE_COLOR on a pipe", () => expect(colorLevel({ mode: "auto", env: { FORCE_COLOR: "1" }, isTTY: pipe })).toBe(1));
  it("takes the level from FORCE_COLOR", () => expect(colorLevel({ mode: "auto", env: { FORCE_COLOR: "3" }, isTTY: pipe })).toBe(3));
  it("turns colour off with FORCE_COLOR=0", () => expect(colorLevel({ mode: "auto", env: { FORCE_COLOR: "0" }, isTTY: tty })).toBe(0));
  it("lets FORCE_COLOR win over NO_COLOR, as Node does", () => expect(colorLevel({ mode: "auto", env: { FORCE_COLOR: "1", NO_COLOR: "1" }, isTTY: pipe })).toBe(1));
  it("does not colour TERM=dumb", () => expect(colorLevel({ mode: "auto", env: { TERM: "dumb" }, isTTY: tty })).toBe(0));
  it("colours with --color always whatever the environment", () => expect(colorLevel({ mode: "always", env: { NO_COLOR: "1" }, isTTY: pipe })).toBe(1));
  it("never colours with --color never", () => expect(colorLevel({ mode: "never", env: { FORCE_COLOR: "3" }, isTTY: tty })).toBe(0));
});
