// Timing helpers: medians, and child processes timed from outside with their peak RSS.

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((x, y) => x - y);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const scratch = mkdtempSync(join(tmpdir(), "hdbench-time-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * How peak RSS is read: GNU time's `%M` (KB) when /usr/bin/time works here, else a preloaded
 * module that writes `process.resourceUsage().maxRSS` at exit (node processes only).
 */
export const rssMethod = (() => {
  if (existsSync("/usr/bin/time")) {
    const out = join(scratch, "probe");
    const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", out, process.execPath, "-e", "0"]);
    if (r.status === 0 && /^\d+ [\d.]+ [\d.]+$/.test(readFileSync(out, "utf8").trim().split("\n").pop())) return "gnu-time";
  }
  return "node-hook";
})();

const hook = new URL("./rss-hook.js", import.meta.url).pathname;
let serial = 0;

/**
 * Runs `node ...args` once, stdout to /dev/null, and returns wall time (ms, measured here around
 * the whole process), CPU time (user + system, ms, all the process's threads), peak RSS (MB),
 * exit status and the first line of stderr.
 */
export function timeNode(args, options = {}) {
  return timeCommand(process.execPath, args, options);
}

/**
 * {@link timeNode} for any program (`git diff …`); without GNU time, peak RSS and CPU time are
 * known for node processes only (null for others).
 */
export function timeCommand(program, args, { timeoutMs = 120_000, env } = {}) {
  const rssFile = join(scratch, `rss-${serial++}`);
  const devnull = openSync("/dev/null", "w");
  let cmd;
  let argv;
  const childEnv = { ...process.env, ...env };
  if (rssMethod === "gnu-time") {
    cmd = "/usr/bin/time";
    argv = ["-f", "%M %U %S", "-o", rssFile, program, ...args];
  } else if (program !== process.execPath) {
    cmd = program;
    argv = args;
  } else {
    cmd = process.execPath;
    argv = ["--import", hook, ...args];
    childEnv.HDBENCH_RSS_FILE = rssFile;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ["ignore", devnull, "pipe"], timeout: timeoutMs, killSignal: "SIGKILL", env: childEnv, maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(devnull);
  let rssMB = null;
  let cpuMs = null;
  if (existsSync(rssFile)) {
    const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(readFileSync(rssFile, "utf8").trim().split("\n").pop());
    if (m) {
      rssMB = Number(m[1]) / 1024;
      cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
    }
    rmSync(rssFile, { force: true });
  }
  const timedOut = r.error?.code === "ETIMEDOUT" || (r.signal === "SIGKILL" && ms >= timeoutMs);
  const stderr = (r.stderr?.toString() ?? "").split("\n").find((l) => l.trim() && !/^Command exited with non-zero status/.test(l)) ?? "";
  return { ms, cpuMs, rssMB, status: r.status, timedOut, stderr };
}

/**
 * `runs` interleaved timings of several commands (so drift hits each the same): node's
 * arguments, or `{ program, args }` for another program.
 */
export function timeInterleaved(commands, runs, warmup = 1) {
  const results = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const r = Array.isArray(args) ? timeNode(args) : timeCommand(args.program, args.args);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${name} failed (status ${r.status}${r.timedOut ? ", timed out" : ""}): ${r.stderr}`);
      if (i >= warmup) results[name].push(r);
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([k, rs]) => [
      k,
      { ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), rssMB: median(rs.map((r) => r.rssMB)), runs: rs.length, all: rs.map((r) => Math.round(r.ms)) },
    ]),
  );
}
