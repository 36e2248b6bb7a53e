/**
 * Fix safety (issue 9, item 5): every offered fix, alone and all together through `applyAllFixes`,
 * turns a config into YAML that re-parses without new errors, changes only the keys the fix
 * targets (the loaded trees, own and merged, are compared outside them), makes its diagnostic go
 * away, and fix-all is idempotent. Run over the corpus, corpus configs mutated to provoke every
 * fixable rule, and generated documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../config/parse";
import type { TextEdit } from "../model/diagnostics";
import { applyAllFixes } from "../text/apply-edits";
import { describeShared, REPO_ROOT, sharedPath } from "../testing/shared";
import { yamlFiles } from "../testing/yaml-files";
import { checkChange, checkFixSafety, findingLeft, lintWith, targetOf } from "./testing/fix-check";

const LR_SECTION = /^\s*(lr|LearningRate|lr_scheduler|learning_rate):/m;
/** Keys whose misspelling lrlens offers to rename (suites' and Paddle's parameter names). */
const KEYS = ["warmup_epoch", "learning_rate", "milestones", "gamma", "T_max", "end_lr", "warmup_steps", "power", "eta_min", "start_lr", "warmup_start_lr", "decay_steps"];
/** Every fourth provocation of each config (rotating, so each kind still meets every suite): the whole set takes minutes. */
const SHARE = 4;

/** Variants of a real config, each with one change a fixable rule should catch (and offer to repair). */
function provoked(text: string): { kind: string; text: string }[] {
  const out: { kind: string; text: string }[] = [];
  const first = (kind: string, re: RegExp, f: (...m: string[]) => string) => {
    const m = re.exec(text);
    if (m) out.push({ kind, text: text.slice(0, m.index) + f(...m) + text.slice(m.index + m[0].length) });
  };
  // A float written the way PyYAML reads as a string (no-string-number).
  first("string number", /(:[ \t]*)(0\.0*[1-9]\d*)(?=[ \t]*(#.*)?$)/m, (_, pre, num) => `${pre}${Number(num).toExponential().replace(/\.\d+e/, "e").replace("e-", "e-")}`);
  // A milestone list out of order (no-unsorted-milestones).
  first("unsorted list", /((?:milestones|boundaries|decay_epochs):[ \t]*\[)([^\]\n]+,[^\]\n]+)\]/, (_, pre, items) => `${pre}${items.split(",").map((s) => s.trim()).reverse().join(", ")}]`);
  // A misspelt parameter key (ignored-key / unknown-parameter, with a did-you-mean rename).
  for (const key of KEYS) first(`misspelt ${key}`, new RegExp(`^([ \\t]+)${key}(?=:)`, "m"), (_, indent) => `${indent}${key.length > 6 ? key.slice(0, -2) + key.slice(-1) : `${key}s`}`);
  // A misspelt scheduler class (unknown-scheduler, with a did-you-mean change).
  first("misspelt class", /((?:^[ \t]+(?:name|type):[ \t]*)|!)([A-Z][a-z]+[A-Z]\w{3,})/m, (_, pre, cls) => `${pre}${cls.slice(0, 3)}${cls.slice(4)}`);
  return out;
}

describeShared("fix safety over ../shared/corpus", () => {
  const files = yamlFiles(sharedPath("corpus"));

  it("every fix offered on a corpus config is safe (the upstream configs offer none: they lint clean)", () => {
    let fixes = 0;
    const problems: string[] = [];
    for (const path of files) {
      const r = checkFixSafety(pathToFileURL(path).href, readFileSync(path, "utf8"));
      fixes += r.fixes;
      problems.push(...r.problems.map((p) => `${path}: ${p}`));
    }
    expect(files.length).toBe(1760);
    expect(problems).toEqual([]);
    expect(fixes).toBe(0);
  });

  it("every fix offered on corpus configs changed to provoke a fixable finding is safe, alone and all together", { timeout: 600_000 }, () => {
    const byKind = new Map<string, number>();
    const problems: string[] = [];
    let docs = 0;
    files.forEach((path, i) => {
      const text = readFileSync(path, "utf8");
      if (!LR_SECTION.test(text)) return;
      for (const v of provoked(text).filter((_, j) => (i + j) % SHARE === 0)) {
        docs++;
        const r = checkFixSafety(pathToFileURL(path).href, v.text);
        byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + r.fixes);
        problems.push(...r.problems.map((p) => `${path} (${v.kind}): ${p}`));
      }
    });
    console.log(`[fix-safety] ${docs} provoked corpus variants; fixes tried by provocation: ${JSON.stringify(Object.fromEntries(byKind))}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(docs).toBeGreaterThan(1000);
    expect([...byKind.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    // Each provocation really reaches a fix somewhere in the corpus (so this test checks every kind of fix).
    for (const kind of ["string number", "unsorted list", "misspelt warmup_epoch", "misspelt class"]) expect(byKind.get(kind), kind).toBeGreaterThan(0);
  });
});

/** Generated configs built to trip the fixable rules: exponent floats, unsorted lists, misspelt keys and classes, mixed units. */
const GEN_URI = "file:///work/project/fix-safety.yml";
const num = fc.constantFrom("1e-3", "5E4", ".5e-3", "1.e3", "0.001", "0.1", "10", "3", "0", "-1", "1.0e-3", "1e308", ".nan", "'0.01'");
const list = fc.array(fc.constantFrom("30", "60", "90", "10", "1e2", "5", "200000", "60"), { minLength: 1, maxLength: 5 }).map((xs) => `[${xs.join(", ")}]`);
const key = fc.constantFrom("learning_rate", "learning_rat", "gamma", "gama", "milestones", "milestone", "warmup_epoch", "warmup_epochs", "T_max", "T_maxx", "eta_min", "end_lr", "warmup_steps", "decay_steps", "power");
const generatedDoc = fc
  .record({
    suite: fc.constantFrom("ocr", "det", "seg", "paddle"),
    cls: fc.constantFrom("MultiStepDecay", "MultiStepDecy", "Cosine", "Cosin", "CosineAnnealingDecay", "CosineAnealingDecay", "Piecewise", "PiecewiseDecay", "PolynomialDecay", "StepDecay", "LinearWarmup"),
    args: fc.uniqueArray(fc.tuple(key, fc.oneof(num, list)), { maxLength: 5, selector: (t) => t[0] }),
    length: fc.constantFrom("12", "100", "1e3", "500"),
  })
  .map(({ suite, cls, args, length }) => {
    const kv = args.map(([k, v]) => `${k}: ${v}`);
    if (suite === "ocr") return ["Global:", `  epoch_num: ${length}`, "Optimizer:", "  name: Adam", "  lr:", `    name: ${cls}`, ...kv.map((l) => `    ${l}`), ""].join("\n");
    if (suite === "det") return [`epoch: ${length}`, "LearningRate:", "  base_lr: 0.01", "  schedulers:", `  - !${cls}`, ...kv.map((l) => `    ${l}`), "  - !LinearWarmup", "    start_factor: 0.1", "    steps: 500", ""].join("\n");
    if (suite === "seg") return [`iters: ${length}`, "lr_scheduler:", `  type: ${cls}`, ...kv.map((l) => `  ${l}`), ""].join("\n");
    return ["lr_scheduler:", `  name: ${cls}`, ...kv.map((l) => `  ${l}`), ""].join("\n");
  });

/** The invalid examples of every fixable rule's docs page (`docs/rules/*.md`), each a config that trips the rule. */
function fixableExamples(): string[] {
  const dir = join(REPO_ROOT, "docs/rules");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .filter((md) => /^- Quick-fix: (yes|in the editor)/m.test(md))
    .flatMap((md) => [...md.matchAll(/### Invalid\s+```yaml\n([\s\S]*?)```/g)].map((m) => m[1]));
}

/** A docs example with some of its numbers replaced: the same finding at other values, or none. */
const variedExample = (examples: string[]) =>
  fc.record({ i: fc.nat(examples.length - 1), tweaks: fc.array(fc.tuple(fc.nat(40), fc.constantFrom("0", "1", "5", "30", "300", "2000", "1e-3", "0.1", "0.007", "1.0", "-1", "100000")), { maxLength: 3 }) }).map(({ i, tweaks }) => {
    let text = examples[i];
    for (const [nth, value] of tweaks) {
      const spots = [...text.matchAll(/(?<=[:\[,] ?)-?\d[\d.e-]*(?=[,\]\s])/g)];
      if (spots.length === 0) break;
      const m = spots[nth % spots.length];
      text = text.slice(0, m.index) + value + text.slice(m.index! + m[0].length);
    }
    return text;
  });

describe("fix safety on generated documents", () => {
  it("every fix offered on the fixable rules' docs examples, with numbers varied, is safe alone and all together", () => {
    const examples = fixableExamples();
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const rules = new Set<string>();
    fc.assert(
      fc.property(variedExample(examples), (text) => {
        for (const d of lintWith(GEN_URI, text)) if (d.fixes?.length) rules.add(d.rule);
        expect(checkFixSafety(GEN_URI, text).problems).toEqual([]);
      }),
      { numRuns: 200, seed: 11_2026 },
    );
    // Every fixable rule was exercised, except no-unit-mix: its fixes need the steps per epoch, which these documents do not give.
    expect([...rules].sort()).toEqual(expect.arrayContaining(["no-long-cosine-period", "no-short-cosine-period", "no-string-number", "no-unreachable-milestones", "no-unsorted-milestones", "no-warmup-jump", "valid-param-type"]));
  });

  it("every fix offered on a generated config is safe, alone and all together", () => {
    let fixes = 0;
    fc.assert(
      fc.property(generatedDoc, (text) => {
        const r = checkFixSafety(GEN_URI, text);
        fixes += r.fixes;
        expect(r.problems).toEqual([]);
      }),
      { numRuns: 250, seed: 9_2026 },
    );
    expect(fixes).toBeGreaterThan(100);
  });

  it("the check itself rejects a fix that touches another key, breaks the YAML, or leaves its finding", () => {
    const text = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 1e-3\n  milestones: [30, 60]\n  gamma: 0.1\n";
    const root = parseConfigText(GEN_URI, text).root;
    const lrValue = text.indexOf("1e-3");
    const target = targetOf(root, GEN_URI, lrValue, lrValue + 4, "1.0e-3");
    expect(target).toEqual({ path: ["lr_scheduler", "learning_rate"] });
    const gamma = text.indexOf("0.1\n");
    const sneaky: TextEdit[] = [
      { uri: GEN_URI, start: lrValue, end: lrValue + 4, newText: "1.0e-3" },
      { uri: GEN_URI, start: gamma, end: gamma + 3, newText: "0.5" },
    ];
    expect(checkChange(GEN_URI, text, new Map(), sneaky, [target]).join("\n")).toMatch(/merged tree changed outside/);
    const broken: TextEdit[] = [{ uri: GEN_URI, start: lrValue, end: lrValue + 4, newText: "[1.0e-3" }];
    expect(checkChange(GEN_URI, text, new Map(), broken, [target]).join("\n")).toMatch(/new YAML errors/);
    const finding = lintWith(GEN_URI, text).find((d) => d.rule === "no-string-number");
    expect(finding?.fixes?.length).toBeGreaterThan(0);
    expect(findingLeft(GEN_URI, text, new Map(), finding!, finding!.fixes![0])).toBeUndefined();
    expect(findingLeft(GEN_URI, text, new Map(), finding!, { title: "no-op", edits: [{ uri: GEN_URI, start: lrValue, end: lrValue + 4, newText: "2e-3" }] })).toMatch(/2e-3|string/);
    const keyStart = text.indexOf("milestones");
    expect(targetOf(root, GEN_URI, keyStart, keyStart + 10, "milestone")).toEqual({ path: ["lr_scheduler", "milestones"], renamedTo: "milestone" });
  });
});

describe("no-warmup-jump's second fix (found by this property test)", () => {
  it("is not offered when the wrapped MultiStepDecay has a milestone at 0, where copying end_lr would leave the jump", () => {
    const text = "lr_scheduler:\n  name: LinearWarmup\n  start_lr: 0.0\n  end_lr: 0.007\n  warmup_steps: 2000\n  scheduler:\n    name: MultiStepDecay\n    learning_rate: 0.007\n    milestones: [0, 400]\n    gamma: 0.1\n";
    const jump = lintWith(GEN_URI, text).find((d) => d.rule === "no-warmup-jump");
    expect(jump?.fixes?.map((f) => f.title)).toEqual(["Set end_lr to 0.0007000000000000001"]);
    expect(checkFixSafety(GEN_URI, text).problems).toEqual([]);
  });

  it("is still offered when the wrapped scheduler starts at its learning_rate", () => {
    const text = "lr_scheduler:\n  name: LinearWarmup\n  start_lr: 0.0\n  end_lr: 0.007\n  warmup_steps: 2000\n  scheduler:\n    name: MultiStepDecay\n    learning_rate: 0.01\n    milestones: [3000, 4000]\n    gamma: 0.1\n";
    const jump = lintWith(GEN_URI, text).find((d) => d.rule === "no-warmup-jump");
    expect(jump?.fixes?.map((f) => f.title)).toEqual(["Set end_lr to 0.01", "Set MultiStepDecay's learning_rate to 0.007"]);
    expect(checkFixSafety(GEN_URI, text).problems).toEqual([]);
  });
});

describe("fix-all cost on a large document (found by the server fuzzer)", () => {
  it("given the diagnostics it starts from, fix-all lints once per pass and not again for the text it already has, with the same result", () => {
    // 20,000 milestones and one fixable `1e-3`: each analysis of this text is the expensive part.
    const text = `lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 1e-3\n  milestones: [${Array.from({ length: 20_000 }, (_, i) => i + 1).join(", ")}]\n`;
    let lints = 0;
    const counted = (t: string) => (lints++, lintWith(GEN_URI, t));
    const initial = lintWith(GEN_URI, text);
    const withInitial = applyAllFixes(counted, text, { uri: GEN_URI, initial });
    expect(lints).toBe(withInitial.passes);
    lints = 0;
    const plainRun = applyAllFixes(counted, text, { uri: GEN_URI });
    expect(lints).toBe(plainRun.passes + 1);
    expect(withInitial.text).toBe(plainRun.text);
    expect(withInitial.text).toContain("learning_rate: 1.0e-3\n");
  });
});
