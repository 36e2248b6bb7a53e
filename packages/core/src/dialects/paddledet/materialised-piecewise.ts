/**
 * The one Paddle `PiecewiseDecay` that PaddleDetection's `LearningRate` builder materialises
 * (one boundary per warmup step and, for CosineDecay, one per iteration), described by its
 * generating formulas so any boundary, value or LR can be computed lazily with the suite's own
 * float operations instead of allocating tens of thousands of list items.
 */
import { pyPow } from "../../numeric/pow";

/** The warmup prefix: boundaries `1..steps`, values for `i = 0..steps` (ppdet LinearWarmup / ExpWarmup `__call__`). */
export type WarmupForm =
  | { kind: "linear"; steps: number; startFactor: number }
  | { kind: "exp"; steps: number; power: number };

/**
 * What follows the warmup boundaries.
 * - milestones: ppdet PiecewiseDecay appends `milestone × steps_per_epoch` boundaries (unsorted, as
 *   written) and `base_lr × gamma[i]` values (or nothing more when the count is off: Paddle checks it).
 * - cosine: ppdet CosineDecay appends boundaries `W, W+1, …, maxIters−1` (W, the last warmup
 *   boundary, twice) and one cosine value per iteration; without warmup (and with a plateau) it is
 *   boundaries `1..maxIters−1` with values for `i = 0..maxIters−1`.
 */
export type DecayTail =
  | { kind: "milestones"; boundaries: number[]; values: number[] }
  | { kind: "cosine"; maxIters: number; plateauIters: number; minLr: number };

export interface MaterialisedPiecewise {
  baseLr: number;
  /** Undefined only for the no-warmup cosine-with-plateau form. */
  warmup?: WarmupForm;
  tail: DecayTail;
}

/** Number of warmup boundaries (the builder's `warmup_iters = len(boundary)`). */
function warmupLength(m: MaterialisedPiecewise): number {
  return m.warmup ? m.warmup.steps : 0;
}

/** Cosine tail boundaries: `[W, maxIters)` after a warmup, `[1, maxIters)` without one. */
function cosineTailRange(m: MaterialisedPiecewise, tail: Extract<DecayTail, { kind: "cosine" }>): { first: number; count: number } {
  const first = m.warmup ? m.warmup.steps : 1;
  return { first, count: Math.max(0, tail.maxIters - first) };
}

export function boundaryCount(m: MaterialisedPiecewise): number {
  const tail = m.tail;
  if (tail.kind === "milestones") return warmupLength(m) + tail.boundaries.length;
  return warmupLength(m) + cosineTailRange(m, tail).count;
}

export function valueCount(m: MaterialisedPiecewise): number {
  const tail = m.tail;
  if (tail.kind === "milestones") return (m.warmup ? m.warmup.steps + 1 : 0) + tail.values.length;
  if (!m.warmup) return Math.max(0, tail.maxIters);
  return m.warmup.steps + 1 + cosineTailRange(m, tail).count;
}

/** The `i`-th boundary of the materialised list (0 ≤ i < boundaryCount). */
export function boundaryAt(m: MaterialisedPiecewise, i: number): number {
  const w = warmupLength(m);
  if (i < w) return i + 1;
  const tail = m.tail;
  if (tail.kind === "milestones") return tail.boundaries[i - w];
  return cosineTailRange(m, tail).first + (i - w);
}

/** Warmup value for `i = 0..W`, with the builder's operation order. */
export function warmupValue(baseLr: number, w: WarmupForm, i: number): number {
  if (w.kind === "linear") {
    const alpha = i / w.steps;
    const factor = w.startFactor * (1 - alpha) + alpha;
    return baseLr * factor;
  }
  return baseLr * pyPow(i / w.steps, w.power);
}

/** CosineDecay's value for iteration `i` (`min_lr` on the last plateau iterations). */
export function cosineValue(m: MaterialisedPiecewise, tail: Extract<DecayTail, { kind: "cosine" }>, i: number): number {
  const w = warmupLength(m);
  const { maxIters, plateauIters, minLr } = tail;
  if (i >= maxIters - plateauIters) return minLr;
  const angle = ((i - w) * Math.PI) / (maxIters - w - plateauIters);
  return minLr + (m.baseLr - minLr) * 0.5 * (Math.cos(angle) + 1);
}

/** The `i`-th value of the materialised list (0 ≤ i < valueCount). */
export function valueAtIndex(m: MaterialisedPiecewise, i: number): number {
  const tail = m.tail;
  if (m.warmup) {
    if (i <= m.warmup.steps) return warmupValue(m.baseLr, m.warmup, i);
    const k = i - m.warmup.steps - 1;
    if (tail.kind === "milestones") return tail.values[k];
    return cosineValue(m, tail, m.warmup.steps + k);
  }
  if (tail.kind === "milestones") return tail.values[i];
  return cosineValue(m, tail, i);
}

/**
 * Running maxima of the milestone tail: Paddle scans boundaries in list order and takes the first
 * one above `t`; that is the first index whose running maximum exceeds `t`, found by binary search
 * even when the boundaries are unsorted (warmup longer than the first milestone).
 */
export function tailPrefixMax(boundaries: number[]): Float64Array {
  const out = new Float64Array(boundaries.length);
  let max = -Infinity;
  for (let j = 0; j < boundaries.length; j++) {
    max = Math.max(max, boundaries[j]);
    out[j] = max;
  }
  return out;
}

/** Index of the value Paddle's `get_lr` returns after `t` steps (its in-order boundary scan). */
export function lookupIndex(m: MaterialisedPiecewise, t: number, prefixMax?: Float64Array): number {
  const w = warmupLength(m);
  // Warmup boundaries are 1..W in order: the first above t is boundary t+1, at index t.
  if (t < w) return Math.max(0, Math.floor(t));
  const tail = m.tail;
  if (tail.kind === "milestones") {
    const pm = prefixMax ?? tailPrefixMax(tail.boundaries);
    let lo = 0;
    let hi = pm.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pm[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo < pm.length ? w + lo : valueCount(m) - 1;
  }
  const { first, count } = cosineTailRange(m, tail);
  if (count === 0) return valueCount(m) - 1;
  // Tail boundaries first, first+1, ...: the first above t is t+1 (index w + t + 1 - first).
  const j = Math.floor(t) + 1 - first;
  return j < count ? w + Math.max(0, j) : valueCount(m) - 1;
}

/** The LR after `t` step() calls, exactly as Paddle's PiecewiseDecay over the materialised lists. */
export function lrAt(m: MaterialisedPiecewise, t: number, prefixMax?: Float64Array): number {
  return valueAtIndex(m, lookupIndex(m, t, prefixMax));
}

/** Steps where the curve's formula changes (end of warmup, milestones, cosine end and plateau), ascending. */
export function formulaBreaks(m: MaterialisedPiecewise): number[] {
  const out = new Set<number>();
  const w = warmupLength(m);
  if (w > 0) out.add(w);
  const tail = m.tail;
  if (tail.kind === "milestones") {
    const pm = tailPrefixMax(tail.boundaries);
    for (let j = 0; j < pm.length; j++) if (pm[j] > w && (j === 0 || pm[j] > pm[j - 1])) out.add(Math.ceil(pm[j]));
  } else {
    const { maxIters, plateauIters } = tail;
    if (maxIters - plateauIters > w) out.add(maxIters - plateauIters);
    if (maxIters - 1 > w) out.add(maxIters - 1);
  }
  return [...out].filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
}
