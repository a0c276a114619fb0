// The attribute spans of start tags whose attribute lists are found when read (see
// EventTable.pushTag), kept in fixed-size chunks that are never copied as they fill, and written
// relative to the tag's start, so that a tag copied to another document at another offset (the
// text two documents share, see shared-parse.ts) reads the same block: two tables of a pair share
// one store, and a copied tag costs no numbers.

/** Numbers per chunk (a block longer than this gets a chunk of its own). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Blocks of numbers, one per start tag: the count of numbers that follow, then four per attribute
 * (name start and end, value start and end, relative to the tag's start; a value's start is −1
 * when the attribute has none, and its two numbers are then kept as given). A block is found by
 * the index {@link add} gave.
 *
 * @example const s = new AttributeSpans(); const at = s.add(10, [11, 15, -1, -1], 4); s.chunkOf(at)[s.offsetOf(at) + 1] // 1
 */
export class AttributeSpans {
  private readonly chunks: Int32Array[] = [];
  /** Numbers used in the last chunk. */
  private used = CHUNK;

  /** Adds the block of the first `count` numbers of `spans` (absolute offsets) of a tag starting at `start`; gives its index. */
  add(start: number, spans: ArrayLike<number>, count: number): number {
    const size = count + 1;
    if (this.used + size > CHUNK) {
      this.chunks.push(new Int32Array(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const first = this.used;
    chunk[first] = count;
    for (let k = 0; k < count; k += 4) {
      const value = spans[k + 2]!;
      chunk[first + k + 1] = spans[k]! - start;
      chunk[first + k + 2] = spans[k + 1]! - start;
      chunk[first + k + 3] = value < 0 ? value : value - start;
      chunk[first + k + 4] = value < 0 ? spans[k + 3]! : spans[k + 3]! - start;
    }
    this.used = first + size;
    // A chunk longer than CHUNK holds one block, at 0: indexes stay one per chunk slot.
    return ((this.chunks.length - 1) << CHUNK_BITS) + first;
  }

  /** Adds a copy of block `index` of `from` (relative, so valid at any offset); gives its index here. */
  copy(from: AttributeSpans, index: number): number {
    const chunk = from.chunkOf(index);
    const at = from.offsetOf(index);
    const count = chunk[at]!;
    const size = count + 1;
    if (this.used + size > CHUNK) {
      this.chunks.push(new Int32Array(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const first = this.used;
    this.chunks[this.chunks.length - 1]!.set(chunk.subarray(at, at + size), first);
    this.used = first + size;
    return ((this.chunks.length - 1) << CHUNK_BITS) + first;
  }

  /** The chunk that holds block `index`. */
  chunkOf(index: number): Int32Array {
    return this.chunks[index >>> CHUNK_BITS]!;
  }

  /** Where block `index` starts in its chunk (its count; the spans follow). */
  offsetOf(index: number): number {
    return index & (CHUNK - 1);
  }
}
