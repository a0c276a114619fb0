// Searches in sorted arrays of indexes (token events, event lists of a plan).

/**
 * The index of the first item of `sorted` (ascending) at or above `value`; its length when there is none.
 *
 * @example firstAtLeast(Int32Array.of(0, 0, 2, 5), 1) // 2
 */
export function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
