import { describe, expect, it } from "vitest";
import { colorLevel, gitColorAsker } from "../../src/cli/color.js";

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
  it("follows git's no when git called it, even in git's pager", () => expect(colorLevel({ mode: "auto", env: { GIT_PAGER_IN_USE: "true" }, isTTY: tty, git: () => false })).toBe(0));
  it("follows git's yes when git called it, even on a pipe", () => expect(colorLevel({ mode: "auto", env: {}, isTTY: pipe, git: () => true })).toBe(1));
  it("falls back to the terminal rule when git cannot answer", () => expect(colorLevel({ mode: "auto", env: { GIT_PAGER_IN_USE: "1" }, isTTY: pipe, git: () => undefined })).toBe(1));
  it("lets NO_COLOR win over git's yes", () => expect(colorLevel({ mode: "auto", env: { NO_COLOR: "1" }, isTTY: pipe, git: () => true })).toBe(0));
  it("lets FORCE_COLOR win over git's no", () => expect(colorLevel({ mode: "auto", env: { FORCE_COLOR: "2" }, isTTY: pipe, git: () => false })).toBe(2));
  it("does not ask git when --color decides", () => expect(colorLevel({ mode: "always", env: {}, isTTY: pipe, git: () => expect.unreachable() })).toBe(1));
});

describe("gitColorAsker", () => {
  it("asks nobody when git did not call us", () => expect(gitColorAsker(false, {}, pipe)).toBeUndefined());
  it("asks git when git called us with its arguments", () => expect(gitColorAsker(true, {}, pipe)).toBeTypeOf("function"));
  it("asks git in git's pager", () => expect(gitColorAsker(false, { GIT_PAGER_IN_USE: "true" }, pipe)).toBeTypeOf("function"));
  it("gets no answer when git cannot be run", () => expect(gitColorAsker(true, { PATH: "/nonexistent" }, pipe)!()).toBeUndefined());
});
