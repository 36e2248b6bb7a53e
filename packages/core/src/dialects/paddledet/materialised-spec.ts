/**
 * The spec of the suite-specific scheduler class `PPDetPiecewiseDecay`: the compact arguments (a
 * handful of numbers and the few milestone items) from which the materialised PiecewiseDecay is
 * regenerated, and the conversion between those arguments and the lazy model.
 */
import type { ParamInfo, PyValue } from "../../schedulers/types";
import type { DecayTail, MaterialisedPiecewise, WarmupForm } from "./materialised-piecewise";

/** Registered class name; it formats itself as the `PiecewiseDecay(...)` Paddle really receives. */
export const PPDET_PIECEWISE = "PPDetPiecewiseDecay";

const num = (v: PyValue | undefined): number | undefined => (v?.type === "int" || v?.type === "float" ? v.value : v?.type === "bool" ? (v.value ? 1 : 0) : undefined);
const str = (v: PyValue | undefined): string | undefined => (v?.type === "str" ? v.value : undefined);

export const PPDET_PIECEWISE_PARAMS: ParamInfo[] = [
  { name: "base_lr", required: true, kind: "number", doc: "LearningRate.base_lr: the peak every value scales." },
  { name: "warmup", required: true, kind: "str", enum: ["linear", "exp", "none"], doc: "The warmup prefix: LinearWarmup, ExpWarmup, or none (cosine with a last plateau and no warmup)." },
  { name: "warmup_steps", required: false, kind: "int", doc: "Warmup iterations W: boundaries 1..W." },
  { name: "start_factor", required: false, kind: "number", doc: "LinearWarmup: first value is base_lr × start_factor." },
  { name: "power", required: false, kind: "number", doc: "ExpWarmup: values base_lr × (i/W) ** power." },
  { name: "decay", required: true, kind: "str", enum: ["milestones", "cosine"], doc: "What follows the warmup: PiecewiseDecay milestones or CosineDecay iterations." },
  { name: "boundaries", required: false, kind: "list", doc: "Milestone boundaries (milestones × steps per epoch), appended after the warmup unsorted." },
  { name: "values", required: false, kind: "list", doc: "Values after the warmup values: base_lr × gamma[i] (or the explicit values)." },
  { name: "max_iters", required: false, kind: "int", doc: "CosineDecay: max_epochs × steps per epoch." },
  { name: "plateau_iters", required: false, kind: "number", doc: "CosineDecay: last_plateau_epochs × steps per epoch." },
  { name: "min_lr", required: false, kind: "number", doc: "CosineDecay: base_lr × min_lr_ratio." },
];

/** The spec arguments for a model (milestone values keep their Python types). */
export function materialisedArgs(m: MaterialisedPiecewise, baseLr: PyValue, tailValues?: PyValue[]): Record<string, PyValue> {
  const args: Record<string, PyValue> = { base_lr: baseLr };
  const w = m.warmup;
  args.warmup = { type: "str", value: w ? w.kind : "none" };
  if (w) {
    args.warmup_steps = { type: "int", value: w.steps };
    if (w.kind === "linear") args.start_factor = { type: "float", value: w.startFactor };
    else args.power = Number.isInteger(w.power) ? { type: "int", value: w.power } : { type: "float", value: w.power };
  }
  const tail = m.tail;
  args.decay = { type: "str", value: tail.kind };
  if (tail.kind === "milestones") {
    args.boundaries = { type: "list", items: tail.boundaries.map((b) => (Number.isInteger(b) ? { type: "int", value: b } : { type: "float", value: b })) };
    args.values = { type: "list", items: tailValues ?? tail.values.map((v) => ({ type: "float", value: v })) };
  } else {
    args.max_iters = { type: "int", value: tail.maxIters };
    args.plateau_iters = Number.isInteger(tail.plateauIters) ? { type: "int", value: tail.plateauIters } : { type: "float", value: tail.plateauIters };
    args.min_lr = { type: "float", value: tail.minLr };
  }
  return args;
}

/** The model back from spec arguments, or the name of the argument that does not fit. */
export function modelFromArgs(args: Record<string, PyValue>): { ok: true; model: MaterialisedPiecewise } | { ok: false; param: string; message: string } {
  const bad = (param: string, message: string) => ({ ok: false as const, param, message });
  const baseLr = num(args.base_lr);
  if (baseLr === undefined) return bad("base_lr", "base_lr must be a number");
  const wk = str(args.warmup);
  let warmup: WarmupForm | undefined;
  if (wk === "linear" || wk === "exp") {
    const steps = num(args.warmup_steps);
    if (steps === undefined || !Number.isInteger(steps) || steps < 1) return bad("warmup_steps", "warmup_steps must be an int ≥ 1");
    if (wk === "linear") {
      const startFactor = num(args.start_factor);
      if (startFactor === undefined) return bad("start_factor", "start_factor must be a number");
      warmup = { kind: "linear", steps, startFactor };
    } else {
      const power = num(args.power);
      if (power === undefined) return bad("power", "power must be a number");
      warmup = { kind: "exp", steps, power };
    }
  } else if (wk !== "none") return bad("warmup", "warmup must be 'linear', 'exp' or 'none'");
  const dk = str(args.decay);
  let tail: DecayTail;
  if (dk === "milestones") {
    const b = args.boundaries;
    const v = args.values;
    if (b?.type !== "list" || !b.items.every((x) => num(x) !== undefined)) return bad("boundaries", "boundaries must be a list of numbers");
    if (v?.type !== "list" || !v.items.every((x) => num(x) !== undefined)) return bad("values", "values must be a list of numbers");
    tail = { kind: "milestones", boundaries: b.items.map((x) => num(x)!), values: v.items.map((x) => num(x)!) };
  } else if (dk === "cosine") {
    const maxIters = num(args.max_iters);
    const plateauIters = num(args.plateau_iters) ?? 0;
    const minLr = num(args.min_lr) ?? 0;
    if (maxIters === undefined || !Number.isInteger(maxIters)) return bad("max_iters", "max_iters must be an int");
    tail = { kind: "cosine", maxIters, plateauIters, minLr };
  } else return bad("decay", "decay must be 'milestones' or 'cosine'");
  if (!warmup && tail.kind === "milestones") return bad("warmup", "a milestone schedule without warmup is a plain PiecewiseDecay");
  return { ok: true, model: { baseLr, warmup, tail } };
}
