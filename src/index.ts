// The public surface of htmldiff: named re-exports only, and the ignore options' engines loaded
// (the CLI, which does not import this file, loads them only when an ignore option is given).

import { loadIgnoreEngines } from "./text/ignore-engines.js";

await loadIgnoreEngines();

export { parseDocument, parseChunks, type ParsedDocument, type ParseOptions } from "./events/parse.js";
export { diffDocuments } from "./pipeline.js";
export { type DiffOptions, normalizeOptions, type NormalizedOptions } from "./options.js";
export { loadIgnoreEngines } from "./text/ignore-engines.js";
export { EditScript, type DiffStats, type EventRanges, type SharedTokens, type Side } from "./edit-script.js";
export { SequenceMatcher } from "./match/sequence-matcher.js";
export { myersDiff } from "./match/myers.js";
export { histogramDiff } from "./match/histogram.js";
export { opcodesFromBlocks, groupOpcodes } from "./match/opcodes.js";
export { tokenize } from "./text/tokens.js";
export { renderText, plainTheme, type Theme, type TextOptions } from "./render/report/text.js";
export { renderHtml, type HtmlOptions } from "./render/html/inline-html.js";
export { renderPage, type PageOptions } from "./render/html/page.js";
export { accept, reject } from "./review/accept.js";
export { decodeBytes, InputError, type DecodedInput } from "./read/decode.js";
export { detectMode } from "./read/mode.js";
export { compare } from "./compare/compare.js";
export { compareOptions, type CompareOptions, type CompareRequest, type CompareResult, type CompareSide } from "./compare/request.js";
export { createServer, type DiffServer, type ServeOptions } from "./serve/server.js";
export type { RequestHandler } from "./serve/handler.js";
export type * from "./types.js";
