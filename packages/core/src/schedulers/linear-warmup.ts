/**
 * LinearWarmup: a linear ramp from start_lr over warmup_steps, then a plain number or an inner
 * scheduler driven with `step(t − warmup_steps)`, so the inner schedule starts from its own epoch 0.
 */
import type { FormSet, SchedulerDefinition, ValidatedNode } from "./definition";
import { baseLearningRate, LAST_EPOCH_PARAMS, lastEpochArg } from "./engine/base-checks";
import { type Form, pushIn, shiftForm } from "./engine/form";
import { paddleAssert, paddleRaise, PyRaise, withPath } from "./engine/py-raise";
import { compare, compareValues, isPyInt, isPyNumber, numericValue, pyStr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState } from "./engine/state";

interface WarmupParams {
  /** The plain-number LR after warmup, or undefined when an inner scheduler follows. */
  lr: number | undefined;
  warmup: number;
  startLr: number;
  endLr: number;
  lastEpoch: number;
}

const INNER = "learning_rate";

/** `(end_lr - start_lr) * float(t) / float(warmup_steps) + start_lr`, in that order. */
function ramp(p: WarmupParams, t: number): number {
  return ((p.endLr - p.startLr) * t) / p.warmup + p.startLr;
}

class LinearWarmupState extends SchedulerState {
  readonly name = "LinearWarmup";

  constructor(
    private readonly p: WarmupParams,
    private readonly inner: SchedulerState | undefined,
  ) {
    super();
    this.start(p.startLr, p.lastEpoch);
  }

  override getLr(): number {
    const t = this.lastEpoch;
    if (t < this.p.warmup) return ramp(this.p, t);
    const inner = this.inner;
    if (inner) {
      withPath(INNER, () => inner.stepFromWarmup(t - this.p.warmup));
      return inner.lastLr;
    }
    return this.p.lr as number;
  }

  override stateDict(): Record<string, unknown> {
    const sd = super.stateDict();
    if (this.inner) sd.LinearWarmup_LR = this.inner.stateDict();
    return sd;
  }

  override setStateDict(sd: Record<string, unknown>): void {
    super.setStateDict(sd);
    if (!this.inner) return;
    const nested = sd.LinearWarmup_LR;
    if (nested === undefined) paddleRaise("RuntimeError", "KeyError: 'LinearWarmup_LR' (the state_dict has no entry for the wrapped scheduler)", null);
    if (nested === null || typeof nested !== "object") paddleRaise("RuntimeError", "state_dict['LinearWarmup_LR'] is not a state dict", null);
    withPath(INNER, () => this.inner?.setStateDict(nested as Record<string, unknown>));
  }
}

/** The explicit-epoch form: ramp below warmup_steps, the inner's own explicit form (or the number) after. */
function warmupForm(p: WarmupParams, inner: Form | undefined): Form | undefined {
  const w = p.warmup;
  const after = p.lr;
  if (!inner && after === undefined) return undefined;
  const wrap = <T>(f: () => T, shift: number): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof PyRaise) {
        e.path.unshift(INNER);
        if (e.index !== undefined) e.index += shift;
      }
      throw e;
    }
  };
  return {
    analytic: inner ? inner.analytic : true,
    at: (t) => (t < w ? ramp(p, t) : inner ? wrap(() => inner.at(t - w), 0) : (after as number)),
    fill(out, from) {
      const head = Math.min(out.length, Math.max(0, w - from));
      const d = p.endLr - p.startLr;
      for (let k = 0; k < head; k++) out[k] = (d * (from + k)) / w + p.startLr;
      if (head === out.length) return;
      const rest = out.subarray(head);
      if (inner) wrap(() => inner.fill(rest, from + head - w), w);
      else rest.fill(after as number);
    },
    critical(lo, hi, push) {
      pushIn(lo, hi, push, w - 1, w);
      if (inner && hi >= w) inner.critical(Math.max(lo, w) - w, hi - w, (j) => push(j + w));
    },
    firstError(from, limit) {
      if (!inner || limit <= w) return limit;
      return inner.firstError(Math.max(0, from - w), limit - w) + w;
    },
  };
}

function innerForms(kids: Readonly<Record<string, ValidatedNode>>): FormSet | undefined {
  return kids[INNER]?.forms();
}

export const LinearWarmup: SchedulerDefinition<WarmupParams> = {
  name: "LinearWarmup",
  doc: "Linear warm-up: `start_lr + (end_lr − start_lr)·t/warmup_steps` for `t < warmup_steps`, then `learning_rate`: a number, or a scheduler stepped with `step(t − warmup_steps)` so its milestones and periods count from the end of warm-up. The ramp never outputs end_lr itself, and end_lr is unrelated to the inner schedule's first value.",
  params: [
    { name: "learning_rate", required: true, kind: "scheduler-or-number", doc: "The LR after warm-up: a number, or the scheduler to hand over to (it restarts at its own epoch 0 when warm-up ends)." },
    { name: "warmup_steps", required: true, kind: "int", doc: "Length of the ramp in steps; a positive int (0 and 5.0 are rejected)." },
    { name: "start_lr", required: true, kind: "number", doc: "LR at step 0; must be ≥ 0." },
    { name: "end_lr", required: true, kind: "number", doc: "Target of the ramp; must be strictly greater than start_lr. Never reached by the ramp itself." },
    ...LAST_EPOCH_PARAMS,
  ],
  closedForm: true,
  reprPositional: 1,

  validate(args: BoundArgs): WarmupParams {
    const lr = args.learning_rate;
    if (!(isPyNumber(lr) || lr.type === "scheduler")) {
      paddleRaise("TypeError", `the type of learning_rate should be [int, float or LRScheduler], the current type is ${pyStr(lr)}`, "learning_rate");
    }
    const positive = compare(args.warmup_steps, ">", 0, "int", "warmup_steps");
    paddleAssert(positive && isPyInt(args.warmup_steps), " 'warmup_steps' must be a positive integer.", "warmup_steps");
    const ordered = compareValues(args.end_lr, ">", args.start_lr, "end_lr");
    paddleAssert(ordered, `end_lr ${pyStr(args.end_lr)} must be greater than start_lr ${pyStr(args.start_lr)}`, "end_lr");
    const startLr = baseLearningRate(args.start_lr, "start_lr");
    return {
      lr: lr.type === "scheduler" ? undefined : numericValue(lr),
      warmup: numericValue(args.warmup_steps) as number,
      startLr,
      endLr: numericValue(args.end_lr) as number,
      lastEpoch: lastEpochArg(args.last_epoch),
    };
  },

  create(p, kids) {
    return new LinearWarmupState(p, kids[INNER]);
  },

  forms(p, kids) {
    const inner = innerForms(kids);
    const start = p.lastEpoch + 1;
    const explicit = warmupForm(p, inner?.explicit);
    const approx = warmupForm(p, inner?.explicitApprox ?? inner?.explicit);
    const set: FormSet = { start };
    if (explicit) set.explicit = explicit;
    if (approx && !explicit) set.explicitApprox = approx;
    if (start >= 0) {
      if (explicit) set.stepped = shiftForm(explicit, start);
      else if (approx) set.steppedApprox = shiftForm(approx, start);
    }
    return set;
  },

  markers(p, kids, lo, hi, out) {
    const w = p.warmup;
    if (w >= lo && w < hi) out.push({ step: w, kind: "warmup-end", label: `warmup ends (${w} steps)` });
    const inner = kids[INNER];
    if (!inner || hi <= w) return;
    const sub: typeof out = [];
    inner.markers(Math.max(0, lo - w), hi - w, sub);
    for (const m of sub) out.push({ ...m, step: m.step + w });
  },

  horizon(p, kids) {
    const inner = kids[INNER]?.horizon();
    if (inner) return { epochs: p.warmup + inner.epochs, from: `warmup_steps + ${inner.from}` };
    return { epochs: p.warmup + Math.max(1, Math.ceil(p.warmup / 4)), from: "warmup_steps" };
  },
};
