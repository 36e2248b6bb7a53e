/** CyclicLR: triangular cycles between base and max LR (triangular, triangular2, exp_range, or a user scale_fn), with Paddle's exact position arithmetic. */
import { firstOverflowExponent } from "../numeric/pow";
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn, regularIndices } from "./engine/form";
import { callFunction } from "./engine/py-function";
import { floorDiv, pow } from "./engine/py-ops";
import { paddleRaise } from "./engine/py-raise";
import { arithmetic, compare, isPyFloat, isPyInt, isPyNumber, numericValue, pyStr, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

type Scale = "triangular" | "triangular2" | "exp_range" | "user";

interface CyclicParams {
  baseLr: number;
  amplitude: number;
  cycleSize: number;
  stepUpPct: number;
  up: number;
  scale: Scale;
  gamma: number;
  fn: PyValue;
  byIterations: boolean;
  lastEpoch: number;
}

function scaleFactor(p: CyclicParams, cycle: number, iterations: number): number {
  switch (p.scale) {
    case "triangular":
      return 1.0;
    case "triangular2":
      return 1 / pow(2.0, cycle - 1, "mode");
    case "exp_range":
      return pow(p.gamma, iterations, "exp_gamma");
    case "user":
      // Paddle passes `cycle`, a float (1.0, 2.0, ...), or `iterations`, the int last_epoch.
      return p.byIterations ? callFunction(p.fn, iterations, "scale_fn") : callFunction(p.fn, cycle, "scale_fn", false);
  }
}

/** Paddle's get_lr: `cycle = 1 + t // cycle_size` (a float), `pct = 1.0 + t / cycle_size - cycle`, ... */
function lrAt(p: CyclicParams, t: number): number {
  const cycle = 1 + floorDiv(t, p.cycleSize, null);
  const pct = 1.0 + t / p.cycleSize - cycle;
  const scale = pct <= p.stepUpPct ? pct / p.stepUpPct : (1 - pct) / (1 - p.stepUpPct);
  const height = p.amplitude * scale;
  return p.baseLr + height * scaleFactor(p, cycle, t);
}

function checkStepSize(v: PyValue, name: string): void {
  if (!isPyInt(v)) paddleRaise("TypeError", `The type of '${name}' must be int, but received ${typeRepr(v)}`, name);
  if (compare(v, "<=", 0, "int", name)) paddleRaise("ValueError", `'${name}' must be a positive integer, but received ${pyStr(v)}`, name);
}

export const CyclicLR: SchedulerDefinition<CyclicParams> = {
  name: "CyclicLR",
  doc: "Cyclical LR: a triangle from base_learning_rate up to max_learning_rate over step_size_up steps and back over step_size_down, its height scaled per cycle (triangular: 1, triangular2: halved each cycle) or per step (exp_range: exp_gamma^t), or by a user scale_fn.",
  params: [
    { name: "base_learning_rate", required: true, kind: "number", doc: "The lower bound of each cycle (and the initial LR)." },
    { name: "max_learning_rate", required: true, kind: "number", doc: "The upper bound; amplitude = max − base (not checked to be positive)." },
    { name: "step_size_up", required: true, kind: "int", doc: "Steps of the rising half of a cycle; a positive int." },
    { name: "step_size_down", required: false, default: { type: "none" }, kind: "int", doc: "Steps of the falling half; defaults to step_size_up." },
    { name: "mode", required: false, default: { type: "str", value: "triangular" }, kind: "str", enum: ["triangular", "triangular2", "exp_range"], doc: "The built-in scaling; ignored when scale_fn is given." },
    { name: "exp_gamma", required: false, default: { type: "float", value: 1.0 }, kind: "float", doc: "exp_range's factor per step (a float literal: 1 as an int is rejected, whatever the mode)." },
    { name: "scale_fn", required: false, default: { type: "none" }, kind: "fn", doc: "A custom scaling function of the cycle number or the step (see scale_mode)." },
    { name: "scale_mode", required: false, default: { type: "str", value: "cycle" }, kind: "str", enum: ["cycle", "iterations"], doc: "What scale_fn receives: the cycle number (a float, from 1.0) or the step. Validated even without scale_fn." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): CyclicParams {
    const max = args.max_learning_rate;
    if (!isPyNumber(max)) paddleRaise("TypeError", `'max_learning_rate' must be 'float' or 'int', but received ${typeRepr(max)}`, "max_learning_rate");
    if (compare(max, "<", 0, "int", "max_learning_rate")) paddleRaise("ValueError", `'max_learning_rate' must be a positive integer, but received ${pyStr(max)}`, "max_learning_rate");
    checkStepSize(args.step_size_up, "step_size_up");
    if (args.step_size_down.type !== "none") checkStepSize(args.step_size_down, "step_size_down");
    if (!isPyFloat(args.exp_gamma)) paddleRaise("TypeError", `The type of 'exp_gamma' must be float, but received ${typeRepr(args.exp_gamma)}`, "exp_gamma");
    const up = numericValue(args.step_size_up) as number;
    const down = args.step_size_down.type === "none" ? up : (numericValue(args.step_size_down) as number);
    const cycleSize = up + down;
    const stepUpPct = up / cycleSize;
    const maxLr = numericValue(max) as number;
    const amplitude = maxLr - arithmetic(args.base_learning_rate, "-", "float", false, "base_learning_rate");
    const mode = args.mode;
    const modeName = mode.type === "str" ? mode.value : "";
    const builtIn = modeName === "triangular" || modeName === "triangular2" || modeName === "exp_range";
    const userFn = args.scale_fn.type !== "none";
    if (!builtIn && !userFn) {
      paddleRaise("ValueError", "'mode' is invalid and 'scale_fn' is not specified, make sure one of 'mode' or 'scale_fn' is valid", "mode");
    }
    const sm = args.scale_mode;
    if (sm.type !== "str" || (sm.value !== "cycle" && sm.value !== "iterations")) paddleRaise("ValueError", "'scale_mode' must be one of 'cycle' or 'iterations", "scale_mode");
    const baseLr = baseLearningRate(args.base_learning_rate, "base_learning_rate");
    return {
      baseLr,
      amplitude,
      cycleSize,
      stepUpPct,
      up,
      scale: userFn ? "user" : (modeName as Scale),
      gamma: numericValue(args.exp_gamma) as number,
      fn: args.scale_fn,
      byIterations: userFn ? sm.value === "iterations" : modeName === "exp_range",
      lastEpoch: lastEpochArg(args.last_epoch),
    };
  },

  create(p) {
    return new FunctionState("CyclicLR", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const c = p.cycleSize;
    // triangular2 divides by 2.0 ** (cycle - 1), which overflows (OverflowError) from cycle 1025 on;
    // exp_range with exp_gamma > 1 overflows once exp_gamma ** t does.
    const raiseAt = p.scale === "triangular2" ? 1024 * c : p.scale === "exp_range" ? firstOverflowExponent(p.gamma) : Infinity;
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      analytic: p.scale !== "user",
      critical(lo, hi, push) {
        // Cycle starts (the low point) and peaks: the first and last of each in range. Heights are
        // monotone across cycles for every built-in scaling, so these bound the extremes.
        const k0 = Math.ceil(lo / c);
        const k1 = Math.floor(hi / c);
        // exp_range also peaks inside the rise when exp_gamma^t decays faster than the ramp grows (at t' = -1/ln(exp_gamma)).
        const tau = p.scale === "exp_range" && p.gamma > 0 && p.gamma < 1 ? -1 / Math.log(p.gamma) : Infinity;
        for (const k of [k0 - 1, k0, k1 - 1, k1]) {
          pushIn(lo, hi, push, k * c, k * c + p.up - 1, k * c + p.up, k * c + p.up + 1);
          if (tau < p.up) pushIn(lo, hi, push, k * c + Math.floor(tau), k * c + Math.ceil(tau));
        }
      },
      firstError: (from, limit) => Math.max(from, Math.min(limit, raiseAt)),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    const c = p.cycleSize;
    for (const peak of regularIndices(p.up, c, lo, hi - 1, 200)) out.push({ step: peak, kind: "period", label: `cycle ${(peak - p.up) / c + 1} peak` });
  },

  horizon(p) {
    return { epochs: 4 * p.cycleSize + 1, from: "4 cycles" };
  },
};
