// The attribute spans of start tags whose attribute lists are found when read (see
// EventTable.pushTag), kept in fixed-size chunks that are never copied as they fill: the one
// growing array they were kept in doubled its way to 4 MB per 5 MB document, every step a copy.

/** Numbers per chunk (a block longer than this gets a chunk of its own). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Blocks of numbers, found by the index {@link add} or {@link link} gave: for a start tag, the
 * count of numbers that follow, then four per attribute (name start and end, value start and
 * end; a value's start is −1 when the attribute has none); for a start tag copied from another
 * table, one negative number, the link {@link link} was given.
 *
 * @example const s = new AttributeSpans(); const at = s.add([11, 15, -1, -1], 4); s.chunkOf(at)[s.offsetOf(at) + 1] // 11
 */
export class AttributeSpans {
  private readonly chunks: Int32Array[] = [];
  /** Numbers used in the last chunk. */
  private used = CHUNK;

  /** Adds the block of the first `count` numbers of `spans`; gives its index. */
  add(spans: ArrayLike<number>, count: number): number {
    const index = this.room(count + 1);
    const chunk = this.chunkOf(index);
    const first = this.offsetOf(index);
    chunk[first] = count;
    for (let k = 0; k < count; k++) chunk[first + 1 + k] = spans[k]!;
    return index;
  }

  /** Adds a block of one negative number, `link` (below zero, so that it reads as no count); gives its index. */
  link(link: number): number {
    const index = this.room(1);
    this.chunkOf(index)[this.offsetOf(index)] = link;
    return index;
  }

  /** The chunk that holds block `index`. */
  chunkOf(index: number): Int32Array {
    return this.chunks[index >>> CHUNK_BITS]!;
  }

  /** Where block `index` starts in its chunk. */
  offsetOf(index: number): number {
    return index & (CHUNK - 1);
  }

  /** Takes `size` numbers for a block, in a new chunk when the last has no room; gives its index. */
  private room(size: number): number {
    if (this.used + size > CHUNK) {
      this.chunks.push(new Int32Array(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const first = this.used;
    this.used = first + size;
    // A chunk longer than CHUNK holds one block, at 0: indexes stay one per chunk slot.
    return ((this.chunks.length - 1) << CHUNK_BITS) + first;
  }
}
