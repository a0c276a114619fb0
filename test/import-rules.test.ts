// The import rules of docs/design.md ("What may import what"), read from its table and checked
// against every import in src/: an import the table does not allow fails here.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

/** One allowed target: a module path or package (a folder ends in `/`), and the only module that may import it, if one. */
interface Allowed {
  readonly target: string;
  readonly only?: string;
}

/** The table's rows: module path (a folder ends in `/`) → what it may import. */
function readRules(): Map<string, Allowed[]> {
  const design = readFileSync(join(ROOT, "docs/design.md"), "utf8");
  const section = design.split("## What may import what")[1]!.split("\n## ")[0]!;
  const rules = new Map<string, Allowed[]>();
  for (const line of section.split("\n")) {
    const row = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!row) continue;
    const allowed =
      row[2] === "nothing"
        ? []
        : row[2]!.split(/, (?=`)/).map((entry): Allowed => {
            const parts = /^`([^`]+)`(?: \(only `([^`]+)`\))?$/.exec(entry.trim());
            if (!parts) throw new Error(`docs/design.md: cannot read the import rule '${entry}'`);
            return parts[2] ? { target: parts[1]!, only: parts[2] } : { target: parts[1]! };
          });
    rules.set(row[1]!, allowed);
  }
  return rules;
}

/** The row a module of `src/` belongs to: the longest row path that holds it. */
function rowOf(rules: Map<string, Allowed[]>, path: string): string | undefined {
  let best: string | undefined;
  for (const key of rules.keys()) if ((key === path || (key.endsWith("/") && path.startsWith(key))) && key.length > (best?.length ?? 0)) best = key;
  return best;
}

/** Every TypeScript module under src/, relative to it. */
function modules(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith(".ts") ? [relative(SRC, path)] : [];
  });
}

/** What a module imports (static, dynamic and type-only): module paths under src/ (`x.ts`) or package names. */
function importsOf(path: string): string[] {
  const source = readFileSync(join(SRC, path), "utf8");
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers.map((spec) => {
    if (spec.startsWith(".")) return normalize(join(dirname(path), spec)).replace(/\.js$/, ".ts");
    if (spec.startsWith("node:")) return spec;
    // A package: its name, without a path inside it.
    return spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  });
}

/** Whether `rule` allows module `from` to import `target`. */
function allows(rule: Allowed, from: string, target: string): boolean {
  if (rule.only !== undefined && rule.only !== from) return false;
  if (rule.target === "node:*") return target.startsWith("node:");
  return rule.target === target || (rule.target.endsWith("/") && target.startsWith(rule.target));
}

/** The imports of src/ that the rules do not allow, one line each. */
function violations(rules: Map<string, Allowed[]>): string[] {
  const out: string[] = [];
  for (const path of modules()) {
    const row = rowOf(rules, path);
    if (row === undefined) {
      out.push(`${path}: no row of docs/design.md's import table holds it`);
      continue;
    }
    for (const target of importsOf(path)) {
      const sameRow = !target.startsWith("node:") && target.endsWith(".ts") && rowOf(rules, target) === row;
      if (!sameRow && !rules.get(row)!.some((rule) => allows(rule, path, target))) out.push(`${path} imports ${target}, which row \`${row}\` does not allow`);
    }
  }
  return out;
}

describe("the import rules of docs/design.md", () => {
  const rules = readRules();

  it("are read from the table, a row per module or folder", () => {
    expect(rules.get("types.ts")).toEqual([]);
    expect(rules.get("html/")).toEqual([{ target: "types.ts" }]);
    expect(rules.get("events/")).toContainEqual({ target: "htmlparser2", only: "events/htmlparser2-adapter.ts" });
  });

  it("hold for every import in src/", () => {
    expect(violations(rules)).toEqual([]);
  });

  it("catch an import they do not allow", () => {
    // The same rules with html/ allowed nothing: html/'s own imports of types.ts then break them.
    const strict = new Map(rules);
    strict.set("html/", []);
    expect(violations(strict).some((line) => line.startsWith("html/") && line.includes("imports types.ts"))).toBe(true);
    // And a front end importing another: cli/ without compare/.
    strict.set(
      "cli/",
      rules.get("cli/")!.filter((rule) => rule.target !== "compare/"),
    );
    expect(violations(strict).some((line) => line.startsWith("cli/") && line.includes("imports compare/"))).toBe(true);
  });
});
