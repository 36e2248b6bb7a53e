/** The shape of a PaddleClas LR class builder and what every class shares (LRBase's parameters, the warmup wrapping). */
import type { PyValue } from "../../schedulers/types";
import type { ArgRecorder } from "../common/args";
import type { Arg, PyParam } from "../common/kwargs";
import { type ClasInput, hasWarmup, linearWarmup, type WarmupInfo } from "./lr-base";

const f = (value: number): PyValue => ({ type: "float", value });
const i = (value: number): PyValue => ({ type: "int", value });

export interface ClasBuilt {
  rec: ArgRecorder;
  specName: string;
  /** Suite vocabulary name plus `+warmup` (flags are added by the caller). */
  kind: string;
  /** Whether the loop sees a `by_epoch` attribute set by the class (Constant used directly has none). */
  setsByEpoch: boolean;
  warmup?: WarmupInfo;
  facts: Record<string, unknown>;
}

export interface ClasClass {
  params: PyParam[];
  /** Classes without `**kwargs` reject unknown keys with a TypeError. */
  acceptsExtra: boolean;
  build(input: ClasInput, name: string): ClasBuilt;
}

export const CLAS_COMMON: PyParam[] = [{ name: "epochs" }, { name: "step_each_epoch" }];
export const CLAS_WARM: PyParam[] = [{ name: "warmup_epoch", default: i(0) }, { name: "warmup_start_lr", default: f(0.0) }, { name: "last_epoch", default: i(-1) }, { name: "by_epoch", default: { type: "bool", value: false } }];

/** Passes a class argument on: from the YAML key when written, else the class default. */
export function classArg(rec: ArgRecorder, input: ClasInput, name: string, as = name): void {
  const a = input.bound.get(name);
  if (a.origin) rec.identity(as, a.value, a.origin);
  else rec.fixed(as, a.value);
}

/** The paddle scheduler or the suite's `Constant`, wrapped in LinearWarmup when warmup_steps > 0. */
export function finishClas(input: ClasInput, inner: ArgRecorder, innerName: string, w: WarmupInfo, endLr: Arg, name: string, facts: Record<string, unknown> = {}): ClasBuilt {
  const allFacts: Record<string, unknown> = { ...facts };
  if (w.clamped) allFacts.warmupClampedToEpochs = { from: w.clamped.from, to: w.clamped.to };
  if (!hasWarmup(w)) return { rec: inner, specName: innerName, kind: name, setsByEpoch: true, warmup: w, facts: allFacts };
  const rec = linearWarmup(input, { rec: inner, name: innerName }, w, endLr);
  return { rec, specName: "LinearWarmup", kind: `${name}+warmup`, setsByEpoch: true, warmup: w, facts: { ...allFacts, warmupSteps: w.stepsNumber } };
}

