/** ExponentialDecay: `lr · gamma^t` with gamma in (0, 1), the power correctly rounded as C's `pow`. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pow } from "./engine/py-ops";
import { pyPow } from "../numeric/pow";
import { paddleAssert } from "./engine/py-raise";
import { compare, numericValue } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";

interface ExponentialParams {
  baseLr: number;
  gamma: number;
  lastEpoch: number;
}

/** Paddle: `base_lr * (gamma ** last_epoch)`. */
function lrAt(p: ExponentialParams, t: number): number {
  return p.baseLr * pow(p.gamma, t, "gamma");
}

export const ExponentialDecay: SchedulerDefinition<ExponentialParams> = {
  name: "ExponentialDecay",
  doc: "Exponential decay: `learning_rate · gamma^t` (computed as a power, not by repeated multiplication). gamma must lie strictly between 0 and 1.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "gamma", required: true, kind: "float", doc: "Decay factor per step, in (0, 1) exclusive. Required (no default in the signature)." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): ExponentialParams {
    const ok = compare(args.gamma, ">", 0.0, "float", "gamma") && compare(args.gamma, "<", 1.0, "float", "gamma");
    paddleAssert(ok, " 'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay.", "gamma");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, gamma: numericValue(args.gamma) as number, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("ExponentialDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        for (let k = 0; k < out.length; k++) out[k] = p.baseLr * pyPow(p.gamma, from + k);
      },
    });
    return closedFormSet(form, p.lastEpoch);
  },

  horizon(p) {
    return { epochs: Math.ceil(Math.log(0.01) / Math.log(p.gamma)) + 1, from: "decay to 1% of the initial LR" };
  },
};
