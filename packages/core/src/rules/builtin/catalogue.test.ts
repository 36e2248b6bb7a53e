/** Tidy test: every diagnostic id the loader and the dialects can emit is described (docs, SARIF, severity settings). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../index";
import { BUILTIN_CHECKS, BUILTIN_IDS } from "./catalogue";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "testing" || name === "test-support" ? [] : sources(p);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Ids in the forms the loader and dialects use: `rule: "id"`, `rule = "id"`, `report("id"`, `.add("id"`. */
function emittedIds(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ["config", "dialects", "analysis", "features"]) {
    for (const file of sources(join(SRC, dir))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:rule:\s*|rule\s*=\s*|report\(\s*|\.add\(\s*)"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)) out.set(m[1], file.slice(SRC.length + 1));
    }
  }
  return out;
}

describe("built-in checks", () => {
  it("describe every diagnostic id the analysis emits", () => {
    const rules = new Set(RULES.map((r) => r.meta.id));
    const missing = [...emittedIds()].filter(([id]) => !BUILTIN_IDS.includes(id) && !rules.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it("are sorted, unique, and documented", () => {
    expect([...BUILTIN_IDS].sort()).toEqual(BUILTIN_IDS);
    expect(new Set(BUILTIN_IDS).size).toBe(BUILTIN_IDS.length);
    for (const b of BUILTIN_CHECKS) {
      expect(b.description.length, b.id).toBeGreaterThan(10);
      expect(b.docs.details.length, b.id).toBeGreaterThan(40);
      if (b.fixable) expect(b.docs.fix, b.id).toBeTruthy();
    }
  });
});
