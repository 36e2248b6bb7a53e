/** Tests for the rule registry and the lint entry point: registration, isolation, severities, directives, order. */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis/types";
import { BUILTIN_IDS } from "./builtin/catalogue";
import { runRules } from "./engine/run-rules";
import { lint, RULES } from "./index";
import { analyze, dedent, TEST_URI } from "./testing/rule-tester";
import type { Rule } from "./types";

const here = dirname(fileURLToPath(import.meta.url));

describe("RULES", () => {
  it("holds exactly one rule per rules/<id>.ts file, sorted by id", () => {
    const files = readdirSync(here)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts" && f !== "types.ts")
      .map((f) => f.slice(0, -3))
      .sort();
    expect(RULES.map((r) => r.meta.id)).toEqual(files);
  });

  it("gives every rule a test file, a kebab-case id from the vocabulary, metadata and a docs link", () => {
    const tests = new Set(readdirSync(here).filter((f) => f.endsWith(".test.ts")));
    for (const r of RULES) {
      expect(tests.has(`${r.meta.id}.test.ts`), `${r.meta.id}.test.ts`).toBe(true);
      expect(r.meta.id).toMatch(/^(no|valid|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.meta.description.length).toBeGreaterThan(10);
      expect(r.meta.docs.invalid.length).toBeGreaterThan(0);
      expect(r.meta.docs.valid.length).toBeGreaterThan(0);
      expect(r.meta.docsUrl).toBe(`https://github.com/lrlens/lrlens/blob/main/docs/rules/${r.meta.id}.md`);
      expect(Boolean(r.fix)).toBe(r.meta.fixable !== false);
      if (r.meta.fixable) expect(r.meta.docs.fix, `${r.meta.id} documents its fix`).toBeTruthy();
    }
  });

  it("keeps rule ids and built-in check ids apart", () => {
    for (const r of RULES) expect(BUILTIN_IDS).not.toContain(r.meta.id);
  });
});

const UNSORTED = dedent(`
  lr_scheduler:
    name: MultiStepDecay
    learning_rate: 1e-1
    milestones: [60, 30]
`);

describe("lint", () => {
  it("returns the analysis' diagnostics and every rule's findings, sorted by position, each with a docs link", () => {
    const ds = lint(analyze(UNSORTED));
    expect(ds.map((d) => d.rule)).toEqual(["no-string-number", "no-unsorted-milestones"]);
    expect(ds.every((d) => d.docsUrl?.endsWith(`/docs/rules/${d.rule}.md`))).toBe(true);
    expect(ds.every((d) => d.uri === TEST_URI)).toBe(true);
  });

  it("takes severities from options.rules over the project config over the rule's own", () => {
    const a = analyze(UNSORTED);
    const sev = (opts: Parameters<typeof lint>[1]) => lint(a, opts).map((d) => `${d.rule}:${d.severity}`);
    expect(sev({})).toEqual(["no-string-number:error", "no-unsorted-milestones:error"]);
    expect(sev({ project: { rules: { "no-string-number": "information" } } })).toEqual(["no-string-number:information", "no-unsorted-milestones:error"]);
    expect(sev({ project: { rules: { "no-string-number": "information" } }, rules: { "no-string-number": "hint" } })).toEqual(["no-string-number:hint", "no-unsorted-milestones:error"]);
    expect(sev({ rules: { "no-unsorted-milestones": "off" } })).toEqual(["no-string-number:error", "valid-paddle-args:error"]);
  });

  it("applies disable comments to rules and to the analysis' own diagnostics", () => {
    const text = UNSORTED.replace("  learning_rate:", "  # lrlens-disable-next-line no-string-number\n  learning_rate:");
    expect(lint(analyze(text)).map((d) => d.rule)).toEqual(["no-unsorted-milestones"]);
    expect(lint(analyze(`# lrlens-disable\n${UNSORTED}`))).toEqual([]);
  });

  it("turns a crashing rule into one internal-error naming it, and still runs the others", () => {
    const boom: Rule = {
      meta: { ...RULES[0].meta, id: "no-boom" },
      check: () => {
        throw new Error("kaboom");
      },
      message: () => "",
    };
    const badFix: Rule = { ...RULES.find((r) => r.meta.id === "no-unsorted-milestones")!, fix: () => { throw new Error("fixer bug"); } };
    const ds = runRules([boom, badFix], analyze(UNSORTED) as Analysis);
    expect(ds.map((d) => d.rule)).toEqual(["internal-error", "no-unsorted-milestones"]);
    expect(ds[0].message).toBe("Rule `no-boom` crashed on this file (kaboom); the other rules still ran. Please report this.");
    expect(ds[1].fixes).toBeUndefined();
  });

  it("accumulates per-rule timings when asked", () => {
    const timings = new Map<string, number>();
    lint(analyze(UNSORTED), { timings });
    expect([...timings.keys()].sort()).toEqual(RULES.map((r) => r.meta.id));
  });
});
