// A pair of unrelated documents whose comparison takes seconds (the matcher runs to its work
// budget), for the tests of time limits, queues and shutdown with a comparison in flight.

/** Words drawn from a small vocabulary by a fixed linear congruential sequence. */
function words(seed: number, count: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(`w${x % 300}`);
  }
  return out.join(" ");
}

/** Two 740 KB paragraphs of unrelated words; diffed with `SLOW_QUERY` they take seconds. */
export const SLOW_PAIR = [`<p>${words(1, 120_000)}</p>`, `<p>${words(7, 120_000)}</p>`] as const;

/** The query that makes {@link SLOW_PAIR} slow: Myers with a large work budget. */
export const SLOW_QUERY = "algorithm=myers&max-work=4000000000&format=stat";

/**
 * Options with which {@link SLOW_PAIR} runs far past any time limit of the tests (difflib's
 * matcher with no budget to stop it: about 20 s on this machine), whatever the machine's speed
 * and load. With `SLOW_QUERY`, Myers caps its own cost and may finish in about a second.
 */
export const PAST_ANY_LIMIT = {
  query: "algorithm=difflib&max-work=4000000000&format=stat",
  args: ["--algorithm", "difflib", "--max-work", "4000000000", "-f", "stat"],
} as const;
