/** PolynomialDecay: `(lr − end_lr)·(1 − t/decay_steps)^power + end_lr`, held at end_lr after decay_steps, or restarted each period with `cycle`. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn, pushRegularJumps, regularIndices } from "./engine/form";
import { pow, pyMin } from "./engine/py-ops";
import { paddleAssert } from "./engine/py-raise";
import { arithmetic, compare, isPyInt, numericValue, truthy } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

interface PolynomialParams {
  baseLr: number;
  decaySteps: number;
  endLr: PyValue;
  power: number;
  cycle: boolean;
  lastEpoch: number;
}

/** Paddle's get_lr, operation for operation. */
function lrAt(p: PolynomialParams, t: number): number {
  let epochNum = t;
  let decaySteps = p.decaySteps;
  if (p.cycle) {
    let divRes = Math.ceil(t / p.decaySteps);
    if (t === 0) divRes = 1;
    decaySteps = p.decaySteps * divRes;
  } else {
    epochNum = pyMin(t, p.decaySteps);
  }
  const end = arithmetic(p.endLr, "-", "float", false, "end_lr");
  return (p.baseLr - end) * pow(1 - epochNum / decaySteps, p.power, "power") + end;
}

export const PolynomialDecay: SchedulerDefinition<PolynomialParams> = {
  name: "PolynomialDecay",
  doc: "Polynomial decay: `(learning_rate − end_lr)·(1 − t/decay_steps)^power + end_lr`. Without `cycle` the LR stays at end_lr after decay_steps; with `cycle` the period grows to the next multiple of decay_steps, so the LR jumps back up after each one.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "decay_steps", required: true, kind: "int", doc: "Steps to go from learning_rate to end_lr; a positive int (10.0 is rejected)." },
    { name: "end_lr", required: false, default: { type: "float", value: 0.0001 }, kind: "float", doc: "The final LR. Default 0.0001 (not 0). Not checked: above learning_rate the curve rises." },
    { name: "power", required: false, default: { type: "float", value: 1.0 }, kind: "float", doc: "Exponent of the polynomial; must be > 0. 1.0 is linear." },
    { name: "cycle", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Restart the decay after each decay_steps period instead of holding end_lr." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): PolynomialParams {
    const positive = compare(args.decay_steps, ">", 0, "int", "decay_steps");
    paddleAssert(positive && isPyInt(args.decay_steps), " 'decay_steps' must be a positive integer.", "decay_steps");
    paddleAssert(compare(args.power, ">", 0.0, "float", "power"), " 'power' must be greater than 0.0 so that the learning rate will decay.", "power");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    // end_lr is unchecked: a non-number only fails in the first get_lr.
    arithmetic(args.end_lr, "-", "float", false, "end_lr");
    return {
      baseLr,
      decaySteps: numericValue(args.decay_steps) as number,
      endLr: args.end_lr,
      power: numericValue(args.power) as number,
      cycle: truthy(args.cycle),
      lastEpoch,
    };
  },

  create(p) {
    return new FunctionState("PolynomialDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const d = p.decaySteps;
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      critical(lo, hi, push) {
        if (!p.cycle) {
          pushIn(lo, hi, push, d - 1, d, d + 1);
          return;
        }
        // Cycles end at multiples of d (value end_lr) and jump back up at the next step; the
        // restart values are monotone in the cycle number, so the first and last cycles suffice.
        pushRegularJumps(lo, hi, d + 1, d, 2, push);
      },
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    const d = p.decaySteps;
    if (!p.cycle) {
      if (d >= lo && d < hi) out.push({ step: d, kind: "end", label: `decay_steps = ${d}: end_lr reached` });
      return;
    }
    for (const step of regularIndices(d, d, lo, hi - 1, 200)) out.push({ step, kind: "restart", label: `cycle ${step / d} ends (end_lr), restarts` });
  },

  horizon(p) {
    return p.cycle ? { epochs: 3 * p.decaySteps + 1, from: "3 × decay_steps (cycle)" } : { epochs: p.decaySteps + 1, from: "decay_steps" };
  },
};
