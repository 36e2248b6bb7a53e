/** Tidy checks that keep the architecture honest: core purity, file headers, and the lint rules over the whole repo. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./testing/shared";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const coreSrc = join(REPO_ROOT, "packages/core/src");
const isTestOnly = (f: string) => /\.test\.ts$/.test(f) || /[/\\]testing[/\\]/.test(f);

describe("architecture", () => {
  it("keeps packages/core free of I/O and editor imports (the Host interface is the only way out)", () => {
    const offenders: string[] = [];
    for (const f of walk(coreSrc).filter((f) => !isTestOnly(f))) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)) {
        const mod = m[1];
        if (/^(node:|fs$|path$|os$|child_process$|vscode)/.test(mod)) offenders.push(`${relative(REPO_ROOT, f)} imports ${mod}`);
      }
      if (/\b(process\.|console\.)/.test(text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, ""))) offenders.push(`${relative(REPO_ROOT, f)} uses process/console`);
    }
    expect(offenders).toEqual([]);
  });

  it("opens every source file with a comment saying what it is for", () => {
    const files = ["core/src", "lsp/src", "cli/src", "vscode-ext/src"].flatMap((d) => {
      try {
        return walk(join(REPO_ROOT, "packages", d));
      } catch {
        return [];
      }
    });
    const missing = files
      .filter((f) => !f.endsWith(".test.ts"))
      .filter((f) => !/^\s*(\/\/|\/\*)/.test(readFileSync(f, "utf8")))
      .map((f) => relative(REPO_ROOT, f));
    expect(missing).toEqual([]);
  });

  it("never evaluates code: eslint's no-eval / no-new-func / no-dynamic-require rules pass over the repo", () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/eslint/bin/eslint.js"), "--max-warnings", "0", "."], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
