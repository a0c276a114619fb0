// Chooses HTML or XML rules for an input: by file extension, then by sniffing the text.

import type { ParseMode } from "../types.js";

const XML_EXTENSIONS = new Set([
  "xml",
  "svg",
  "xhtml",
  "xht",
  "xsl",
  "xslt",
  "xsd",
  "rss",
  "atom",
  "xlf",
  "xliff",
  "dita",
  "ditamap",
  "ttml",
  "dfxp",
  "tei",
  "opf",
  "ncx",
  "kml",
  "gpx",
  "plist",
  "wsdl",
  "xul",
  "mathml",
  "rdf",
  "pom",
  "csproj",
  "vbproj",
  "fsproj",
  "props",
  "targets",
  "resx",
  "xaml",
  "fodt",
  "fods",
  "docbook",
  "dbk",
]);
const HTML_EXTENSIONS = new Set(["html", "htm", "shtml", "xht5", "vue", "php", "jsp", "asp", "aspx", "erb", "hbs", "njk"]);

/**
 * The mode a file name's extension implies, if it is one of the known HTML or XML extensions
 * (this is also how `-r` picks the files it compares).
 *
 * @example modeByExtension("a/b/index.htm") // "html"; modeByExtension("notes.md") // undefined
 */
export function modeByExtension(name: string): ParseMode | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext && XML_EXTENSIONS.has(ext)) return "xml";
  if (ext && HTML_EXTENSIONS.has(ext)) return "html";
  return undefined;
}

/**
 * The parse mode for a file: its extension decides when it is a known one, else the text
 * does (an XML declaration, or a root element with an `xmlns` and no HTML doctype, means XML).
 *
 * @example detectMode("icon.svg", "") // "xml"; detectMode("-", "<?xml version='1.0'?><a/>") // "xml"
 */
export function detectMode(name: string, text: string): ParseMode {
  const byName = modeByExtension(name);
  if (byName) return byName;
  const head = text.slice(0, 2048).replace(/^\uFEFF/, "");
  if (/^\s*<\?xml\b/.test(head)) return "xml";
  if (/<!doctype\s+html/i.test(head)) return "html";
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<[A-Za-z_][\w.:-]*[^>]*\sxmlns(?::\w+)?=/.test(head) && !/^\s*<html\b/i.test(head)) return "xml";
  return "html";
}
