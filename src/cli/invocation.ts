// Works out what the positional arguments mean: two documents, or git's external-diff call
// with 7 arguments (9 for a rename): path old-file old-hex old-mode new-file new-hex new-mode [new-path info].

/** The two sides to compare, the names to show for them, and whether git is the caller. */
export interface Invocation {
  readonly oldPath: string;
  readonly newPath: string;
  /** Names for the header: the files, or git's `a/path` and `b/path`. */
  readonly oldLabel: string;
  readonly newLabel: string;
  /** True when git called us as an external diff: differences are not an error for git. */
  readonly fromGit: boolean;
}

const HEX = /^(?:[0-9a-f]{4,64}|\.)$/;
const MODE = /^(?:[0-7]{6}|\.)$/;

/**
 * Reads the positional arguments; undefined when they are neither 2 paths nor git's 7 or 9.
 *
 * @example parseInvocation(["index.html", "/tmp/x", "abc1234", "100644", "index.html", "def5678", "100644"])
 *   // { oldPath: "/tmp/x", newPath: "index.html", oldLabel: "a/index.html", newLabel: "b/index.html", fromGit: true }
 */
export function parseInvocation(args: readonly string[]): Invocation | undefined {
  if (args.length === 2) {
    const [oldPath, newPath] = args as [string, string];
    return { oldPath, newPath, oldLabel: oldPath, newLabel: newPath, fromGit: false };
  }
  if (args.length !== 7 && args.length !== 9) return undefined;
  const [path, oldFile, oldHex, oldMode, newFile, newHex, newMode, newPathArg] = args as string[];
  if (!HEX.test(oldHex!) || !HEX.test(newHex!) || !MODE.test(oldMode!) || !MODE.test(newMode!)) return undefined;
  const newPath = args.length === 9 ? newPathArg! : path!;
  return {
    oldPath: oldFile!,
    newPath: newFile!,
    oldLabel: oldFile === "/dev/null" ? "/dev/null" : `a/${path}`,
    newLabel: newFile === "/dev/null" ? "/dev/null" : `b/${newPath}`,
    fromGit: true,
  };
}
