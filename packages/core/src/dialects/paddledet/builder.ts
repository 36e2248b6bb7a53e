/**
 * PaddleDetection's `LearningRate.__call__(step_per_epoch)` as data: the warmup's boundaries and
 * values, then the decay appended to them, giving the one scheduler Paddle receives — a
 * materialised PiecewiseDecay (lazy `PPDetPiecewiseDecay`), or without warmup a plain
 * `PiecewiseDecay` / `CosineAnnealingDecay` — with the suite's Python types and errors.
 */
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import type { ArgSource } from "../types";
import { ArgRecorder, type Origin } from "../common/args";
import { type Arg, must } from "../common/kwargs";
import { pyMul, pyNumber, pyShow, pyTruthy, pyTypeName } from "../common/py-arith";
import type { DecayTail, MaterialisedPiecewise, WarmupForm } from "./materialised-piecewise";
import { materialisedArgs, PPDET_PIECEWISE } from "./materialised-spec";
import { type DetEntry, DetRejects } from "./read-schedulers";

export interface DetBuildInput {
  baseLr: Arg;
  decay: DetEntry;
  /** `schedulers[1]`, when present (used only when the decay's `use_warmup` is true). */
  warmup?: DetEntry;
  /** Blame for a missing `schedulers[1]`. */
  schedulersOrigin: Origin;
  spe: number;
}

export interface DetBuilt {
  spec: SchedulerSpec;
  sources: Record<string, ArgSource>;
  /** The lazy model, when the result is the materialised PiecewiseDecay. */
  model?: MaterialisedPiecewise;
  warmupSteps?: number;
  useWarmup: boolean;
  /** Warmup length taken from `epochs` (it wins over `steps`). */
  warmupFromEpochs: boolean;
}

const int = (value: number): PyValue => ({ type: "int", value });

/** A Python int as a JS number, or a startup TypeError naming the key (`range()` needs ints). */
function needInt(v: PyValue, what: string, origin?: Origin): number {
  if (v.type === "int") return v.value;
  if (v.type === "bool") return v.value ? 1 : 0;
  throw new DetRejects(`${what} is ${pyTypeName(v)} ${pyShow(v)}, but PaddleDetection passes it to range(): TypeError: '${pyTypeName(v)}' object cannot be interpreted as an integer.`, origin);
}

function needNumber(arg: Arg, what: string): number {
  const n = pyNumber(arg.value);
  if (n === undefined) {
    throw new DetRejects(`${what} is ${pyTypeName(arg.value)} ${pyShow(arg.value)}, not a number: PaddleDetection's LR builder fails at startup (TypeError).`, arg.origin);
  }
  return n.value;
}

/** The warmup prefix: `(boundaries 1..W, values for 0..W)` as LinearWarmup / ExpWarmup `__call__` compute them. */
function readWarmup(entry: DetEntry, input: DetBuildInput): { form: WarmupForm; stepsArg: Arg; fromEpochs: boolean } {
  const b = entry.bound;
  const epochs = b.get("epochs");
  const useEpochs = epochs.value.type !== "none" && (entry.cls.name === "ExpWarmup" || pyTruthy(b.get("epochs_first").value));
  const stepsArg = useEpochs ? epochs : b.get("steps");
  const raw = useEpochs ? must(pyMul(epochs.value, int(input.spe)), "epochs * step_per_epoch", epochs.origin) : stepsArg.value;
  // `warmup_steps = max(warmup_steps, 1)`, then `range(warmup_steps + 1)`.
  const steps = Math.max(needInt(raw, useEpochs ? `The warmup length epochs × steps per epoch (${pyShow(raw)})` : "`steps`", stepsArg.origin), 1);
  if (entry.cls.name === "LinearWarmup") {
    const startFactor = needNumber(b.get("start_factor"), "`start_factor`");
    return { form: { kind: "linear", steps, startFactor }, stepsArg, fromEpochs: useEpochs };
  }
  const powerArg = b.get("power");
  const power = needNumber(powerArg, "`power`");
  if (power < 0) throw new DetRejects(`\`power: ${pyShow(powerArg.value)}\` makes the first warmup value 0.0 ** ${pyShow(powerArg.value)}: ZeroDivisionError at startup.`, powerArg.origin);
  return { form: { kind: "exp", steps, power }, stepsArg, fromEpochs: useEpochs };
}

/** `[int(step_per_epoch) * m for m in milestones]`, numbers only. */
function milestoneBoundaries(arg: Arg, spe: number): PyValue[] {
  const v = arg.value;
  if (v.type !== "list" || v.items.some((x) => pyNumber(x) === undefined)) {
    throw new DetRejects(`\`milestones\` must be a list of epoch numbers, not ${pyShow(v)}: PaddleDetection multiplies each by the steps per epoch (startup failure otherwise).`, arg.origin);
  }
  return v.items.map((x) => must(pyMul(int(spe), x), "step_per_epoch * milestone", arg.origin));
}

/** PiecewiseDecay's gamma list: as written, or `[gamma / 10**i for i in range(len(milestones))]` for a number. */
function gammaList(gamma: Arg, count: number): PyValue[] {
  const v = gamma.value;
  if (v.type === "list") {
    if (v.items.some((x) => pyNumber(x) === undefined)) throw new DetRejects(`\`gamma\` items must be numbers, not ${pyShow(v)} (TypeError at startup).`, gamma.origin);
    return v.items;
  }
  const g = pyNumber(v);
  if (g === undefined) throw new DetRejects(`\`gamma\` is ${pyTypeName(v)} ${pyShow(v)}: PaddleDetection computes gamma / 10**i (TypeError at startup).`, gamma.origin);
  return Array.from({ length: count }, (_, i) => ({ type: "float" as const, value: g.value / 10 ** i }));
}

function scaledOrDerived(rec: ArgRecorder, name: string, value: PyValue, arg: Arg, spe: number): void {
  if (arg.value.type === "int" || arg.value.type === "bool") rec.scaled(name, value, arg.origin, spe);
  else rec.derived(name, value, arg.origin);
}

/** Builds what `LearningRate()(step_per_epoch)` returns; throws `DetRejects` where the suite crashes. */
export function buildDetSchedule(input: DetBuildInput): DetBuilt {
  const { decay, spe } = input;
  const baseLr = needNumber(input.baseLr, "`base_lr`");
  const baseLrValue = input.baseLr.value;
  const useWarmup = pyTruthy(decay.bound.get("use_warmup").value);
  const rec = new ArgRecorder();
  let warmup: ReturnType<typeof readWarmup> | undefined;
  if (useWarmup) {
    if (!input.warmup) {
      throw new DetRejects(`\`schedulers\` has only the decay: with \`use_warmup\` true PaddleDetection calls schedulers[1] (IndexError at startup). Add \`!LinearWarmup {}\` or set \`use_warmup: false\`.`, input.schedulersOrigin, undefined, undefined, input.schedulersOrigin.keySpan);
    }
    if (input.warmup.cls.role !== "warmup") {
      throw new DetRejects(`\`schedulers[1]\` is ${input.warmup.cls.name}, but PaddleDetection calls it as the warmup (LinearWarmup or ExpWarmup); training fails at startup.`, { key: "schedulers[1]", keySpan: input.warmup.nameSpan, node: input.warmup.node });
    }
    warmup = readWarmup(input.warmup, input);
  }
  const b = decay.bound;
  let tail: DecayTail;
  let tailValues: PyValue[] | undefined;
  if (decay.cls.name === "PiecewiseDecay") {
    const milestones = b.get("milestones");
    const bounds = milestoneBoundaries(milestones, spe);
    const explicit = b.get("values");
    let values: PyValue[];
    if (explicit.value.type !== "none") {
      const nv = explicit.value.type === "list" ? explicit.value.items.length : -1;
      const nm = milestones.value.type === "list" ? milestones.value.items.length : 0;
      if (nv !== nm + 1) throw new DetRejects(`\`values\` has ${nv < 0 ? "no list of" : nv} values for ${nm} milestones: PaddleDetection asserts len(milestones) + 1 == len(values) (AssertionError at startup).`, explicit.origin);
      if (warmup) {
        throw new DetRejects(
          `\`values\` cannot be combined with a warmup: PaddleDetection passes only these ${nv} values with ${warmup.form.steps + nm} boundaries (warmup + milestones), and Paddle's PiecewiseDecay raises ValueError: The values have one more element than boundaries. Set \`use_warmup: false\` or use \`gamma\`.`,
          explicit.origin,
        );
      }
      values = (explicit.value as { items: PyValue[] }).items;
      if (values.some((x) => pyNumber(x) === undefined)) throw new DetRejects(`\`values\` must be numbers, not ${pyShow(explicit.value)}.`, explicit.origin);
    } else {
      const gamma = b.get("gamma");
      const milestoneCount = milestones.value.type === "list" ? milestones.value.items.length : 0;
      values = gammaList(gamma, milestoneCount).map((g) => must(pyMul(baseLrValue, g), "base_lr * gamma", gamma.origin));
    }
    if (!warmup) {
      // No warmup: a plain Paddle PiecewiseDecay(boundaries, [base_lr, ...values]).
      scaledOrDerived(rec, "boundaries", { type: "list", items: bounds }, milestones, spe);
      const all = explicit.value.type !== "none" ? values : [baseLrValue, ...values];
      if (explicit.value.type !== "none") rec.identity("values", { type: "list", items: all }, explicit.origin);
      else rec.derived("values", { type: "list", items: all }, b.get("gamma").origin ?? input.baseLr.origin);
      return { spec: rec.spec("PiecewiseDecay"), sources: rec.sources, useWarmup, warmupFromEpochs: false };
    }
    tail = { kind: "milestones", boundaries: bounds.map((x) => pyNumber(x)!.value), values: values.map((x) => pyNumber(x)!.value) };
    tailValues = values;
    scaledOrDerived(rec, "boundaries", { type: "list", items: bounds }, milestones, spe);
  } else {
    const maxEpochs = b.get("max_epochs");
    const plateau = b.get("last_plateau_epochs");
    const ratio = b.get("min_lr_ratio");
    const maxItersValue = must(pyMul(maxEpochs.value, int(spe)), "max_epochs * step_per_epoch", maxEpochs.origin);
    const plateauValue = must(pyMul(plateau.value, int(spe)), "last_plateau_epochs * step_per_epoch", plateau.origin);
    const minLrValue = must(pyMul(baseLrValue, ratio.value), "base_lr * min_lr_ratio", ratio.origin);
    const plateauIters = pyNumber(plateauValue)!.value;
    if (!warmup && !(plateauIters > 0)) {
      // No warmup and no plateau: Paddle's own CosineAnnealingDecay (its checks apply to T_max).
      rec.identity("learning_rate", baseLrValue, input.baseLr.origin);
      scaledOrDerived(rec, "T_max", maxItersValue, maxEpochs, spe);
      rec.derived("eta_min", minLrValue, ratio.origin);
      return { spec: rec.spec("CosineAnnealingDecay"), sources: rec.sources, useWarmup, warmupFromEpochs: false };
    }
    const maxIters = needInt(maxItersValue, "`max_epochs` × steps per epoch", maxEpochs.origin);
    tail = { kind: "cosine", maxIters, plateauIters, minLr: pyNumber(minLrValue)!.value };
    scaledOrDerived(rec, "max_iters", maxItersValue, maxEpochs, spe);
    if (plateau.origin) scaledOrDerived(rec, "plateau_iters", plateauValue, plateau, spe);
    if (ratio.origin) rec.derived("min_lr", minLrValue, ratio.origin);
  }
  const model: MaterialisedPiecewise = { baseLr, warmup: warmup?.form, tail };
  const args = materialisedArgs(model, baseLrValue, tailValues);
  // Keep the recorded provenance, then set every argument of the lazy class.
  for (const [k, v] of Object.entries(args)) rec.args[k] = v;
  if (input.baseLr.origin) rec.sources.base_lr = { ...input.baseLr.origin, transform: "identity" };
  if (warmup) {
    const w = warmup;
    if (w.fromEpochs) scaledOrDerived(rec, "warmup_steps", args.warmup_steps, w.stepsArg, spe);
    else if (w.stepsArg.origin) rec.sources.warmup_steps = { ...w.stepsArg.origin, transform: w.form.steps === pyNumber(w.stepsArg.value)?.value ? "identity" : "derived" };
    const extra = w.form.kind === "linear" ? "start_factor" : "power";
    const origin = input.warmup!.bound.get(extra).origin;
    if (origin) rec.sources[extra] = { ...origin, transform: "identity" };
  }
  if (tail.kind === "milestones") {
    const valuesOrigin = decay.bound.get("gamma").origin ?? decay.bound.get("values").origin;
    if (valuesOrigin) rec.sources.values = { ...valuesOrigin, transform: "derived" };
  }
  return { spec: { name: PPDET_PIECEWISE, args: rec.args }, sources: rec.sources, model, warmupSteps: warmup?.form.steps, useWarmup, warmupFromEpochs: warmup?.fromEpochs ?? false };
}
