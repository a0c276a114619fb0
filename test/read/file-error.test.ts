import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileErrorPhrase } from "../../src/read/file-error.js";

/** The error that reading `path` throws. */
function readError(path: string): unknown {
  try {
    readFileSync(path);
  } catch (error) {
    return error;
  }
  throw new Error(`${path} could be read`);
}

describe("fileErrorPhrase", () => {
  it("words the common errors as diff(1) does", () => {
    expect(fileErrorPhrase(readError("/no/such/file"))).toBe("No such file or directory");
    expect(fileErrorPhrase(readError("/"))).toBe("Is a directory");
    expect(fileErrorPhrase(readError("/dev/null/x"))).toBe("Not a directory");
  });

  it("gives node's description of any other system error, capitalised, never its code", () => {
    expect(fileErrorPhrase(readError(`/tmp/${"x".repeat(300)}`))).toBe("Name too long");
  });

  it("gives the first line of an error that is not a system error", () => {
    expect(fileErrorPhrase(new Error("out of luck\nat somewhere"))).toBe("out of luck");
  });
});
