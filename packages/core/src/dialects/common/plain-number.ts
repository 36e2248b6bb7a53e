/**
 * A suite builder that returns a plain number instead of a scheduler (PaddleOCR `Const` without
 * warmup, PaddleClas `lr` without `name`): the optimizer keeps that value for the whole run. It is
 * expressed as a spec of the pseudo-class `float`, printed `float(0.001)`, so it is drawn like any
 * schedule; the class chain of such a schedule reads `float`, as in suite-curves.json.
 */
import type { SchedulerDefinition } from "../../schedulers/definition";
import { closedFormSet, FunctionState } from "../../schedulers/engine/closed-class";
import { constantForm } from "../../schedulers/engine/form";
import { pythonRaise } from "../../schedulers/engine/py-raise";
import { isPyFloat, numericValue, typeRepr } from "../../schedulers/engine/py-value";
import type { BoundArgs } from "../../schedulers/engine/signature";
import { lookupScheduler, registerScheduler } from "../../schedulers/registry";
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder, type Origin } from "./args";

export const PLAIN_NUMBER = "float";

export function plainNumberRecorder(value: PyValue, origin: Origin | undefined): ArgRecorder {
  const rec = new ArgRecorder();
  rec.identity("learning_rate", value, origin);
  return rec;
}

const PlainNumber: SchedulerDefinition<{ value: number }> = {
  name: PLAIN_NUMBER,
  doc: "A plain number used as the learning rate: the same value at every step, never stepped.",
  params: [{ name: "learning_rate", required: true, kind: "number", doc: "The learning rate." }],
  closedForm: true,
  reprPositional: 1,

  validate(args: BoundArgs) {
    // Paddle's optimizer takes `float` or an LRScheduler only (`isinstance(learning_rate, (float, LRScheduler))`).
    const value = numericValue(args.learning_rate);
    if (value === undefined || !isPyFloat(args.learning_rate)) {
      pythonRaise("TypeError", `learning rate should be float or LRScheduler, got ${typeRepr(args.learning_rate)} here`, "learning_rate");
    }
    return { value };
  },

  create(p) {
    return new FunctionState(PLAIN_NUMBER, () => p.value).begin(p.value, -1);
  },

  forms: (p) => closedFormSet(constantForm(p.value), -1),

  horizon: () => undefined,
};

/** Idempotent: both suite dialects register it. */
export function registerPlainNumber(): void {
  if (!lookupScheduler(PLAIN_NUMBER)) registerScheduler(PlainNumber);
}
