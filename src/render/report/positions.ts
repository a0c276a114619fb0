// Line and column of source offsets, counting line breaks only as far into the source as asked.

/** 1-based line and column (column in UTF-16 code units) of an offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets of one source to lines and columns with a binary search over line starts. The
 * line starts are found on demand, up to the furthest offset or line asked for, so a report of
 * changes near the start of a large document does not read all of it.
 *
 * @example new LineIndex("a\nbc").position(3) // { line: 2, column: 2 }
 */
export class LineIndex {
  private starts = new Int32Array(64);
  /** How many entries of {@link starts} are found. */
  private count = 1;
  /** Where to look for the next line break: every one before this is in {@link starts}. */
  private scanned = 0;

  constructor(private readonly source: string) {}

  /** The 1-based line of an offset. */
  line(offset: number): number {
    this.scanTo(offset);
    const starts = this.starts;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The offset where a 1-based line starts (the end of the source past the last line). */
  lineStart(line: number): number {
    while (this.count < line && this.scanned <= this.source.length) this.scanNext();
    return line - 1 < this.count ? this.starts[Math.max(0, line - 1)]! : this.starts[this.count - 1]!;
  }

  /** The 1-based line and column of an offset. */
  position(offset: number): Position {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }

  /** Finds the line breaks before `offset`. */
  private scanTo(offset: number): void {
    while (this.scanned < offset && this.scanned <= this.source.length) this.scanNext();
  }

  /** Finds the next line break, if any (past the last one, `scanned` goes past the end). */
  private scanNext(): void {
    const at = this.source.indexOf("\n", this.scanned);
    if (at < 0) {
      this.scanned = this.source.length + 1;
      return;
    }
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = at + 1;
    this.scanned = at + 1;
  }
}
