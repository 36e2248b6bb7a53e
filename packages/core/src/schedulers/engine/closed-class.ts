/** Shared machinery for classes whose `get_lr` is a pure function of `last_epoch`: the live mirror and the closed forms built from that one function. */
import type { FormSet } from "../definition";
import { fillByAt, shiftForm, type Form } from "./form";
import { SchedulerState } from "./state";

/** The live mirror of a class whose `get_lr()` is `lrAt(self.last_epoch)`. */
export class FunctionState extends SchedulerState {
  constructor(
    readonly name: string,
    private readonly lrAt: (t: number) => number,
  ) {
    super();
  }

  /** Runs `LRScheduler.__init__`'s tail (store, then the first step). */
  begin(baseLr: number, lastEpoch: number): this {
    this.start(baseLr, lastEpoch);
    return this;
  }

  override getLr(): number {
    return this.lrAt(this.lastEpoch);
  }
}

export interface ClosedFormParts {
  /** get_lr at `last_epoch = t` (t ≥ 0 integer here). */
  lrAt(t: number): number;
  /** A faster equivalent of `out[k] = lrAt(from + k)` for ranges where nothing raises. */
  fill?(out: Float64Array, from: number): void;
  critical?(lo: number, hi: number, push: (i: number) => void): void;
  firstError?(from: number, limit: number): number;
  /** False when a user function is involved. Default true. */
  analytic?: boolean;
}

/** A Form over epochs from one `lrAt` function and its optional helpers. */
export function closedForm(parts: ClosedFormParts): Form {
  const form: Form = {
    analytic: parts.analytic ?? true,
    at: parts.lrAt,
    fill: parts.fill ?? ((out, from) => fillByAt(form, out, from)),
    critical: parts.critical ?? (() => {}),
    firstError: parts.firstError ?? ((_from, limit) => limit),
  };
  return form;
}

/**
 * The FormSet of a closed-form class: `step(e)` gives `lrAt(e)`, and after i `step()` calls from
 * `last_epoch = k` the epoch is k + 1 + i. A `last_epoch` below -1 starts at negative epochs,
 * which only the replay handles with Python's exact semantics.
 */
export function closedFormSet(explicit: Form, lastEpoch: number): FormSet {
  const start = lastEpoch + 1;
  const set: FormSet = { start, explicit };
  if (start >= 0 && Number.isInteger(start)) set.stepped = shiftForm(explicit, start);
  return set;
}
