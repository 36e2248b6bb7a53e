/** PiecewiseDecay: `values[i]` for the first boundary `t` is below, else the last value; boundaries are scanned in the order given, unchecked. */
import type { SchedulerDefinition } from "./definition";
import { LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn } from "./engine/form";
import { paddleRaise, pythonRaise } from "./engine/py-raise";
import { asSequence, numericValue, pyLen, pyStr, typeName } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

interface PiecewiseParams {
  /** Numeric boundaries up to the first non-number (Paddle only compares as far as its scan goes). */
  bounds: number[];
  /** Index of the first boundary Python cannot compare with an int (the scan raises on reaching it), or -1. */
  badBoundary: number;
  badType: string;
  values: PyValue[];
  /** prefixMax[i] = max(bounds[0..i]): the first i with t < bounds[i] is the first i with t < prefixMax[i]. */
  prefixMax: Float64Array;
  lastEpoch: number;
}

function valueNumber(p: PiecewiseParams, i: number): number {
  const v = numericValue(p.values[i]);
  if (v === undefined) {
    // Paddle would hand this object to the optimizer as the learning rate; nothing can train with it.
    pythonRaise("TypeError", `PiecewiseDecay returns values[${i}] = ${pyStr(p.values[i])} (a ${typeName(p.values[i])}) as the learning rate; it must be a number`, "values");
  }
  return v;
}

/** Index into `values` that get_lr returns at epoch t: binary search over the prefix maxima. */
function indexAt(p: PiecewiseParams, t: number): number {
  const pm = p.prefixMax;
  const n = p.bounds.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t < pm[mid]) hi = mid;
    else lo = mid + 1;
  }
  if (lo === n && p.badBoundary >= 0) {
    pythonRaise("TypeError", `'<' not supported between instances of 'int' and '${p.badType}'`, "boundaries");
  }
  return lo < n ? lo : p.values.length - 1;
}

function lrAt(p: PiecewiseParams, t: number): number {
  return valueNumber(p, indexAt(p, t));
}

/** Integer epochs where the value may change: the first t ≥ each strictly larger prefix maximum. */
function jumpPoints(p: PiecewiseParams): number[] {
  const out: number[] = [];
  let prev = -Infinity;
  for (let i = 0; i < p.prefixMax.length; i++) {
    if (p.prefixMax[i] > prev) {
      prev = p.prefixMax[i];
      out.push(Math.ceil(prev));
    }
  }
  return out;
}

export const PiecewiseDecay: SchedulerDefinition<PiecewiseParams> = {
  name: "PiecewiseDecay",
  doc: "Step-wise constant LR: `values[i]` while `t < boundaries[i]` (the first boundary above t wins), `values[-1]` after the last. A boundary switches the value *at* `t == boundary`. Paddle does not check the order of boundaries, and skips values beyond `len(boundaries) + 1` except the last.",
  params: [
    { name: "boundaries", required: true, kind: "list", doc: "Steps at which the value changes (must not be empty). Not sorted or type-checked by Paddle." },
    { name: "values", required: true, kind: "list", doc: "The LR of each segment: one more than boundaries. After the last boundary Paddle uses the *last* element." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): PiecewiseParams {
    if (pyLen(args.boundaries, "boundaries") === 0) paddleRaise("ValueError", "The boundaries cannot be empty.", "boundaries");
    const nb = pyLen(args.boundaries, "boundaries");
    const nv = pyLen(args.values, "values");
    if (nv <= nb) {
      paddleRaise("ValueError", `The values have one more element than boundaries, but received len(values) [${nv}] < len(boundaries) + 1 [${nb + 1}].`, "values");
    }
    const bseq = asSequence(args.boundaries);
    const vseq = asSequence(args.values);
    if (!bseq || !vseq) pythonRaise("TypeError", "PiecewiseDecay indexes boundaries and values by position; a dict has no position 0", bseq ? "values" : "boundaries");
    const bounds: number[] = [];
    let badBoundary = -1;
    let badType = "";
    for (const b of bseq) {
      const x = numericValue(b);
      if (x === undefined) {
        badBoundary = bounds.length;
        badType = typeName(b);
        break;
      }
      bounds.push(x);
    }
    const prefixMax = new Float64Array(bounds.length);
    let m = -Infinity;
    bounds.forEach((b, i) => (prefixMax[i] = m = Math.max(m, b)));
    return { bounds, badBoundary, badType, values: vseq, prefixMax, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    // The base constructor runs with its default learning_rate=0.1 (unused).
    return new FunctionState("PiecewiseDecay", (t) => lrAt(p, t)).begin(0.1, p.lastEpoch);
  },

  forms(p) {
    const jumps = jumpPoints(p);
    const errorFrom = p.badBoundary >= 0 ? Math.max(0, Math.ceil(p.badBoundary > 0 ? p.prefixMax[p.badBoundary - 1] : -Infinity)) : Infinity;
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        let i = indexAt(p, from);
        let next = i < p.bounds.length ? Math.ceil(p.prefixMax[i]) : Infinity;
        let v = valueNumber(p, i);
        for (let k = 0; k < out.length; k++) {
          if (from + k >= next) {
            i = indexAt(p, from + k);
            next = i < p.bounds.length ? Math.ceil(p.prefixMax[i]) : Infinity;
            v = valueNumber(p, i);
          }
          out[k] = v;
        }
      },
      critical(lo, hi, push) {
        // Every jump inside the range, both sides (a list is at most maxListLength long).
        let a = 0;
        let b = jumps.length;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (jumps[mid] <= lo) a = mid + 1;
          else b = mid;
        }
        for (let j = a; j < jumps.length && jumps[j] <= hi; j++) pushIn(lo, hi, push, jumps[j] - 1, jumps[j]);
      },
      firstError: (from, limit) => Math.max(from, Math.min(limit, errorFrom)),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    let prev = -Infinity;
    for (let i = 0; i < p.bounds.length; i++) {
      if (!(p.prefixMax[i] > prev)) continue;
      prev = p.prefixMax[i];
      const step = Math.ceil(prev);
      if (step < lo || step >= hi) continue;
      let label = `boundary ${step}`;
      try {
        label += ` → ${pyStr(p.values[indexAt(p, step)])}`;
      } catch {
        // Past a boundary Paddle cannot compare: the marker keeps its plain label.
      }
      out.push({ step, kind: "boundary", label });
    }
  },

  horizon(p) {
    if (p.bounds.length === 0) return undefined;
    const last = p.prefixMax[p.prefixMax.length - 1];
    const gap = p.bounds.length > 1 ? last - p.prefixMax[p.prefixMax.length - 2] : last;
    return { epochs: Math.ceil(last + Math.max(gap, last * 0.1, 10)), from: "last boundary + the gap before it" };
  },
};
