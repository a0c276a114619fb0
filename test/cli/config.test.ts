// The configuration file from the outside: .htmldiff.json or package.json's "htmldiff" key,
// found from the current folder up to the repository's root; --config, --no-config; errors.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

/** A fresh folder with a pair that differs in a build date (span.date) and a footer note (p.note). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "htmldiff-config-"));
  writeFileSync(join(dir, "old.html"), '<p>Hi <span class="date">May 1</span></p>\n<p class="note">v1</p>\n');
  writeFileSync(join(dir, "new.html"), '<p>Hi <span class="date">June 2</span></p>\n<p class="note">v2</p>\n');
  return dir;
}

const write = (path: string, value: unknown): void => writeFileSync(path, JSON.stringify(value));
const files = (dir: string): string[] => [join(dir, "old.html"), join(dir, "new.html")];

describe("the configuration file", () => {
  it("applies .htmldiff.json of the current folder: its ignores make the pair equal", async () => {
    const dir = project();
    expect((await runCli(files(dir), { cwd: dir })).status).toBe(1);
    write(join(dir, ".htmldiff.json"), { ignore: [".date", ".note"] });
    expect(await runCli(files(dir), { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("is found from a subfolder, and package.json's htmldiff key serves too", async () => {
    const dir = project();
    const sub = join(dir, "site", "pages");
    mkdirSync(sub, { recursive: true });
    write(join(dir, "package.json"), { name: "x", htmldiff: { ignore: [".date", ".note"] } });
    expect((await runCli(files(dir), { cwd: sub })).status).toBe(0);
  });

  it("is not looked for past the repository's root (a folder with .git), as git's own files", async () => {
    const dir = project();
    const repo = join(dir, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    write(join(dir, ".htmldiff.json"), { ignore: [".date", ".note"] });
    expect((await runCli(files(dir), { cwd: repo })).status).toBe(1);
    expect((await runCli(files(dir), { cwd: dir })).status).toBe(0);
  });

  it("is left out with --no-config, and --config FILE names another", async () => {
    const dir = project();
    write(join(dir, ".htmldiff.json"), { ignore: [".date", ".note"] });
    expect((await runCli(["--no-config", ...files(dir)], { cwd: dir })).status).toBe(1);
    write(join(dir, "other.json"), { ignore: [".date"] });
    expect((await runCli(["--config", "other.json", ...files(dir)], { cwd: dir })).status).toBe(1);
    expect((await runCli(["--config", "other.json", "--ignore", ".note", ...files(dir)], { cwd: dir })).status).toBe(0);
  });

  it("adds the command line's lists to its own, and yields to the command line's other options", async () => {
    const dir = project();
    write(join(dir, ".htmldiff.json"), { ignore: [".date"], format: "json", context: 0 });
    const json = await runCli(files(dir), { cwd: dir });
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).changes).toHaveLength(1);
    const text = await runCli(["-f", "text", "-U", "1", ...files(dir)], { cwd: dir });
    expect(text.stdout).toContain('1 1 │ <p>Hi <span class="date">June 2</span></p>\n2 2 │ <p class="note">[-v1-]{+v2+}</p>\n');
    expect((await runCli(["--ignore", ".note", ...files(dir)], { cwd: dir })).status).toBe(0);
  });

  it("holds defaults that do not apply to every run (view, jobs) without refusing a run they do not apply to", async () => {
    const dir = project();
    write(join(dir, ".htmldiff.json"), { view: "source", jobs: 2, maxAnnotations: 3 });
    expect((await runCli(["-f", "text", ...files(dir)], { cwd: dir })).status).toBe(1);
    expect((await runCli(["-f", "text", "--view", "source", ...files(dir)], { cwd: dir })).stderr).toBe("htmldiff: --view applies only to -f html or page, not to text\n");
  });

  it("under git (7 arguments), applies the ignores but not the format: git shows a diff", async () => {
    const dir = project();
    write(join(dir, ".htmldiff.json"), { format: "json", ignore: [".date"] });
    const [oldFile, newFile] = files(dir) as [string, string];
    const { status, stdout } = await runCli(["page.html", oldFile, "1234567", "100644", newFile, "89abcde", "100644"], { cwd: dir });
    expect(status).toBe(0);
    expect(stdout).toContain("--- a/page.html\n+++ b/page.html\n");
    expect(stdout).toContain("[-v1-]{+v2+}");
    expect(stdout).not.toContain("[-May");
  });

  it("refuses an unknown key, a wrong type and broken JSON with one line naming them, status 2", async () => {
    const dir = project();
    const config = join(dir, ".htmldiff.json");
    write(config, { ignore: [".date"], ignoreAttrs: ["id"] });
    const unknown = await runCli(files(dir), { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(new RegExp(`^htmldiff: ${config}: unknown key 'ignoreAttrs' \\(known: format, .*\\)\\n$`));
    write(config, { context: "5" });
    expect(await runCli(files(dir), { cwd: dir })).toEqual({ status: 2, stdout: "", stderr: `htmldiff: ${config}: 'context' must be a whole number, not "5"\n` });
    write(config, { ignore: "li.ad" });
    expect((await runCli(files(dir), { cwd: dir })).stderr).toBe(`htmldiff: ${config}: 'ignore' must be a list of strings, not "li.ad"\n`);
    write(config, { ignore: ["p["] });
    expect((await runCli(files(dir), { cwd: dir })).stderr).toBe("htmldiff: --ignore: bad selector 'p[' at column 2: Expected name, found the end\n");
    writeFileSync(config, "{ ignore: [] }");
    const broken = await runCli(files(dir), { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^htmldiff: ${config}: not valid JSON \\(.+\\)\\n$`));
    expect((await runCli(["--config", "missing.json", ...files(dir)], { cwd: dir })).stderr).toBe("htmldiff: missing.json: cannot read the configuration (ENOENT)\n");
  });
});
