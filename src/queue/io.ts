// What the queue commands read and write: the process's streams, or a test's buffers.

/** Where the queue commands write, and whether standard error is a terminal (for the progress line). */
export interface QueueIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  readonly stderrIsTTY: boolean;
}
