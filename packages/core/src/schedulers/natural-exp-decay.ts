/** NaturalExpDecay: `lr · e^(−gamma·t)`; `gamma` is required despite Paddle's docstring default. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { mathExp } from "./engine/py-ops";
import { paddleAssert } from "./engine/py-raise";
import { compare, numericValue } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";

interface NaturalExpParams {
  baseLr: number;
  gamma: number;
  lastEpoch: number;
}

/** Paddle: `base_lr * math.exp(-1 * gamma * last_epoch)`. */
function lrAt(p: NaturalExpParams, t: number): number {
  return p.baseLr * mathExp(-1 * p.gamma * t, "gamma");
}

export const NaturalExpDecay: SchedulerDefinition<NaturalExpParams> = {
  name: "NaturalExpDecay",
  doc: "Natural exponential decay: `learning_rate · e^(−gamma·t)`. Underflows to exactly 0.0 once gamma·t exceeds ~745.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "gamma", required: true, kind: "float", doc: "Decay rate per step; must be > 0. Required: the docstring's 'Default: 0.1' is not in the signature." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): NaturalExpParams {
    paddleAssert(compare(args.gamma, ">", 0.0, "float", "gamma"), " 'gamma' must be a positive number so that the learning rate will decay.", "gamma");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, gamma: numericValue(args.gamma) as number, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("NaturalExpDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const g = -1 * p.gamma;
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        for (let k = 0; k < out.length; k++) out[k] = p.baseLr * Math.exp(g * (from + k));
      },
    });
    return closedFormSet(form, p.lastEpoch);
  },

  horizon(p) {
    return { epochs: Math.ceil(Math.log(100) / p.gamma) + 1, from: "decay to 1% of the initial LR" };
  },
};
