// Line and column of source offsets, computed once per document.

/** 1-based line and column (column in UTF-16 code units) of an offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets of one source to lines and columns with a binary search over line starts.
 *
 * @example new LineIndex("a\nbc").position(3) // { line: 2, column: 2 }
 */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(source: string) {
    const starts = [0];
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
    this.starts = Int32Array.from(starts);
  }

  /** The 1-based line of an offset. */
  line(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The offset where a 1-based line starts (the end of the source past the last line). */
  lineStart(line: number): number {
    return line - 1 < this.starts.length ? this.starts[Math.max(0, line - 1)]! : (this.starts[this.starts.length - 1] ?? 0);
  }

  /** The 1-based line and column of an offset. */
  position(offset: number): Position {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
}
