/** Test-only reader of `paddle-lr-vectors.json`: its record types, and drivers that replay a vector through the engine and list every difference from Paddle. */
import { build, construct } from "../index";
import type { ParamError, PyFunction, PyValue, StatefulScheduler } from "../types";
import { isExactSpec, mismatch, REL_TOL, stateMismatch } from "./compare";
import { parseSpec } from "./py-call";

export interface VectorError {
  at_index: number;
  call: string;
  error_type: string;
  message: string;
  raised_by: string;
}

export interface Vector {
  id: string;
  scheduler: string;
  py_call: string;
  drive: "step" | "step_epoch" | "step_metrics";
  steps: number;
  epochs?: (number | null)[];
  metrics?: unknown[];
  lr: number[];
  indices?: number[];
  last_epoch_final: number;
  state_dict_final: Record<string, unknown>;
  error?: VectorError;
}

export interface ErrorRecord {
  id: string;
  scheduler: string;
  py_call: string;
  phase: "construct" | "step";
  at_index?: number;
  call?: string;
  error_type: string;
  message: string;
  raised_by: string;
}

export interface VectorFile {
  functions: Record<string, { py: string; js: string }>;
  vectors: Vector[];
  errors: ErrorRecord[];
}

/** A metric from the vectors' JSON with its Python type. */
export function metricValue(m: unknown): PyValue {
  if (typeof m === "number") return Number.isInteger(m) ? { type: "int", value: m } : { type: "float", value: m };
  if (typeof m === "string") return { type: "str", value: m };
  const o = m as { numpy_array?: number[]; numpy_scalar?: number; dtype: string };
  if (o.numpy_array) return { type: "other", pyType: "numpy.ndarray", size: o.numpy_array.length, value: o.numpy_array[0] };
  return { type: "other", pyType: `numpy.${o.dtype}`, value: o.numpy_scalar };
}

/** Drives a live scheduler as the vector did; returns the values read and the first error. */
export function drive(s: StatefulScheduler, v: Vector): { lr: number[]; error?: ParamError } {
  const lr = [s.lastLr];
  for (let i = 1; i <= v.steps; i++) {
    let err;
    if (v.drive === "step") err = s.step();
    else if (v.drive === "step_epoch") {
      const e = v.epochs?.[i - 1];
      err = e === null || e === undefined ? s.step() : s.step(e);
    } else err = s.stepMetricsPy?.(metricValue(v.metrics?.[i - 1]));
    if (err) return { lr, error: err };
    lr.push(s.lastLr);
  }
  return { lr };
}

function tolerance(v: Vector): number {
  return REL_TOL * Math.max(...v.lr.map(Math.abs));
}

function indicesOf(v: Vector): number[] {
  return v.indices ?? v.lr.map((_, i) => i);
}

function errorProblems(got: ParamError | undefined, want: VectorError | undefined, what: string): string[] {
  if (!want) return got ? [`${what}: unexpected error ${got.errorType}: ${got.message}`] : [];
  if (!got) return [`${what}: no error, Paddle raised ${want.error_type} at step ${want.at_index}`];
  const same = got.errorType === want.error_type && got.message === want.message && got.raisedBy === want.raised_by && got.atStep === want.at_index;
  return same ? [] : [`${what}: ${got.errorType} "${got.message}" at ${got.atStep}, Paddle ${want.error_type} "${want.message}" at ${want.at_index}`];
}

/** Every difference between the stateful mirror and Paddle on vector `v`: values, last_epoch, state_dict, error. */
export function statefulProblems(v: Vector, lambdas: (text: string) => PyFunction): string[] {
  const spec = parseSpec(v.py_call, lambdas);
  const c = construct(spec);
  if (!c.ok) return [`construct failed: ${JSON.stringify(c.errors)}`];
  const { lr, error } = drive(c.scheduler, v);
  const exact = isExactSpec(spec);
  const tol = tolerance(v);
  const problems: string[] = [];
  indicesOf(v).forEach((i, k) => {
    const m = mismatch(lr[i], v.lr[k], exact, tol);
    if (m) problems.push(`lr[${i}]: ${m}`);
  });
  const expectedLength = v.error ? v.error.at_index : v.steps + 1;
  if (lr.length !== expectedLength) problems.push(`${lr.length} values, Paddle ${expectedLength}`);
  if (c.scheduler.lastEpoch !== v.last_epoch_final) problems.push(`last_epoch ${c.scheduler.lastEpoch}, Paddle ${v.last_epoch_final}`);
  const sd = stateMismatch(c.scheduler.stateDict(), v.state_dict_final, exact ? 0 : tol);
  if (sd) problems.push(sd);
  return [...problems, ...errorProblems(error, v.error, "step")];
}

/** Every difference between `build().program` (curve and valueAt) and Paddle's `step()` loop on vector `v`. */
export function programProblems(v: Vector, lambdas: (text: string) => PyFunction): string[] {
  const spec = parseSpec(v.py_call, lambdas);
  const b = build(spec);
  if (!b.ok) return [`build failed: ${JSON.stringify(b.errors)}`];
  const exact = isExactSpec(spec);
  const tol = tolerance(v);
  const curve = b.program.curve(v.steps + 1);
  const problems: string[] = [];
  indicesOf(v).forEach((i, k) => {
    const m = mismatch(curve.lr[i], v.lr[k], exact, tol) ?? mismatch(b.program.valueAt(i), v.lr[k], exact, tol);
    if (m) problems.push(`step ${i}: ${m}`);
  });
  const expectedLength = v.error ? v.error.at_index : v.steps + 1;
  if (curve.lr.length !== expectedLength) problems.push(`curve has ${curve.lr.length} values, Paddle ${expectedLength}`);
  return [...problems, ...errorProblems(curve.error, v.error, "curve")];
}
