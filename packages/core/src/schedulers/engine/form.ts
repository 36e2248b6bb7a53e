/**
 * Closed forms: a schedule's values as a pure function of the index, with what the analytic
 * sampler needs (candidate extrema and jumps per range, the first index at which Paddle raises),
 * and a fast bulk `fill` so curves run without per-step allocation or replay.
 */
import { PyRaise } from "./py-raise";

export interface Form {
  /** The value at index `i` (an integer ≥ 0). Throws `PyRaise` where Paddle's step would raise. */
  at(i: number): number;
  /** `out[k] = at(from + k)`. On a raise, values before it are written and the PyRaise carries `index`. */
  fill(out: Float64Array, from: number): void;
  /**
   * Pushes indices in [lo, hi] (besides lo and hi themselves) at which the minimum or maximum of
   * the form over [lo, hi] may be attained, including both sides of every jump (i-1 and i). Must
   * push a bounded number of points even for huge ranges (periodic forms push representatives).
   */
  critical(lo: number, hi: number, push: (i: number) => void): void;
  /** The first index in [from, limit) at which `at` raises, or `limit` when none does. Only trusted when `analytic`. */
  firstError(from: number, limit: number): number;
  /** False when values come from user functions: extrema and raises are then only known by evaluating. */
  readonly analytic: boolean;
}

/** A generic `fill` through `at`, recording the failing index on a raise. */
export function fillByAt(form: Pick<Form, "at">, out: Float64Array, from: number): void {
  let k = 0;
  try {
    for (; k < out.length; k++) out[k] = form.at(from + k);
  } catch (e) {
    if (e instanceof PyRaise) e.index = from + k;
    throw e;
  }
}

/** Runs `f`, recording `index` on a PyRaise passing through (for specialised fills). */
export function atIndex<T>(index: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRaise && e.index === undefined) e.index = index;
    throw e;
  }
}

/** `i ↦ f(i + k)`: the stepped curve of a closed-form class resumed at `last_epoch = k - 1`. */
export function shiftForm(f: Form, k: number): Form {
  if (k === 0) return f;
  return {
    analytic: f.analytic,
    at: (i) => f.at(i + k),
    fill(out, from) {
      try {
        f.fill(out, from + k);
      } catch (e) {
        if (e instanceof PyRaise && e.index !== undefined) e.index -= k;
        throw e;
      }
    },
    critical(lo, hi, push) {
      f.critical(lo + k, hi + k, (j) => push(j - k));
    },
    firstError: (from, limit) => f.firstError(from + k, limit + k) - k,
  };
}

/** A schedule that never changes (ReduceOnPlateau without metrics, a plain-number LR). */
export function constantForm(value: number): Form {
  return {
    analytic: true,
    at: () => value,
    fill: (out) => out.fill(value),
    critical: () => {},
    firstError: (_from, limit) => limit,
  };
}

/** Pushes `i` when it lies in [lo, hi]. */
export function pushIn(lo: number, hi: number, push: (i: number) => void, ...points: number[]): void {
  for (const p of points) if (p >= lo && p <= hi && Number.isFinite(p)) push(p);
}

/** Beyond this, consecutive integers are no longer all representable as floats: index loops stop. */
export const MAX_EXACT_INDEX = 2 ** 52;

/**
 * The indices `first + k·period` (k ≥ 0) inside [lo, hi]: the first `head` and the last `tail` of
 * them, in order. Empty when they lie beyond 2^52, where float indices stop being exact.
 */
export function regularIndices(first: number, period: number, lo: number, hi: number, head: number, tail = 0): number[] {
  if (!(period > 0) || !Number.isFinite(period) || !Number.isFinite(first)) return [];
  const k0 = Math.max(0, Math.ceil((lo - first) / period));
  const k1 = Math.floor((hi - first) / period);
  if (!(k1 >= k0) || k1 > MAX_EXACT_INDEX || first + k1 * period > MAX_EXACT_INDEX) return [];
  const out: number[] = [];
  for (let k = k0; k <= Math.min(k1, k0 + head - 1); k++) out.push(first + k * period);
  for (let k = Math.max(k0 + head, k1 - tail + 1); k <= k1; k++) out.push(first + k * period);
  return out.filter((i) => i >= lo && i <= hi);
}

/**
 * For jumps at `first + k·period`, pushes both sides of the first and last `edge` jumps inside
 * [lo, hi]: enough when the values between jumps are monotone in k (geometric decays), or
 * alternate in sign (`edge` = 2).
 */
export function pushRegularJumps(lo: number, hi: number, first: number, period: number, edge: number, push: (i: number) => void): void {
  for (const j of regularIndices(first, period, lo, hi, edge, edge)) pushIn(lo, hi, push, j - 1, j);
}
