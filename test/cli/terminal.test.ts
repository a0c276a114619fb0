// What a person sees: the real binary in a real terminal (tmux), colour decided by the TTY.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/htmldiff.js");
const FIXTURES = join(import.meta.dirname, "../../fixtures");
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const session = "htmldiff-test";
/** Counts the tmux servers started, so each run gets a socket of its own. */
let runs = 0;

if (!hasTmux) console.warn("SKIPPED: the terminal test needs tmux (apt-get install tmux); .ci/run installs it");

/**
 * Runs a shell command in a 100x30 tmux pane and returns the screen, plain and with escapes.
 * The pager settings of whoever runs the tests are unset first (the pager is then less, -FRX).
 */
async function inTerminal(command: string, env: Record<string, string> = {}): Promise<{ plain: string; escapes: string }> {
  const vars = Object.entries(env)
    .map(([k, v]) => `export ${k}=${v}; `)
    .join("");
  // A tmux server of this run's own (its socket name): other tmux users cannot end it under the test, and
  // a run never connects to the server of the run before while that one is still exiting.
  const SERVER = ["-L", `htmldiff-test-${process.pid}-${runs++}`];
  execFileSync("tmux", [...SERVER, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", `unset PAGER LESS HTMLDIFF_PAGER; ${vars}${command}; echo EXIT=$?; sleep 30`]);
  try {
    for (let i = 0; i < 100; i++) {
      const plain = execFileSync("tmux", [...SERVER, "capture-pane", "-p", "-t", session], { encoding: "utf8" });
      if (plain.includes("EXIT=")) {
        const escapes = execFileSync("tmux", [...SERVER, "capture-pane", "-p", "-e", "-t", session], { encoding: "utf8" });
        return { plain, escapes };
      }
      await sleep(100);
    }
    throw new Error("the command did not finish in the terminal");
  } finally {
    spawnSync("tmux", [...SERVER, "kill-server"]);
  }
}

/** The SGR parameters in force right before `word` on the screen (those set since the last reset). */
function styleBefore(screen: string, word: string): string[] {
  const at = screen.indexOf(word);
  const codes = [...screen.slice(0, at).matchAll(/\u001b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(";"));
  const reset = codes.lastIndexOf("0");
  return codes.slice(reset + 1).filter((c) => c !== "" && c !== "39" && c !== "29");
}

describe.skipIf(!hasTmux && !process.env.CI)("in a terminal", () => {
  it("colours deletions red and insertions green, without markers, with line numbers", async () => {
    const command = `node ${BIN} ${join(FIXTURES, "word-change/old.html")} ${join(FIXTURES, "word-change/new.html")}`;
    const { plain, escapes } = await inTerminal(command, { TERM: "xterm-256color" });
    expect(plain).toContain(" 9  9 │   <p>This release makes the parser fasterquicker and fixes two bugs in the");
    expect(plain).toContain("EXIT=1");
    expect(plain).not.toContain("[-");
    expect(styleBefore(escapes, "faster")).toEqual(expect.arrayContaining(["31", "9"]));
    expect(styleBefore(escapes, "quicker")).toEqual(expect.arrayContaining(["32"]));
    expect(styleBefore(escapes, "quicker")).not.toContain("9");
  });

  it("uses plain markers in a terminal when NO_COLOR is set", async () => {
    const command = `node ${BIN} ${join(FIXTURES, "word-change/old.html")} ${join(FIXTURES, "word-change/new.html")}`;
    const { plain, escapes } = await inTerminal(command, { NO_COLOR: "1", TERM: "xterm-256color" });
    expect(plain).toContain("[-faster-]{+quicker+}");
    expect(escapes).not.toMatch(/\u001b\[3[12]m/);
  });

  it("ends quietly when the reader stops early (| head)", async () => {
    const command = `node ${BIN} ${join(FIXTURES, "list-item/old.html")} ${join(FIXTURES, "list-item/new.html")} | head -2`;
    const { plain } = await inTerminal(command);
    expect(plain).toContain("--- ");
    expect(plain).not.toMatch(/Error|EPIPE|at .*\.js/);
  });

  describe("the pager", () => {
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-pager-"));
    const pair = `${join(FIXTURES, "word-change/old.html")} ${join(FIXTURES, "word-change/new.html")}`;
    const hasLess = spawnSync("sh", ["-c", "command -v less"]).status === 0;
    let n = 0;
    /** A pager script that records what it got, and LESS, in fresh files; it prints PAGED. */
    const recorder = () => {
      const base = join(dir, `run-${++n}`);
      const script = `${base}.sh`;
      writeFileSync(script, `#!/bin/sh\ncat > '${base}.txt'\necho "LESS=$LESS" > '${base}.env'\necho PAGED\n`);
      chmodSync(script, 0o755);
      return { script, text: `${base}.txt`, env: `${base}.env` };
    };

    it("takes the output through $HTMLDIFF_PAGER, colour kept, LESS=FRX set when unset", async () => {
      const pager = recorder();
      const { plain } = await inTerminal(`HTMLDIFF_PAGER=${pager.script} node ${BIN} ${pair}`, { TERM: "xterm-256color" });
      expect(plain).toContain("PAGED");
      expect(plain).toContain("EXIT=1");
      expect(plain).not.toContain("quicker");
      const paged = readFileSync(pager.text, "utf8");
      expect(paged).toContain("quicker");
      expect(paged).toMatch(/\u001b\[31m/);
      expect(readFileSync(pager.env, "utf8")).toBe("LESS=FRX\n");
    });

    it("keeps the user's LESS and takes $PAGER when HTMLDIFF_PAGER is unset", async () => {
      const pager = recorder();
      const { plain } = await inTerminal(`LESS=R PAGER=${pager.script} node ${BIN} ${pair}`);
      expect(plain).toContain("PAGED");
      expect(readFileSync(pager.env, "utf8")).toBe("LESS=R\n");
    });

    it("is not used with --no-pager, nor with an empty HTMLDIFF_PAGER", async () => {
      const pager = recorder();
      for (const command of [`HTMLDIFF_PAGER=${pager.script} node ${BIN} --no-pager ${pair}`, `PAGER=${pager.script} HTMLDIFF_PAGER= node ${BIN} ${pair}`]) {
        const { plain } = await inTerminal(command);
        expect(plain).toContain("quicker");
        expect(plain).toContain("EXIT=1");
      }
      expect(existsSync(pager.text)).toBe(false);
    });

    it("is not used when git calls htmldiff with its seven arguments", async () => {
      const pager = recorder();
      const hex = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
      const git = `page.html ${join(FIXTURES, "word-change/old.html")} ${hex} 100644 ${join(FIXTURES, "word-change/new.html")} ${hex} 100644`;
      const { plain } = await inTerminal(`HTMLDIFF_PAGER=${pager.script} node ${BIN} ${git}`);
      expect(plain).toContain("+++ b/page.html");
      expect(existsSync(pager.text)).toBe(false);
    });

    it("falls back to direct output when the pager is missing", async () => {
      const { plain } = await inTerminal(`HTMLDIFF_PAGER=${join(dir, "no-such-pager")} node ${BIN} ${pair}`);
      expect(plain).toContain("quicker");
      expect(plain).toContain("EXIT=1");
    });

    it.skipIf(!hasLess)("with less by default, prints a diff shorter than the screen and exits, as git does", async () => {
      const { plain } = await inTerminal(`node ${BIN} ${pair}`);
      expect(plain).toContain("quicker");
      expect(plain).toContain("EXIT=1");
    });
  });
});
