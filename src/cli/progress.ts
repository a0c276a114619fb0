// A progress line on stderr for long directory runs: only on a terminal, only after a second.

import type { CliIO } from "./io.js";

const DELAY_MS = 1000;
const WIDTH = 30;

/**
 * Counts finished pairs and redraws `[=====     ] 12/40 files` on stderr when it is a terminal
 * and the run has lasted a second; `clear()` wipes the line before other output.
 *
 * @example const p = new Progress(io, 40); p.tick(); p.clear();
 */
export class Progress {
  private done = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
  ) {}

  /** One more pair is finished. */
  tick(): void {
    this.done++;
    if (!this.io.stderrIsTTY || Date.now() - this.started < DELAY_MS) return;
    const filled = Math.round((this.done / Math.max(1, this.total)) * WIDTH);
    this.io.err(`\r[${"=".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${this.done}/${this.total} files`);
    this.shown = true;
  }

  /** Wipes the progress line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.io.err("\r\u001b[K");
    this.shown = false;
  }
}
