// The word policy: how character data splits into word, space and punctuation tokens.
//
// Whitespace runs are tokens of their own rather than being glued to words: a glued space
// would make "cat " and "cat" different words. A line break ends a space token ("\n  " is
// "\n" then "  "), so a whole inserted line can be one change that starts and ends at line starts. Lone space tokens between changed words are
// folded into the change later, by the refine stage, so they do not produce confetti.

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

const PIECE = new RegExp(String.raw`(${SPACE})|(${IDEOGRAPH})|(${WORD})|${OTHER}`, "gv");

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
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(text); m !== null; m = PIECE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    emit(start, end, m[1] !== undefined ? "space" : m[2] !== undefined || m[3] !== undefined ? "word" : "punct");
  }
}
