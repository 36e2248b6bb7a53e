/** MultiplicativeDecay: the LR times `lr_lambda(e)` for every epoch e = 1..t (Paddle recomputes the whole product each step; we extend it incrementally, bit for bit). */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { callFunction, isCallable } from "./engine/py-function";
import { paddleRaise, pythonRaise } from "./engine/py-raise";
import { typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { MAX_REPLAY_STEPS } from "./engine/program";
import { SchedulerState } from "./engine/state";
import type { PyValue } from "./types";

interface MultiplicativeParams {
  baseLr: number;
  fn: PyValue;
  lastEpoch: number;
  /** A float last_epoch stays a float after `+= 1`, and Paddle's `range(1, last_epoch + 1)` rejects it. */
  floatEpoch: boolean;
}

class MultiplicativeState extends SchedulerState {
  readonly name = "MultiplicativeDecay";
  /** The product for epochs 1..cachedEpoch (the same floating-point operations as Paddle's loop). */
  private cachedEpoch = 0;
  private cachedLr: number;

  constructor(private readonly p: MultiplicativeParams) {
    super();
    this.cachedLr = p.baseLr;
    this.start(p.baseLr, p.lastEpoch);
  }

  /** Paddle: `cur_lr = base_lr; for epoch in range(1, last_epoch + 1): cur_lr = cur_lr * lr_lambda(epoch)`. */
  override getLr(): number {
    const t = this.lastEpoch;
    if (!Number.isInteger(t) || this.p.floatEpoch) pythonRaise("TypeError", "'float' object cannot be interpreted as an integer", null);
    if (t > MAX_REPLAY_STEPS) {
      // Paddle would call lr_lambda t times on every step; lrlens refuses rather than hang.
      pythonRaise("RuntimeError", `MultiplicativeDecay multiplies lr_lambda(e) for every epoch up to ${t}; lrlens evaluates it up to epoch ${MAX_REPLAY_STEPS}`, "last_epoch");
    }
    if (t < this.cachedEpoch) {
      this.cachedEpoch = 0;
      this.cachedLr = this.baseLr;
    }
    while (this.cachedEpoch < t) {
      const next = this.cachedLr * callFunction(this.p.fn, this.cachedEpoch + 1, "lr_lambda");
      this.cachedEpoch++;
      this.cachedLr = next;
    }
    return t <= 0 ? this.baseLr : this.cachedLr;
  }
}

export const MultiplicativeDecay: SchedulerDefinition<MultiplicativeParams> = {
  name: "MultiplicativeDecay",
  doc: "Multiplies the LR by `lr_lambda(e)` at each step: `learning_rate · Π_{e=1..t} lr_lambda(e)`. Epoch 0 gives learning_rate (lr_lambda(0) is never called). No closed form: the curve is replayed step by step.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "lr_lambda", required: true, kind: "fn", doc: "A function of the step returning the factor for that step, e.g. `lambda epoch: 0.95`." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: false,

  validate(args: BoundArgs): MultiplicativeParams {
    if (!isCallable(args.lr_lambda)) {
      paddleRaise("TypeError", `The type of 'lr_lambda' in 'MultiplicativeDecay' must be 'function', but received ${typeRepr(args.lr_lambda)}.`, "lr_lambda");
    }
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, fn: args.lr_lambda, lastEpoch: lastEpochArg(args.last_epoch), floatEpoch: args.last_epoch.type === "float" };
  },

  create(p) {
    return new MultiplicativeState(p);
  },

  forms(p) {
    return { start: p.lastEpoch + 1 };
  },
};
