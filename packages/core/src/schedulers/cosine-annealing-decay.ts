/**
 * CosineAnnealingDecay: Paddle's recursive cosine under `step()` (bit-exact replay), its closed
 * form under `step(epoch)` and inside LinearWarmup, and periodic (period 2·T_max) past T_max.
 */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm } from "./engine/closed-class";
import { type Form, pushIn, regularIndices, shiftForm } from "./engine/form";
import { mathCos, pyMod, trueDiv } from "./engine/py-ops";
import { paddleAssert, paddleRaise } from "./engine/py-raise";
import { compare, isPyInt, isPyNumber, numericValue, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState } from "./engine/state";

interface CosineParams {
  baseLr: number;
  tMax: number;
  etaMin: number;
  lastEpoch: number;
}

/** `_get_closed_form_lr`: `eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2`. */
function closedLr(p: CosineParams, t: number): number {
  return p.etaMin + ((p.baseLr - p.etaMin) * (1 + mathCos((Math.PI * t) / p.tMax))) / 2;
}

class CosineState extends SchedulerState {
  readonly name = "CosineAnnealingDecay";
  /** cos(pi * e / T_max) of the last epoch computed: the next step's `cos(pi * (t - 1) / T_max)` is the same double. */
  private cosEpoch = NaN;
  private cosValue = NaN;

  private cosAt(e: number): number {
    if (e === this.cosEpoch) return this.cosValue;
    this.cosEpoch = e;
    this.cosValue = mathCos((Math.PI * e) / this.p.tMax);
    return this.cosValue;
  }

  constructor(private readonly p: CosineParams) {
    super();
    this.start(p.baseLr, p.lastEpoch);
  }

  /** Paddle's recursive get_lr (used by `step()`). */
  override getLr(): number {
    const t = this.lastEpoch;
    const { tMax, etaMin } = this.p;
    if (t === 0) return this.baseLr;
    if (pyMod(t - 1 - tMax, 2 * tMax, null) === 0) {
      return this.lastLr + ((this.baseLr - etaMin) * (1 - mathCos(Math.PI / tMax))) / 2;
    }
    const before = 1 + this.cosAt(t - 1);
    const ratio = trueDiv(1 + this.cosAt(t), before, "T_max");
    return ratio * (this.lastLr - etaMin) + etaMin;
  }

  override closedFormLr(): number {
    return closedLr(this.p, this.lastEpoch);
  }
}

/** The closed form over epochs, with a tight fill loop and the extrema at multiples of T_max. */
function closedCosine(p: CosineParams): Form {
  const { baseLr, etaMin, tMax } = p;
  const amp = baseLr - etaMin;
  return closedForm({
    lrAt: (t) => closedLr(p, t),
    fill(out, from) {
      for (let k = 0; k < out.length; k++) out[k] = etaMin + (amp * (1 + Math.cos((Math.PI * (from + k)) / tMax))) / 2;
    },
    critical(lo, hi, push) {
      // Maxima at even multiples of T_max, minima at odd ones: the first of each in range suffices.
      const k = Math.ceil(lo / tMax);
      pushIn(lo, hi, push, k * tMax, (k + 1) * tMax);
    },
  });
}

/**
 * The recursion's mathematical solution: `(lr - eta_min) / (1 + cos(pi t / T))` stays constant
 * between the special epochs T+1, 3T+1, ..., where the curve rejoins the closed form. From a
 * fresh start that is the closed form itself; after a resume it is a rescaled cosine until then.
 */
function approxCosine(p: CosineParams, first: number): Form {
  const base = closedCosine(p);
  if (first <= 0) return shiftForm(base, 0);
  const { tMax, etaMin, baseLr } = p;
  const period = 2 * tMax;
  const special = pyMod(first - 1 - tMax, period, null) === 0;
  // The first get_lr after a resume, from last_lr = base_lr (as Paddle's constructor leaves it).
  const r0 = special
    ? baseLr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2
    : ((1 + Math.cos((Math.PI * first) / tMax)) / (1 + Math.cos((Math.PI * (first - 1)) / tMax))) * (baseLr - etaMin) + etaMin;
  const c0 = 1 + Math.cos((Math.PI * first) / tMax);
  const scale = c0 === 0 ? 0 : (r0 - etaMin) / c0;
  const offset = pyMod(tMax + 1 - first, period, null);
  const firstSpecial = first + (offset === 0 ? period : offset);
  const at = (i: number): number => {
    const t = first + i;
    if (i === 0) return r0;
    if (t >= firstSpecial) return closedLr(p, t);
    return etaMin + scale * (1 + Math.cos((Math.PI * t) / tMax));
  };
  return closedForm({
    lrAt: at,
    critical(lo, hi, push) {
      base.critical(lo + first, hi + first, (j) => push(j - first));
      pushIn(lo, hi, push, firstSpecial - first - 1, firstSpecial - first);
    },
  });
}

export const CosineAnnealingDecay: SchedulerDefinition<CosineParams> = {
  name: "CosineAnnealingDecay",
  doc: "Cosine annealing from learning_rate down to eta_min over T_max steps: `eta_min + (learning_rate − eta_min)·(1 + cos(π·t/T_max))/2`. Nothing clamps it at T_max: the LR climbs back up and oscillates with period 2·T_max. Stepped with `step()` Paddle uses a recursive update (bit-exact here); inside LinearWarmup or with `step(epoch)` the closed form.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The maximum (initial) learning rate." },
    { name: "T_max", required: true, kind: "int", doc: "Steps from the maximum down to eta_min (half a period); a positive int." },
    { name: "eta_min", required: false, default: { type: "int", value: 0 }, kind: "number", doc: "The minimum learning rate, reached at T_max. Default 0." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: false,

  validate(args: BoundArgs): CosineParams {
    if (!isPyInt(args.T_max)) paddleRaise("TypeError", `The type of 'T_max' in 'CosineAnnealingDecay' must be 'int', but received ${typeRepr(args.T_max)}.`, "T_max");
    if (!isPyNumber(args.eta_min)) {
      paddleRaise("TypeError", `The type of 'eta_min' in 'CosineAnnealingDecay' must be 'float, int', but received ${typeRepr(args.eta_min)}.`, "eta_min");
    }
    paddleAssert(compare(args.T_max, ">", 0, "int", "T_max"), " 'T_max' must be a positive integer.", "T_max");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { baseLr, tMax: numericValue(args.T_max) as number, etaMin: numericValue(args.eta_min) as number, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new CosineState(p);
  },

  forms(p) {
    const start = p.lastEpoch + 1;
    return { start, explicit: closedCosine(p), steppedApprox: approxCosine(p, start) };
  },

  markers(p, _kids, lo, hi, out) {
    const T = p.tMax;
    for (const step of regularIndices(T, T, lo, hi - 1, 200)) {
      const k = step / T;
      out.push({ step, kind: "period", label: k % 2 === 1 ? `T_max × ${k}: minimum (eta_min)` : `2·T_max × ${k / 2}: back at the maximum` });
    }
  },

  horizon(p) {
    return { epochs: p.tMax + 1, from: "T_max" };
  },
};
