/**
 * Evaluates a schedule over its horizon once for all curve-based rules: analytic samples (every
 * discontinuity and extremum kept, so min/max are exact) plus the first step where a condition
 * starts to hold, refined with `valueAt` between samples.
 */
import type { AnalyzedSchedule } from "../../analysis/types";
import { getSchedulerInfo } from "../../schedulers";
import type { ParamError, Program } from "../../schedulers/types";
import { chainOf } from "./chain";

export interface Evaluation {
  program: Program;
  /** `valueAt` is O(1): every spec of the chain has a closed form (otherwise it replays, and refining is too slow). */
  closedForm: boolean;
  /** Every value, for recursive schedules of moderate length (replaying once is cheaper than sampling them). */
  dense?: Float64Array;
  /** Horizon in scheduler steps. */
  n: number;
  steps: Float64Array;
  lr: Float64Array;
  /** Raised while stepping before `n` (the samples stop there). */
  error?: ParamError;
  start: number;
  final: number;
  peak: number;
  min: number;
  /** Index into `lr` of the first sample that is negative, NaN or infinite (computed once for every rule). */
  firstBad?: number;
}

/** Negative, NaN or infinite: a learning rate that breaks training. */
export const isBadLr = (y: number): boolean => !(y >= 0) || !Number.isFinite(y);

const SAMPLE_POINTS = 256;
/** Recursive schedules up to this many steps are evaluated densely (one replay, ~1 MB at most). */
const DENSE_LIMIT = 1 << 17;
const cache = new WeakMap<AnalyzedSchedule, Evaluation | null>();

export function programOf(s: AnalyzedSchedule): Program | undefined {
  return s.build?.ok ? s.build.program : undefined;
}

/** The schedule sampled over its horizon, or undefined when it has no program (or evaluating failed). */
export function evaluate(s: AnalyzedSchedule): Evaluation | undefined {
  const hit = cache.get(s);
  if (hit !== undefined) return hit ?? undefined;
  const program = programOf(s);
  let result: Evaluation | null = null;
  if (program) {
    const n = Math.max(1, Math.floor(s.horizon.steps));
    // Ask the program: a recursive class can run its closed form inside a chain (cosine under LinearWarmup).
    const closedForm = program.hasClosedForm?.() ?? chainOf(s.spec).every((l) => getSchedulerInfo(l.spec.name)?.closedForm === true);
    let steps: Float64Array;
    let lr: Float64Array;
    let error: ParamError | undefined;
    let dense: Float64Array | undefined;
    if (!closedForm && n <= DENSE_LIMIT) {
      const c = program.curve(n);
      dense = c.lr;
      lr = c.lr;
      steps = new Float64Array(c.lr.length);
      for (let i = 0; i < steps.length; i++) steps[i] = i;
      error = c.error;
    } else {
      const sampled = program.sample(n, SAMPLE_POINTS);
      ({ steps, lr, error } = sampled);
    }
    if (lr.length > 0) {
      let peak = -Infinity;
      let min = Infinity;
      let firstBad: number | undefined;
      for (let i = 0; i < lr.length; i++) {
        const y = lr[i];
        if (y > peak) peak = y;
        if (y < min) min = y;
        if (firstBad === undefined && isBadLr(y)) firstBad = i;
      }
      result = { program, n, closedForm, dense, steps, lr, error, start: lr[0], final: lr[lr.length - 1], peak, min, firstBad };
    }
  }
  cache.set(s, result);
  return result ?? undefined;
}

/** The LR after `k` steps: from the dense values when they were computed, else the program (which may replay). */
export function valueAtStep(e: Evaluation, k: number): number {
  return e.dense && k >= 0 && k < e.dense.length ? e.dense[k] : e.program.valueAt(k);
}

/**
 * The first scheduler step whose LR satisfies `pred`, assuming (as the sampler guarantees) that
 * the curve is monotonic between consecutive samples; undefined when no sample satisfies it.
 * Refined between samples only for closed forms: a recursive schedule would replay per probe, so
 * there the sample's step (exact at discontinuities, within one sampling bucket otherwise) is used.
 */
export function firstStepWhere(e: Evaluation, pred: (lr: number) => boolean): number | undefined {
  for (let i = 0; i < e.lr.length; i++) {
    if (!pred(e.lr[i])) continue;
    let hi = e.steps[i];
    if (i === 0 || !e.closedForm) return hi;
    let lo = e.steps[i - 1];
    // Invariant: pred fails at lo, holds at hi.
    for (let guard = 0; hi - lo > 1 && guard < 64; guard++) {
      const mid = Math.floor((lo + hi) / 2);
      if (pred(e.program.valueAt(mid))) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return undefined;
}

/** Whether, from some sample on, every later sample satisfies `pred`; returns that first step. */
export function holdsFromStep(e: Evaluation, pred: (lr: number) => boolean): number | undefined {
  let from = -1;
  for (let i = e.lr.length - 1; i >= 0 && pred(e.lr[i]); i--) from = i;
  if (from < 0) return undefined;
  if (from === 0) return 0;
  if (!e.closedForm) return e.steps[from];
  let lo = e.steps[from - 1];
  let hi = e.steps[from];
  for (let guard = 0; hi - lo > 1 && guard < 64; guard++) {
    const mid = Math.floor((lo + hi) / 2);
    if (pred(e.program.valueAt(mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}
