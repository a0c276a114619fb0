// The explicit stack of regions that the Myers and histogram diffs split their inputs into:
// one growable Int32Array instead of recursion (millions of regions cannot overflow the call
// stack) and instead of region objects (pushing or popping a region allocates nothing).

/** Regions the stack holds before it first has to grow. */
const INITIAL_REGIONS = 64;

/**
 * A last-in, first-out stack of regions `a[aLo:aHi]` × `b[bLo:bHi]`, four int32 entries each,
 * in one Int32Array that doubles when full.
 *
 * {@link pop} returns where the region's bounds are in {@link data} rather than an object, so
 * a hot loop reads them with four array loads. Read them before the next {@link push}, which may
 * overwrite them or replace the array.
 *
 * @example
 *   const regions = new RegionStack();
 *   regions.push(0, a.length, 0, b.length);
 *   while (!regions.empty) {
 *     const at = regions.pop();
 *     const data = regions.data;
 *     const aLo = data[at]!, aHi = data[at + 1]!, bLo = data[at + 2]!, bHi = data[at + 3]!;
 *     // … push the sub-regions of aLo, aHi, bLo, bHi still to do
 *   }
 */
export class RegionStack {
  private entries = new Int32Array(4 * INITIAL_REGIONS);
  /** Entries in use: four per region on the stack. */
  private top = 0;

  /** The array holding the regions; replaced when the stack grows, so read it again after a push. */
  get data(): Int32Array {
    return this.entries;
  }

  /** True when no region is on the stack. */
  get empty(): boolean {
    return this.top === 0;
  }

  /** Pushes the region `a[aLo:aHi]` × `b[bLo:bHi]`, growing the array if it is full. */
  push(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const top = this.top;
    if (top + 4 > this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    const entries = this.entries;
    entries[top] = aLo;
    entries[top + 1] = aHi;
    entries[top + 2] = bLo;
    entries[top + 3] = bHi;
    this.top = top + 4;
  }

  /**
   * Removes the top region and returns the index of its `aLo` in {@link data}; `aHi`, `bLo`
   * and `bHi` follow it. Throws when the stack is {@link empty}.
   */
  pop(): number {
    if (this.top === 0) throw new Error("internal error: pop from an empty region stack");
    return (this.top -= 4);
  }
}
