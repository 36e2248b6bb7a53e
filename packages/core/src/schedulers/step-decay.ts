/** StepDecay: `lr · gamma^(t // step_size)`: a drop by gamma every step_size steps. */
import { firstOverflowExponent, pyPow } from "../numeric/pow";
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushRegularJumps, regularIndices } from "./engine/form";
import { floorDiv, pow } from "./engine/py-ops";
import { paddleAssert, paddleRaise } from "./engine/py-raise";
import { compare, isPyInt, numericValue, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";

interface StepParams {
  baseLr: number;
  stepSize: number;
  gamma: number;
  lastEpoch: number;
  /** gamma ** i for the exponents seen so far (integer powers are exact but not free to compute). */
  powers: Map<number, number>;
}

/** Paddle: `i = last_epoch // step_size; base_lr * (gamma ** i)`. */
function lrAt(p: StepParams, t: number): number {
  const i = floorDiv(t, p.stepSize, "step_size");
  let g = p.powers.get(i);
  if (g === undefined) {
    g = pow(p.gamma, i, "gamma");
    if (p.powers.size < 4096) p.powers.set(i, g);
  }
  return p.baseLr * g;
}

/** Decays counted until the LR falls to 1% (at least 1, at most 10), for the natural horizon. */
function decaysToShow(gamma: number): number {
  const g = Math.abs(gamma);
  if (!(g > 0 && g < 1)) return 1;
  return Math.min(10, Math.max(1, Math.ceil(Math.log(0.01) / Math.log(g))));
}

export const StepDecay: SchedulerDefinition<StepParams> = {
  name: "StepDecay",
  doc: "Multiplies the LR by gamma every step_size steps: `learning_rate · gamma^(t // step_size)`. gamma must be < 1 (no lower bound).",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "step_size", required: true, kind: "int", doc: "Steps between two drops; a positive int." },
    { name: "gamma", required: false, default: { type: "float", value: 0.1 }, kind: "float", doc: "Factor applied at each drop; must be < 1. Default 0.1." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): StepParams {
    if (!isPyInt(args.step_size)) paddleRaise("TypeError", `The type of 'step_size' must be 'int', but received ${typeRepr(args.step_size)}.`, "step_size");
    if (compare(args.gamma, ">=", 1.0, "float", "gamma")) paddleRaise("ValueError", "gamma should be < 1.0.", "gamma");
    paddleAssert(compare(args.step_size, ">", 0, "int", "step_size"), " 'step_size' must be a positive integer.", "step_size");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    return { baseLr, stepSize: numericValue(args.step_size) as number, gamma: numericValue(args.gamma) as number, lastEpoch, powers: new Map() };
  },

  create(p) {
    return new FunctionState("StepDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const s = p.stepSize;
    const cache = new Map<number, number>();
    const valueOf = (i: number): number => {
      let v = cache.get(i);
      if (v === undefined) {
        v = p.baseLr * pyPow(p.gamma, i);
        if (cache.size < 100_000) cache.set(i, v);
      }
      return v;
    };
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        let k = 0;
        while (k < out.length) {
          const i = Math.floor((from + k) / s);
          const end = Math.min(out.length, (i + 1) * s - from);
          out.fill(valueOf(i), k, end);
          k = end;
        }
      },
      // Values between drops are constant; with gamma < 0 they alternate in sign, so keep two drops at each end.
      critical: (lo, hi, push) => pushRegularJumps(lo, hi, s, s, 2, push),
      // |gamma| > 1 (allowed when negative) overflows: Python's float pow raises OverflowError there.
      firstError: (from, limit) => Math.max(from, Math.min(limit, firstOverflowExponent(p.gamma) * s)),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    const s = p.stepSize;
    for (const step of regularIndices(s, s, lo, hi - 1, 200)) out.push({ step, kind: "milestone", label: `× gamma at ${step}` });
  },

  horizon(p) {
    const k = decaysToShow(p.gamma);
    return { epochs: p.stepSize * (k + 1), from: `step_size × ${k + 1}` };
  },
};
