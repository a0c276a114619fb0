// Exit statuses, as diff(1) has them.

/** Exit status of a run: the documents are the same, they differ, or something went wrong. */
export const ExitCode = Object.freeze({ Same: 0, Different: 1, Trouble: 2 } as const);

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
