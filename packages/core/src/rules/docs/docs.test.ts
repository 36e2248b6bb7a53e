/** Tests that docs/rules/ is generated from the rules' metadata and that every documented example behaves as documented. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../testing/shared";
import { BUILTIN_CHECKS } from "../builtin/catalogue";
import { RULES } from "../index";
import { expectedDocs } from "../testing/docs-files";
import { lintText } from "../testing/rule-tester";

const DIR = join(REPO_ROOT, "docs", "rules");

describe("docs/rules", () => {
  it("is up to date with the rules' metadata (regenerate: node --import tsx packages/core/src/rules/testing/write-docs.ts)", () => {
    const expected = expectedDocs();
    const actual = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".md")) : [];
    expect(actual.sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(DIR, name), "utf8"), name).toBe(text);
  });

  it("puts the sections of a rule's page in a fixed order", () => {
    for (const [name, text] of expectedDocs()) {
      if (name === "README.md") continue;
      const heads = text.split("\n").filter((l) => /^##+ /.test(l));
      const order = ["## Details", "## Examples", "### Invalid", "### Valid", "## Fix", "## When not to use it", "## Configuration"];
      const seen = heads.map((h) => order.indexOf(h));
      expect(seen.every((i) => i >= 0), `${name}: ${heads.join(" | ")}`).toBe(true);
      expect([...seen].sort((a, b) => a - b), name).toEqual(seen);
      expect(text.startsWith(`<!--`) && text.includes(`\n# ${name.slice(0, -3)}\n`)).toBe(true);
    }
  });
});

describe("documented examples", () => {
  const all = [...RULES.map((r) => r.meta), ...BUILTIN_CHECKS];
  for (const meta of all) {
    (meta.docs.invalid ?? []).forEach((code, k) => {
      it(`${meta.id}: invalid example ${k + 1} yields exactly that rule`, () => {
        expect([...new Set(lintText(code).map((d) => d.rule))]).toEqual([meta.id]);
      });
    });
    (meta.docs.valid ?? []).forEach((code, k) => {
      it(`${meta.id}: valid example ${k + 1} does not trigger it`, () => {
        expect(lintText(code).filter((d) => d.rule === meta.id || d.severity === "error")).toEqual([]);
      });
    });
  }
});
