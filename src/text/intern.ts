// Interns comparison keys to small integers while the tokens are made, so that matching runs
// over Int32Arrays and equal keys (and equal markup as written) share one string.

/** What a markup token is compared as: its key and the key's id. */
export interface MarkupEntry {
  readonly key: string;
  readonly id: number;
}

/** The kinds of markup whose keys {@link KeyTable.memoised} memoises (instructions are too rare to). */
export type MarkupKind = "open" | "close" | "comment" | "cdata";

/**
 * One numbering of keys for the documents of one comparison (one set of options): the same key
 * gets the same id on both sides, in order of first use.
 *
 * Memos make tokenizing cheap. A key seen before hands back its first string, so tokens hold
 * one shared string per distinct word instead of one each (the per-token slice dies young),
 * and one-character ASCII keys (half of all tokens: spaces, punctuation) skip the hash map.
 * Markup keys are memoised by what decides them (see {@link memoised}): the same tag repeats
 * thousands of times, and its key (attributes filtered and sorted) is built once.
 *
 * @example const t = new KeyTable(); t.id("a") // 0; t.id("b") // 1; t.id("a") // 0; t.key(1) // "b"
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  /** Ids of the one-character ASCII keys (-1: not yet seen). */
  private readonly asciiIds = new Int32Array(128).fill(-1);
  /** Markup entries by kind, each by what decides its key (see {@link memoised}). */
  private readonly markup: Record<MarkupKind, Map<unknown, MarkupEntry>> = { open: new Map(), close: new Map(), comment: new Map(), cdata: new Map() };

  /** The id of `key`, given the next free one if it is new. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  /** The id of the one-character key `String.fromCharCode(code)`, for `code` below 128. */
  asciiId(code: number): number {
    let id = this.asciiIds[code]!;
    if (id < 0) this.asciiIds[code] = id = this.id(String.fromCharCode(code));
    return id;
  }

  /** The first string interned with this id (equal to every later one). */
  key(id: number): string {
    return this.keys[id]!;
  }

  /**
   * The entry of a `kind` of markup memoised under `by`, if any. Within a kind, `by` must decide
   * the key: an end tag's name; a start tag's name when it has no attributes, else its frozen
   * attribute list (shared by the tags written alike in one document); a comment's or CDATA
   * section's text.
   */
  memoised(kind: MarkupKind, by: unknown): MarkupEntry | undefined {
    return this.markup[kind].get(by);
  }

  /** Memoises the markup entry of `key` under `by` (see {@link memoised}). */
  remember(kind: MarkupKind, by: unknown, key: string): MarkupEntry {
    const id = this.id(key);
    const entry: MarkupEntry = { key: this.keys[id]!, id };
    this.markup[kind].set(by, entry);
    return entry;
  }
}
