// Works out what the positional arguments mean: two documents, or git's external-diff call
// with 7 arguments (9 for a rename): path old-file old-hex old-mode new-file new-hex new-mode [new-path info].
// Under git difftool the two documents are temporary files: the environment names the path.

/** The two sides to compare, the names to show for them, and whether git is the caller. */
export interface Invocation {
  readonly oldPath: string;
  readonly newPath: string;
  /** Names for the header: the files, or git's `a/path` and `b/path`. */
  readonly oldLabel: string;
  readonly newLabel: string;
  /** True when git called us as an external diff: differences are not an error for git. */
  readonly fromGit: boolean;
  /** True when `git difftool` called us with its two files: any file is answered as under git diff (binary, line diff), with diff's exit status. */
  readonly fromDifftool?: true;
  /** git's old and new modes (`100644`, `100755`), present only when both sides exist and they differ. */
  readonly modeChange?: { readonly old: string; readonly new: string };
  /**
   * git's header lines of a rename or copy, from its ninth argument as git wrote them:
   * `similarity index 90%`, `rename from old.html`, `rename to new.html` (or `copy from` /
   * `copy to`), and `index …` when the content changed. Present only for git's nine arguments.
   */
  readonly renameLines?: readonly string[];
}

const HEX = /^(?:[0-9a-f]{4,64}|\.)$/;
const MODE = /^(?:[0-7]{6}|\.)$/;

/**
 * Reads the positional arguments; undefined when they are neither 2 paths nor git's 7 or 9.
 * `env` tells a call by `git difftool` apart: its two files are labelled `a/` and `b/` the
 * repository path that difftool exports (see {@link difftoolPath}).
 *
 * @example parseInvocation(["index.html", "/tmp/x", "abc1234", "100644", "index.html", "def5678", "100644"])
 *   // { oldPath: "/tmp/x", newPath: "index.html", oldLabel: "a/index.html", newLabel: "b/index.html", fromGit: true }
 */
export function parseInvocation(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Invocation | undefined {
  if (args.length === 2) {
    const [oldPath, newPath] = args as [string, string];
    const path = difftoolPath(env);
    if (path === undefined) return { oldPath, newPath, oldLabel: oldPath, newLabel: newPath, fromGit: false };
    const labelled = { oldPath, newPath, oldLabel: label("a", oldPath, path), newLabel: label("b", newPath, path), fromGit: false } as const;
    // difftool hands over two files; standard input (`-`) is a person's own call, read as such.
    return oldPath === "-" || newPath === "-" ? labelled : { ...labelled, fromDifftool: true };
  }
  if (args.length !== 7 && args.length !== 9) return undefined;
  const [path, oldFile, oldHex, oldMode, newFile, newHex, newMode, newPathArg] = args as string[];
  if (!HEX.test(oldHex!) || !HEX.test(newHex!) || !MODE.test(oldMode!) || !MODE.test(newMode!)) return undefined;
  const newPath = args.length === 9 ? newPathArg! : path!;
  const invocation: Invocation = { oldPath: oldFile!, newPath: newFile!, oldLabel: label("a", oldFile!, path!), newLabel: label("b", newFile!, newPath), fromGit: true };
  const renamed = args.length === 9 ? { ...invocation, renameLines: args[8]!.split("\n").filter((line) => line !== "") } : invocation;
  return oldMode !== "." && newMode !== "." && oldMode !== newMode ? { ...renamed, modeChange: { old: oldMode!, new: newMode! } } : renamed;
}

/**
 * The repository path of the file `git difftool` is showing, when it is the caller (its helper
 * is then the GIT_EXTERNAL_DIFF of the environment): `BASE`, which git exports for
 * `difftool -x`, else `MERGED`, which a `difftool.<tool>.cmd` can pass on.
 *
 * @example difftoolPath({ GIT_EXTERNAL_DIFF: "git-difftool--helper", BASE: "site/index.html" }) // "site/index.html"
 */
function difftoolPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GIT_EXTERNAL_DIFF !== "git-difftool--helper") return undefined;
  return env.BASE || env.MERGED || undefined;
}

/** git's name for a side: `/dev/null` for a missing one, else the path under `a/` or `b/`. */
function label(side: "a" | "b", file: string, path: string): string {
  return file === "/dev/null" ? "/dev/null" : `${side}/${path}`;
}
