// The Markdown report: per-pair figures, the peers, start-up and -r, and the targets of issue 5.

export function fmtMs(ms) {
  if (ms == null) return "–";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
const fmtX = (x) => (x == null ? "–" : `${x.toFixed(2)}×`);
const fmtMB = (mb) => (mb == null ? "–" : `${Math.round(mb)} MB`);
const fmtBytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);

function table(head, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function peerCell(p) {
  if (!p) return "–";
  if (p.skipped) return `skipped (${p.skipped})`;
  if (p.timedOut) return `timeout (>${Math.round(p.timeoutMs / 1000)} s)`;
  if (p.error) return `error: ${p.error.replace(/\|/g, "/")}`;
  const text = p.text.kept ? "all text kept" : `**lost ${p.text.lost} of ${p.text.words} words**`;
  return `${fmtMs(p.ms)}, ${text}`;
}

/** Evaluates the targets; every row is { target, measured, limit, result }. */
export function targets(r) {
  const by = Object.fromEntries(r.pairs.map((p) => [p.id, p]));
  const m1 = by["gen-1m"];
  const m5 = by["gen-5m"];
  const rows = [];
  const check = (target, value, limit, ok, measured) => {
    rows.push({ target, measured: value == null ? (measured ?? "n/a") : measured, limit, result: value == null ? "n/a" : ok ? "PASS" : "FAIL" });
  };
  for (const [label, p] of [
    ["1 MB", m1],
    ["5 MB", m5],
  ]) {
    check(
      `in-process diff + ${r.renderer} ≤ 2.5× floor, ${label}`,
      p?.inproc.ratio,
      "2.5×",
      p?.inproc.ratio <= 2.5,
      p && `${fmtX(p.inproc.ratio)} (${fmtMs(p.inproc.ms)} vs ${fmtMs(p.inproc.floorMs)})`,
    );
  }
  for (const [label, p] of [
    ["1 MB", m1],
    ["5 MB", m5],
  ]) {
    check(`CLI process ≤ 2× floor process, ${label}`, p?.proc.ratio, "2×", p?.proc.ratio <= 2, p && `${fmtX(p.proc.ratio)} (${fmtMs(p.proc.cliMs)} vs ${fmtMs(p.proc.floorMs)})`);
  }
  {
    // The fastest peer that finished and kept all the text; a peer that timed out is slower than
    // the timeout whatever its text, so when no peer qualifies the timeout is the bound.
    const label = "CLI ≥ 10× faster than the fastest text-keeping peer, 1 MB";
    const peers = Object.entries(m1?.peers ?? {});
    const keeping = peers.filter(([, p]) => p.ms != null && p.text.kept).sort((x, y) => x[1].ms - y[1].ms);
    const lost = peers.filter(([, p]) => p.ms != null && !p.text.kept).map(([n]) => n);
    const timedOut = peers.filter(([, p]) => p.timedOut).map(([n]) => n);
    if (!m1 || !peers.length) {
      check(label, null, "10×", false, "n/a (peers not run)");
    } else if (keeping.length) {
      const [name, p] = keeping[0];
      const x = p.ms / m1.proc.cliMs;
      check(label, x, "10×", x >= 10, `${fmtX(x)} (${name} ${fmtMs(p.ms)} vs ${fmtMs(m1.proc.cliMs)})`);
    } else if (timedOut.length) {
      const x = r.peerTimeoutMs / m1.proc.cliMs;
      const why = `${timedOut.join(", ")} timed out${lost.length ? `; ${lost.join(", ")} lost text` : ""}`;
      check(label, x, "10×", x >= 10, `> ${fmtX(x)} (${why}: bound ${fmtMs(r.peerTimeoutMs)} vs ${fmtMs(m1.proc.cliMs)})`);
    } else {
      check(label, null, "10×", false, `n/a (no peer kept all the text: ${lost.join(", ")})`);
    }
  }
  {
    const g = m1 && m5 ? m5.inproc.ms / m1.inproc.ms : null;
    check("growth: 5 MB in-process time ≤ 6× the 1 MB time", g, "6×", g <= 6, g && `${fmtX(g)} (inputs ${(m5.bytes / m1.bytes).toFixed(1)}× larger)`);
    const c = m1 && m5 ? m5.proc.cliMs / m1.proc.cliMs : null;
    check("growth: 5 MB CLI time ≤ 6× the 1 MB time", c, "6×", c <= 6, c && fmtX(c));
  }
  {
    const u = by["unrelated-1m"];
    check("unrelated 1 MB pair: CLI ≤ 3 s", u?.proc.cliMs, "3 s", u?.proc.cliMs <= 3000, u && `${fmtMs(u.proc.cliMs)}, ${fmtMB(u.proc.cliRssMB)} RSS, fallback: ${u.inproc.fallback ? "yes" : "no"}`);
  }
  check("CLI peak RSS ≤ 150 MB, 1 MB", m1?.proc.cliRssMB, "150 MB", m1?.proc.cliRssMB <= 150, m1 && fmtMB(m1.proc.cliRssMB));
  check("CLI peak RSS ≤ 400 MB, 5 MB", m5?.proc.cliRssMB, "400 MB", m5?.proc.cliRssMB <= 400, m5 && fmtMB(m5.proc.cliRssMB));
  {
    const s = r.startup;
    check("start-up ≤ 2.5× `node -e 0`", s.ratio, "2.5×", s.ratio <= 2.5, `${fmtX(s.ratio)} (${fmtMs(s.cliMs)} vs ${fmtMs(s.nodeMs)})`);
  }
  {
    const x = r.recursive;
    check(
      "`-r` over 1,000 page pairs: -j 2 ≥ 1.6× faster than -j 1",
      x.speedup ?? null,
      "1.6×",
      x.speedup >= 1.6,
      x.speedup == null ? x.note : `${fmtX(x.speedup)} (${fmtMs(x.j1Ms)} vs ${fmtMs(x.j2Ms)})`,
    );
  }
  return rows;
}

/**
 * The targets of issue 16 (cost follows the change): the typo pair against the floor and git's
 * word diff, the generated pairs, peak RSS per byte of input, small pages against the floor and
 * the peers, the unrelated pair, start-up. Same row shape as {@link targets}.
 */
export function changeTargets(r) {
  const by = Object.fromEntries(r.pairs.map((p) => [p.id, p]));
  const rows = [];
  const check = (target, value, limit, ok, measured) => {
    rows.push({ target, measured: value == null ? (measured ?? "n/a") : measured, limit, result: value == null ? "n/a" : ok ? "PASS" : "FAIL" });
  };
  const typo = by["whatwg-html5-index-typo"];
  const t = typo?.proc.text;
  check(
    "typo pair, `--format text` ≤ 1.0× floor process",
    t?.ratio,
    "1.0×",
    t?.ratio <= 1,
    t && `${fmtX(t.ratio)} (${fmtMs(t.ms)} vs ${fmtMs(typo.proc.floorMs)}; CPU ${fmtX(t.cpuMs / typo.proc.floorCpuMs)})`,
  );
  check("typo pair, `--format text` ≤ 8× `git diff --no-index --word-diff=plain`", t?.gitRatio, "8×", t?.gitRatio <= 8, t && `${fmtX(t.gitRatio)} (${fmtMs(t.ms)} vs ${fmtMs(typo.proc.gitMs)})`);
  for (const id of ["gen-1m", "gen-5m"]) {
    const p = by[id];
    check(`${id}: CLI ≤ 2× floor process`, p?.proc.ratio, "2×", p?.proc.ratio <= 2, p && `${fmtX(p.proc.ratio)} (${fmtMs(p.proc.cliMs)} vs ${fmtMs(p.proc.floorMs)})`);
    check(`${id}: in-process ≤ 2.5× in-process floor`, p?.inproc.ratio, "2.5×", p?.inproc.ratio <= 2.5, p && `${fmtX(p.inproc.ratio)} (${fmtMs(p.inproc.ms)} vs ${fmtMs(p.inproc.floorMs)})`);
  }
  const perByte = (x) => (x == null ? null : `${x.toFixed(1)} bytes per input byte`);
  // What the floor process and a process that only reads the two files peak at, for scale: the limit is not below them.
  const underTypo = t && `floor process ${fmtMB(typo.proc.floorRssMB)}${t.readRssMB == null ? "" : `, reading the two files alone ${fmtMB(t.readRssMB)}`}`;
  check(
    "peak RSS ≤ 12 bytes per input byte, typo pair (`--format text`)",
    t?.bytesPerInputByte,
    "12",
    t?.bytesPerInputByte <= 12,
    t && `${perByte(t.bytesPerInputByte)} (${fmtMB(t.rssMB)}; ${underTypo})`,
  );
  const g5 = by["gen-5m"];
  check("peak RSS ≤ 12 bytes per input byte, 5 MB", g5?.proc.bytesPerInputByte, "12", g5?.proc.bytesPerInputByte <= 12, g5 && `${perByte(g5.proc.bytesPerInputByte)} (${fmtMB(g5.proc.cliRssMB)})`);
  const big = r.big;
  const bigPerByte = big?.rssMb == null ? null : (big.rssMb * 2 ** 20) / (big.bytesA + big.bytesB);
  check("peak RSS ≤ 12 bytes per input byte, 50 MB", bigPerByte, "12", bigPerByte <= 12, big?.rssMb == null ? big?.note : `${perByte(bigPerByte)} (${fmtMB(big.rssMb)})`);
  for (const id of ["gen-10k", "gen-100k"]) {
    const p = by[id];
    check(`${id}: CLI ≤ 1.5× floor process`, p?.proc.ratio, "1.5×", p?.proc.ratio <= 1.5, p && `${fmtX(p.proc.ratio)} (${fmtMs(p.proc.cliMs)} vs ${fmtMs(p.proc.floorMs)})`);
    const peers = Object.entries(p?.peers ?? {}).filter(([, q]) => q.ms != null);
    const fastest = peers.sort((x, y) => x[1].ms - y[1].ms)[0];
    check(
      `${id}: CLI faster than every peer`,
      fastest ? fastest[1].ms : null,
      "< fastest peer",
      fastest && p.proc.cliMs < fastest[1].ms,
      fastest ? `${fmtMs(p.proc.cliMs)} vs ${fastest[0]} ${fmtMs(fastest[1].ms)}` : "n/a (peers not run)",
    );
  }
  const u = by["unrelated-1m"];
  check(
    "unrelated 1 MB pair: CLI ≤ 2 s, fallback reported",
    u?.proc.cliMs,
    "2 s",
    u?.proc.cliMs <= 2000 && u.inproc.fallback,
    u && `${fmtMs(u.proc.cliMs)}, fallback: ${u.inproc.fallback ? "yes" : "no"}`,
  );
  const s = r.startup;
  check("start-up ≤ 2× `node -e 0`", s.ratio, "2×", s.ratio <= 2, `${fmtX(s.ratio)} (${fmtMs(s.cliMs)} vs ${fmtMs(s.nodeMs)})`);
  return rows;
}

export function report(r) {
  const out = [];
  out.push(`## htmldiff benchmark${r.options.quick ? " (--quick)" : ""}`);
  out.push("");
  out.push(
    `${r.machine.cpu}, ${r.machine.cpus} CPUs, ${r.machine.memGB} GB, Node ${r.machine.node}, htmlparser2 ${r.machine.htmlparser2}; ${r.machine.commit ?? ""} ${r.date}; 1-minute load average ${r.machine.load[0]} before the run, ${r.machine.load[1]} at its end (the bench itself adds about 1; more means other processes shared the 2 CPUs).`,
  );
  out.push(
    `In-process = parsePair (both documents, the shared text read once) + diffDocuments + **${r.renderer}**${r.renderer === "renderText" ? " (no renderHtml in dist/ yet)" : ""}; ` +
      `CLI = \`htmldiff${r.cliFormat ? " " + r.cliFormat : ""} A B > /dev/null\`${r.cliFormat ? "" : " (no \`--format html\` yet: default output)"}. ` +
      `Floor = htmlparser2 Parser with empty callbacks over both sides (in-process), \`node bench/floor-cli.js A B\` (process). ` +
      `Medians of wall time; the "(CPU)" columns are the same ratios in CPU time (user + system, all threads), which other load on the machine disturbs less. ` +
      `Peak RSS via ${r.rssMethod === "gnu-time" ? "/usr/bin/time %M" : "process.resourceUsage().maxRSS"}.`,
  );
  out.push("");
  out.push(
    table(
      [
        "pair",
        "A + B",
        "runs (in-proc / proc)",
        "floor",
        "diff + render",
        "× floor",
        "× floor (CPU)",
        "floor process",
        "CLI process",
        "× floor process",
        "× floor process (CPU)",
        "git word diff",
        "CLI × git",
        "CLI peak RSS",
        "bytes / input byte",
        "tokens A / B",
        "fallback",
      ],
      r.pairs.map((p) => [
        p.id,
        fmtBytes(p.bytes),
        `${p.inproc.runs} / ${p.proc.runs}`,
        fmtMs(p.inproc.floorMs),
        fmtMs(p.inproc.ms),
        fmtX(p.inproc.ratio),
        fmtX(p.inproc.cpuRatio),
        fmtMs(p.proc.floorMs),
        fmtMs(p.proc.cliMs),
        fmtX(p.proc.ratio),
        fmtX(p.proc.cpuRatio),
        fmtMs(p.proc.gitMs),
        fmtX(p.proc.gitMs ? p.proc.cliMs / p.proc.gitMs : null),
        fmtMB(p.proc.cliRssMB),
        p.proc.bytesPerInputByte == null ? "–" : p.proc.bytesPerInputByte.toFixed(1),
        p.inproc.tokens?.join(" / ") ?? "–",
        p.inproc.fallback ? "yes" : "no",
      ]),
    ),
  );
  out.push("");
  out.push(`In-process stages (medians): ` + r.pairs.map((p) => `${p.id} parse ${fmtMs(p.inproc.parseMs)}, diff ${fmtMs(p.inproc.diffMs)}, render ${fmtMs(p.inproc.renderMs)}`).join("; ") + ".");
  out.push("");
  if (r.peersRun) {
    out.push(
      `### Peers (wall time of a node process per run, median; timeout ${Math.round(r.peerTimeoutMs / 1000)} s; "skipped" = the time extrapolated from the peer's smaller pairs of the same group exceeds the timeout, or it timed out on a smaller one; every peer runs on gen-1m)`,
    );
    out.push("");
    out.push(
      table(
        ["pair", "runs", ...r.peerNames, "htmldiff CLI"],
        r.pairs.map((p) => [p.id, String(p.peerRuns ?? "–"), ...r.peerNames.map((n) => peerCell(p.peers?.[n])), fmtMs(p.proc.cliMs)]),
      ),
    );
  } else {
    out.push("Peers: not run (--quick).");
  }
  out.push("");
  out.push(
    `Start-up (two tiny files, ${r.startup.runs} runs): htmldiff ${fmtMs(r.startup.cliMs)}, \`node -e 0\` ${fmtMs(r.startup.nodeMs)}. ` +
      `\`-r\`: ${r.recursive.speedup == null ? r.recursive.note : `-j 1 ${fmtMs(r.recursive.j1Ms)}, -j 2 ${fmtMs(r.recursive.j2Ms)}`}.`,
  );
  out.push("");
  const big = r.big;
  out.push(
    big?.rssMb == null
      ? `50 MB pair: ${big?.note ?? "not measured"}.`
      : `50 MB pair (issue 6; ${(big.bytesA / 2 ** 20).toFixed(1)} MB against a copy with about 0.1% of words edited, one CLI run, \`--format html\`): ${fmtMs(big.wallMs)} wall, ${fmtMs(big.cpuMs)} CPU, peak RSS ${Math.round(big.rssMb)} MB (${((big.rssMb * 2 ** 20) / (big.bytesA + big.bytesB)).toFixed(1)} bytes per input byte), status ${big.status}${big.fallback ? ", with a fallback" : ""}.`,
  );
  const ig = r.ignoreCost;
  out.push(
    ig?.ratio == null
      ? `Ignore options: ${ig?.note ?? "not measured"}.`
      : `Ignore options (issue 18; gen-1m in process, median of ${ig.runs} interleaved rounds): ${fmtMs(ig.plainMs)} without, ${fmtMs(ig.ignoreMs)} with \`--ignore\` ${ig.selectors.map((s) => `\`${s}\``).join(", ")} (×${ig.ratio.toFixed(2)}; target at most ×1.10).`,
  );
  out.push("");
  const typo = r.pairs.find((p) => p.proc.text);
  if (typo) {
    const t = typo.proc.text;
    out.push(
      `${typo.id} with \`--format text\` (${typo.proc.runs} runs, medians): ${fmtMs(t.ms)} (${t.all.join(", ")} ms), floor process ${fmtMs(typo.proc.floorMs)} (${typo.proc.allFloor.join(", ")} ms), ` +
        `git word diff ${fmtMs(typo.proc.gitMs)}; peak RSS ${fmtMB(t.rssMB)} (${t.bytesPerInputByte?.toFixed(1) ?? "–"} bytes per input byte), git ${fmtMB(typo.proc.gitRssMB)}.`,
    );
    out.push("");
  }
  out.push("### Targets (issue 16: cost follows the change)");
  out.push("");
  out.push(
    table(
      ["target", "measured", "limit", "result"],
      r.changeTargets.map((t) => [t.target, t.measured, t.limit, t.result]),
    ),
  );
  out.push("");
  const fails16 = r.changeTargets.filter((t) => t.result === "FAIL").length;
  const passes16 = r.changeTargets.filter((t) => t.result === "PASS").length;
  out.push(`${passes16} PASS, ${fails16} FAIL, ${r.changeTargets.length - passes16 - fails16} n/a.`);
  out.push("");
  out.push("### Targets (issue 5)");
  out.push("");
  out.push(
    table(
      ["target", "measured", "limit", "result"],
      r.targets.map((t) => [t.target, t.measured, t.limit, t.result]),
    ),
  );
  out.push("");
  const fails = r.targets.filter((t) => t.result === "FAIL").length;
  const passes = r.targets.filter((t) => t.result === "PASS").length;
  out.push(`${passes} PASS, ${fails} FAIL, ${r.targets.length - passes - fails} n/a. Total bench time ${fmtMs(r.elapsedMs)}.`);
  return out.join("\n");
}
