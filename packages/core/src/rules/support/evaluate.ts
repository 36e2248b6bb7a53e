/**
 * Evaluates a schedule over its horizon once for all curve-based rules: analytic samples (every
 * discontinuity and extremum kept, so min/max are exact) plus the first step where a condition
 * starts to hold, refined with `valueAt` between samples.
 */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { ParamError, Program } from "../../schedulers/types";

export interface Evaluation {
  program: Program;
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
}

const SAMPLE_POINTS = 1024;
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
    const sampled = program.sample(n, SAMPLE_POINTS);
    if (sampled.steps.length > 0) {
      let peak = -Infinity;
      let min = Infinity;
      for (const y of sampled.lr) {
        if (y > peak) peak = y;
        if (y < min) min = y;
      }
      result = { program, n, steps: sampled.steps, lr: sampled.lr, error: sampled.error, start: sampled.lr[0], final: sampled.lr[sampled.lr.length - 1], peak, min };
    }
  }
  cache.set(s, result);
  return result ?? undefined;
}

/**
 * The first scheduler step whose LR satisfies `pred`, assuming (as the sampler guarantees) that
 * the curve is monotonic between consecutive samples; undefined when no sample satisfies it.
 */
export function firstStepWhere(e: Evaluation, pred: (lr: number) => boolean): number | undefined {
  for (let i = 0; i < e.lr.length; i++) {
    if (!pred(e.lr[i])) continue;
    let hi = e.steps[i];
    if (i === 0) return hi;
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
  let lo = e.steps[from - 1];
  let hi = e.steps[from];
  for (let guard = 0; hi - lo > 1 && guard < 64; guard++) {
    const mid = Math.floor((lo + hi) / 2);
    if (pred(e.program.valueAt(mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}
