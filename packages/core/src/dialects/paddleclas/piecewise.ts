/**
 * PaddleClas' `Piecewise`: boundaries at decay_epochs × step_each_epoch (kept in epochs only when
 * `by_epoch is True`), a warmup ramping to values[0], and the rule that a truthy `learning_rate`
 * replaces decay_epochs/values by a 10× decay every 30 epochs.
 */
import type { PyValue } from "../../schedulers/types";
import { pyPow } from "../../numeric/pow";
import { ArgRecorder } from "../common/args";
import { type Arg, isExactScale, listTimesSpe, must, SuiteRejects } from "../common/kwargs";
import { pyMul, pyNumber, pyShow, pyTruthy } from "../common/py-arith";
import { type ClasClass, CLAS_COMMON, CLAS_WARM, finishClas } from "./clas-class";
import { lrBaseWarmup, passLastEpoch } from "./lr-base";

const f = (value: number): PyValue => ({ type: "float", value });
const i = (value: number): PyValue => ({ type: "int", value });
const none: PyValue = { type: "none" };

export const piecewise: ClasClass = {
  params: [...CLAS_COMMON, { name: "decay_epochs" }, { name: "values" }, ...CLAS_WARM, { name: "learning_rate", default: none }],
  acceptsExtra: true,
  build(input, name) {
    const b = input.bound;
    let decay: Arg = b.get("decay_epochs");
    let values: Arg = b.get("values");
    const facts: Record<string, unknown> = {};
    const lr = b.get("learning_rate");
    if (pyTruthy(lr.value)) {
      // `learning_rate` set: decay 10x every 30 epochs, decay_epochs/values ignored.
      const e = pyNumber(input.epochs.value);
      if (!e || !input.epochs.value || input.epochs.value.type !== "int") throw new SuiteRejects(`Piecewise with learning_rate calls range(0, epochs, 30), which needs an int epochs, not ${pyShow(input.epochs.value)}`, input.epochs.origin);
      const starts: number[] = [];
      for (let k = 0; k < e.value && starts.length <= 100_000; k += 30) starts.push(k);
      const vals = starts.map((_, k) => must(pyMul(lr.value, f(pyPow(0.1, k))), "learning_rate * 0.1 ** i", lr.origin));
      const epochsList = starts.length === 1 ? [e.value] : starts.slice(1);
      const valuesList = starts.length === 1 ? [vals[0], vals[0]] : vals;
      decay = { value: { type: "list", items: epochsList.map(i) }, origin: lr.origin };
      values = { value: { type: "list", items: valuesList }, origin: lr.origin };
      facts.ignoredKeys = ["decay_epochs", "values"].filter((k) => b.has(k));
      facts.piecewiseFromLearningRate = true;
    }
    const first = values.value.type === "list" ? values.value.items[0] : undefined;
    if (!first) throw new SuiteRejects(`Piecewise reads values[0]: ${values.value.type === "list" ? "IndexError: list index out of range" : `TypeError for ${pyShow(values.value)}`}`, values.origin);
    const endLr: Arg = { value: first, origin: values.origin };
    // LRBase gets values[0] as its learning_rate: that is the warmup's end_lr.
    const w = lrBaseWarmup(input);
    const rec = new ArgRecorder();
    const byEpochIsTrue = b.get("by_epoch").value.type === "bool" && (b.get("by_epoch").value as { value: boolean }).value === true;
    // The boundaries stay in epochs only for `by_epoch is True` (an identity test: `1` does not count).
    if (byEpochIsTrue) rec.identity("boundaries", decay.value, decay.origin);
    else {
      const v = listTimesSpe(decay, input.spe, "[e * step_each_epoch for e in decay_epochs]");
      if (facts.piecewiseFromLearningRate) rec.derived("boundaries", v, decay.origin);
      else if (isExactScale(decay, input.spe)) rec.scaled("boundaries", v, decay.origin, input.spe);
      else rec.derived("boundaries", v, decay.origin);
    }
    if (facts.piecewiseFromLearningRate) rec.derived("values", values.value, values.origin);
    else rec.identity("values", values.value, values.origin);
    passLastEpoch(rec, b);
    const built = finishClas(input, rec, "PiecewiseDecay", w, endLr, name, facts);
    const src = built.rec.sources["end_lr"];
    if (src) built.rec.sources["end_lr"] = { ...src, transform: "derived" };
    return built;
  },
};
