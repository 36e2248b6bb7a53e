/**
 * PaddleClas' own `Constant` scheduler (`ppcls/optimizer/learning_rate.py`): an LRScheduler whose
 * `get_lr` returns `learning_rate` for ever. Its base constructor runs with the defaults, so
 * neither Paddle's learning-rate checks nor `last_epoch` apply.
 */
import type { SchedulerDefinition } from "../../schedulers/definition";
import { closedFormSet, FunctionState } from "../../schedulers/engine/closed-class";
import { constantForm } from "../../schedulers/engine/form";
import { pythonRaise } from "../../schedulers/engine/py-raise";
import { numericValue, pyStr, typeName } from "../../schedulers/engine/py-value";
import type { BoundArgs } from "../../schedulers/engine/signature";

export const Constant: SchedulerDefinition<{ value: number }> = {
  name: "Constant",
  doc: "PaddleClas' constant schedule: the LR is `learning_rate` at every step (`last_epoch` is accepted and ignored).",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The constant learning rate." },
    { name: "last_epoch", required: false, default: { type: "int", value: -1 }, kind: "int", doc: "Accepted and ignored (the base constructor runs with its defaults)." },
  ],
  closedForm: true,

  validate(args: BoundArgs) {
    const value = numericValue(args.learning_rate);
    // Paddle never checks it; the optimizer would receive it as the LR, which must be a number.
    if (value === undefined) pythonRaise("TypeError", `Constant returns learning_rate = ${pyStr(args.learning_rate)} (a ${typeName(args.learning_rate)}) as the learning rate; it must be a number`, "learning_rate");
    return { value };
  },

  create(p) {
    return new FunctionState("Constant", () => p.value).begin(0.1, -1);
  },

  forms: (p) => closedFormSet(constantForm(p.value), -1),

  horizon: () => undefined,
};
