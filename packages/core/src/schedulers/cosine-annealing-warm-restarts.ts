/** CosineAnnealingWarmRestarts (SGDR): cosine cycles of T_0, T_0·T_mult, ... steps, each restarting at the initial LR; Paddle's own `step` with both of its paths. */
import { type CycleState, CounterCycles, explicitCycle, explicitRestarts } from "./cawr-cycles";
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm } from "./engine/closed-class";
import { pushIn } from "./engine/form";
import { mathCos } from "./engine/py-ops";
import { paddleRaise, pythonRaise } from "./engine/py-raise";
import { arithmetic, compare, isPyInt, numericValue, pyStr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState } from "./engine/state";
import type { PyValue } from "./types";

interface CawrParams {
  baseLr: number;
  t0: number;
  mult: number;
  etaMin: PyValue;
  lastEpoch: number;
}

/** Paddle's get_lr: `eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2`. */
function cosineLr(p: CawrParams, s: CycleState): number {
  const eta = arithmetic(p.etaMin, "-", "float", false, "eta_min");
  return eta + ((p.baseLr - eta) * (1 + mathCos((Math.PI * s.tCur) / s.tI))) / 2;
}

function epochText(e: number): string {
  return Number.isInteger(e) ? String(e) : pyStr({ type: "float", value: e });
}

class CawrState extends SchedulerState {
  readonly name = "CosineAnnealingWarmRestarts";
  tI: number;
  tCur: number;

  constructor(private readonly p: CawrParams) {
    super();
    this.tI = p.t0;
    this.tCur = p.lastEpoch;
    this.start(p.baseLr, p.lastEpoch);
  }

  override getLr(): number {
    return cosineLr(this.p, this);
  }

  /** Paddle's overridden `step(epoch=None)`. */
  override step(epoch?: number): void {
    let e = epoch;
    if (e === undefined && this.lastEpoch < 0) e = 0;
    if (e === undefined) {
      e = this.lastEpoch + 1;
      const next = CounterCycles.advance(this, this.p.mult);
      this.tCur = next.tCur;
      this.tI = next.tI;
    } else {
      if (e < 0) paddleRaise("ValueError", `Expected non-negative epoch, but got ${epochText(e)}`, null);
      const s = explicitCycle(e, this.p.t0, this.p.mult, this.tI);
      this.tCur = s.tCur;
      this.tI = s.tI;
    }
    // math.floor of a non-finite float raises in Python.
    if (Number.isNaN(e)) pythonRaise("ValueError", "cannot convert float NaN to integer", null);
    if (!Number.isFinite(e)) pythonRaise("OverflowError", "cannot convert float infinity to integer", null);
    this.lastEpoch = Math.floor(e);
    this.lastLr = this.getLr();
  }
}

export const CosineAnnealingWarmRestarts: SchedulerDefinition<CawrParams> = {
  name: "CosineAnnealingWarmRestarts",
  doc: "SGDR: a cosine from learning_rate to eta_min over T_i steps, restarting at learning_rate, with T_i = T_0, T_0·T_mult, T_0·T_mult², ... `step(epoch)` (and LinearWarmup) finds the cycle with a float log, which puts some exact restarts at eta_min instead (Paddle's quirk, reproduced). T_cur/T_i are not in the state_dict.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The LR at each restart." },
    { name: "T_0", required: true, kind: "int", doc: "Length of the first cycle; a positive int." },
    { name: "T_mult", required: false, default: { type: "int", value: 1 }, kind: "int", doc: "Growth factor of the cycle length after each restart; an int ≥ 1." },
    { name: "eta_min", required: false, default: { type: "int", value: 0 }, kind: "number", doc: "The minimum LR (approached at the end of each cycle). Not checked by Paddle." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): CawrParams {
    const t0 = args.T_0;
    if (compare(t0, "<=", 0, "int", "T_0") || !isPyInt(t0)) paddleRaise("ValueError", `Expected positive integer T_0, but got ${pyStr(t0)}`, "T_0");
    const m = args.T_mult;
    if (compare(m, "<", 1, "int", "T_mult") || !isPyInt(m)) paddleRaise("ValueError", `Expected integer T_mult >= 1, but got ${pyStr(m)}`, "T_mult");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    // eta_min is unchecked: a non-number fails in the constructor's first get_lr.
    arithmetic(args.eta_min, "-", "float", false, "eta_min");
    return { baseLr, t0: numericValue(t0) as number, mult: numericValue(m) as number, etaMin: args.eta_min, lastEpoch };
  },

  create(p) {
    return new CawrState(p);
  },

  forms(p) {
    const { t0, mult } = p;
    const eta = numericValue(p.etaMin) as number;
    const amp = p.baseLr - eta;
    // After the constructor's step: epoch 0 (explicit path) for last_epoch < 0, else one counter step.
    const resumed = p.lastEpoch >= 0;
    const initial = resumed ? CounterCycles.advance({ tCur: p.lastEpoch, tI: t0 }, mult) : { tCur: 0, tI: t0 };
    const counter = new CounterCycles(t0, mult, initial);
    const stepped = closedForm({
      lrAt: (i) => cosineLr(p, counter.at(i)),
      fill(out, from) {
        let s = counter.at(from);
        for (let k = 0; k < out.length; k++) {
          // A fresh counter is always in its normal regime, where one step is one `advance`.
          if (k > 0) s = resumed ? counter.at(from + k) : CounterCycles.advance(s, mult);
          out[k] = eta + (amp * (1 + Math.cos((Math.PI * s.tCur) / s.tI))) / 2;
        }
      },
      critical(lo, hi, push) {
        for (const r of counter.restarts(lo, hi, 2)) pushIn(lo, hi, push, r - 1, r);
      },
    });
    const explicit = closedForm({
      lrAt: (e) => cosineLr(p, explicitCycle(e, t0, mult, t0)),
      critical(lo, hi, push) {
        for (const r of explicitRestarts(t0, mult, lo, hi, 2)) pushIn(lo, hi, push, r - 1, r, r + 1);
      },
    });
    return { start: resumed ? p.lastEpoch + 1 : 0, stepped, explicit };
  },

  markers(p, _kids, lo, hi, out) {
    explicitRestarts(p.t0, p.mult, Math.max(lo, 1), hi, 100).forEach((r) => out.push({ step: r, kind: "restart", label: `warm restart at ${r}` }));
  },

  horizon(p) {
    if (p.mult === 1) return { epochs: 3 * p.t0, from: "3 × T_0" };
    return { epochs: p.t0 * (1 + p.mult + p.mult * p.mult), from: "3 restart cycles (T_0·(1 + T_mult + T_mult²))" };
  },
};
