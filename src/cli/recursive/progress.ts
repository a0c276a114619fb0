// A progress line on stderr for long directory runs: only on a terminal, only after a second.
// It stays in place while results go to a file or a pipe, and moves below each result (or
// message) that is written to the same terminal.

import type { CliIO } from "../io.js";

const DELAY_MS = 1000;
const WIDTH = 30;
const WIPE = "\r\u001b[K";

/**
 * Counts finished pairs and draws `[=====     ] 12/40 files` on stderr when it is a terminal
 * and the run has lasted a second. `resultsOnTerminal` says whether results are written to
 * that terminal too (stdout is it, and no -o or pager takes them): then the line is wiped
 * before each result and drawn again below it; otherwise results leave it alone. `now` is the
 * clock (milliseconds), for tests.
 *
 * @example const p = new Progress(io, 40, io.stdoutIsTTY); p.tick(); p.result(() => io.out(text)); p.clear();
 */
export class Progress {
  private done = 0;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly resultsOnTerminal: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** One more pair is finished. */
  tick(): void {
    this.done++;
    if (this.io.stderrIsTTY && this.now() - this.started >= DELAY_MS) this.draw();
  }

  /** Writes a result with `write`, below the progress line when both share the terminal. */
  result(write: () => void): void {
    if (this.resultsOnTerminal) this.around(write);
    else write();
  }

  /** Writes `text` to stderr (a warning, an error) on its own lines, the progress line drawn again below it. */
  message(text: string): void {
    this.around(() => this.io.err(text));
  }

  /** Wipes the progress line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.io.err(WIPE);
    this.shown = false;
  }

  private around(write: () => void): void {
    const shown = this.shown;
    this.clear();
    write();
    if (shown) this.draw();
  }

  private draw(): void {
    const filled = Math.round((this.done / Math.max(1, this.total)) * WIDTH);
    this.io.err(`\r[${"=".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${this.done}/${this.total} files`);
    this.shown = true;
  }
}
