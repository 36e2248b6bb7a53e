/** LRScheduler: Paddle's abstract base class; constructing it directly fails in its first step with NotImplementedError, as in Paddle. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState } from "./engine/state";

interface BaseParams {
  baseLr: number;
  lastEpoch: number;
}

class BaseState extends SchedulerState {
  readonly name = "LRScheduler";

  constructor(p: BaseParams) {
    super();
    this.start(p.baseLr, p.lastEpoch);
  }
}

export const LRScheduler: SchedulerDefinition<BaseParams> = {
  name: "LRScheduler",
  doc: "The base class of every Paddle scheduler. Subclasses implement get_lr(); instantiating it directly raises NotImplementedError in the constructor's first step.",
  params: [
    { name: "learning_rate", required: false, default: { type: "float", value: 0.1 }, kind: "number", doc: "The initial learning rate. Default 0.1." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: false,
  abstract: true,

  validate(args: BoundArgs): BaseParams {
    return { baseLr: baseLearningRate(args.learning_rate, "learning_rate"), lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new BaseState(p);
  },
};
