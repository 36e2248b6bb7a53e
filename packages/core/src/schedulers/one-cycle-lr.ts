/** OneCycleLR: up from max/divide_factor to max, then down to end_learning_rate (three_phase: back to the initial LR first), by cos or linear annealing, valid for epochs 0..total_steps. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRateOf, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn } from "./engine/form";
import { mathCos, trueDiv } from "./engine/py-ops";
import { paddleRaise } from "./engine/py-raise";
import { compare, isPyFloat, isPyInt, isPyNumber, numericValue, pyStr, truthy, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";

interface OneCycleParams {
  initialLr: number;
  totalSteps: number;
  /** `_step_config`: phase boundaries (floats), and `_steps_size`, `_lr_config`. */
  stepConfig: number[];
  stepsSize: number[];
  lrConfig: number[];
  linear: boolean;
  lastEpoch: number;
}

function anneal(p: OneCycleParams, start: number, end: number, pct: number): number {
  if (p.linear) return (end - start) * pct + start;
  const cosOut = mathCos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/** Paddle's get_lr: the first phase whose end is ≥ t (the last phase catches the rest). */
function lrAt(p: OneCycleParams, t: number): number {
  if (t > p.totalSteps) paddleRaise("ValueError", `Tried to step ${t} times. However the number of total steps is ${p.totalSteps}`, "total_steps");
  const last = p.lrConfig.length - 2;
  for (let i = 0; i <= last; i++) {
    if (t <= p.stepConfig[i + 1] || i === last) {
      const pct = trueDiv(t - p.stepConfig[i], p.stepsSize[i], "phase_pct");
      return anneal(p, p.lrConfig[i], p.lrConfig[i + 1], pct);
    }
  }
  return p.lrConfig[0];
}

/** The first epoch ≥ 0 at which get_lr raises: a zero-length phase that some epoch falls into, or total_steps + 1. */
function firstRaise(p: OneCycleParams): number {
  let first = p.totalSteps + 1;
  const last = p.lrConfig.length - 2;
  let prevEnd = -Infinity;
  for (let i = 0; i <= last; i++) {
    const end = i === last ? Infinity : p.stepConfig[i + 1];
    // Epochs t with prevEnd < t <= end land in phase i.
    const lo = Math.max(0, Math.floor(prevEnd) + 1);
    if (p.stepsSize[i] === 0 && lo <= end && lo < first) first = lo;
    prevEnd = Math.max(prevEnd, end);
  }
  return first;
}

export const OneCycleLR: SchedulerDefinition<OneCycleParams> = {
  name: "OneCycleLR",
  doc: "One-cycle policy: from max_learning_rate/divide_factor up to max_learning_rate over phase_pct of total_steps, then down to end_learning_rate (three_phase: down to the initial LR, then to end_learning_rate), by cosine or linear annealing. Epochs 0..total_steps are valid; the next step() raises.",
  params: [
    { name: "max_learning_rate", required: true, kind: "number", doc: "The peak learning rate (≥ 0)." },
    { name: "total_steps", required: true, kind: "int", doc: "Length of the cycle in steps (a positive int). Stepping past it raises ValueError." },
    { name: "divide_factor", required: false, default: { type: "float", value: 25.0 }, kind: "number", doc: "The initial LR is max_learning_rate / divide_factor. Default 25." },
    { name: "end_learning_rate", required: false, default: { type: "float", value: 0.0001 }, kind: "number", doc: "The final LR (≥ 0). Default 0.0001." },
    { name: "phase_pct", required: false, default: { type: "float", value: 0.3 }, kind: "float", doc: "Fraction of total_steps spent rising; a float in [0, 1] (0 and 1 written as ints are rejected). < 0.5 with three_phase." },
    { name: "anneal_strategy", required: false, default: { type: "str", value: "cos" }, kind: "str", enum: ["cos", "linear"], doc: "'cos' or 'linear' annealing within each phase." },
    { name: "three_phase", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Add a phase back down to the initial LR before the final decay (the paper's schedule)." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): OneCycleParams {
    const max = args.max_learning_rate;
    if (!isPyNumber(max)) paddleRaise("TypeError", `'max_learning_rate' must be 'float' or 'int', but received ${typeRepr(max)}`, "max_learning_rate");
    if (compare(max, "<", 0, "int", "max_learning_rate")) paddleRaise("ValueError", "'max_learning_rate' must be a positive integer.", "max_learning_rate");
    const end = args.end_learning_rate;
    if (!isPyNumber(end)) paddleRaise("TypeError", `'end_learning_rate' must be 'float' or 'int', but received ${typeRepr(end)}`, "end_learning_rate");
    if (compare(end, "<", 0, "int", "end_learning_rate")) paddleRaise("ValueError", "'end_learning_rate' must be a positive integer.", "end_learning_rate");
    const total = args.total_steps;
    if (!isPyInt(total)) paddleRaise("TypeError", `'total_step' must be 'int', but received ${typeRepr(total)}`, "total_steps");
    if (compare(total, "<=", 0, "int", "total_steps")) paddleRaise("ValueError", "'total_step' must be a positive integer.", "total_steps");
    const pctV = args.phase_pct;
    if (!isPyFloat(pctV)) paddleRaise("TypeError", `'phase_pct' must be 'float', but received ${typeRepr(pctV)}`, "phase_pct");
    if (compare(pctV, "<", 0, "int", "phase_pct") || compare(pctV, ">", 1, "int", "phase_pct")) {
      paddleRaise("ValueError", `'phase_pct' must be between 0 and 1, but received ${pyStr(pctV)}`, "phase_pct");
    }
    const div = args.divide_factor;
    if (!isPyNumber(div)) paddleRaise("TypeError", `'divide_factor' must be 'float' or 'int', but received ${typeRepr(div)}`, "divide_factor");
    const maxLr = numericValue(max) as number;
    const initialLr = trueDiv(maxLr, numericValue(div) as number, "divide_factor");
    const minLr = numericValue(end) as number;
    const T = numericValue(total) as number;
    const pct = numericValue(pctV) as number;
    let stepConfig: number[];
    let stepsSize: number[];
    let lrConfig: number[];
    if (truthy(args.three_phase)) {
      if (pct >= 0.5) paddleRaise("ValueError", "When three_phase is True, 'phase_pct' must be less than 0.5", "phase_pct");
      stepConfig = [0, pct * T - 1, 2 * pct * T - 2, T - 1, T - 1];
      stepsSize = [stepConfig[1] - stepConfig[0], stepConfig[2] - stepConfig[1], stepConfig[3] - stepConfig[2], stepConfig[3] - stepConfig[2]];
      lrConfig = [initialLr, maxLr, initialLr, minLr];
    } else {
      stepConfig = [0, pct * T - 1, T - 1, T - 1];
      stepsSize = [stepConfig[1] - stepConfig[0], stepConfig[2] - stepConfig[1], stepConfig[2] - stepConfig[1]];
      lrConfig = [initialLr, maxLr, minLr];
    }
    const strategy = args.anneal_strategy;
    const isStr = strategy.type === "str";
    if (!isStr || (strategy.value !== "cos" && strategy.value !== "linear")) {
      paddleRaise("ValueError", `'anneal_strategy' must by one of 'cos' or 'linear', but received ${pyStr(strategy)}`, "anneal_strategy");
    }
    // The base constructor checks the derived initial LR (a negative divide_factor fails here).
    baseLearningRateOf(initialLr, "divide_factor");
    return { initialLr, totalSteps: T, stepConfig, stepsSize, lrConfig, linear: isStr && strategy.value === "linear", lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("OneCycleLR", (t) => lrAt(p, t)).begin(p.initialLr, p.lastEpoch);
  },

  forms(p) {
    const raiseAt = firstRaise(p);
    const last = p.lrConfig.length - 2;
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        // Phase by phase, with get_lr's arithmetic (callers only fill ranges where nothing raises).
        let k = 0;
        while (k < out.length) {
          const t0 = from + k;
          let i = 0;
          while (i < last && !(t0 <= p.stepConfig[i + 1])) i++;
          const stop = i === last ? out.length : Math.min(out.length, Math.floor(p.stepConfig[i + 1]) - from + 1);
          const s = p.stepConfig[i];
          const size = p.stepsSize[i];
          const a = p.lrConfig[i];
          const b = p.lrConfig[i + 1];
          if (p.linear) for (; k < stop; k++) out[k] = (b - a) * ((from + k - s) / size) + a;
          else {
            const half = (a - b) / 2.0;
            for (; k < stop; k++) out[k] = b + half * (Math.cos(Math.PI * ((from + k - s) / size)) + 1);
          }
        }
      },
      critical(lo, hi, push) {
        for (const e of p.stepConfig) pushIn(lo, hi, push, Math.floor(e), Math.floor(e) + 1);
        pushIn(lo, hi, push, p.totalSteps);
      },
      firstError: (from, limit) => Math.max(from, Math.min(limit, raiseAt)),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    const ends = p.stepConfig.slice(1, -1);
    const labels = p.lrConfig.length === 4 ? ["peak (max_learning_rate)", "back to the initial LR"] : ["peak (max_learning_rate)"];
    ends.slice(0, labels.length).forEach((e, i) => {
      const step = Math.max(0, Math.ceil(e));
      if (step >= lo && step < hi) out.push({ step, kind: "phase", label: labels[i] });
    });
    if (p.totalSteps >= lo && p.totalSteps < hi) out.push({ step: p.totalSteps, kind: "end", label: `total_steps = ${p.totalSteps}: the next step raises` });
  },

  horizon(p) {
    return { epochs: p.totalSteps + 1, from: "total_steps" };
  },
};
