/** InverseTimeDecay: `lr / (1 + gamma·t)`; Paddle checks nothing about gamma, so a negative one can divide by zero mid-run. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { MAX_EXACT_INDEX, pushIn } from "./engine/form";
import { trueDiv } from "./engine/py-ops";
import { pythonRaise } from "./engine/py-raise";
import { numericValue, typeName } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

interface InverseTimeParams {
  baseLr: number;
  gamma: number;
  lastEpoch: number;
}

/** Paddle: `base_lr / (1 + gamma * last_epoch)`; ZeroDivisionError when the denominator is exactly 0.0. */
function lrAt(p: InverseTimeParams, t: number): number {
  return trueDiv(p.baseLr, 1 + p.gamma * t, "gamma");
}

function gammaNumber(v: PyValue): number {
  const x = numericValue(v);
  if (x !== undefined) return x;
  // `gamma * last_epoch` repeats a str or list (then `1 + ...` fails); anything else fails at `*`.
  if (v.type === "str" || v.type === "list") pythonRaise("TypeError", `unsupported operand type(s) for +: 'int' and '${typeName(v)}'`, "gamma");
  return pythonRaise("TypeError", `unsupported operand type(s) for *: '${typeName(v)}' and 'int'`, "gamma");
}

export const InverseTimeDecay: SchedulerDefinition<InverseTimeParams> = {
  name: "InverseTimeDecay",
  doc: "Inverse time decay: `learning_rate / (1 + gamma·t)`. Paddle does not check gamma: 0 keeps the LR constant, a negative value makes it grow, pass a pole and turn negative.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate (a float or int ≥ 0)." },
    { name: "gamma", required: true, kind: "float", doc: "Decay rate; required (no default in the signature). Not checked by Paddle." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): InverseTimeParams {
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    const lastEpoch = lastEpochArg(args.last_epoch);
    // A non-numeric gamma only fails in the constructor's first get_lr, after the base checks.
    const gamma = gammaNumber(args.gamma);
    return { baseLr, gamma, lastEpoch };
  },

  create(p) {
    return new FunctionState("InverseTimeDecay", (t) => lrAt(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    // The only integer epochs where 1 + gamma·t can round to exactly 0.0 are next to -1/gamma.
    const pole = p.gamma < 0 ? -1 / p.gamma : Infinity;
    const poleHits: number[] = [];
    if (Number.isFinite(pole) && pole < MAX_EXACT_INDEX) {
      for (let t = Math.max(0, Math.floor(pole) - 2); t <= Math.ceil(pole) + 2; t++) if (1 + p.gamma * t === 0) poleHits.push(t);
    }
    const form = closedForm({
      lrAt: (t) => lrAt(p, t),
      fill(out, from) {
        for (let k = 0; k < out.length; k++) out[k] = p.baseLr / (1 + p.gamma * (from + k));
      },
      critical: (lo, hi, push) => {
        if (pole < MAX_EXACT_INDEX) pushIn(lo, hi, push, Math.floor(pole) - 1, Math.floor(pole), Math.ceil(pole), Math.ceil(pole) + 1);
      },
      firstError(from, limit) {
        for (const t of poleHits) if (t >= from && t < limit) return t;
        return limit;
      },
    });
    return closedFormSet(form, p.lastEpoch);
  },

  horizon(p) {
    return p.gamma > 0 ? { epochs: Math.ceil(99 / p.gamma) + 1, from: "decay to 1% of the initial LR" } : undefined;
  },
};
