/**
 * PaddleClas' `LRBase` (`ppcls/optimizer/learning_rate.py`): the warmup length every class derives
 * (clamped to `epochs`, counted in epochs with `by_epoch`, else `round(warmup_epoch × step_each_epoch)`)
 * and the `LinearWarmup` it wraps a schedule in.
 */
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder } from "../common/args";
import { type Arg, type Bound, must, roundTimesSpe, SuiteRejects, isExactScale } from "../common/kwargs";
import { pyCompare, pyMul, pyNumber, pySub, pyTruthy } from "../common/py-arith";

export interface ClasInput {
  bound: Bound;
  /** `Global.epochs`, injected as `epochs`. */
  epochs: Arg;
  /** `step_each_epoch` the builder receives: iterations per epoch // update_freq. */
  spe: number;
}

export interface WarmupInfo {
  /** Warmup length as the builder computed it (epochs with by_epoch, else steps). */
  steps: PyValue;
  stepsNumber: number;
  /** The `warmup_epoch` actually used (after clamping) and where it came from. */
  epoch: Arg;
  clamped?: { from: PyValue; to: PyValue };
  byEpoch: boolean;
}

export function byEpochOf(input: ClasInput): boolean {
  return pyTruthy(input.bound.get("by_epoch").value);
}

/** `LRBase.__init__`: clamp `warmup_epoch` to `epochs`, then derive `warmup_steps`. */
export function lrBaseWarmup(input: ClasInput, roundAlways = false): WarmupInfo {
  const b = input.bound;
  let epoch = b.get("warmup_epoch");
  let clamped: WarmupInfo["clamped"];
  const cmp = pyCompare(epoch.value, ">=", input.epochs.value);
  if (!cmp.ok) throw new SuiteRejects(`LRBase compares warmup_epoch >= epochs and Python raises ${cmp.errorType}: ${cmp.message}`, epoch.origin ?? input.epochs.origin);
  if (cmp.value) {
    clamped = { from: epoch.value, to: input.epochs.value };
    epoch = { value: input.epochs.value, origin: epoch.origin };
  }
  const byEpoch = byEpochOf(input);
  // Linear recomputes warmup_steps as round(warmup_epoch * step_each_epoch) even with by_epoch.
  const steps = byEpoch && !roundAlways ? epoch.value : roundTimesSpe(epoch, input.spe, "round(warmup_epoch * step_each_epoch)");
  return { steps, stepsNumber: pyNumber(steps)?.value ?? 0, epoch, clamped, byEpoch };
}

/** `LRBase.linear_warmup`: `LinearWarmup(inner, warmup_steps, start_lr=warmup_start_lr, end_lr=learning_rate, last_epoch, verbose)`. */
export function linearWarmup(input: ClasInput, inner: { rec: ArgRecorder; name: string }, w: WarmupInfo, endLr: Arg): ArgRecorder {
  const b = input.bound;
  const rec = new ArgRecorder();
  rec.nest("learning_rate", { spec: inner.rec.spec(inner.name), sources: inner.rec.sources });
  if (w.clamped) rec.derived("warmup_steps", w.steps, input.epochs.origin);
  else if (w.byEpoch && w.steps === w.epoch.value) rec.identity("warmup_steps", w.steps, w.epoch.origin);
  else if (isExactScale(w.epoch, input.spe)) rec.scaled("warmup_steps", w.steps, w.epoch.origin, input.spe);
  else rec.derived("warmup_steps", w.steps, w.epoch.origin);
  const start = b.get("warmup_start_lr");
  if (start.origin) rec.identity("start_lr", start.value, start.origin);
  else rec.fixed("start_lr", start.value);
  rec.identity("end_lr", endLr.value, endLr.origin);
  passLastEpoch(rec, b);
  if (b.has("verbose")) rec.identity("verbose", b.get("verbose").value, b.get("verbose").origin);
  return rec;
}

/** `last_epoch` is always passed; it is only written out when the config sets it (the default -1 is Paddle's too). */
export function passLastEpoch(rec: ArgRecorder, b: Bound): void {
  if (b.has("last_epoch")) rec.identity("last_epoch", b.get("last_epoch").value, b.get("last_epoch").origin);
}

/** Whether `warmup_steps > 0` (the condition every class checks before wrapping). */
export function hasWarmup(w: WarmupInfo): boolean {
  const c = pyCompare(w.steps, ">", { type: "int", value: 0 });
  if (!c.ok) throw new SuiteRejects(`PaddleClas compares warmup_steps > 0 and Python raises ${c.errorType}: ${c.message}`, w.epoch.origin);
  return c.value;
}

/** `(epochs - warmup_epoch) * step_each_epoch`, or `epochs - warmup_epoch` with by_epoch. */
export function remainingAfterWarmup(input: ClasInput, w: WarmupInfo, byEpoch: boolean): PyValue {
  const left = must(pySub(input.epochs.value, w.epoch.value), "epochs - warmup_epoch", w.epoch.origin ?? input.epochs.origin);
  if (byEpoch) return left;
  return must(pyMul(left, { type: "int", value: input.spe }), "(epochs - warmup_epoch) * step_each_epoch", input.epochs.origin);
}
