/**
 * PaddleOCR's `CyclicalCosineDecay` (`ppocr/optimizer/lr_scheduler.py`): a cosine from the base LR
 * to `eta_min`, restarted every `cycle` steps (`T_max` is accepted and unused).
 */
import type { SchedulerDefinition } from "../../schedulers/definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "../../schedulers/engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "../../schedulers/engine/closed-class";
import { pushRegularJumps } from "../../schedulers/engine/form";
import { mathCos, pyMod } from "../../schedulers/engine/py-ops";
import { pythonRaise } from "../../schedulers/engine/py-raise";
import { arithmetic } from "../../schedulers/engine/py-value";
import type { BoundArgs } from "../../schedulers/engine/signature";

interface CyclicalParams {
  baseLr: number;
  cycle: number;
  cycleIsInt: boolean;
  etaMin: number;
  lastEpoch: number;
}

function lrAt(p: CyclicalParams, t: number): number {
  if (t === 0) return p.baseLr;
  if (p.cycle === 0) pythonRaise("ZeroDivisionError", p.cycleIsInt ? "integer division or modulo by zero" : "float modulo", "cycle");
  const relative = pyMod(t, p.cycle, "cycle");
  return p.etaMin + 0.5 * (p.baseLr - p.etaMin) * (1 + mathCos((Math.PI * relative) / p.cycle));
}

export const CyclicalCosineDecay: SchedulerDefinition<CyclicalParams> = {
  name: "CyclicalCosineDecay",
  doc: "PaddleOCR's cyclical cosine: `eta_min + ½(lr − eta_min)(1 + cos(π·(t mod cycle)/cycle))`, restarting at the base LR every `cycle` steps. `T_max` is not used.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "Peak learning rate of every cycle." },
    { name: "T_max", required: true, kind: "int", doc: "Accepted but unused by PaddleOCR." },
    { name: "cycle", required: false, default: { type: "int", value: 1 }, kind: "number", doc: "Cycle length in steps (PaddleOCR: round(cycle epochs × steps per epoch))." },
    LAST_EPOCH_PARAMS[0],
    { name: "eta_min", required: false, default: { type: "float", value: 0 }, kind: "number", doc: "Bottom of each cycle." },
    LAST_EPOCH_PARAMS[1],
  ],
  closedForm: true,

  validate(args: BoundArgs): CyclicalParams {
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    // `self.cycle` is set after the base constructor's first step, which therefore only works at epoch 0.
    if (lastEpoch + 1 !== 0) pythonRaise("AttributeError", "'CyclicalCosineDecay' object has no attribute 'cycle'", "last_epoch");
    const cycle = arithmetic(args.cycle, "%", "int", false, "cycle");
    const etaMin = arithmetic(args.eta_min, "-", "float", false, "eta_min");
    return { baseLr, cycle, cycleIsInt: args.cycle.type === "int" || args.cycle.type === "bool", etaMin, lastEpoch };
  },

  create(p) {
    return new FunctionState("CyclicalCosineDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      critical: (lo, hi, push) => pushRegularJumps(lo, hi, p.cycle, p.cycle, 2, push),
      firstError: (from, limit) => (p.cycle === 0 ? Math.max(from, Math.min(limit, 1)) : limit),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    if (!(p.cycle > 0)) return;
    for (let k = Math.max(1, Math.ceil(lo / p.cycle)); k * p.cycle < hi && out.length < 200; k++) out.push({ step: Math.ceil(k * p.cycle), kind: "restart", label: `restart ${k}` });
  },

  horizon: (p) => (p.cycle > 0 ? { epochs: Math.ceil(3 * p.cycle), from: "3 cycles" } : undefined),
};
