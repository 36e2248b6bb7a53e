/**
 * PaddleClas' LR classes (`ppcls/optimizer/learning_rate.py`) as builders of the `paddle.optimizer.lr`
 * chain each one constructs, with the suite's own classes (`Constant`) and closures (CosineFixmatch's
 * lambda) where it has them.
 */
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder } from "../common/args";
import { type Arg, type PyParam, isExactScale, listTimesSpe, must, SuiteRejects, timesSpe } from "../common/kwargs";
import { pyCompare, pyMul, pyNumber, pyShow, pyToInt, pyTruthy } from "../common/py-arith";
import { pyPow } from "../../numeric/pow";
import { fixmatchLambda } from "./fixmatch";
import { byEpochOf, type ClasInput, hasWarmup, linearWarmup, lrBaseWarmup, passLastEpoch, remainingAfterWarmup, type WarmupInfo } from "./lr-base";

const f = (value: number): PyValue => ({ type: "float", value });
const i = (value: number): PyValue => ({ type: "int", value });
const none: PyValue = { type: "none" };

export interface ClasBuilt {
  rec: ArgRecorder;
  specName: string;
  /** Suite vocabulary name plus `+warmup` (flags are added by the caller). */
  kind: string;
  /** Whether the loop sees a `by_epoch` attribute set by the class (Constant used directly has none). */
  setsByEpoch: boolean;
  warmup?: WarmupInfo;
  facts: Record<string, unknown>;
}

export interface ClasClass {
  params: PyParam[];
  /** Classes without `**kwargs` reject unknown keys with a TypeError. */
  acceptsExtra: boolean;
  build(input: ClasInput, name: string): ClasBuilt;
}

const COMMON: PyParam[] = [{ name: "epochs" }, { name: "step_each_epoch" }];
const WARM: PyParam[] = [{ name: "warmup_epoch", default: i(0) }, { name: "warmup_start_lr", default: f(0.0) }, { name: "last_epoch", default: i(-1) }, { name: "by_epoch", default: { type: "bool", value: false } }];

function id(rec: ArgRecorder, input: ClasInput, name: string, as = name): void {
  const a = input.bound.get(name);
  if (a.origin) rec.identity(as, a.value, a.origin);
  else rec.fixed(as, a.value);
}

/** The paddle scheduler or the suite's `Constant`, wrapped in LinearWarmup when warmup_steps > 0. */
function finish(input: ClasInput, inner: ArgRecorder, innerName: string, w: WarmupInfo, endLr: Arg, name: string, facts: Record<string, unknown> = {}): ClasBuilt {
  const allFacts: Record<string, unknown> = { ...facts };
  if (w.clamped) allFacts.warmupClampedToEpochs = { from: w.clamped.from, to: w.clamped.to };
  if (!hasWarmup(w)) return { rec: inner, specName: innerName, kind: name, setsByEpoch: true, warmup: w, facts: allFacts };
  const rec = linearWarmup(input, { rec: inner, name: innerName }, w, endLr);
  return { rec, specName: "LinearWarmup", kind: `${name}+warmup`, setsByEpoch: true, warmup: w, facts: { ...allFacts, warmupSteps: w.stepsNumber } };
}

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
    params: [...COMMON, { name: "learning_rate" }, ...WARM],
    acceptsExtra: true,
    build(input, name) {
      const lr = input.bound.get("learning_rate");
      const w = lrBaseWarmup(input);
      return finish(input, constant(input, lr), "Constant", w, lr, name);
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
    params: [...COMMON, { name: "learning_rate" }, { name: "end_lr", default: f(0.0) }, { name: "power", default: f(1.0) }, { name: "cycle", default: { type: "bool", value: false } }, ...WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input, true);
      const decay = remainingAfterWarmup(input, w, byEpochOf(input));
      if (!positive(decay, "decay_steps", input.epochs.origin)) return finish(input, constant(input, lr), "Constant", w, lr, name);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      rec.derived("decay_steps", decay, input.epochs.origin);
      id(rec, input, "end_lr");
      id(rec, input, "power");
      id(rec, input, "cycle");
      passLastEpoch(rec, b);
      return finish(input, rec, "PolynomialDecay", w, lr, name);
    },
  },
  Cosine: {
    params: [...COMMON, { name: "learning_rate" }, { name: "eta_min", default: f(0.0) }, ...WARM],
    acceptsExtra: true,
    build(input, name) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = lrBaseWarmup(input);
      const tMax = remainingAfterWarmup(input, w, w.byEpoch);
      if (!positive(tMax, "T_max", input.epochs.origin)) return finish(input, constant(input, lr), "Constant", w, lr, name);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      rec.derived("T_max", tMax, input.epochs.origin);
      id(rec, input, "eta_min");
      passLastEpoch(rec, b);
      return finish(input, rec, "CosineAnnealingDecay", w, lr, name);
    },
  },
  Cyclic: {
    params: [
      ...COMMON,
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
      return finish(input, rec, "CyclicLR", w, base, name, { stepSizesInIterations: true });
    },
  },
  Step: {
    params: [...COMMON, { name: "learning_rate" }, { name: "step_size" }, { name: "gamma" }, ...WARM],
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
      return finish(input, rec, "StepDecay", w, lr, name);
    },
  },
  Piecewise: {
    params: [...COMMON, { name: "decay_epochs" }, { name: "values" }, ...WARM, { name: "learning_rate", default: none }],
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
      const built = finish(input, rec, "PiecewiseDecay", w, endLr, name, facts);
      const src = built.rec.sources["end_lr"];
      if (src) built.rec.sources["end_lr"] = { ...src, transform: "derived" };
      return built;
    },
  },
  MultiStepDecay: {
    params: [...COMMON, { name: "learning_rate" }, { name: "milestones" }, { name: "gamma", default: f(0.1) }, ...WARM],
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
      return finish(input, rec, "MultiStepDecay", w, lr, name);
    },
  },
  ReduceOnPlateau: {
    params: [
      ...COMMON,
      { name: "learning_rate" },
      { name: "mode", default: { type: "str", value: "min" } },
      { name: "factor", default: f(0.1) },
      { name: "patience", default: i(10) },
      { name: "threshold", default: f(1e-4) },
      { name: "threshold_mode", default: { type: "str", value: "rel" } },
      { name: "cooldown", default: i(0) },
      { name: "min_lr", default: i(0) },
      { name: "epsilon", default: f(1e-8) },
      ...WARM,
    ],
    acceptsExtra: true,
    build(input, name) {
      const lr = input.bound.get("learning_rate");
      const w = lrBaseWarmup(input);
      const rec = new ArgRecorder();
      rec.identity("learning_rate", lr.value, lr.origin);
      for (const k of ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "epsilon"]) id(rec, input, k);
      return finish(input, rec, "ReduceOnPlateau", w, lr, name, { metricDriven: true });
    },
  },
  CosineFixmatch: {
    params: [...COMMON, { name: "learning_rate" }, { name: "num_warmup_steps" }, { name: "num_cycles", default: f(7 / 16) }, { name: "last_epoch", default: i(-1) }, { name: "by_epoch", default: { type: "bool", value: false } }],
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
      ...COMMON,
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
      return finish(input, rec, "OneCycleLR", w, max, name);
    },
  },
};
