/** Tests of `lrlens check` through the built binary: walking, formats (SARIF structure included), --fix, exit codes, settings. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RULES } from "@lrlens/core";
import { buildCli, copyTree, FIXTURES, lrlens, tempFiles } from "./testing/run-cli";

beforeAll(() => buildCli());

interface CheckJson {
  files: { file: string; fixed?: boolean; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixable: boolean }[] }[];
}

const json = (stdout: string) => JSON.parse(stdout) as CheckJson;
const rulesOf = (js: CheckJson) => Object.fromEntries(js.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.rule}:${d.severity}`)]));

describe("lrlens check --format json", () => {
  it("walks a directory for *.yml/*.yaml, skipping node_modules and .git, and reports per file", () => {
    const dir = copyTree();
    const r = lrlens(["check", ".", "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const js = json(r.stdout);
    expect(js.files.map((f) => f.file)).toEqual(["a.yml", "clean.yml", "sub/b.yaml"]);
    expect(rulesOf(js)).toEqual({
      "a.yml": ["no-string-number:error", "no-unsorted-milestones:error"],
      "clean.yml": [],
      "sub/b.yaml": ["no-unreachable-milestones:warning", "prefer-typical-warmup:information"],
    });
  });

  it("gives 0-based LSP ranges and says what --fix would fix", () => {
    const dir = copyTree();
    const js = json(lrlens(["check", "a.yml", "--format", "json"], { cwd: dir }).stdout);
    const [str, unsorted] = js.files[0].diagnostics;
    expect(str.range).toEqual({ start: { line: 3, character: 17 }, end: { line: 3, character: 21 } });
    expect(str.fixable).toBe(true);
    expect(unsorted.range).toEqual({ start: { line: 4, character: 14 }, end: { line: 4, character: 26 } });
    expect(Object.keys(str).slice(0, 5)).toEqual(["rule", "severity", "message", "range", "fixable"]);
  });

  it("accepts globs and reports a pattern that matches nothing as bad usage", () => {
    const dir = copyTree();
    const js = json(lrlens(["check", "**/*.yaml", "--format", "json"], { cwd: dir }).stdout);
    expect(js.files.map((f) => f.file)).toEqual(["sub/b.yaml"]);
    const none = lrlens(["check", "**/*.nothing"], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("lrlens: **/*.nothing: no YAML files match this pattern\n");
  });
});

describe("lrlens check exit codes and severities", () => {
  it("exits 0 when there are no errors, 1 with errors, and counts warnings against --max-warnings", () => {
    const dir = copyTree();
    expect(lrlens(["check", "clean.yml"], { cwd: dir }).status).toBe(0);
    expect(lrlens(["check", "a.yml"], { cwd: dir }).status).toBe(1);
    expect(lrlens(["check", "sub/b.yaml"], { cwd: dir }).status).toBe(0);
    expect(lrlens(["check", "sub/b.yaml", "--max-warnings", "0"], { cwd: dir }).status).toBe(1);
    expect(lrlens(["check", "sub/b.yaml", "--max-warnings", "1"], { cwd: dir }).status).toBe(0);
  });

  it("--rule overrides .lrlens.yaml, which overrides the defaults", () => {
    const dir = copyTree();
    const r = lrlens(["check", "sub/b.yaml", "--format", "json", "--rule", "prefer-typical-warmup=error", "--rule", "no-unreachable-milestones=off"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(rulesOf(json(r.stdout))).toEqual({ "sub/b.yaml": ["prefer-typical-warmup:error"] });
    // The tree's .lrlens.yaml turns prefer-moderate-gamma off; --rule turns it back on.
    writeFileSync(join(dir, "step.yml"), "lr:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 1000\n  gamma: 0.1\n");
    expect(rulesOf(json(lrlens(["check", "step.yml", "--format", "json"], { cwd: dir }).stdout))).toEqual({ "step.yml": [] });
    expect(rulesOf(json(lrlens(["check", "step.yml", "--format", "json", "--rule", "prefer-moderate-gamma=warning"], { cwd: dir }).stdout))).toEqual({ "step.yml": ["prefer-moderate-gamma:warning"] });
  });

  it("sets the severity of the analysis' own checks too", () => {
    const dir = tempFiles({ "u.yml": "lr:\n  name: CosineAnnealingDecay\n  learning_rate: 0.1\n  T_max: 100\n  eta_mn: 0.0\n" });
    expect(rulesOf(json(lrlens(["check", "u.yml", "--format", "json"], { cwd: dir }).stdout))).toEqual({ "u.yml": ["unknown-parameter:warning"] });
    const r = lrlens(["check", "u.yml", "--format", "json", "--rule", "unknown-parameter=error"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(rulesOf(json(r.stdout))).toEqual({ "u.yml": ["unknown-parameter:error"] });
  });

  it("reports problems of .lrlens.yaml itself", () => {
    const dir = tempFiles({ ".lrlens.yaml": "rules:\n  no-such-rule: error\n", "c.yml": "lr:\n  name: CosineAnnealingDecay\n  learning_rate: 0.1\n  T_max: 100\n" });
    const js = json(lrlens(["check", "c.yml", "--format", "json"], { cwd: dir }).stdout);
    const project = js.files.find((f) => f.file.endsWith(".lrlens.yaml"));
    expect(project?.diagnostics.map((d) => d.rule)).toEqual(["project-config"]);
  });

  it("rejects bad flags with exit 2 and one line", () => {
    for (const args of [["check", "x.yml", "--rule", "nope=error"], ["check", "x.yml", "--rule", "no-unit-mix=loud"], ["check", "x.yml", "--format", "xml"], ["check", "x.yml", "--max-warnings", "many"], ["check", "missing.yml"]]) {
      const r = lrlens(args, { cwd: join(FIXTURES, "cli") });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(/^lrlens: /);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});

describe("lrlens check with _BASE_ files", () => {
  const BASE = "epoch: 12\nLearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    gamma: 0.1\n    milestones: [11, 16]\n  - !LinearWarmup\n    start_factor: 0.001\n    steps: 1000\n";
  const LEAF = "_BASE_: [\n  '../base/optimizer.yml',\n]\narchitecture: FasterRCNN\n";

  it("lists a problem of an inherited value under the base file, once", () => {
    const dir = tempFiles({ "base/optimizer.yml": BASE, "configs/a.yml": LEAF, "configs/b.yml": LEAF });
    const js = json(lrlens(["check", "configs", "--format", "json"], { cwd: dir }).stdout);
    expect(js.files.map((f) => f.file)).toEqual(["configs/a.yml", "configs/b.yml", "base/optimizer.yml"]);
    expect(rulesOf(js)["base/optimizer.yml"]).toEqual(["no-unreachable-milestones:warning"]);
    expect(js.files[2].diagnostics[0].range.start.line).toBe(6);
  });

  it("reads bases only inside --allow-read directories when given", () => {
    const dir = tempFiles({ "base/optimizer.yml": BASE, "configs/a.yml": LEAF });
    const js = json(lrlens(["check", "configs/a.yml", "--format", "json", "--allow-read", "configs"], { cwd: dir }).stdout);
    expect(rulesOf(js)["configs/a.yml"]).toContain("base-outside-workspace:warning");
  });
});

describe("lrlens check --fix", () => {
  it("fixes a copy of the fixture tree in place, reports what remains, and a second run changes nothing", () => {
    const dir = copyTree();
    const r = lrlens(["check", ".", "--fix", "--format", "json"], { cwd: dir });
    const js = json(r.stdout);
    expect(readFileSync(join(dir, "a.yml"), "utf8")).toBe(
      "# A generic-form schedule with two problems --fix can repair.\nlr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 1.0e-1   # PyYAML reads this as a string\n  milestones: [3000, 6000]\n  gamma: 0.1\n",
    );
    expect(readFileSync(join(dir, "sub", "b.yaml"), "utf8")).toContain("milestones: [6000, 9000]\n");
    expect(js.files.filter((f) => f.fixed).map((f) => f.file)).toEqual(["a.yml", "sub/b.yaml"]);
    expect(rulesOf(js)).toEqual({ "a.yml": [], "clean.yml": [], "sub/b.yaml": ["prefer-typical-warmup:information"] });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "node_modules", "pkg", "ignored.yml"), "utf8")).toContain("[60, 30]");
    const before = readFileSync(join(dir, "a.yml"), "utf8");
    const again = json(lrlens(["check", ".", "--fix", "--format", "json"], { cwd: dir }).stdout);
    expect(again.files.some((f) => f.fixed)).toBe(false);
    expect(readFileSync(join(dir, "a.yml"), "utf8")).toBe(before);
  });

  it("still exits 1 when an error has no fix", () => {
    const dir = tempFiles({ "e.yml": readFileSync(join(FIXTURES, "cli", "errors.yml"), "utf8") });
    const r = lrlens(["check", "e.yml", "--fix"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, "e.yml"), "utf8")).toBe(readFileSync(join(FIXTURES, "cli", "errors.yml"), "utf8"));
  });
});

describe("lrlens check --format stylish", () => {
  it("prints ESLint's layout without colour when stdout is not a terminal", () => {
    const dir = copyTree();
    const r = lrlens(["check", "a.yml"], { cwd: dir, env: { NO_COLOR: "" } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toBe("a.yml");
    expect(lines[2]).toMatch(/^ {2}4:18 {2}error {4}`learning_rate: 1e-1` is a string for PyYAML .* {2}no-string-number$/);
    expect(r.stdout).toContain("✖ 2 problems (2 errors, 0 warnings, 0 information)");
    expect(r.stdout).toContain("2 errors and 0 warnings potentially fixable with the `--fix` option.");
  });

  it("uses colour when forced", () => {
    const dir = copyTree();
    expect(lrlens(["check", "a.yml", "--color"], { cwd: dir }).stdout).toMatch(/\u001b\[31merror/);
  });

  it("prints a per-rule time table to stderr with LRLENS_TIMING=1", () => {
    const dir = copyTree();
    const r = lrlens(["check", "."], { cwd: dir, env: { LRLENS_TIMING: "1" } });
    expect(r.stderr.split("\n")[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    // Every enabled rule is timed; the tree's .lrlens.yaml turns prefer-moderate-gamma off.
    for (const rule of RULES) expect(r.stderr.includes(`${rule.meta.id} `), rule.meta.id).toBe(rule.meta.id !== "prefer-moderate-gamma");
  });
});

describe("lrlens check --format sarif", () => {
  it("writes SARIF 2.1.0 with the required structure and rule metadata", () => {
    const dir = copyTree();
    const r = lrlens(["check", ".", "--format", "sarif"], { cwd: dir });
    expect(r.status).toBe(1);
    checkSarif(JSON.parse(r.stdout));
  });
});

/** The parts of the SARIF 2.1.0 schema that GitHub code scanning and the spec require, checked by hand. */
function checkSarif(log: any): void {
  expect(log.version).toBe("2.1.0");
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log.runs) && log.runs.length).toBe(1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  expect(typeof driver.name).toBe("string");
  expect(driver.informationUri).toMatch(/^https:\/\//);
  const rules: any[] = driver.rules;
  const ids = rules.map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) expect(ids).toContain(r.meta.id);
  for (const rule of rules) {
    expect(typeof rule.id).toBe("string");
    expect(typeof rule.shortDescription.text).toBe("string");
    expect(["none", "note", "warning", "error"]).toContain(rule.defaultConfiguration.level);
    if (rule.helpUri !== undefined) expect(rule.helpUri).toMatch(/^https:\/\/.+\.md$/);
  }
  expect(rules.find((x) => x.id === "no-unit-mix")).toMatchObject({ helpUri: "https://github.com/lrlens/lrlens/blob/main/docs/rules/no-unit-mix.md", defaultConfiguration: { level: "warning" } });
  expect(run.columnKind).toBe("utf16CodeUnits");
  expect(run.originalUriBaseIds["%SRCROOT%"].uri).toMatch(/^file:\/\/.*\/$/);
  expect(run.results.length).toBeGreaterThan(0);
  for (const res of run.results) {
    expect(ids[res.ruleIndex]).toBe(res.ruleId);
    expect(["none", "note", "warning", "error"]).toContain(res.level);
    expect(typeof res.message.text).toBe("string");
    const loc = res.locations[0].physicalLocation;
    expect(loc.artifactLocation.uriBaseId).toBe("%SRCROOT%");
    expect(loc.artifactLocation.uri).toMatch(/^[^/][^:]*\.ya?ml$/);
    const g = loc.region;
    for (const k of ["startLine", "startColumn", "endLine", "endColumn"]) expect(Number.isInteger(g[k]) && g[k] >= 1, k).toBe(true);
    expect(g.endLine > g.startLine || (g.endLine === g.startLine && g.endColumn >= g.startColumn)).toBe(true);
  }
  const a = run.results.find((x: any) => x.ruleId === "no-string-number");
  expect(a.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "a.yml", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 18, endLine: 4, endColumn: 22 } });
}

describe("lrlens check --concurrency", () => {
  it("reports exactly the same in worker threads as in one thread, in the same order", () => {
    const one = lrlens(["check", FIXTURES, "--format", "json", "--concurrency", "off"]);
    const three = lrlens(["check", FIXTURES, "--format", "json", "--concurrency", "3"]);
    expect(three.stderr).toBe("");
    expect(three.status).toBe(one.status);
    expect(json(three.stdout).files.length).toBeGreaterThan(20);
    expect(three.stdout).toBe(one.stdout);
  });

  it("rejects a value that is neither a number, auto nor off", () => {
    const r = lrlens(["check", FIXTURES, "--concurrency", "many"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--concurrency must be a whole number/);
  });
});
