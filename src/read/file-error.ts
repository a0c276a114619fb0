// File system errors as one short phrase, worded as diff(1) and the C library word them.

/** The C library's wording of the errors a run meets most (node's own differs for some: EISDIR). */
const PHRASES: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EROFS: "Read-only file system",
  ENOSPC: "No space left on device",
  EFBIG: "File too large",
};

/** Node's message of a system error: its code, then its description, then the call and path (`ENAMETOOLONG: name too long, open '…'`). */
const SYSTEM_MESSAGE = /^[A-Z0-9_]+: ([^,\n]+)/;

/**
 * What went wrong with a file, as a phrase to follow its name: the C library's wording for the
 * common errors, node's description of any other system error, else the error's first line.
 *
 * @example fileErrorPhrase(Object.assign(new Error("ENOENT: …"), { code: "ENOENT" })) // "No such file or directory"
 */
export function fileErrorPhrase(error: unknown): string {
  const { code, message } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  const phrase = code === undefined ? undefined : PHRASES[code];
  if (phrase !== undefined) return phrase;
  const text = String(message ?? error);
  const described = code === undefined ? undefined : SYSTEM_MESSAGE.exec(text)?.[1];
  if (described) return described.charAt(0).toUpperCase() + described.slice(1);
  return text.split("\n")[0]!;
}
