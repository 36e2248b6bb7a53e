/**
 * PaddleDetection's LR classes (`ppdet/optimizer/optimizer.py`): their constructor signatures with
 * defaults, the role each plays in `LearningRate.schedulers`, and their docs for completion/hover.
 */
import type { ParamInfo, PyValue } from "../../schedulers/types";
import type { VocabularyEntry } from "../types";

export type DetClassName = "CosineDecay" | "PiecewiseDecay" | "LinearWarmup" | "ExpWarmup";

export interface DetClass {
  name: DetClassName;
  /** `schedulers[0]` must be a decay (it has `use_warmup`), `schedulers[1]` a warmup (it returns boundaries and values). */
  role: "decay" | "warmup";
  /** In signature order, as `cls(*args)` of a tagged sequence binds them. */
  params: ParamInfo[];
  doc: string;
}

const int = (value: number): PyValue => ({ type: "int", value });
const float = (value: number): PyValue => ({ type: "float", value });
const bool = (value: boolean): PyValue => ({ type: "bool", value });
const NONE: PyValue = { type: "none" };

export const DET_CLASSES: Record<DetClassName, DetClass> = {
  CosineDecay: {
    name: "CosineDecay",
    role: "decay",
    doc: "Cosine decay from `base_lr` to `base_lr × min_lr_ratio` over `max_epochs` (not `epoch`!). With warmup the whole curve is materialised as one PiecewiseDecay with a boundary per iteration; without warmup and plateau it is Paddle's CosineAnnealingDecay(T_max = max_epochs × steps per epoch).",
    params: [
      { name: "max_epochs", required: false, default: int(1000), kind: "int", doc: "Epochs the cosine is laid out over (default 1000). It need not equal `epoch`: when larger, training ends before the minimum is reached." },
      { name: "use_warmup", required: false, default: bool(true), kind: "bool", doc: "Whether `schedulers[1]` (the warmup) is used at all." },
      { name: "min_lr_ratio", required: false, default: float(0), kind: "float", doc: "The minimum LR as a fraction of `base_lr`." },
      { name: "last_plateau_epochs", required: false, default: int(0), kind: "int", doc: "The last epochs (of `max_epochs`) hold the minimum LR." },
    ],
  },
  PiecewiseDecay: {
    name: "PiecewiseDecay",
    role: "decay",
    doc: "Step decay at `milestones` (epochs, multiplied by steps per epoch): `base_lr × gamma[i]` after the i-th milestone (not cumulative). A scalar gamma means `[gamma, gamma/10, gamma/100, ...]`.",
    params: [
      { name: "gamma", required: false, default: { type: "list", items: [float(0.1), float(0.01)] }, kind: "list", doc: "Decay factor per milestone: a list (`base_lr × gamma[i]`) or a number (`gamma / 10**i`)." },
      { name: "milestones", required: false, default: { type: "list", items: [int(8), int(11)] }, kind: "list", doc: "Epochs at which the LR drops (appended after the warmup boundaries, unsorted)." },
      { name: "values", required: false, default: NONE, kind: "list", doc: "Explicit LR values (len(milestones) + 1), instead of gamma. Only usable without warmup." },
      { name: "use_warmup", required: false, default: bool(true), kind: "bool", doc: "Whether `schedulers[1]` (the warmup) is used at all." },
    ],
  },
  LinearWarmup: {
    name: "LinearWarmup",
    role: "warmup",
    doc: "Linear warmup from `base_lr × start_factor` to `base_lr`, one PiecewiseDecay boundary per step.",
    params: [
      { name: "steps", required: false, default: int(500), kind: "int", doc: "Warmup length in iterations (default 500); ignored when `epochs` is set." },
      { name: "start_factor", required: false, default: float(1 / 3), kind: "float", doc: "The first LR as a fraction of `base_lr` (default 1/3)." },
      { name: "epochs", required: false, default: NONE, kind: "int", doc: "Warmup length in epochs (× steps per epoch); wins over `steps`." },
      { name: "epochs_first", required: false, default: bool(true), kind: "bool", doc: "Whether `epochs` wins over `steps` when both are set." },
    ],
  },
  ExpWarmup: {
    name: "ExpWarmup",
    role: "warmup",
    doc: "Exponential warmup `base_lr × (i / steps) ** power`, starting from 0, one PiecewiseDecay boundary per step.",
    params: [
      { name: "steps", required: false, default: int(1000), kind: "int", doc: "Warmup length in iterations (default 1000); ignored when `epochs` is set." },
      { name: "epochs", required: false, default: NONE, kind: "int", doc: "Warmup length in epochs (× steps per epoch); wins over `steps`." },
      { name: "power", required: false, default: int(2), kind: "number", doc: "Exponent of the ramp (default 2)." },
    ],
  },
};

export const DET_CLASS_NAMES = Object.keys(DET_CLASSES) as DetClassName[];

export function detClass(name: string): DetClass | undefined {
  return Object.prototype.hasOwnProperty.call(DET_CLASSES, name) ? DET_CLASSES[name as DetClassName] : undefined;
}

/** The `LearningRate` block itself: `base_lr` and `schedulers` (the registered defaults apply to what is missing). */
export const LEARNING_RATE_PARAMS: ParamInfo[] = [
  { name: "base_lr", required: false, default: float(0.01), kind: "float", doc: "The peak learning rate every scheduler scales (default 0.01)." },
  { name: "schedulers", required: false, kind: "list", doc: "`[decay, warmup]`: a CosineDecay or PiecewiseDecay, then a LinearWarmup or ExpWarmup (default `[PiecewiseDecay(), LinearWarmup()]`)." },
];

export const DET_VOCABULARY: VocabularyEntry[] = DET_CLASS_NAMES.map((n) => ({ name: n, doc: DET_CLASSES[n].doc, params: DET_CLASSES[n].params }));
