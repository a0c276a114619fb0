// Sizes and durations as people write them on a command line: 10MiB, 512k, 30s, 250ms.

/**
 * Bytes from `10MiB`, `512KiB`, `2MB`, `1g` or a plain number.
 *
 * @example parseBytes("10MiB") // 10485760
 */
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(i?b?)$/i.exec(text.trim());
  if (!match) throw new RangeError(`expected a size like 10MiB or 500000, got '${text}'`);
  const power = " kmg".indexOf((match[2] || " ").toLowerCase());
  const base = match[3]?.toLowerCase().startsWith("i") || match[3] === "" ? 1024 : 1000;
  const bytes = Math.floor(Number(match[1]) * base ** power);
  if (bytes < 1) throw new RangeError(`expected a size of at least 1 byte, got '${text}'`);
  return bytes;
}

/**
 * Milliseconds from `30s`, `250ms`, `2m` or a plain number of seconds.
 *
 * @example parseDuration("30s") // 30000
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new RangeError(`expected a duration like 30s or 250ms, got '${text}'`);
  const ms = Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 } as const)[(match[2] ?? "s") as "ms" | "s" | "m"];
  if (ms < 1) throw new RangeError(`expected a duration of at least 1ms, got '${text}'`);
  return Math.round(ms);
}
