/** The checks of Paddle's `LRScheduler.__init__` that every subclass (except ReduceOnPlateau) ends with, and the shared `last_epoch` handling. */
import type { ParamInfo, PyValue } from "../types";
import { paddleRaise, pythonRaise } from "./py-raise";
import { compare, isPyNumber, numericValue, pyStr, typeName, typeRepr } from "./py-value";

/**
 * `LRScheduler.__init__`'s checks on the value it receives as `learning_rate` (which is `start_lr`
 * for LinearWarmup, the derived initial LR for OneCycleLR, ...): a float or int, not negative.
 * Returns `float(learning_rate)`.
 */
export function baseLearningRate(v: PyValue, param: string | null): number {
  if (!isPyNumber(v)) paddleRaise("TypeError", `The type of learning rate must be float, but received ${typeRepr(v)}`, param);
  if (compare(v, "<", 0, "int", param)) paddleRaise("ValueError", `Invalid learning rate: ${pyStr(v)}`, param);
  return numericValue(v) as number;
}

/** The same checks on a derived float (OneCycleLR's `max_learning_rate / divide_factor`). */
export function baseLearningRateOf(x: number, param: string | null): number {
  return baseLearningRate({ type: "float", value: x }, param);
}

/**
 * `last_epoch` as the constructor stores it. Paddle never checks it; a non-number fails at the
 * constructor's `self.last_epoch += 1`, which is where we report it.
 */
export function lastEpochArg(v: PyValue): number {
  const x = numericValue(v);
  if (x === undefined || v.type === "other") {
    pythonRaise("TypeError", `unsupported operand type(s) for +=: '${typeName(v)}' and 'int'`, "last_epoch");
  }
  return x;
}

/** The `last_epoch` and `verbose` parameters every class except ReduceOnPlateau ends its signature with. */
export const LAST_EPOCH_PARAMS: ParamInfo[] = [
  {
    name: "last_epoch",
    required: false,
    default: { type: "int", value: -1 },
    kind: "int",
    doc: "The last epoch already done, to resume a schedule; the first value is then epoch last_epoch + 1. Default -1 (start from epoch 0).",
  },
  { name: "verbose", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Print the learning rate at every step." },
];
