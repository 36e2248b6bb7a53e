/**
 * PaddleClas' `CosineFixmatch._lr_lambda`, the closure its builder hands to `LambdaDecay`, as a
 * `PyFunction` with the same operations in the same order; its `text` is the equivalent lambda.
 */
import type { PyFunction } from "../../schedulers/types";
import { pyNumberRepr } from "../../text/py-repr";
import type { Arg } from "../common/kwargs";
import { pyNumber, pyShow, pyTypeName } from "../common/py-arith";

export function fixmatchLambda(numWarmup: Arg, numCycles: Arg, epochs: Arg, spe: number): PyFunction {
  const w = pyNumber(numWarmup.value);
  const c = pyNumber(numCycles.value);
  const e = pyNumber(epochs.value);
  const show = (n: { value: number; isInt: boolean } | undefined, raw: Arg) => (n ? pyNumberRepr(n.value, n.isInt) : pyShow(raw.value));
  const W = show(w, numWarmup);
  const total = e ? pyNumberRepr(e.value * spe, e.isInt) : `${pyShow(epochs.value)} * ${spe}`;
  const text = `lambda current_step: float(current_step) / float(max(1, ${W})) if current_step < ${W} else max(0.0, math.cos(math.pi * ${show(c, numCycles)} * (float(current_step - ${W}) / float(max(1, ${total} - ${W})))))`;
  return {
    text,
    call(step: number) {
      if (!w) return { error: `'<' not supported between instances of 'int' and '${pyTypeName(numWarmup.value)}'`, errorType: "TypeError" };
      if (step < w.value) return { value: step / Math.max(1, w.value), isInt: false };
      if (!e) return { error: `unsupported operand type(s) for *: '${pyTypeName(epochs.value)}' and 'int'`, errorType: "TypeError" };
      if (!c) return { error: `can't multiply sequence by non-int of type 'float'`, errorType: "TypeError" };
      const noProgress = (step - w.value) / Math.max(1, e.value * spe - w.value);
      const x = Math.cos(Math.PI * c.value * noProgress);
      // Python's max(0., x) keeps the first argument unless x is strictly greater (NaN too).
      return { value: x > 0 ? x : 0, isInt: false };
    },
  };
}
