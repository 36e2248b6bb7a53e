/** LinearLR: a linear ramp of the factor from start_factor to end_factor over total_steps, computed as Paddle's multiplicative recursion (no closed form; frozen afterwards). */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm } from "./engine/closed-class";
import { type Form, pushIn } from "./engine/form";
import { trueDiv } from "./engine/py-ops";
import { paddleRaise } from "./engine/py-raise";
import { compare, numericValue, pyStr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState } from "./engine/state";

interface LinearLrParams {
  baseLr: number;
  totalSteps: number;
  startFactor: number;
  endFactor: number;
  lastEpoch: number;
}

class LinearLrState extends SchedulerState {
  readonly name = "LinearLR";

  constructor(private readonly p: LinearLrParams) {
    super();
    this.start(p.baseLr, p.lastEpoch);
  }

  /** Paddle's get_lr: the previous LR times `1 + (ef - sf) / (T·sf + (t-1)·(ef - sf))`, frozen past total_steps. */
  override getLr(): number {
    const t = this.lastEpoch;
    const { totalSteps, startFactor, endFactor } = this.p;
    if (t === 0) return this.baseLr * startFactor;
    if (t > totalSteps) return this.lastLr;
    const base = totalSteps * startFactor;
    const cur = endFactor - startFactor;
    const factor = 1.0 + trueDiv(cur, base + (t - 1) * cur, "total_steps");
    return this.lastLr * factor;
  }
}

/**
 * What the recursion computes mathematically: `lr · L(min(t, T)) / L(first − 1)` with
 * L(x) = T·sf + x·(ef − sf), and `lr · sf` at t = 0 (so a fresh start is `lr·(sf + (ef − sf)·t/T)`).
 */
function approxLinear(p: LinearLrParams, first: number): Form {
  const { baseLr, totalSteps: T, startFactor: sf, endFactor: ef } = p;
  const L = (x: number) => T * sf + x * (ef - sf);
  const denom = first <= 0 ? T : L(first - 1);
  return closedForm({
    lrAt(i) {
      const t = first + i;
      if (first <= 0 && t === 0) return baseLr * sf;
      if (first > T) return baseLr;
      return (baseLr * L(Math.min(t, T))) / denom;
    },
    critical: (lo, hi, push) => pushIn(lo, hi, push, Math.floor(T) - first, Math.floor(T) - first + 1),
  });
}

export const LinearLR: SchedulerDefinition<LinearLrParams> = {
  name: "LinearLR",
  doc: "Scales learning_rate by a factor going linearly from start_factor to end_factor over total_steps, then holds it. Paddle computes it by multiplying the previous LR each step, so it ends slightly off the target (0.5000000000000001 for LinearLR(0.5, 5)); lrlens replays that recursion exactly.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The reference learning rate the factors multiply." },
    { name: "total_steps", required: true, kind: "number", doc: "Steps to go from start_factor to end_factor; > 0 (a float works too)." },
    { name: "start_factor", required: false, default: { type: "float", value: 1.0 / 3 }, kind: "float", doc: "Factor at step 0, in (0, 1]. Default 1/3." },
    { name: "end_factor", required: false, default: { type: "float", value: 1.0 }, kind: "float", doc: "Factor at total_steps, in [0, 1]. Default 1.0." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: false,

  validate(args: BoundArgs): LinearLrParams {
    const sf = args.start_factor;
    if (compare(sf, ">", 1.0, "float", "start_factor") || compare(sf, "<=", 0, "int", "start_factor")) {
      paddleRaise("ValueError", `\`start_factor\` must be greater than 0 and less or equal to 1, but got ${pyStr(sf)}`, "start_factor");
    }
    const ef = args.end_factor;
    if (compare(ef, ">", 1.0, "float", "end_factor") || compare(ef, "<", 0, "int", "end_factor")) {
      paddleRaise("ValueError", `\`end_factor\` must be greater than 0 and less than 1, but got ${pyStr(ef)}`, "end_factor");
    }
    if (compare(args.total_steps, "<=", 0, "int", "total_steps")) {
      paddleRaise("ValueError", `\`total_steps\` must be greater than 0, but got ${pyStr(args.total_steps)}`, "total_steps");
    }
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return {
      baseLr,
      totalSteps: numericValue(args.total_steps) as number,
      startFactor: numericValue(sf) as number,
      endFactor: numericValue(ef) as number,
      lastEpoch: lastEpochArg(args.last_epoch),
    };
  },

  create(p) {
    return new LinearLrState(p);
  },

  forms(p) {
    const start = p.lastEpoch + 1;
    return {
      start,
      steppedApprox: approxLinear(p, start),
      explicitApprox: approxLinear(p, 0),
      // Past total_steps get_lr returns last_lr unchanged: the replay can stop at floor(total_steps).
      steppedConstantFrom: Math.max(0, Math.floor(p.totalSteps) - start),
    };
  },

  markers(p, _kids, lo, hi, out) {
    const T = Math.ceil(p.totalSteps);
    if (T >= lo && T < hi) out.push({ step: T, kind: "end", label: `total_steps = ${p.totalSteps}: end_factor reached` });
  },

  horizon(p) {
    return { epochs: Math.ceil(p.totalSteps) + 1, from: "total_steps" };
  },
};
