/**
 * PaddleOCR's LR classes (`ppocr/optimizer/learning_rate.py`) as builders of the `paddle.optimizer.lr`
 * chain each one constructs: the same classes, argument values, Python types and warmup wrapping.
 */
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder } from "../common/args";
import { type Arg, type Bound, type PyParam, isExactScale, listTimesSpe, must, roundTimesSpe, SuiteRejects, timesSpe } from "../common/kwargs";
import { pyNumber, pyShow, pyToFloat } from "../common/py-arith";
import { PLAIN_NUMBER, plainNumberRecorder } from "../common/plain-number";

const f = (value: number): PyValue => ({ type: "float", value });
const i = (value: number): PyValue => ({ type: "int", value });

export interface OcrBuildInput {
  bound: Bound;
  /** Steps per epoch the builder multiplies with (the loader length; nominal when unknown). */
  spe: number;
  /** `Global.epoch_num`, injected as `epochs`. */
  epochs: Arg;
}

export interface OcrBuilt {
  rec: ArgRecorder;
  /** Constructor name of the outermost spec. */
  specName: string;
  kind: string;
  warmupSteps?: number;
  /** True when the builder returns a plain float that the loop never steps. */
  plainNumber?: boolean;
  facts: Record<string, unknown>;
}

export interface OcrClass {
  params: PyParam[];
  build(input: OcrBuildInput): OcrBuilt;
}

const LAST_EPOCH: PyParam = { name: "last_epoch", default: i(-1) };
const WARMUP_EPOCH: PyParam = { name: "warmup_epoch", default: i(0) };
const INJECTED: PyParam[] = [{ name: "epochs" }, { name: "step_each_epoch" }];

function setIfGiven(rec: ArgRecorder, b: Bound, name: string, as = name): void {
  if (b.has(name)) rec.identity(as, b.get(name).value, b.get(name).origin);
}

/** `round(warmup_epoch * step_each_epoch)`, computed in every OCR class's `__init__`. */
function warmupSteps(input: OcrBuildInput): { steps: number; arg: Arg; value: PyValue } {
  const arg = input.bound.get("warmup_epoch");
  const value = roundTimesSpe(arg, input.spe, "round(warmup_epoch * step_each_epoch)");
  return { steps: pyNumber(value)?.value ?? 0, arg, value };
}

function recordWarmupSteps(rec: ArgRecorder, w: { arg: Arg; value: PyValue }, spe: number): void {
  if (isExactScale(w.arg, spe)) rec.scaled("warmup_steps", w.value, w.arg.origin, spe);
  else rec.derived("warmup_steps", w.value, w.arg.origin);
}

/** Wraps the inner recorder in `LinearWarmup(inner, warmup, start_lr=0.0, end_lr=<lr>)` when the warmup is positive. */
function withWarmup(input: OcrBuildInput, inner: ArgRecorder, innerName: string, endLr: Arg, kindName: string, facts: Record<string, unknown> = {}): OcrBuilt {
  const w = warmupSteps(input);
  if (w.steps <= 0) return { rec: inner, specName: innerName, kind: kindName, facts };
  const rec = new ArgRecorder();
  rec.nest("learning_rate", { spec: inner.spec(innerName), sources: inner.sources });
  recordWarmupSteps(rec, w, input.spe);
  rec.fixed("start_lr", f(0.0));
  rec.identity("end_lr", endLr.value, endLr.origin);
  setIfGiven(rec, input.bound, "last_epoch");
  return { rec, specName: "LinearWarmup", kind: `${kindName}+warmup`, warmupSteps: w.steps, facts: { ...facts, warmupSteps: w.steps } };
}

/** `epochs * step_each_epoch` (T_max, decay_steps), recorded as scaled from `Global.epoch_num`. */
function epochsTimesSpe(input: OcrBuildInput, rec: ArgRecorder, as: string): void {
  const v = timesSpe(input.epochs, input.spe, `${as} = step_each_epoch * epochs`);
  rec.scaled(as, v, input.epochs.origin, input.spe);
}

function scaledArg(input: OcrBuildInput, rec: ArgRecorder, name: string, as: string, what: string): void {
  const arg = input.bound.get(name);
  const v = arg.value.type === "list" || name === "milestones" || name === "decay_epochs" ? listTimesSpe(arg, input.spe, what) : timesSpe(arg, input.spe, what);
  if (isExactScale(arg, input.spe)) rec.scaled(as, v, arg.origin, input.spe);
  else rec.derived(as, v, arg.origin);
}

/** `float(x)` as LinearWarmupCosine does: identity when x already is a float, derived when it was converted. */
function floatArg(rec: ArgRecorder, arg: Arg, as: string): PyValue {
  const v = must(pyToFloat(arg.value), `float(${as})`, arg.origin);
  if (arg.value.type === "float") rec.identity(as, v, arg.origin);
  else rec.derived(as, v, arg.origin);
  return v;
}

export const OCR_CLASSES: Record<string, OcrClass> = {
  Linear: {
    params: [{ name: "learning_rate" }, ...INJECTED, { name: "end_lr", default: f(0.0) }, { name: "power", default: f(1.0) }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      epochsTimesSpe(input, rec, "decay_steps");
      rec.identity("end_lr", b.get("end_lr").value, b.get("end_lr").origin);
      rec.identity("power", b.get("power").value, b.get("power").origin);
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "PolynomialDecay", b.get("learning_rate"), "Linear", { decayIncludesWarmup: true });
    },
  },
  Cosine: {
    params: [{ name: "learning_rate" }, ...INJECTED, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      epochsTimesSpe(input, rec, "T_max");
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "CosineAnnealingDecay", b.get("learning_rate"), "Cosine", { decayIncludesWarmup: true });
    },
  },
  LinearWarmupCosine: {
    params: [{ name: "learning_rate" }, ...INJECTED, { name: "warmup_steps", default: i(5000) }, { name: "start_lr", default: f(1e-5) }, { name: "min_lr", default: f(1e-8) }, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      const lr = floatArg(rec, b.get("learning_rate"), "learning_rate");
      epochsTimesSpe(input, rec, "T_max");
      const minLr = must(pyToFloat(b.get("min_lr").value), "float(min_lr)", b.get("min_lr").origin);
      rec.derived("eta_min", minLr, b.get("min_lr").origin);
      setIfGiven(rec, b, "last_epoch");
      const warm = b.get("warmup_steps");
      const ws = pyNumber(warm.value);
      if (!ws) throw new SuiteRejects(`LinearWarmupCosine compares warmup_steps > 0: TypeError for ${pyShow(warm.value)}`, warm.origin);
      if (ws.value <= 0) return { rec, specName: "CosineAnnealingDecay", kind: "LinearWarmupCosine", facts: {} };
      const outer = new ArgRecorder();
      outer.nest("learning_rate", { spec: rec.spec("CosineAnnealingDecay"), sources: rec.sources });
      outer.identity("warmup_steps", warm.value, warm.origin);
      const startArg = b.get("start_lr");
      const start = must(pyToFloat(startArg.value), "float(start_lr)", startArg.origin);
      if (startArg.origin) outer.derived("start_lr", start, startArg.origin);
      else outer.fixed("start_lr", start);
      outer.derived("end_lr", lr, b.get("learning_rate").origin);
      setIfGiven(outer, b, "last_epoch");
      return { rec: outer, specName: "LinearWarmup", kind: "LinearWarmupCosine", warmupSteps: ws.value, facts: { warmupSteps: ws.value, warmupInIterations: true } };
    },
  },
  Step: {
    params: [{ name: "learning_rate" }, { name: "step_size" }, ...INJECTED, { name: "gamma" }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      scaledArg(input, rec, "step_size", "step_size", "step_each_epoch * step_size");
      rec.identity("gamma", b.get("gamma").value, b.get("gamma").origin);
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "StepDecay", b.get("learning_rate"), "Step");
    },
  },
  Piecewise: {
    params: [...INJECTED, { name: "decay_epochs" }, { name: "values" }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      scaledArg(input, rec, "decay_epochs", "boundaries", "[step_each_epoch * e for e in decay_epochs]");
      const values = b.get("values");
      rec.identity("values", values.value, values.origin);
      setIfGiven(rec, b, "last_epoch");
      const w = warmupSteps(input);
      if (w.steps <= 0) return { rec, specName: "PiecewiseDecay", kind: "Piecewise", facts: {} };
      // The warmup ramps to values[0]: an empty or non-list `values` fails right here in the suite.
      const first = values.value.type === "list" ? values.value.items[0] : undefined;
      if (!first) throw new SuiteRejects(`Piecewise with warmup reads values[0]: ${values.value.type === "list" ? "IndexError: list index out of range" : `TypeError for ${pyShow(values.value)}`}`, values.origin);
      const end: Arg = { value: first, origin: values.origin };
      const built = withWarmup(input, rec, "PiecewiseDecay", end, "Piecewise");
      const src = built.rec.sources["end_lr"];
      if (src) built.rec.sources["end_lr"] = { ...src, transform: "derived" };
      return built;
    },
  },
  CyclicalCosine: {
    params: [{ name: "learning_rate" }, ...INJECTED, { name: "cycle" }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      epochsTimesSpe(input, rec, "T_max");
      const cycle = b.get("cycle");
      const v = roundTimesSpe(cycle, input.spe, "round(cycle * step_each_epoch)");
      if (isExactScale(cycle, input.spe)) rec.scaled("cycle", v, cycle.origin, input.spe);
      else rec.derived("cycle", v, cycle.origin);
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "CyclicalCosineDecay", b.get("learning_rate"), "CyclicalCosine");
    },
  },
  OneCycle: {
    params: [{ name: "max_lr" }, ...INJECTED, { name: "anneal_strategy", default: { type: "str", value: "cos" } }, { name: "three_phase", default: { type: "bool", value: false } }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("max_lr", b.get("max_lr").value, b.get("max_lr").origin);
      rec.identity("epochs", input.epochs.value, input.epochs.origin);
      rec.fixed("steps_per_epoch", i(input.spe));
      rec.identity("anneal_strategy", b.get("anneal_strategy").value, b.get("anneal_strategy").origin);
      rec.identity("three_phase", b.get("three_phase").value, b.get("three_phase").origin);
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "OneCycleDecay", b.get("max_lr"), "OneCycle");
    },
  },
  Const: {
    params: [{ name: "learning_rate" }, { name: "step_each_epoch" }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const lr = b.get("learning_rate");
      const w = warmupSteps(input);
      if (w.steps > 0) {
        const rec = new ArgRecorder();
        rec.identity("learning_rate", lr.value, lr.origin);
        recordWarmupSteps(rec, w, input.spe);
        rec.fixed("start_lr", f(0.0));
        rec.identity("end_lr", lr.value, lr.origin);
        setIfGiven(rec, b, "last_epoch");
        return { rec, specName: "LinearWarmup", kind: "Const+warmup", warmupSteps: w.steps, facts: { warmupSteps: w.steps } };
      }
      // A plain number: the optimizer takes it as a fixed LR and the loop never steps it.
      return { rec: plainNumberRecorder(lr.value, lr.origin), specName: PLAIN_NUMBER, kind: "Const (plain number)", plainNumber: true, facts: { plainNumber: true } };
    },
  },
  DecayLearningRate: {
    params: [{ name: "learning_rate" }, ...INJECTED, { name: "factor", default: f(0.9) }, { name: "end_lr", default: i(0) }],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      epochsTimesSpe(input, rec, "decay_steps");
      const factor = b.get("factor");
      if (factor.origin) rec.identity("power", factor.value, factor.origin);
      else rec.fixed("power", factor.value);
      // `self.end_lr = 0` whatever the file says.
      rec.fixed("end_lr", i(0));
      return { rec, specName: "PolynomialDecay", kind: "DecayLearningRate", facts: { endLrForcedToZero: true } };
    },
  },
  MultiStepDecay: {
    params: [{ name: "learning_rate" }, { name: "milestones" }, ...INJECTED, { name: "gamma" }, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      scaledArg(input, rec, "milestones", "milestones", "[step_each_epoch * e for e in milestones]");
      rec.identity("gamma", b.get("gamma").value, b.get("gamma").origin);
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "MultiStepDecay", b.get("learning_rate"), "MultiStepDecay");
    },
  },
  TwoStepCosine: {
    params: [{ name: "learning_rate" }, ...INJECTED, WARMUP_EPOCH, LAST_EPOCH],
    build(input) {
      const b = input.bound;
      const rec = new ArgRecorder();
      rec.identity("learning_rate", b.get("learning_rate").value, b.get("learning_rate").origin);
      rec.fixed("T_max1", i(input.spe * 200));
      epochsTimesSpe(input, rec, "T_max2");
      setIfGiven(rec, b, "last_epoch");
      return withWarmup(input, rec, "TwoStepCosineDecay", b.get("learning_rate"), "TwoStepCosine", { decayIncludesWarmup: true });
    },
  },
};

/** Keys each class reads, for `ignored-key` findings (everything else goes to `**kwargs` and is dropped). */
export function paramNames(cls: OcrClass): Set<string> {
  return new Set(cls.params.map((p) => p.name));
}
