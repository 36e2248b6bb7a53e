/**
 * PaddleOCR's `OneCycleDecay` (`ppocr/optimizer/lr_scheduler.py`), a torch-style one-cycle schedule
 * that is not Paddle's `OneCycleLR`: from max_lr/div_factor up to max_lr over pct_start of the run,
 * then down to max_lr/div_factor/final_div_factor, with the same checks and float operations.
 */
import type { SchedulerDefinition } from "../../schedulers/definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "../../schedulers/engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "../../schedulers/engine/closed-class";
import { pushIn } from "../../schedulers/engine/form";
import { mathCos, trueDiv } from "../../schedulers/engine/py-ops";
import { paddleRaise, pythonRaise } from "../../schedulers/engine/py-raise";
import { arithmetic, compare, isPyFloat, isPyInt, numericValue, pyStr, truthy, typeName } from "../../schedulers/engine/py-value";
import type { BoundArgs } from "../../schedulers/engine/signature";

interface Phase {
  endStep: number;
  startLr: number;
  endLr: number;
}

interface OneCycleParams {
  total: number;
  phases: Phase[];
  cos: boolean;
  lastEpoch: number;
}

function positiveInt(v: BoundArgs[string], name: string): number {
  // `if x <= 0 or not isinstance(x, int)`: the comparison runs first (None/str raise TypeError).
  const nonPositive = compare(v, "<=", 0, "int", name);
  if (nonPositive || !isPyInt(v)) paddleRaise("ValueError", `Expected positive integer ${name}, but got ${pyStr(v)}`, name);
  return numericValue(v) as number;
}

function anneal(p: OneCycleParams, start: number, end: number, pct: number): number {
  if (p.cos) return end + ((start - end) / 2.0) * (mathCos(Math.PI * pct) + 1);
  return (end - start) * pct + start;
}

/** get_lr at `last_epoch = t`. */
function lrAt(p: OneCycleParams, t: number): number {
  if (t > p.total) paddleRaise("ValueError", `Tried to step ${t + 1} times. The specified number of total steps is ${p.total}`, null);
  let start = 0;
  for (let i = 0; i < p.phases.length; i++) {
    const ph = p.phases[i];
    if (t <= ph.endStep || i === p.phases.length - 1) {
      const pct = trueDiv(t - start, ph.endStep - start, null);
      return anneal(p, ph.startLr, ph.endLr, pct);
    }
    start = ph.endStep;
  }
  return 0;
}

export const OneCycleDecay: SchedulerDefinition<OneCycleParams> = {
  name: "OneCycleDecay",
  doc: "PaddleOCR's one-cycle schedule (torch's OneCycleLR): rises from `max_lr / div_factor` to `max_lr` over `pct_start` of `epochs × steps_per_epoch` steps, then anneals to `max_lr / div_factor / final_div_factor` (cosine or linear).",
  params: [
    { name: "max_lr", required: true, kind: "number", doc: "Peak learning rate." },
    { name: "epochs", required: false, default: { type: "none" }, kind: "int", doc: "Training epochs (PaddleOCR passes Global.epoch_num)." },
    { name: "steps_per_epoch", required: false, default: { type: "none" }, kind: "int", doc: "Iterations per epoch (PaddleOCR passes the loader length)." },
    { name: "pct_start", required: false, default: { type: "float", value: 0.3 }, kind: "float", doc: "Share of the run spent rising." },
    { name: "anneal_strategy", required: false, default: { type: "str", value: "cos" }, kind: "str", enum: ["cos", "linear"], doc: "Annealing shape." },
    { name: "div_factor", required: false, default: { type: "float", value: 25.0 }, kind: "number", doc: "Initial LR = max_lr / div_factor." },
    { name: "final_div_factor", required: false, default: { type: "float", value: 1e4 }, kind: "number", doc: "Final LR = initial LR / final_div_factor." },
    { name: "three_phase", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Go back down to the initial LR before the final annealing." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): OneCycleParams {
    const epochs = positiveInt(args.epochs, "epochs");
    const spe = positiveInt(args.steps_per_epoch, "steps_per_epoch");
    const total = epochs * spe;
    const maxLr = arithmetic(args.max_lr, "/", "float", true, "max_lr");
    const initial = trueDiv(maxLr, arithmetic(args.div_factor, "/", typeName(args.max_lr), false, "div_factor"), "div_factor");
    const minLr = trueDiv(initial, arithmetic(args.final_div_factor, "/", "float", false, "final_div_factor"), "final_div_factor");
    const pct = arithmetic(args.pct_start, "*", "int", true, "pct_start");
    const phases: Phase[] = [{ endStep: pct * total - 1, startLr: initial, endLr: maxLr }];
    if (truthy(args.three_phase)) {
      phases.push({ endStep: 2 * pct * total - 2, startLr: maxLr, endLr: initial }, { endStep: total - 1, startLr: initial, endLr: minLr });
    } else phases.push({ endStep: total - 1, startLr: maxLr, endLr: minLr });
    if (pct < 0 || pct > 1 || !isPyFloat(args.pct_start)) paddleRaise("ValueError", `Expected float between 0 and 1 pct_start, but got ${pyStr(args.pct_start)}`, "pct_start");
    const strategy = args.anneal_strategy.type === "str" ? args.anneal_strategy.value : undefined;
    if (strategy !== "cos" && strategy !== "linear") paddleRaise("ValueError", `anneal_strategy must by one of 'cos' or 'linear', instead got ${pyStr(args.anneal_strategy)}`, "anneal_strategy");
    baseLearningRate(args.max_lr, "max_lr");
    if (!Number.isFinite(total)) pythonRaise("OverflowError", "epochs × steps_per_epoch is too large", "epochs");
    return { total, phases, cos: strategy === "cos", lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("OneCycleDecay", (t) => lrAt(p, t)).begin(p.phases[0].endLr, p.lastEpoch);
  },

  forms(p) {
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      critical(lo, hi, push) {
        for (const ph of p.phases) pushIn(lo, hi, push, Math.floor(ph.endStep), Math.floor(ph.endStep) + 1);
      },
      firstError: (from, limit) => Math.max(from, Math.min(limit, p.total + 1)),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    for (let i = 0; i < p.phases.length - 1; i++) {
      const step = Math.floor(p.phases[i].endStep) + 1;
      if (step >= lo && step < hi) out.push({ step, kind: "phase", label: i === 0 ? "peak (max_lr)" : `phase ${i + 2}` });
    }
  },

  horizon: (p) => ({ epochs: p.total, from: "epochs × steps_per_epoch" }),
};
