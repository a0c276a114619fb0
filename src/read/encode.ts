// Text -> bytes in a document's own encoding, the inverse of decode.ts: UTF-8 and UTF-16 (with
// their byte order mark when the document had one), and the legacy encodings a browser knows,
// where characters the encoding cannot hold become numeric character references.

import { declaredEncoding } from "./decode.js";

/** Marks a charset label whose document began with a byte order mark, e.g. "utf-16le;bom". */
const BOM_SUFFIX = ";bom";

/** Per legacy encoding: each character it holds and its bytes, built once from the platform's decoder. */
const tables = new Map<string, Map<string, Uint8Array>>();

/**
 * The label that names how a document's bytes were written: its WHATWG encoding name, with
 * `;bom` when they began with a byte order mark.
 *
 * @example charsetLabel("utf-16le", true) // "utf-16le;bom"
 */
export function charsetLabel(encoding: string, bom: boolean): string {
  return bom ? `${encoding}${BOM_SUFFIX}` : encoding;
}

/**
 * The charset label of a document's text when nothing recorded one: the encoding its own
 * declaration (`<meta charset>`, the XML declaration) names, as decodeBytes would read it, else UTF-8.
 *
 * @example declaredCharset('<meta charset="iso-8859-1"><p>é') // "windows-1252"
 */
export function declaredCharset(text: string): string {
  const declared = declaredEncoding(text.slice(0, 4096));
  return declared && !declared.startsWith("utf-16") ? declared : "utf-8";
}

/**
 * A document's text as bytes under a charset label: UTF-8 or UTF-16 as such, a legacy encoding
 * character by character, where a character it cannot hold is written `&#N;` (the same
 * character to an HTML or XML reader outside raw text).
 *
 * @example encodeDocument("Lévy 中", "windows-1252") // bytes "L\xe9vy &#20013;"
 */
export function encodeDocument(text: string, label: string): Uint8Array {
  const bom = label.endsWith(BOM_SUFFIX);
  const encoding = bom ? label.slice(0, -BOM_SUFFIX.length) : label;
  if (encoding === "utf-8") return Buffer.from(bom ? `\uFEFF${text}` : text, "utf8");
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const bytes = Buffer.from(bom ? `\uFEFF${text}` : text, "utf16le");
    return encoding === "utf-16be" ? bytes.swap16() : bytes;
  }
  const table = tableOf(encoding);
  const out: number[] = [];
  for (const char of text) {
    const bytes = table.get(char);
    if (bytes) for (const byte of bytes) out.push(byte);
    else for (const c of `&#${char.codePointAt(0)!};`) out.push(c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

/**
 * The characters a legacy encoding holds, found by decoding every one- and two-byte sequence
 * with the platform's own decoder (so that encoding is its exact inverse). Four-byte gb18030
 * sequences and iso-2022-jp's escapes are not listed: those characters become references.
 */
function tableOf(encoding: string): Map<string, Uint8Array> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const add = (bytes: Uint8Array): boolean => {
    let char: string;
    try {
      char = decoder.decode(bytes);
    } catch {
      return false;
    }
    if ([...char].length === 1 && char !== "\uFFFD" && !table!.has(char)) table!.set(char, bytes);
    return true;
  };
  const leads: number[] = [];
  for (let byte = 0; byte < 256; byte++) if (!add(Uint8Array.of(byte)) && byte >= 0x80) leads.push(byte);
  // A byte that does not decode alone may lead a two-byte sequence (Shift_JIS, EUC, GBK, Big5).
  for (const lead of leads) for (let trail = 0x40; trail < 256; trail++) add(Uint8Array.of(lead, trail));
  tables.set(encoding, table);
  return table;
}
