// Bytes -> text: the encoding comes from a byte order mark, then from `<meta charset>` or the
// XML declaration, else UTF-8. Binary input (NUL bytes) is refused.

/** Input that cannot be read as a document; the message is one line for the user. */
export class InputError extends Error {
  override readonly name: string = "InputError";
}

/**
 * The first line of an error's message (of anything else thrown, its string): what a one-line
 * report of an unexpected error says.
 *
 * @example firstLine(new Error("boom\n    at f (x.js:1:1)")) // "boom"
 */
export function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/** Input refused because it is binary (NUL bytes): git's caller prints "Binary files … differ" instead. */
export class BinaryInputError extends InputError {
  override readonly name = "BinaryInputError";
}

/** A decoded document and what a user should hear about how it was decoded. */
export interface DecodedInput {
  readonly text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  readonly encoding: string;
  /** Whether the bytes began with a byte order mark (left out of `text`). */
  readonly bom: boolean;
  /** Problems worth a warning that did not stop the decoding (invalid UTF-8, …). */
  readonly warnings: readonly string[];
}

const SNIFF_BYTES = 4096;

/**
 * Decodes a document's bytes to text. Bytes the encoding cannot decode become U+FFFD with a
 * warning; a NUL byte (a NUL character in UTF-16) means the input is binary, not a document.
 *
 * @example decodeBytes(Buffer.from('<meta charset="latin1"><p>\xe9')).encoding // "windows-1252"
 */
export function decodeBytes(bytes: Uint8Array): DecodedInput {
  const bom = bomEncoding(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  // A document that reached us without a BOM cannot really be UTF-16, whatever it says (as browsers decide).
  const declared = bom ? undefined : declaredEncoding(new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES)));
  const encoding = bom?.encoding ?? (declared && !declared.startsWith("utf-16") ? declared : "utf-8");
  const utf16 = encoding.startsWith("utf-16");
  // Every ASCII character of UTF-16 has a zero byte: there, only a decoded NUL character counts.
  if (!utf16 && body.includes(0)) throw new BinaryInputError("binary file (contains NUL bytes)");
  let text: string;
  const warnings: string[] = [];
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding).decode(body);
    warnings.push(`invalid ${encoding.toUpperCase()}: bad bytes were replaced by U+FFFD`);
  }
  if (utf16 && text.includes("\u0000")) throw new BinaryInputError("binary file (contains NUL characters)");
  return { text, encoding, bom: bom !== undefined, warnings };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** A `<meta` tag and its attribute text (quoted values may hold `>`). */
const META = /<meta[\t\n\f\r /]((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** One attribute: name, and a double-quoted, single-quoted or plain value. */
const ATTRIBUTE = /([^\t\n\f\r />"'=]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?/g;

/**
 * The encoding a document declares in its first bytes, normalised to a WHATWG name, if the
 * platform knows it: the XML declaration's, else that of the first `<meta>` outside comments
 * whose own `charset` attribute (or `http-equiv="content-type"` with a `content` naming a
 * charset) names a known encoding, as a browser's prescan reads them (a `data-x-charset`
 * attribute, or a `<meta>` inside a comment, declares nothing).
 *
 * @example declaredEncoding('<meta charset="iso-8859-1">') // "windows-1252"
 */
export function declaredEncoding(head: string): string | undefined {
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  if (xml) return known(xml);
  for (const [, attributes] of head.replace(/<!--[\s\S]*?-->/g, "").matchAll(META)) {
    const attrs = new Map<string, string>();
    for (const [, name, ...values] of attributes!.matchAll(ATTRIBUTE)) {
      if (!attrs.has(name!.toLowerCase())) attrs.set(name!.toLowerCase(), values.find((v) => v !== undefined) ?? "");
    }
    const pragma = attrs.get("http-equiv")?.trim().toLowerCase() === "content-type";
    const label = attrs.get("charset") ?? (pragma ? /charset\s*=\s*["']?([^"'\s;]+)/i.exec(attrs.get("content") ?? "")?.[1] : undefined);
    const encoding = label === undefined ? undefined : known(label);
    if (encoding) return encoding;
  }
  return undefined;
}

/** The WHATWG name of an encoding label, if the platform knows it. */
function known(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}
