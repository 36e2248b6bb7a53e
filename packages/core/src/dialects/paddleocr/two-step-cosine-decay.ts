/**
 * PaddleOCR's `TwoStepCosineDecay` (`ppocr/optimizer/lr_scheduler.py`): a cosine over `T_max1`
 * steps, then one over `T_max2`. Stepped bare it is a recursion (like Paddle's cosine); driven
 * with an epoch (inside LinearWarmup) it uses its closed form, which jumps at `T_max1`.
 */
import type { SchedulerDefinition } from "../../schedulers/definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "../../schedulers/engine/base-checks";
import { closedForm } from "../../schedulers/engine/closed-class";
import { pushIn } from "../../schedulers/engine/form";
import { mathCos, pyMod, trueDiv } from "../../schedulers/engine/py-ops";
import { paddleAssert, paddleRaise } from "../../schedulers/engine/py-raise";
import { isPyInt, isPyNumber, numericValue, typeRepr } from "../../schedulers/engine/py-value";
import type { BoundArgs } from "../../schedulers/engine/signature";
import { SchedulerState } from "../../schedulers/engine/state";

interface TwoStepParams {
  baseLr: number;
  t1: number;
  t2: number;
  etaMin: number;
  lastEpoch: number;
}

/** `_get_closed_form_lr` at `last_epoch = t`. */
function closedAt(p: TwoStepParams, t: number): number {
  const T = t <= p.t1 ? p.t1 : p.t2;
  return p.etaMin + ((p.baseLr - p.etaMin) * (1 + mathCos((Math.PI * t) / T))) / 2;
}

class TwoStepCosineState extends SchedulerState {
  readonly name = "TwoStepCosineDecay";
  constructor(private readonly p: TwoStepParams) {
    super();
    this.start(p.baseLr, p.lastEpoch);
  }

  override getLr(): number {
    const { t1, t2, etaMin } = this.p;
    const t = this.lastEpoch;
    if (t <= t1 && t === 0) return this.baseLr;
    const T = t <= t1 ? t1 : t2;
    if (pyMod(t - 1 - T, 2 * T, null) === 0) return this.lastLr + ((this.baseLr - etaMin) * (1 - mathCos(Math.PI / T))) / 2;
    return trueDiv(1 + mathCos((Math.PI * t) / T), 1 + mathCos((Math.PI * (t - 1)) / T), null) * (this.lastLr - etaMin) + etaMin;
  }

  override closedFormLr(): number {
    return closedAt(this.p, this.lastEpoch);
  }
}

function intArg(v: BoundArgs[string], name: string): number {
  if (!isPyInt(v)) paddleRaise("TypeError", `The type of '${name}' in 'CosineAnnealingDecay' must be 'int', but received ${typeRepr(v)}.`, name);
  return numericValue(v) as number;
}

export const TwoStepCosineDecay: SchedulerDefinition<TwoStepParams> = {
  name: "TwoStepCosineDecay",
  doc: "PaddleOCR's two-stage cosine: `eta_min + (lr − eta_min)·(1 + cos(π·t/T))/2` with T = `T_max1` up to step T_max1 and T = `T_max2` after it (a jump when driven with an epoch; a continued recursion when stepped bare).",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "Peak learning rate." },
    { name: "T_max1", required: true, kind: "int", doc: "Length of the first cosine (PaddleOCR: 200 epochs × steps per epoch)." },
    { name: "T_max2", required: true, kind: "int", doc: "Period of the second cosine (PaddleOCR: Global.epoch_num × steps per epoch)." },
    { name: "eta_min", required: false, default: { type: "int", value: 0 }, kind: "number", doc: "Minimum learning rate." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: false,

  validate(args: BoundArgs): TwoStepParams {
    const t1 = intArg(args.T_max1, "T_max1");
    const t2 = intArg(args.T_max2, "T_max2");
    if (!isPyNumber(args.eta_min)) paddleRaise("TypeError", `The type of 'eta_min' in 'CosineAnnealingDecay' must be 'float, int', but received ${typeRepr(args.eta_min)}.`, "eta_min");
    paddleAssert(t1 > 0, " 'T_max1' must be a positive integer.", "T_max1");
    // Sic: PaddleOCR's message for T_max2 names T_max1.
    paddleAssert(t2 > 0, " 'T_max1' must be a positive integer.", "T_max2");
    const etaMin = numericValue(args.eta_min) as number;
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, t1, t2, etaMin, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new TwoStepCosineState(p);
  },

  forms(p) {
    // Only `step(epoch)` has a closed form; bare steps are a recursion the engine replays.
    const explicit = closedForm({
      lrAt: (t) => closedAt(p, t),
      critical(lo, hi, push) {
        pushIn(lo, hi, push, p.t1, p.t1 + 1);
        for (const T of [p.t1, p.t2]) {
          const k0 = Math.ceil(lo / T);
          for (let k = k0; k <= Math.min(k0 + 2, Math.floor(hi / T)); k++) pushIn(lo, hi, push, k * T);
        }
      },
    });
    return { start: p.lastEpoch + 1, explicit };
  },

  markers(p, _kids, lo, hi, out) {
    if (p.t1 >= lo && p.t1 < hi) out.push({ step: p.t1, kind: "phase", label: `T_max1 = ${p.t1}: second cosine` });
    if (p.t2 >= lo && p.t2 < hi && p.t2 > p.t1) out.push({ step: p.t2, kind: "period", label: `T_max2 = ${p.t2}` });
  },

  horizon: (p) => ({ epochs: Math.max(p.t1, p.t2), from: "T_max2" }),
};
