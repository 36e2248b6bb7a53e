/**
 * Downsampling for drawing: the horizon is cut into buckets (about maxPoints / 2) and each keeps
 * its first, minimum, maximum and last point, so warmup spikes, drops and cyclic peaks survive.
 * Closed forms are sampled analytically (only candidate points are evaluated: O(maxPoints) even
 * for 1e12 steps); replays and user functions stream through the same buckets.
 */
import type { Form } from "./form";
import { PyRaise } from "./py-raise";

export interface SampledPoints {
  steps: Float64Array;
  lr: Float64Array;
}

/** Collects points bucket by bucket; pushes must come with non-decreasing indices. */
export class Bucketer {
  private readonly steps: number[] = [];
  private readonly lr: number[] = [];
  private bucket = 0;
  private end: number;
  private has = false;
  private fI = 0;
  private fV = 0;
  private loI = 0;
  private loV = 0;
  private hiI = 0;
  private hiV = 0;
  private lI = 0;
  private lV = 0;

  constructor(
    private readonly n: number,
    private readonly buckets: number,
  ) {
    this.end = this.bucketEnd(0);
  }

  /** Last index of bucket k (buckets split [0, n) as evenly as integers allow). */
  bucketEnd(k: number): number {
    if (k >= this.buckets - 1) return this.n - 1;
    return Math.floor((k + 1) * (this.n / this.buckets)) - 1;
  }

  bucketStart(k: number): number {
    return k === 0 ? 0 : this.bucketEnd(k - 1) + 1;
  }

  push(i: number, v: number): void {
    if (i > this.end) {
      this.flush();
      while (i > this.end && this.bucket < this.buckets - 1) {
        this.bucket++;
        this.end = this.bucketEnd(this.bucket);
      }
    }
    if (!this.has) {
      this.has = true;
      this.fI = this.loI = this.hiI = i;
      this.fV = this.loV = this.hiV = v;
    } else {
      if (v < this.loV) {
        this.loV = v;
        this.loI = i;
      }
      if (v > this.hiV) {
        this.hiV = v;
        this.hiI = i;
      }
    }
    this.lI = i;
    this.lV = v;
  }

  private emit(i: number, v: number): void {
    const last = this.steps.length - 1;
    if (last >= 0 && this.steps[last] === i) return;
    this.steps.push(i);
    this.lr.push(v);
  }

  private flush(): void {
    if (!this.has) return;
    this.has = false;
    const pts: [number, number][] = [[this.fI, this.fV]];
    if (this.loV < Math.min(this.fV, this.lV)) pts.push([this.loI, this.loV]);
    if (this.hiV > Math.max(this.fV, this.lV)) pts.push([this.hiI, this.hiV]);
    pts.push([this.lI, this.lV]);
    pts.sort((a, b) => a[0] - b[0]);
    for (const [i, v] of pts) this.emit(i, v);
  }

  finish(): SampledPoints {
    this.flush();
    return { steps: Float64Array.from(this.steps), lr: Float64Array.from(this.lr) };
  }
}

export function bucketCount(maxPoints: number): number {
  return Math.max(1, Math.ceil(maxPoints / 2));
}

/**
 * Analytic sampling of a closed form over [0, n): per bucket only its ends and the form's
 * critical points are evaluated. When all candidates together are few (≤ 2·maxPoints) every one
 * is kept, so each jump and extremum appears; otherwise crowded buckets keep first/min/max/last.
 */
export function sampleAnalytic(form: Form, n: number, maxPoints: number): SampledPoints {
  if (n <= maxPoints) {
    const lr = new Float64Array(n);
    form.fill(lr, 0);
    return { steps: Float64Array.from({ length: n }, (_, i) => i), lr };
  }
  const buckets = bucketCount(maxPoints);
  const edges = new Bucketer(n, buckets);
  const perBucket: number[][] = [];
  let total = 0;
  for (let k = 0; k < buckets; k++) {
    const lo = edges.bucketStart(k);
    const hi = edges.bucketEnd(k);
    const cands = [lo, hi];
    form.critical(lo, hi, (i) => {
      if (i > lo && i < hi && Number.isInteger(i)) cands.push(i);
    });
    cands.sort((a, b) => a - b);
    const unique = cands.filter((v, j) => j === 0 || v !== cands[j - 1]);
    perBucket.push(unique);
    total += unique.length;
  }
  if (total <= 2 * maxPoints) {
    const steps = new Float64Array(total);
    const lr = new Float64Array(total);
    let j = 0;
    for (const cands of perBucket) {
      for (const i of cands) {
        steps[j] = i;
        lr[j++] = form.at(i);
      }
    }
    return { steps, lr };
  }
  // Too many candidates overall: a bucket with a few (an isolated drop, a peak) keeps them all;
  // a crowded one (thousands of warmup boundaries) keeps its first, min, max and last.
  const steps: number[] = [];
  const lr: number[] = [];
  for (const cands of perBucket) {
    const vals = cands.map((i) => form.at(i));
    if (cands.length <= KEEP_ALL_PER_BUCKET) {
      cands.forEach((i, j) => (steps.push(i), lr.push(vals[j])));
      continue;
    }
    let lo = 0;
    let hi = 0;
    vals.forEach((v, j) => {
      if (v < vals[lo]) lo = j;
      if (v > vals[hi]) hi = j;
    });
    const keep = [...new Set([0, lo, hi, vals.length - 1])].sort((a, b) => a - b);
    for (const j of keep) steps.push(cands[j]), lr.push(vals[j]);
  }
  return { steps: Float64Array.from(steps), lr: Float64Array.from(lr) };
}

/** A bucket with at most this many candidate points keeps all of them (so isolated jumps keep both sides). */
const KEEP_ALL_PER_BUCKET = 6;

/** A source of consecutive values: writes `out[k]` = value at `from + k`; may throw a PyRaise carrying `index`. */
export type FillSource = (out: Float64Array, from: number) => void;

const CHUNK = 65536;

/** Streams every value of [0, n) through the buckets (for replays and user functions). */
export function sampleDense(source: FillSource, n: number, maxPoints: number): SampledPoints {
  if (n <= maxPoints) {
    const lr = new Float64Array(n);
    source(lr, 0);
    return { steps: Float64Array.from({ length: n }, (_, i) => i), lr };
  }
  const shaper = new Bucketer(n, bucketCount(maxPoints));
  const buf = new Float64Array(Math.min(CHUNK, n));
  for (let from = 0; from < n; from += CHUNK) {
    const len = Math.min(CHUNK, n - from);
    const view = len === buf.length ? buf : buf.subarray(0, len);
    source(view, from);
    for (let k = 0; k < len; k++) shaper.push(from + k, view[k]);
  }
  return shaper.finish();
}

/** Every value of [0, dense) from `source`, then the last of them held constant to n − 1 (a frozen schedule). */
export function sampleDenseThenConstant(source: FillSource, dense: number, n: number, maxPoints: number): SampledPoints {
  const buckets = bucketCount(maxPoints);
  const shaper = new Bucketer(n, buckets);
  const buf = new Float64Array(Math.min(CHUNK, Math.max(1, dense)));
  let last = NaN;
  for (let from = 0; from < dense; from += CHUNK) {
    const len = Math.min(CHUNK, dense - from);
    const view = len === buf.length ? buf : buf.subarray(0, len);
    source(view, from);
    for (let k = 0; k < len; k++) shaper.push(from + k, view[k]);
    last = view[len - 1];
  }
  for (let k = 0; k < buckets; k++) {
    const hi = shaper.bucketEnd(k);
    if (hi < dense) continue;
    shaper.push(Math.max(shaper.bucketStart(k), dense), last);
    shaper.push(hi, last);
  }
  return shaper.finish();
}

/**
 * User functions over huge horizons: every value of the first `denseUpTo` steps (where a raise is
 * found exactly), then `perBucket` evenly spaced points per bucket. Values are exact; a narrow
 * spike or a raise between two far points can be missed (a raise found there is reported where found).
 */
export function sampleHybrid(source: FillSource, at: (i: number) => number, n: number, maxPoints: number, denseUpTo: number, perBucket = 8): SampledPoints {
  const buckets = bucketCount(maxPoints);
  const shaper = new Bucketer(n, buckets);
  const dense = Math.min(n, denseUpTo);
  const buf = new Float64Array(Math.min(CHUNK, Math.max(1, dense)));
  for (let from = 0; from < dense; from += CHUNK) {
    const len = Math.min(CHUNK, dense - from);
    const view = len === buf.length ? buf : buf.subarray(0, len);
    source(view, from);
    for (let k = 0; k < len; k++) shaper.push(from + k, view[k]);
  }
  for (let k = 0; k < buckets; k++) {
    const hi = shaper.bucketEnd(k);
    if (hi < dense) continue;
    const lo = Math.max(shaper.bucketStart(k), dense);
    let prev = -1;
    for (let j = 0; j <= perBucket; j++) {
      const i = Math.round(lo + ((hi - lo) * j) / perBucket);
      if (i === prev) continue;
      prev = i;
      try {
        shaper.push(i, at(i));
      } catch (e) {
        if (e instanceof PyRaise && e.index === undefined) e.index = i;
        (e as { partial?: SampledPoints }).partial = shaper.finish();
        throw e;
      }
    }
  }
  return shaper.finish();
}
