import { describe, expect, it } from "vitest";
import { parseInvocation } from "../../src/cli/invocation.js";

const hex = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

describe("parseInvocation", () => {
  it("reads two paths", () => {
    expect(parseInvocation(["a.html", "b.html"])).toEqual({ oldPath: "a.html", newPath: "b.html", oldLabel: "a.html", newLabel: "b.html", fromGit: false });
  });

  it("reads git's seven external-diff arguments", () => {
    expect(parseInvocation(["site/index.html", "/tmp/old", hex, "100644", "site/index.html", hex, "100644"])).toEqual({
      oldPath: "/tmp/old",
      newPath: "site/index.html",
      oldLabel: "a/site/index.html",
      newLabel: "b/site/index.html",
      fromGit: true,
    });
  });

  it("reads an added file (/dev/null and '.' for the old side)", () => {
    expect(parseInvocation(["new.html", "/dev/null", ".", ".", "new.html", hex, "100644"])).toMatchObject({ oldPath: "/dev/null", oldLabel: "/dev/null", newLabel: "b/new.html" });
  });

  it("reads git's nine arguments for a rename, keeping its header lines", () => {
    const message = "similarity index 90%\nrename from old.html\nrename to new.html\nindex e69de29..e69de29 100644\n";
    expect(parseInvocation(["old.html", "/tmp/o", hex, "100644", "/tmp/n", hex, "100644", "new.html", message])).toMatchObject({
      oldLabel: "a/old.html",
      newLabel: "b/new.html",
      fromGit: true,
      renameLines: ["similarity index 90%", "rename from old.html", "rename to new.html", "index e69de29..e69de29 100644"],
    });
  });

  it("has no rename lines for git's seven arguments", () => {
    expect(parseInvocation(["page.html", "/tmp/o", hex, "100644", "page.html", hex, "100644"])).not.toHaveProperty("renameLines");
  });

  it("refuses other counts and seven arguments that are not git's", () => {
    expect(parseInvocation(["a"])).toBeUndefined();
    expect(parseInvocation(["a", "b", "c"])).toBeUndefined();
    expect(parseInvocation(["a", "b", "c", "d", "e", "f", "g"])).toBeUndefined();
  });
});
