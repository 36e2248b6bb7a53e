/**
 * Sweeps over the shared reference data: no error on any real suite config except those the suite
 * itself rejects (which must get one), none on any valid Paddle vector written in the generic form
 * (unless its LR goes negative), and an error on the right parameter for every construction error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { analyzeDocument } from "../analysis/analyze";
import type { Host } from "../config/types";
import type { Diagnostic } from "../model/diagnostics";
import { describeShared, readSharedJson, sharedPath } from "../testing/shared";
import { yamlFiles } from "../testing/yaml-files";
import { lint, RULES } from "./index";
import { BUILTIN_IDS } from "./builtin/catalogue";
import { analyze, lintText } from "./testing/rule-tester";
import { parsePyCall, vectorYaml } from "./testing/vector-yaml";

const diskHost: Host = {
  readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
  },
  listDir(uri) {
    try {
      return readdirSync(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  },
};

const show = (d: Diagnostic) => `${d.rule} ${d.severity} ${d.uri.replace(/^.*\/corpus\//, "")}:${d.range.start.line + 1}: ${d.message}`;

describeShared("lint over ../shared/corpus", () => {
  const curves = readSharedJson<{ skipped: { repo: string; path: string; reason: string }[] }>("reference/suite-curves.json.gz");
  const skipped = new Set(curves.skipped.map((s) => `${s.repo.replace(/^PaddlePaddle\//, "")}/${s.path}`));
  const root = sharedPath("corpus");
  const files = yamlFiles(root);
  const results = files.map((path) => {
    const rel = path.slice(root.length + 1);
    const text = readFileSync(path, "utf8");
    return { rel, diagnostics: lint(analyzeDocument(pathToFileURL(path).href, text, diskHost)) };
  });

  it("reads every one of the 1,760 configs without an internal error", () => {
    expect(files.length).toBe(1760);
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.rule === "internal-error").map(show))).toEqual([]);
  });

  it("gives no error-severity diagnostic to any config its suite accepts", () => {
    const errors = results.filter((r) => !skipped.has(r.rel)).flatMap((r) => r.diagnostics.filter((d) => d.severity === "error").map((d) => `${r.rel} → ${show(d)}`));
    expect(errors).toEqual([]);
  });

  it("gives at least one error to every config its suite rejects (skipped in suite-curves.json.gz)", () => {
    // One skipped config is not rejected: PaddleClas' ReduceOnPlateau with by_epoch trains fine but has no
    // deterministic curve. Under the severity policy (error = rejected at startup or certainly broken) it
    // gets an explanation, not an error.
    const rejected = curves.skipped.filter((s) => !/no deterministic curve/.test(s.reason)).map((s) => `${s.repo.replace(/^PaddlePaddle\//, "")}/${s.path}`);
    expect(rejected.length).toBe(skipped.size - 1);
    const missing = rejected.filter((rel) => !results.find((r) => r.rel === rel)?.diagnostics.some((d) => d.severity === "error"));
    expect(missing).toEqual([]);
    const unexplained = [...skipped].filter((rel) => !rejected.includes(rel) && !results.find((r) => r.rel === rel)?.diagnostics.some((d) => d.rule === "metric-driven-schedule"));
    expect(unexplained).toEqual([]);
  });

  it("only emits diagnostic ids that have docs", () => {
    const known = new Set([...RULES.map((r) => r.meta.id), ...BUILTIN_IDS]);
    const unknown = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.rule)).filter((id) => !known.has(id)))];
    expect(unknown).toEqual([]);
  });
});

interface Vector {
  id: string;
  py_call: string;
  drive: "step" | "step_epoch" | "step_metrics";
  lr: number[];
}
interface ErrorCase {
  id: string;
  py_call: string;
  phase: "construct" | "step";
  message: string;
}

/** Parameters a construction error may rightly be reported on, when the message does not name one. */
const BLAMED: Record<string, string[]> = {
  "err/noam/warmup0": ["warmup_steps"],
  "err/noam/warmup_neg": ["warmup_steps"],
  "err/piecewise/boundaries_int": ["boundaries"],
  "err/onecycle/pct_makes_zero_phase": ["phase_pct", "total_steps"],
  "err/onecycle/divide0": ["divide_factor"],
  "err/onecycle/divide_neg": ["divide_factor"],
  "err/onecycle/total_float": ["total_steps"],
  "err/onecycle/total0": ["total_steps"],
  "err/cyclic/base_str": ["base_learning_rate"],
  "err/cyclic/scale_fn_not_callable": ["scale_fn"],
  "err/cawr/eta_min_str": ["eta_min"],
  "err/cawr/T0_str": ["T_0"],
  "err/rop/mode_not_str": ["mode"],
  "err/rop/factor1": ["factor"],
  "err/warmup/inner_invalid": ["learning_rate.step_size"],
  "err/warmup/lr_str": ["learning_rate"],
  "err/noam/lr_str": ["learning_rate"],
  "err/step/lr_str": ["learning_rate"],
  "err/rop/threshold_mode": ["threshold_mode"],
  "err/warmup/lr_none": ["learning_rate"],
};

/** Dotted names of every keyword argument of a call (nested calls under their argument's name). */
function kwargNames(call: ReturnType<typeof parsePyCall>, prefix = ""): { name: string; value: string }[] {
  return call.kwargs.flatMap((k) => [
    { name: `${prefix}${k.name}`, value: k.value.k === "int" || k.value.k === "float" ? k.value.text : "" },
    ...(k.value.k === "call" ? kwargNames(k.value.call, `${prefix}${k.name}.`) : []),
  ]);
}

function expectedParams(e: ErrorCase): string[] {
  if (BLAMED[e.id]) return BLAMED[e.id];
  const names = kwargNames(parsePyCall(e.py_call));
  const named = names.filter((n) => new RegExp(`(^|[^\\w])${n.name.split(".").pop()}([^\\w]|$)`).test(e.message)).map((n) => n.name);
  const invalid = /Invalid learning rate: (\S+)/.exec(e.message);
  if (invalid) named.push(...names.filter((n) => n.value !== "" && Number(n.value) === Number(invalid[1])).map((n) => n.name));
  return [...new Set(named)];
}

/** The YAML key path text of a dotted argument in the generated config (`learning_rate.step_size` → the inner mapping's `step_size`). */
function valueLine(yaml: string, dotted: string): number {
  const lines = yaml.split("\n");
  const parts = dotted.split(".");
  let from = 0;
  let indent = 2;
  for (const [k, part] of parts.entries()) {
    const i = lines.findIndex((l, n) => n >= from && l.startsWith(`${" ".repeat(indent)}${part}:`));
    if (i < 0) return -1;
    if (k === parts.length - 1) return i;
    from = i + 1;
    indent += 2;
  }
  return -1;
}

describeShared("lint over ../shared/reference/paddle-lr-vectors.json in the generic form", () => {
  const ref = readSharedJson<{ vectors: Vector[]; errors: ErrorCase[] }>("reference/paddle-lr-vectors.json");

  it("gives no error to any valid vector whose LR stays non-negative", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const v of ref.vectors) {
      const yaml = vectorYaml(v.py_call);
      if (!yaml || v.lr.some((x) => x < 0)) continue;
      checked++;
      for (const d of lintText(yaml).filter((x) => x.severity === "error")) bad.push(`${v.id}: ${show(d)}`);
    }
    expect(checked).toBeGreaterThan(170);
    expect(bad).toEqual([]);
  });

  it("reports a negative LR as an error wherever a vector's LR goes negative within the horizon lrlens lints", () => {
    const negative = ref.vectors.filter((v) => v.drive === "step" && v.lr.some((x) => x < 0) && vectorYaml(v.py_call) && !("indices" in v));
    expect(negative.length).toBeGreaterThan(0);
    let within = 0;
    for (const v of negative) {
      const analysis = analyze(vectorYaml(v.py_call)!);
      const first = v.lr.findIndex((x) => x < 0);
      if (analysis.schedules.length !== 1 || first >= analysis.schedules[0].horizon.steps) continue;
      within++;
      const found = lint(analysis).filter((d) => d.rule === "no-negative-lr" && d.severity === "error");
      expect(found.map((d) => d.message), v.id).toHaveLength(1);
      expect(found[0].message, v.id).toContain(`at step ${first} `);
    }
    expect(within).toBeGreaterThan(0);
  });

  it("reports every construction error case as an error on the parameter Paddle blames", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const e of ref.errors.filter((x) => x.phase === "construct")) {
      const yaml = vectorYaml(e.py_call);
      if (!yaml) continue;
      checked++;
      const errors = lintText(yaml).filter((d) => d.severity === "error");
      const params = expectedParams(e);
      const lines = params.map((p) => valueLine(yaml, p)).filter((l) => l >= 0);
      // A missing argument is reported on the scheduler's name.
      const missing = /missing \d+ required positional argument/.test(e.message);
      const ok = errors.some((d) => (missing ? /^\s*name:/.test(yaml.split("\n")[d.range.start.line]) : lines.includes(d.range.start.line)));
      if (!ok) wrong.push(`${e.id} (${e.message.trim()}) expected on ${params.join("|") || "?"}: got ${errors.map(show).join(" / ") || "no error"}\n${yaml}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
