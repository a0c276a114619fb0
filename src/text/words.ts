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
    // The path by character classes gives exactly what PIECE gives, without a match object per
    // token; a character in context (see wideClass) where it could change the answer hands
    // that token to PIECE.
    const end = plainToken(text, i, n);
    if (end > 0) {
      const c = text.charCodeAt(i);
      const kind = c < 0x80 ? ASCII_CLASS[c]! : wideClass(c);
      emit(i, end, kind === SPACE_CHAR || kind === LINE_FEED ? "space" : kind === WORD_CHAR_CLASS || kind === IDEOGRAPH_CHAR ? "word" : "punct");
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
 * Classes of characters: other, space (not a line feed), line feed, word (letters, digits,
 * `_`), and ' and . (other, but they may join word characters); past ASCII also one whose
 * piece depends on its neighbours (see {@link wideClass}).
 */
const OTHER_CHAR = 0;
const SPACE_CHAR = 1;
const LINE_FEED = 2;
const WORD_CHAR_CLASS = 3;
const JOINER = 4;
const IN_CONTEXT = 5;
/** A character of a script without spaces: a piece of its own, a word. */
const IDEOGRAPH_CHAR = 6;
const ASCII_CLASS = (() => {
  const classes = new Uint8Array(0x80);
  // ASCII white space as `\s` has it: tab, line feed, vertical tab, form feed, carriage return, space.
  for (const c of [0x09, 0x0b, 0x0c, 0x0d, 0x20]) classes[c] = SPACE_CHAR;
  classes[0x0a] = LINE_FEED;
  classes[0x27] = classes[0x2e] = JOINER;
  for (let c = 0; c < 0x80; c++) if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) classes[c] = WORD_CHAR_CLASS;
  return classes;
})();

/**
 * {@link countWords} of `text.slice(from, to)`, without the slice where the text is ASCII (a
 * piece depends only on the text from its start on, so the rest is counted from a slice).
 *
 * @example countWordsIn("<p>It's 3.14!</p>", 3, 13) // 4
 */
export function countWordsIn(text: string, from: number, to: number): number {
  // Text is counted in one pass, a table step per character (see STEPS), with no call and no
  // branch per piece. A character whose piece depends on its neighbours (a mark, a joiner, half
  // a surrogate pair, …), or a piece long enough that a limit might cut it, hands the rest, from
  // the start of the piece it is in, to the exact count.
  let pieces = 0;
  let state = ENDED;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // (The class look-up written out: the CLI's engine inlines no calls, see src/compiled-cli.ts.)
    const cls = c < 0x80 ? ASCII_CLASS[c]! : wideClass(c);
    if (cls === IN_CONTEXT || i - start >= UNCUT) return (i === from ? 0 : pieces - 1) + countPiecesIn(text, start, to);
    const step = STEPS[(state << 3) | cls]!;
    pieces += (step >> 3) & 3;
    state = step & 7;
    start += (i - start) * (step >> 5);
  }
  return state === JOINING ? pieces + 1 : pieces;
}

/** Per character past ASCII, its class plus one once found (0: not yet), see {@link wideClass}. */
const WIDE_CLASSES = new Uint8Array(0x10000);

/** A test of one character against a part of the policy, compiled on first use (each far smaller than PIECE to compile). */
function charTest(pattern: string): (char: string) => boolean {
  let expression: RegExp | null = null;
  return (char) => (expression ??= new RegExp(pattern, "v")).test(char);
}
// The policy's own parts (see WORD_CHAR, IDEOGRAPH, OTHER, SPACE), for one character.
const IS_IN_CONTEXT = charTest(String.raw`[\p{M}\u200d\u3005\u30fc]`);
const IS_SPACE = charTest(String.raw`\s`);
const IS_WORD = charTest(String.raw`[\p{L}\p{N}\p{Pc}]`);
const IS_IDEOGRAPH = charTest(`[${IDEOGRAPHIC}]`);

/**
 * The class of `c` (a UTF-16 code unit past ASCII) as the policy's pieces take it when no
 * character next to it is {@link IN_CONTEXT}: a space as `\s` has it; a letter, digit or
 * connector not of a script without spaces, a word character; ’ a joiner; a character of a
 * script without spaces an ideograph; anything else a piece of its own. In context: what a neighbour may join or be joined by (a
 * mark, variation selectors among them; a zero-width joiner; half a surrogate pair, so emoji
 * modifiers and regional indicators too), and 々 and ー, which start a piece of their own but go
 * on a word.
 */
function wideClass(c: number): number {
  const known = WIDE_CLASSES[c]!;
  if (known !== 0) return known - 1;
  const char = String.fromCharCode(c);
  let cls = OTHER_CHAR;
  if ((c >= 0xd800 && c <= 0xdfff) || IS_IN_CONTEXT(char)) cls = IN_CONTEXT;
  else if (c === 0x2019) cls = JOINER;
  else if (IS_SPACE(char)) cls = SPACE_CHAR;
  // (No script without spaces is written below Thai, U+0E00: most text past ASCII needs no ideograph test compiled.)
  else if (c >= 0x0e00 && IS_IDEOGRAPH(char)) cls = IDEOGRAPH_CHAR;
  else if (IS_WORD(char)) cls = WORD_CHAR_CLASS;
  WIDE_CLASSES[c] = cls + 1;
  return cls;
}

/**
 * A piece of fewer characters than this is cut by no limit: runs of spaces or word characters
 * are cut at MAX_RUN, and a word refuses a join only after MAX_JOINS joins and MAX_JOINS + 1
 * parts, 2 * MAX_JOINS + 1 characters at least, when the next part's first character is read.
 */
const UNCUT = 2 * (MAX_JOINS + 1);

/** States of {@link countWordsIn}: the last character ended its piece, is in a space run, in a word, or is a ' or . after a word (a join if a word character follows). */
const ENDED = 0;
const IN_SPACE = 1;
const IN_WORD = 2;
const JOINING = 3;

/**
 * Per state and character class (`state << 3 | class`): the next state (bits 0-2), how many
 * pieces start (bits 3-4: two when a ' or . after a word turns out to be a piece of its own),
 * and whether one starts at this character (bit 5).
 */
const STEPS = (() => {
  const steps = new Uint8Array(4 << 3);
  const set = (state: number, cls: number, next: number, pieces: number): void => {
    steps[(state << 3) | cls] = next | (pieces << 3) | (pieces > 0 ? 1 << 5 : 0);
  };
  for (const state of [ENDED, IN_SPACE, IN_WORD, JOINING]) {
    // A piece starting here; after a ' or . that joins nothing, that one is a piece too.
    const starting = state === JOINING ? 2 : 1;
    set(state, OTHER_CHAR, ENDED, starting);
    set(state, IDEOGRAPH_CHAR, ENDED, starting);
    // A line feed ends a space run as its last character, or is a space piece of its own.
    set(state, LINE_FEED, ENDED, state === IN_SPACE ? 0 : starting);
    set(state, SPACE_CHAR, IN_SPACE, state === IN_SPACE ? 0 : starting);
    set(state, WORD_CHAR_CLASS, IN_WORD, state === IN_WORD || state === JOINING ? 0 : 1);
    set(state, JOINER, state === IN_WORD ? JOINING : ENDED, state === IN_WORD ? 0 : starting);
  }
  return steps;
})();

/** {@link countWordsIn} a piece at a time, for text that is not all ASCII. */
function countPiecesIn(text: string, from: number, to: number): number {
  let pieces = 0;
  for (let i = from; i < to; pieces++) {
    const end = plainToken(text, i, to);
    if (end > 0) {
      i = end;
      continue;
    }
    // PIECE reads on to the end of the string it is given.
    if (to !== text.length) return pieces + countPiecesIn(text.slice(i, to), 0, to - i);
    PIECE.lastIndex = i;
    i += PIECE.exec(text)![0].length;
  }
  return pieces;
}

/**
 * The end of the piece at `i`, or 0 when a character in context (see {@link wideClass}) might
 * belong to it. One loop per run, no call per character but the class's look-up: counting reads
 * every character of a document's text.
 */
function plainToken(text: string, i: number, n: number): number {
  // (Each class look-up written out, as in countWordsIn: the CLI's engine inlines no calls.)
  const c = text.charCodeAt(i);
  const kind = c < 0x80 ? ASCII_CLASS[c]! : wideClass(c);
  if (kind === IN_CONTEXT) return 0;
  if (kind === SPACE_CHAR || kind === LINE_FEED) {
    // (Nothing in context joins a run of spaces.)
    let j = i;
    let d = kind;
    while (j - i < MAX_RUN && d === SPACE_CHAR && ++j < n) {
      const e = text.charCodeAt(j);
      d = e < 0x80 ? ASCII_CLASS[e]! : wideClass(e);
    }
    return j < n && d === LINE_FEED ? j + 1 : j;
  }
  if (kind !== WORD_CHAR_CLASS) {
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    return next >= 0x80 && wideClass(next) === IN_CONTEXT ? 0 : i + 1;
  }
  let j = i;
  for (let joins = 0; ; joins++) {
    // A run of at most MAX_RUN word characters from j; a character in context after it may belong to it.
    const from = j;
    while (j < n && j - from < MAX_RUN) {
      const e = text.charCodeAt(j);
      if ((e < 0x80 ? ASCII_CLASS[e]! : wideClass(e)) !== WORD_CHAR_CLASS) break;
      j++;
    }
    if (j >= n) return j;
    const at = text.charCodeAt(j);
    const after = at < 0x80 ? ASCII_CLASS[at]! : wideClass(at);
    if (after === IN_CONTEXT) return 0;
    if (joins === MAX_JOINS || j + 1 >= n || after !== JOINER) return j;
    const e = text.charCodeAt(j + 1);
    const next = e < 0x80 ? ASCII_CLASS[e]! : wideClass(e);
    if (next === IN_CONTEXT) return 0;
    if (next !== WORD_CHAR_CLASS) return j;
    j++;
  }
}
