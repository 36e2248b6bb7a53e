/**
 * The closed form of a materialised PaddleDetection PiecewiseDecay for the scheduler engine: O(1)
 * values, a bulk fill that walks the boundaries once, and the few indices where extrema or jumps
 * can be (warmup end, milestones, cosine end and plateau) so `sample(1e12, 512)` stays analytic.
 */
import type { Form } from "../../schedulers";
import { lookupIndex, lrAt, type MaterialisedPiecewise, tailPrefixMax, valueAtIndex } from "./materialised-piecewise";

/** Pushes the points that lie in [lo, hi]. */
function pushIn(lo: number, hi: number, push: (i: number) => void, ...points: number[]): void {
  for (const p of points) if (p >= lo && p <= hi && Number.isFinite(p)) push(p);
}

export function materialisedForm(m: MaterialisedPiecewise): Form {
  const prefixMax = m.tail.kind === "milestones" ? tailPrefixMax(m.tail.boundaries) : undefined;
  const w = m.warmup ? m.warmup.steps : 0;
  return {
    analytic: true,
    at: (i) => lrAt(m, i, prefixMax),
    fill(out, from) {
      // Consecutive indices share a value index until the next boundary: look it up once per run.
      let k = 0;
      while (k < out.length) {
        const t = from + k;
        const idx = lookupIndex(m, t, prefixMax);
        const v = valueAtIndex(m, idx);
        out[k++] = v;
        // Past the warmup, a milestone tail keeps the value until the next boundary.
        if (t >= w && prefixMax) {
          // The value came from the first running maximum above t: that maximum is the next change.
          const j = idx - w;
          const next = j < prefixMax.length ? prefixMax[j] : Infinity;
          const stop = Math.min(out.length, Math.ceil(next) - from);
          while (k < stop) out[k++] = v;
        }
      }
    },
    critical(lo, hi, push) {
      pushIn(lo, hi, push, w - 1, w);
      if (m.tail.kind === "milestones") {
        for (const b of m.tail.boundaries) pushIn(lo, hi, push, Math.ceil(b) - 1, Math.ceil(b));
      } else {
        const { maxIters, plateauIters } = m.tail;
        const flat = Math.ceil(maxIters - plateauIters);
        pushIn(lo, hi, push, flat - 1, flat, maxIters - 2, maxIters - 1, maxIters);
      }
    },
    firstError: (_from, limit) => limit,
  };
}
