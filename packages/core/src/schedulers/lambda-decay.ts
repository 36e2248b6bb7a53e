/** LambdaDecay: `lr · lr_lambda(t)` with a user function (a Python lambda compiled by `expr/`). */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { callFunction, isCallable } from "./engine/py-function";
import { paddleRaise } from "./engine/py-raise";
import { typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

interface LambdaParams {
  baseLr: number;
  fn: PyValue;
  lastEpoch: number;
}

/** Paddle: `base_lr * lr_lambda(last_epoch)` (also called for t = 0). */
function lrAt(p: LambdaParams, t: number): number {
  return p.baseLr * callFunction(p.fn, t, "lr_lambda");
}

export const LambdaDecay: SchedulerDefinition<LambdaParams> = {
  name: "LambdaDecay",
  doc: "`learning_rate · lr_lambda(t)`: the factor comes from a function of the step (e.g. `lambda epoch: 0.95 ** epoch`), evaluated at every step including 0. Its result is not checked.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "lr_lambda", required: true, kind: "fn", doc: "A function of the step returning the factor applied to learning_rate, e.g. `lambda epoch: 0.95 ** epoch`." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): LambdaParams {
    if (!isCallable(args.lr_lambda)) {
      paddleRaise("TypeError", `The type of 'lr_lambda' in 'LambdaDecay' must be 'function', but received ${typeRepr(args.lr_lambda)}.`, "lr_lambda");
    }
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, fn: args.lr_lambda, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("LambdaDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    return closedFormSet(closedForm({ lrAt: (t) => lrAt(p, t), analytic: false }), p.lastEpoch);
  },
};
