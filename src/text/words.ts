// The word policy: how character data splits into word, space and punctuation tokens.
//
// Whitespace runs are tokens of their own rather than being glued to words: a glued space
// would make "cat " and "cat" different words. A line break ends a space token ("\n  " is
// "\n" then "  "), so a whole inserted line can be one change that starts and ends at line
// starts. Lone space tokens between changed words are folded into the change later, by the
// refine stage, so they do not produce confetti.

/** Scripts written without spaces between words: one token per character. */
const IDEOGRAPHIC = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}`;
/** A letter, digit or connector (not ideographic) with the marks and joiners that belong to it. */
const WORD_CHAR = String.raw`[[\p{L}\p{N}\p{Pc}]--[${IDEOGRAPHIC}]][\p{M}\u200d]{0,100}`;
/**
 * Apostrophes and dots inside a word keep it whole: `it's`, `3.14`, `example.com`. Every
 * repetition is bounded: an unbounded one overflows the regular expression engine's stack on a
 * "word" of millions of letters; such a run becomes several tokens of at most 1,000 letters.
 */
const WORD = String.raw`(?:${WORD_CHAR}){1,1000}(?:['\u2019.](?:${WORD_CHAR}){1,1000}){0,100}`;
const IDEOGRAPH = String.raw`[${IDEOGRAPHIC}\u3005\u30fc][\p{M}\u200d\ufe0e\ufe0f]{0,100}`;
/** Anything else is one code point with the marks, modifiers and ZWJ sequences attached to it. */
const OTHER = String.raw`\p{RI}\p{RI}|[^](?:[\p{M}\p{Emoji_Modifier}\ufe0e\ufe0f]|\u200d[^]){0,100}`;

/** A space token ends at a line break, so a change can start or end exactly at a line boundary. */
const SPACE = String.raw`[^\S\n]{0,1000}\n|[^\S\n]{1,1000}`;

/** The whole policy as one sticky expression; ASCII text takes the faster path in splitWords. */
const PIECE = new RegExp(String.raw`(${SPACE})|(${IDEOGRAPH})|(${WORD})|${OTHER}`, "vy");

/** Longest run of word characters, or of spaces, in one token; joined word parts at most. */
const MAX_RUN = 1000;
const MAX_JOINS = 100;

/** The three kinds of character-data token. */
export type WordKind = "word" | "space" | "punct";

/**
 * Calls `emit(start, end, kind)` for each piece of `text`, in order; the pieces tile the text.
 * Letters and digits of any script form words; Han, kana, Thai and similar scripts give one
 * token per character; a surrogate pair or a combining sequence is never split.
 *
 * @example splitWords("It's 3.14!", f) // f(0,4,"word") f(4,5,"space") f(5,9,"word") f(9,10,"punct")
 */
export function splitWords(text: string, emit: (start: number, end: number, kind: WordKind) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // The ASCII path gives exactly what PIECE gives, without a match object per token; any
    // non-ASCII character where it could change the answer hands that token to PIECE.
    const end = asciiToken(text, i, n);
    if (end > 0) {
      const c = text.charCodeAt(i);
      emit(i, end, isSpace(c) ? "space" : isWordChar(c) ? "word" : "punct");
      i = end;
      continue;
    }
    PIECE.lastIndex = i;
    const m = PIECE.exec(text)!;
    const stop = i + m[0].length;
    emit(i, stop, m[1] !== undefined ? "space" : m[2] !== undefined || m[3] !== undefined ? "word" : "punct");
    i = stop;
  }
}

/**
 * How many pieces {@link splitWords} cuts `text` into, without calling anything per piece.
 *
 * @example countWords("It's 3.14!") // 4
 */
export function countWords(text: string): number {
  return countWordsIn(text, 0, text.length);
}

/**
 * {@link countWords} of `text.slice(from, to)`, without the slice where the text is ASCII (a
 * piece depends only on the text from its start on, so the rest is counted from a slice).
 *
 * @example countWordsIn("<p>It's 3.14!</p>", 3, 13) // 4
 */
export function countWordsIn(text: string, from: number, to: number): number {
  let pieces = 0;
  for (let i = from; i < to; pieces++) {
    const end = asciiToken(text, i, to);
    if (end > 0) {
      i = end;
      continue;
    }
    // PIECE reads on to the end of the string it is given.
    if (to !== text.length) return pieces + countWordsIn(text.slice(i, to), 0, to - i);
    PIECE.lastIndex = i;
    i += PIECE.exec(text)![0].length;
  }
  return pieces;
}

/** The end of the ASCII token at `i`, or 0 when a non-ASCII character might belong to it. */
function asciiToken(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x80) return 0;
  if (isSpace(c)) {
    let j = i;
    while (j < n && j - i < MAX_RUN && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x0a) j++;
    if (j < n && text.charCodeAt(j) === 0x0a) return j + 1;
    return j < n && text.charCodeAt(j) >= 0x80 && j - i < MAX_RUN ? 0 : j;
  }
  if (!isWordChar(c)) return i + 1 < n && text.charCodeAt(i + 1) >= 0x80 ? 0 : i + 1;
  let j = wordRun(text, i, n);
  if (j === 0) return 0;
  for (let joins = 0; joins < MAX_JOINS && j + 1 < n; joins++) {
    const joiner = text.charCodeAt(j);
    if (joiner !== 0x27 && joiner !== 0x2e) break;
    const next = text.charCodeAt(j + 1);
    if (next >= 0x80) return 0;
    if (!isWordChar(next)) break;
    j = wordRun(text, j + 1, n);
    if (j === 0) return 0;
  }
  return j;
}

/** The end of a run of at most MAX_RUN ASCII word characters at `i`, or 0 when a non-ASCII character follows it. */
function wordRun(text: string, i: number, n: number): number {
  let j = i;
  while (j < n && j - i < MAX_RUN && isWordChar(text.charCodeAt(j))) j++;
  return j < n && text.charCodeAt(j) >= 0x80 ? 0 : j;
}

/** ASCII whitespace as `\s` has it: tab, line feed, vertical tab, form feed, carriage return, space. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}
