// htmldiff -r: folders paired by relative path, compared on worker threads, in a stable order.

import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, runBinary } from "../support/cli.js";

const PACKAGE = join(import.meta.dirname, "../..");

const root = mkdtempSync(join(tmpdir(), "htmldiff-r-"));
const oldDir = join(root, "old");
const newDir = join(root, "new");

/** The binary's status and output; runBinary also checks that both folders were left as they were. */
function htmldiff(args: string[]) {
  const { status, stdout, stderr } = runBinary(args);
  return { status, stdout, stderr };
}

/** A page with some text that differs from page to page. */
function page(i: number, edited: boolean): string {
  const words = Array.from({ length: 40 }, (_, k) => `word${(i * 7 + k) % 97}`).join(" ");
  return `<!doctype html>\n<html><head><title>Page ${i}</title></head>\n<body>\n<h1>Page ${i}</h1>\n<p>${words}</p>\n<p>${edited ? "changed" : "original"} ending ${i}</p>\n</body></html>\n`;
}

beforeAll(() => {
  for (let i = 0; i < 240; i++) {
    const sub = `section-${i % 6}`;
    mkdirSync(join(oldDir, sub), { recursive: true });
    mkdirSync(join(newDir, sub), { recursive: true });
    if (i % 40 !== 1) writeFileSync(join(oldDir, sub, `page-${i}.html`), page(i, false));
    if (i % 40 !== 2) writeFileSync(join(newDir, sub, `page-${i}.html`), page(i, i % 3 === 0));
  }
  writeFileSync(join(oldDir, "notes.txt"), "not a document");
  writeFileSync(join(newDir, "icon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
});

describe("htmldiff -r", () => {
  it("prints the same output with -j 1 and -j 4, in path order, and exits 1", () => {
    const one = htmldiff(["-r", "-j", "1", oldDir, newDir]);
    const four = htmldiff(["-r", "-j", "4", oldDir, newDir]);
    expect(one.status).toBe(1);
    expect(one.stderr).toBe("");
    expect(four).toEqual(one);
    const headers = [...one.stdout.matchAll(/^\+\+\+ (.*)$/gm)].map((m) => m[1]!);
    expect(headers.length).toBeGreaterThan(60);
    expect(headers).toEqual([...headers].sort());
  });

  it("colours the workers' output as this thread's (--color always), and reports a binary pair in its place", () => {
    const broken = mkdtempSync(join(tmpdir(), "htmldiff-r-broken-"));
    for (const side of ["old", "new"]) mkdirSync(join(broken, side));
    for (let i = 0; i < 4; i++) {
      writeFileSync(join(broken, "old", `p${i}.html`), page(i, false));
      writeFileSync(join(broken, "new", `p${i}.html`), i === 2 ? "<p>\u0000binary" : page(i, true));
    }
    const args = (jobs: string) => ["-r", "-j", jobs, "--color", "always", "-f", "term", join(broken, "old"), join(broken, "new")];
    const one = htmldiff(args("1"));
    expect([one.status, one.stderr]).toEqual([1, ""]);
    expect(one.stdout).toContain("\u001b[31m");
    const [before, after] = one.stdout.split(`Binary files ${join(broken, "old", "p2.html")} and ${join(broken, "new", "p2.html")} differ\n`);
    expect(before).toContain("p1.html");
    expect(after).toContain("p3.html");
    expect(htmldiff(args("3"))).toEqual(one);
  });

  it("prints the same output for every -j when pairs finish out of order (large pairs first, small after)", () => {
    const uneven = mkdtempSync(join(tmpdir(), "htmldiff-r-uneven-"));
    for (const side of ["old", "new"]) mkdirSync(join(uneven, side));
    for (let i = 0; i < 90; i++) {
      const name = `p${String(i).padStart(2, "0")}.html`;
      // The first pairs are a hundred times the size of the rest, so later pairs are done first.
      const copies = i < 6 ? 120 : 1;
      writeFileSync(join(uneven, "old", name), page(i, false).repeat(copies));
      writeFileSync(
        join(uneven, "new", name),
        i % 4 === 3
          ? page(i, false).repeat(copies)
          : page(i, i % 2 === 0)
              .repeat(copies)
              .replace("Page", "Pages"),
      );
    }
    for (const format of ["text", "stat", "json"]) {
      const args = (jobs: string) => ["-r", "-j", jobs, "-f", format, join(uneven, "old"), join(uneven, "new")];
      const one = htmldiff(args("1"));
      expect(one.status).toBe(1);
      expect(one.stderr).toBe("");
      for (const jobs of ["2", "3", "5"]) expect(htmldiff(args(jobs)), `-j ${jobs} -f ${format}`).toEqual(one);
    }
  });

  it("compares on this thread, with one warning, when the worker threads cannot start (a worker file missing)", () => {
    const broken = mkdtempSync(join(tmpdir(), "htmldiff-r-noworker-"));
    for (const part of ["bin", "dist", "package.json"]) cpSync(join(PACKAGE, part), join(broken, part), { recursive: true });
    symlinkSync(join(PACKAGE, "node_modules"), join(broken, "node_modules"));
    rmSync(join(broken, "dist/bundle/pool-worker.js"));
    const args = ["-r", "-j", "2", oldDir, newDir];
    const brokenRun = spawnSync(process.execPath, [join(broken, "bin/htmldiff.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const one = htmldiff(["-r", "-j", "1", oldDir, newDir]);
    expect(brokenRun.stdout).toBe(one.stdout);
    expect(brokenRun.status).toBe(1);
    expect(brokenRun.stderr).toMatch(/^htmldiff: warning: cannot start worker threads: [^\n]*\(reinstall htmldiff\); comparing on one thread\n$/);
    expect(brokenRun.stderr).not.toMatch(/\bat /);
  });

  it("fails only the pairs whose worker ended when a worker dies mid-run, the rest of their batch compared again", () => {
    // A copy of the package whose worker ends itself on any task holding a pair named "crash"; the
    // first pair is one, so the first batch ends its worker too (that is no failure to start).
    const pkg = mkdtempSync(join(tmpdir(), "htmldiff-r-dying-"));
    for (const part of ["bin", "dist", "package.json"]) cpSync(join(PACKAGE, part), join(pkg, part), { recursive: true });
    symlinkSync(join(PACKAGE, "node_modules"), join(pkg, "node_modules"));
    const worker = join(pkg, "dist/bundle/pool-worker.js");
    cpSync(worker, join(pkg, "dist/bundle/real-worker.js"));
    writeFileSync(
      worker,
      [
        'import real, { compareEach as realEach } from "./real-worker.js";',
        'const dieOn = (requests) => { if (requests.some((r) => r.a.name.endsWith("crash.html"))) process.exit(1); };',
        "export default async function (request) { dieOn([request]); return real(request); }",
        "export async function compareEach(requests) { dieOn(requests); return realEach(requests); }",
      ].join("\n"),
    );
    const dir = mkdtempSync(join(tmpdir(), "htmldiff-r-crash-"));
    for (const side of ["old", "new"]) mkdirSync(join(dir, side));
    for (let i = 0; i < 300; i++) {
      const name = `p${String(i).padStart(3, "0")}${i % 50 === 0 ? "crash" : ""}.html`;
      writeFileSync(join(dir, "old", name), page(i, false).repeat(8));
      writeFileSync(join(dir, "new", name), page(i, true).repeat(8));
    }
    const args = (jobs: string) => ["-r", "-j", jobs, "-f", "stat", join(dir, "old"), join(dir, "new")];
    const one = htmldiff(args("1"));
    const dying = spawnSync(process.execPath, [join(pkg, "bin/htmldiff.js"), ...args("2")], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(dying.stderr).toMatch(/^(htmldiff: internal error: worker exited with code: 1\n)+$/);
    const compared = dying.stdout.split("\n").filter((line) => line.includes("→"));
    const failed = dying.stderr.split("\n").length - 1;
    // At most the pair that ended the worker and the one task beside it on that worker, per pair named crash.
    expect(failed).toBeLessThanOrEqual(2 * 6);
    expect(compared.length + failed).toBe(300);
    for (const line of compared) expect(one.stdout).toContain(line);
  });

  it("lists documents found on one side only, and ignores files that are not documents", () => {
    const { stdout } = htmldiff(["-r", "-f", "stat", oldDir, newDir]);
    expect(stdout).toContain(`Only in ${oldDir}: section-2/page-2.html`);
    expect(stdout).toContain(`Only in ${newDir}: section-1/page-1.html`);
    expect(stdout).toContain(`Only in ${newDir}: icon.svg`);
    expect(stdout).not.toContain("notes.txt");
    expect(stdout.split("\n").filter((l) => l.includes("→")).length).toBe(80 - 4);
  });

  it("exits 0 for a folder compared with itself", () => {
    expect(htmldiff(["-r", oldDir, oldDir])).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("reports a pair it cannot read, goes on with the rest, and exits 2", () => {
    const a = mkdtempSync(join(tmpdir(), "htmldiff-r2-"));
    const b = mkdtempSync(join(tmpdir(), "htmldiff-r2-"));
    writeFileSync(join(a, "secret.html"), "<p>a</p>");
    writeFileSync(join(b, "secret.html"), "<p>b</p>");
    writeFileSync(join(a, "ok.html"), "<p>a</p>");
    writeFileSync(join(b, "ok.html"), "<p>b</p>");
    chmodSync(join(b, "secret.html"), 0o000);
    // Root reads any file: the user nobody cannot (setpriv), when it can reach the binary.
    const asUser = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    for (const folder of [a, b]) chmodSync(folder, 0o755);
    const probe = runBinary(["-q", join(a, "ok.html"), join(a, "ok.html")], "", {}, asUser);
    if (probe.status !== 0) {
      console.warn(`NOT CHECKED: an unreadable pair in -r (nobody cannot run the binary from here: exit status ${probe.status})`);
      return;
    }
    const { status, stdout, stderr } = runBinary(["-r", "-j", "2", a, b], "", {}, asUser);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^htmldiff: .*secret\.html: Permission denied\n$/);
    expect(stdout).toContain("[-a-]{+b+}");
  });

  it("refuses a file where a folder is expected", () => {
    const result = htmldiff(["-r", BIN, oldDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Not a directory \(-r compares folders\)\n$/);
  });
});

describe("htmldiff -r -f page -o DIR", () => {
  it("refuses -o NAME.html without -f page: a folder of pages would be made under a file's name", () => {
    const parent = mkdtempSync(join(tmpdir(), "htmldiff-pages-"));
    const result = htmldiff(["-r", "-o", join(parent, "review.html"), oldDir, newDir]);
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toMatch(/^htmldiff: .*review\.html: with -r, review pages are written into a folder: give -f page -o DIR\n$/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("writes one review page per changed document and an index linking them", () => {
    const out = join(mkdtempSync(join(tmpdir(), "htmldiff-pages-")), "report");
    const result = htmldiff(["-r", "-f", "page", "-o", out, oldDir, newDir]);
    expect([result.status, result.stdout, result.stderr]).toEqual([1, "", ""]);
    const index = readFileSync(join(out, "index.html"), "utf8");
    const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!);
    expect(links.length).toBe(76);
    expect(links).toEqual([...links].sort());
    expect(index).toContain(`Only in ${newDir}: icon.svg`);
    const page = readFileSync(join(out, decodeURI(links[0]!)), "utf8");
    expect(page).toContain("Content-Security-Policy");
    expect(page).toMatch(/<ins\b|class="[^"]*diff-ins/);
  });
});
