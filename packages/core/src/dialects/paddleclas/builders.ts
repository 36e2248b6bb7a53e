/**
 * PaddleClas' LR classes (`ppcls/optimizer/learning_rate.py`) as builders of the `paddle.optimizer.lr`
 * chain each one constructs, with the suite's own classes (`Constant`) and closures (CosineFixmatch's
 * lambda) where it has them.
 */
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder } from "../common/args";
import { type Arg, isExactScale, listTimesSpe, must, SuiteRejects, timesSpe } from "../common/kwargs";
import { pyCompare, pyToInt } from "../common/py-arith";
import { CLAS_COMMON, CLAS_WARM, type ClasClass, classArg as id, finishClas } from "./clas-class";
import { fixmatchLambda } from "./fixmatch";
import { byEpochOf, type ClasInput, lrBaseWarmup, passLastEpoch, remainingAfterWarmup } from "./lr-base";
import { piecewise } from "./piecewise";

const f = (value: number): PyValue => ({ type: "float", value });
const i = (value: number): PyValue => ({ type: "int", value });
const none: PyValue = { type: "none" };

function constant(input: ClasInput, lr: Arg): ArgRecorder {
  const rec = new ArgRecorder();
  rec.identity("learning_rate", lr.value, lr.origin);
  passLastEpoch(rec, input.bound);
  return rec;
}

/** `x if cond > 0 else Constant(learning_rate)`: the decay length after warmup, or a constant when nothing is left. */
function positive(v: PyValue, what: string, origin: Arg["origin"]): boolean {
  const c = pyCompare(v, ">", i(0));
  if (!c.ok) throw new SuiteRejects(`${what} > 0 raises ${c.errorType}: ${c.message}`, origin);
  return c.value;
}

export const CLAS_CLASSES: Record<string, ClasClass> = {
  ConstLR: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, ...CLAS_WARM],
    acceptsExtra: true,
    build(input, name) {
      const lr = input.bound.get("learning_rate");
      const w = lrBaseWarmup(input);
      return finishClas(input, constant(input, lr), "Constant", w, lr, name);
    },
  },
  Constant: {
    params: [{ name: "learning_rate" }, { name: "last_epoch", default: i(-1) }],
    acceptsExtra: true,
    build(input, name) {
      const lr = input.bound.get("learning_rate");
      // Used directly, Constant is returned as is: no warmup and no by_epoch attribute.
      return { rec: constant(input, lr), specName: "Constant", kind: name, setsByEpoch: false, facts: {} };
    },
  },
  Linear: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, { name: "end_lr", default: f(0.0) }, { name: "power", default: f(1.0) }, { name: "cycle", default: { type: "bool", value: false } }, ...CLAS_WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input, true);
      const decay = remainingAfterWarmup(input, w, byEpochOf(input));
      if (!positive(decay, "decay_steps", input.epochs.origin)) return finishClas(input, constant(input, lr), "Constant", w, lr, name);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      rec.derived("decay_steps", decay, input.epochs.origin);
      id(rec, input, "end_lr");
      id(rec, input, "power");
      id(rec, input, "cycle");
      passLastEpoch(rec, b);
      return finishClas(input, rec, "PolynomialDecay", w, lr, name);
    },
  },
  Cosine: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, { name: "eta_min", default: f(0.0) }, ...CLAS_WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input);
      const tMax = remainingAfterWarmup(input, w, w.byEpoch);
      if (!positive(tMax, "T_max", input.epochs.origin)) return finishClas(input, constant(input, lr), "Constant", w, lr, name);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      rec.derived("T_max", tMax, input.epochs.origin);
      id(rec, input, "eta_min");
      passLastEpoch(rec, b);
      return finishClas(input, rec, "CosineAnnealingDecay", w, lr, name);
    },
  },
  Cyclic: {
    params: [
      ...CLAS_COMMON,
      { name: "base_learning_rate" },
      { name: "max_learning_rate" },
      { name: "warmup_epoch" },
      { name: "warmup_start_lr" },
      { name: "step_size_up" },
      { name: "step_size_down", default: none },
      { name: "mode", default: { type: "str", value: "triangular" } },
      { name: "exp_gamma", default: f(1.0) },
      { name: "scale_fn", default: none },
      { name: "scale_mode", default: { type: "str", value: "cycle" } },
      { name: "by_epoch", default: { type: "bool", value: false } },
      { name: "last_epoch", default: i(-1) },
      { name: "verbose", default: { type: "bool", value: false } },
    ],
    acceptsExtra: false,
    build(input, name) {
      const b = input.bound;
      const base = b.get("base_learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      for (const k of ["base_learning_rate", "max_learning_rate", "step_size_up", "step_size_down", "mode", "exp_gamma", "scale_fn", "scale_mode"]) id(rec, input, k);
      passLastEpoch(rec, b);
      if (b.has("verbose")) id(rec, input, "verbose");
      return finishClas(input, rec, "CyclicLR", w, base, name, { stepSizesInIterations: true });
    },
  },
  Step: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, { name: "step_size" }, { name: "gamma" }, ...CLAS_WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      const size = b.get("step_size");
      if (w.byEpoch) rec.identity("step_size", size.value, size.origin);
      else {
        const v = must(pyToInt(timesSpe(size, input.spe, "step_size * step_each_epoch")), "int(step_size * step_each_epoch)", size.origin);
        if (isExactScale(size, input.spe)) rec.scaled("step_size", v, size.origin, input.spe);
        else rec.derived("step_size", v, size.origin);
      }
      id(rec, input, "gamma");
      passLastEpoch(rec, b);
      return finishClas(input, rec, "StepDecay", w, lr, name);
    },
  },
  Piecewise: piecewise,
  MultiStepDecay: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, { name: "milestones" }, { name: "gamma", default: f(0.1) }, ...CLAS_WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      const ms = b.get("milestones");
      if (w.byEpoch) rec.identity("milestones", ms.value, ms.origin);
      else {
        const v = listTimesSpe(ms, input.spe, "[x * step_each_epoch for x in milestones]");
        if (isExactScale(ms, input.spe)) rec.scaled("milestones", v, ms.origin, input.spe);
        else rec.derived("milestones", v, ms.origin);
      }
      id(rec, input, "gamma");
      passLastEpoch(rec, b);
      return finishClas(input, rec, "MultiStepDecay", w, lr, name);
    },
  },
  ReduceOnPlateau: {
    params: [
      ...CLAS_COMMON,
      { name: "learning_rate" },
      { name: "mode", default: { type: "str", value: "min" } },
      { name: "factor", default: f(0.1) },
      { name: "patience", default: i(10) },
      { name: "threshold", default: f(1e-4) },
      { name: "threshold_mode", default: { type: "str", value: "rel" } },
      { name: "cooldown", default: i(0) },
      { name: "min_lr", default: i(0) },
      { name: "epsilon", default: f(1e-8) },
      ...CLAS_WARM,
    ],
    acceptsExtra: true,
    build(input, name) {
      const lr = input.bound.get("learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      for (const k of ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "epsilon"]) id(rec, input, k);
      return finishClas(input, rec, "ReduceOnPlateau", w, lr, name, { metricDriven: true });
    },
  },
  CosineFixmatch: {
    params: [...CLAS_COMMON, { name: "learning_rate" }, { name: "num_warmup_steps" }, { name: "num_cycles", default: f(7 / 16) }, { name: "last_epoch", default: i(-1) }, { name: "by_epoch", default: { type: "bool", value: false } }],
    acceptsExtra: false,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      const fn = fixmatchLambda(b.get("num_warmup_steps"), b.get("num_cycles"), input.epochs, input.spe);
      rec.derived("lr_lambda", { type: "fn", fn }, b.get("num_warmup_steps").origin);
      passLastEpoch(rec, b);
      return { rec, specName: "LambdaDecay", kind: name, setsByEpoch: true, facts: {} };
    },
  },
  OneCycleLR: {
    params: [
      ...CLAS_COMMON,
      { name: "max_learning_rate" },
      { name: "warmup_epoch", default: i(0) },
      { name: "warmup_start_lr", default: f(0.0) },
      { name: "divide_factor", default: f(25.0) },
      { name: "end_learning_rate", default: f(1e-10) },
      { name: "phase_pct", default: f(0.3) },
      { name: "anneal_strategy", default: { type: "str", value: "cos" } },
      { name: "three_phase", default: { type: "bool", value: false } },
      { name: "by_epoch", default: { type: "bool", value: false } },
      { name: "last_epoch", default: i(-1) },
      { name: "verbose", default: { type: "bool", value: false } },
    ],
    acceptsExtra: false,
    build(input, name) {
      const b = input.bound;
      const max = b.get("max_learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      rec.identity("max_learning_rate", max.value, max.origin);
      rec.scaled("total_steps", timesSpe(input.epochs, input.spe, "epochs * step_each_epoch"), input.epochs.origin, input.spe);
      for (const k of ["end_learning_rate", "divide_factor", "phase_pct", "anneal_strategy", "three_phase"]) id(rec, input, k);
      passLastEpoch(rec, b);
      if (b.has("verbose")) id(rec, input, "verbose");
      return finishClas(input, rec, "OneCycleLR", w, max, name);
    },
  },
};

export type { ClasBuilt } from "./clas-class";
