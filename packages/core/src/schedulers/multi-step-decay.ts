/** MultiStepDecay: `lr · gamma^i` where i counts the milestones already reached (a milestone applies at `t == milestone`). */
import { firstOverflowExponent, pyPow } from "../numeric/pow";
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn } from "./engine/form";
import { pow } from "./engine/py-ops";
import { paddleRaise, pythonRaise } from "./engine/py-raise";
import { compare, compareValues, numericValue, typeName, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";

interface MultiStepParams {
  baseLr: number;
  milestones: number[];
  gamma: number;
  lastEpoch: number;
  /** gamma ** i, computed on first use (NaN = not yet). */
  powers: Float64Array;
}

/** `gamma ** i`, cached; raises OverflowError as Python does. */
function gammaPow(p: MultiStepParams, i: number): number {
  let v = p.powers[i];
  if (Number.isNaN(v)) v = p.powers[i] = pow(p.gamma, i, "gamma");
  return v;
}

/** Number of milestones ≤ t (the `i` of Paddle's loop): binary search, milestones being strictly increasing. */
function reached(m: number[], t: number): number {
  let lo = 0;
  let hi = m.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t < m[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Paddle: `base_lr * (gamma ** i)`. */
function lrAt(p: MultiStepParams, t: number): number {
  return p.baseLr * gammaPow(p, reached(p.milestones, t));
}

export const MultiStepDecay: SchedulerDefinition<MultiStepParams> = {
  name: "MultiStepDecay",
  doc: "Multiplies the initial LR by gamma at each milestone: `learning_rate · gamma^i`, i = number of milestones ≤ t. Milestones must be strictly increasing; gamma < 1 (0 and negative values are accepted).",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "milestones", required: true, kind: "list", doc: "Steps at which the LR is multiplied by gamma, strictly increasing (a list or tuple). The drop happens at t == milestone." },
    { name: "gamma", required: false, default: { type: "float", value: 0.1 }, kind: "float", doc: "Factor applied at each milestone; must be < 1. Default 0.1." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): MultiStepParams {
    const ms = args.milestones;
    if (ms.type !== "list") paddleRaise("TypeError", `The type of 'milestones' in 'MultiStepDecay' must be 'tuple, list', but received ${typeRepr(ms)}.`, "milestones");
    for (let i = 0; i + 1 < ms.items.length; i++) {
      if (!compareValues(ms.items[i], "<", ms.items[i + 1], "milestones")) paddleRaise("ValueError", "The elements of milestones must be incremented", "milestones");
    }
    if (compare(args.gamma, ">=", 1.0, "float", "gamma")) paddleRaise("ValueError", "gamma should be < 1.0.", "gamma");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    const milestones = ms.items.map((v) => {
      const x = numericValue(v);
      // Only a single non-number escapes the pairwise check; get_lr's `t < milestone` then fails.
      if (x === undefined) pythonRaise("TypeError", `'<' not supported between instances of 'int' and '${typeName(v)}'`, "milestones");
      return x;
    });
    return { baseLr, milestones, gamma: numericValue(args.gamma) as number, lastEpoch, powers: new Float64Array(milestones.length + 1).fill(NaN) };
  },

  create(p) {
    return new FunctionState("MultiStepDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const m = p.milestones;
    const jumps = m.map((x) => Math.ceil(x));
    const factor = (i: number) => p.baseLr * pyPow(p.gamma, i);
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        let i = reached(m, from);
        let k = 0;
        while (k < out.length) {
          const end = i < m.length ? Math.min(out.length, jumps[i] - from) : out.length;
          if (end > k) out.fill(factor(i), k, end);
          k = Math.max(k, end);
          i++;
        }
      },
      critical(lo, hi, push) {
        for (let j = reached(m, lo); j < jumps.length && jumps[j] <= hi; j++) pushIn(lo, hi, push, jumps[j] - 1, jumps[j]);
      },
      firstError(from, limit) {
        // |gamma| > 1 (allowed when negative) overflows after enough milestones: OverflowError in Python.
        const k = firstOverflowExponent(p.gamma);
        const at = k <= m.length ? (k === 0 ? 0 : jumps[k - 1]) : Infinity;
        return Math.max(from, Math.min(limit, at));
      },
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    p.milestones.forEach((x, i) => {
      const step = Math.ceil(x);
      if (step >= lo && step < hi) out.push({ step, kind: "milestone", label: `milestone ${step}: × gamma^${i + 1}` });
    });
  },

  horizon(p) {
    const m = p.milestones;
    if (m.length === 0) return undefined;
    const last = Math.max(0, m[m.length - 1]);
    const gap = m.length > 1 ? last - m[m.length - 2] : last;
    return { epochs: Math.ceil(last + Math.max(gap, last * 0.1, 10)), from: "last milestone + the gap before it" };
  },
};
