// The floor: htmlparser2's Parser tokenizing a document with empty callbacks, with the parser
// options src/events/parse.ts uses. No htmlparser2-based tool can do less work than this.

import { Parser } from "htmlparser2";

/** Tokenizes `text` and throws the result away. */
export function floorParse(text, xml) {
  const parser = new Parser({}, { xmlMode: xml, decodeEntities: false });
  parser.write(text);
  parser.end();
}
