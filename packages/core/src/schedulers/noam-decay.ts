/** NoamDecay: the Transformer schedule `lr · d_model^-0.5 · min(t^-0.5, t · warmup^-1.5)`, rising to a peak at `warmup_steps`, starting at 0.0. */
import type { SchedulerDefinition } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { closedForm, closedFormSet, FunctionState } from "./engine/closed-class";
import { pushIn } from "./engine/form";
import { pow } from "./engine/py-ops";
import { paddleRaise, pythonRaise } from "./engine/py-raise";
import { compare, numericValue, typeName } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import type { PyValue } from "./types";

interface NoamParams {
  dModel: number;
  warmup: PyValue;
  baseLr: number;
  lastEpoch: number;
}

/** Paddle's get_lr: `base_lr * (d_model ** -0.5) * min(a, b)` with a = 1 (int) at t = 0, else t ** -0.5, and b = warmup ** -1.5 * t. */
function noamLr(p: NoamParams, t: number): number {
  const a = t === 0 ? 1 : pow(t, -0.5, null);
  const w = numericValue(p.warmup);
  if (w === undefined) pythonRaise("TypeError", `unsupported operand type(s) for ** or pow(): '${typeName(p.warmup)}' and 'float'`, "warmup_steps");
  if (w < 0) {
    // A negative number to a fractional power is complex in Python; min() then fails to compare it.
    pythonRaise("TypeError", `'<' not supported between instances of 'complex' and '${t === 0 ? "int" : "float"}'`, "warmup_steps");
  }
  const b = pow(w, -1.5, "warmup_steps") * t;
  const m = b < a ? b : a;
  return p.baseLr * pow(p.dModel, -0.5, "d_model") * m;
}

export const NoamDecay: SchedulerDefinition<NoamParams> = {
  name: "NoamDecay",
  doc: "Noam decay from *Attention Is All You Need*: `learning_rate · d_model^-0.5 · min(t^-0.5, t · warmup_steps^-1.5)`. Rises linearly from 0.0 to its peak at `t = warmup_steps`, then decays as `1/√t`.",
  params: [
    { name: "d_model", required: true, kind: "number", doc: "Model width (dimension of the input/output features); scales the whole curve by d_model^-0.5. Must be > 0." },
    { name: "warmup_steps", required: true, kind: "number", doc: "Steps of the linear rise; the peak is at this step. Paddle does not check it: 0 divides by zero, a negative value gives complex numbers." },
    { name: "learning_rate", required: false, default: { type: "float", value: 1.0 }, kind: "number", doc: "Overall multiplier. Default 1.0." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,

  validate(args: BoundArgs): NoamParams {
    if (compare(args.d_model, "<=", 0, "int", "d_model")) paddleRaise("ValueError", "d_model should be grater than 0", "d_model");
    const baseLr = baseLearningRate(args.learning_rate, "learning_rate");
    return { dModel: numericValue(args.d_model) as number, warmup: args.warmup_steps, baseLr, lastEpoch: lastEpochArg(args.last_epoch) };
  },

  create(p) {
    return new FunctionState("NoamDecay", (t) => noamLr(p, t)).begin(p.baseLr, p.lastEpoch);
  },

  forms(p) {
    const w = numericValue(p.warmup) ?? 0;
    const c = p.baseLr * pow(p.dModel, -0.5, "d_model");
    const wp = pow(w, -1.5, "warmup_steps");
    const form = closedForm({
      lrAt: (t) => noamLr(p, t),
      fill(out, from) {
        for (let k = 0; k < out.length; k++) {
          const t = from + k;
          const a = t === 0 ? 1 : Math.pow(t, -0.5);
          const b = wp * t;
          out[k] = c * (b < a ? b : a);
        }
      },
      critical: (lo, hi, push) => pushIn(lo, hi, push, Math.floor(w) - 1, Math.floor(w), Math.ceil(w), Math.ceil(w) + 1),
    });
    return closedFormSet(form, p.lastEpoch);
  },

  markers(p, _kids, lo, hi, out) {
    const w = Math.ceil(numericValue(p.warmup) ?? 0);
    if (w >= lo && w < hi) out.push({ step: w, kind: "warmup-end", label: `peak at warmup_steps = ${w}` });
  },

  horizon(p) {
    const w = numericValue(p.warmup) ?? 0;
    return w > 0 ? { epochs: Math.ceil(10 * w), from: "10 × warmup_steps" } : undefined;
  },
};
