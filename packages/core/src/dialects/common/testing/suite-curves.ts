/** Test-only access to `suite-curves.json.gz` and the parity check of one case: extract, build, expand to iterations, compare. */
import { existsSync } from "node:fs";
import { expandToIterations } from "../../../analysis/iteration";
import { build } from "../../../schedulers";
import type { SchedulerSpec } from "../../../schedulers/types";
import { readSharedJson } from "../../../testing/shared";
import type { Dialect, Schedule } from "../../types";
import { context, corpusPath, loadFile } from "./harness";

export interface SuiteCase {
  repo: string;
  path: string;
  dialect: string;
  kind: string;
  steps_per_epoch: number;
  total_steps: number;
  epochs_or_iters: { key: string; value: number };
  built: string;
  chain: string;
  step_unit: "iter" | "epoch";
  update_freq?: number;
  lr_section: unknown;
  notes?: string[];
  lr: number[];
  indices?: number[];
  sampled_every?: number;
}

export interface SuiteCurves {
  cases: SuiteCase[];
  skipped: { repo: string; path: string; reason: string }[];
}

let cached: SuiteCurves | undefined;
export function suiteCurves(): SuiteCurves {
  cached ??= readSharedJson<SuiteCurves>("reference/suite-curves.json.gz");
  return cached;
}

/** `LinearWarmup>CosineAnnealingDecay`, `LinearWarmup>float`, `float` — the notation of `case.chain`. */
export function chainOf(spec: SchedulerSpec): string {
  if (spec.name === "float") return "float";
  const lr = spec.args["learning_rate"];
  if (spec.name === "LinearWarmup" && lr) return `LinearWarmup>${lr.type === "scheduler" ? chainOf(lr.spec) : lr.type === "int" || lr.type === "float" ? "float" : lr.type}`;
  return spec.name;
}

/** Classes whose values Paddle computes with exact arithmetic (no cos/exp/non-integer pow): compared bit for bit. */
function exactArithmetic(spec: SchedulerSpec): boolean {
  const inner = spec.args["learning_rate"];
  if (spec.name === "LinearWarmup") return inner?.type !== "scheduler" || exactArithmetic(inner.spec);
  if (spec.name === "PolynomialDecay") {
    const p = spec.args["power"];
    return p === undefined || ((p.type === "float" || p.type === "int") && p.value === 1);
  }
  return ["float", "Constant", "PiecewiseDecay", "StepDecay", "MultiStepDecay"].includes(spec.name);
}

export interface CaseResult {
  schedule: Schedule;
  chain: string;
  exact: boolean;
  /** Per-iteration LRs at the case's indices (all iterations when dense). */
  values: Float64Array;
  expected: number[];
  buildError?: string;
  /** Worst |a-b| and the tolerance it is held to. */
  maxDiff: number;
  tolerance: number;
  firstMismatch?: { index: number; got: number; want: number };
}

export function runCase(dialect: Dialect, c: SuiteCase): CaseResult {
  const file = corpusPath(c.repo, c.path);
  if (!existsSync(file)) throw new Error(`corpus file missing: ${file}`);
  const config = loadFile(file);
  const { schedules } = dialect.extract(context(config, { stepsPerEpoch: c.steps_per_epoch }));
  const schedule = schedules[0];
  if (!schedule?.spec) throw new Error(`no spec for ${c.path}: ${JSON.stringify(schedule?.diagnostics.map((d) => d.message))}`);
  const built = build(schedule.spec);
  const base: Omit<CaseResult, "values" | "maxDiff" | "tolerance"> = { schedule, chain: chainOf(schedule.spec), exact: exactArithmetic(schedule.spec), expected: c.lr };
  if (!built.ok) return { ...base, values: new Float64Array(), maxDiff: Infinity, tolerance: 0, buildError: JSON.stringify(built.errors) };
  const dense = expandToIterations(schedule, (n) => built.program.curve(n).lr, c.total_steps);
  const values = c.indices ? Float64Array.from(c.indices, (i) => dense[i]) : dense;
  let peak = 0;
  for (const v of c.lr) peak = Math.max(peak, Math.abs(v));
  const tolerance = base.exact ? 0 : 1e-13 * peak;
  let maxDiff = values.length === c.lr.length ? 0 : Infinity;
  let firstMismatch: CaseResult["firstMismatch"];
  for (let k = 0; k < c.lr.length; k++) {
    const d = Math.abs(values[k] - c.lr[k]);
    if (!(d <= tolerance) && !firstMismatch) firstMismatch = { index: c.indices ? c.indices[k] : k, got: values[k], want: c.lr[k] };
    if (!(d <= maxDiff)) maxDiff = Number.isNaN(d) ? Infinity : Math.max(maxDiff, d);
  }
  return { ...base, values, maxDiff, tolerance, firstMismatch };
}
