/** PaddleOCR's `Optimizer.lr` names with their keys and defaults, for completion, hovers and did-you-mean. */
import type { ParamInfo } from "../../schedulers/types";
import type { VocabularyEntry } from "../types";

const lr = (doc = "Base learning rate (PyYAML reads `1e-4` without a dot as a string: write `1.0e-4`)."): ParamInfo => ({ name: "learning_rate", required: true, kind: "float", doc });
const warmup: ParamInfo = { name: "warmup_epoch", required: false, default: { type: "int", value: 0 }, kind: "number", doc: "Epochs of linear warmup from 0.0, turned into round(warmup_epoch × steps per epoch) steps; fractions are fine." };
const lastEpoch: ParamInfo = { name: "last_epoch", required: false, default: { type: "int", value: -1 }, kind: "int", doc: "Resume point passed to Paddle (-1 = start from the beginning)." };

export const OCR_VOCABULARY: VocabularyEntry[] = [
  {
    name: "Cosine",
    doc: "CosineAnnealingDecay with T_max = Global.epoch_num × steps per epoch (warmup not subtracted: with warmup, training ends before the cosine reaches 0).",
    params: [lr(), warmup, lastEpoch],
  },
  {
    name: "Linear",
    doc: "PolynomialDecay with decay_steps = Global.epoch_num × steps per epoch.",
    params: [lr(), { name: "end_lr", required: false, default: { type: "float", value: 0 }, kind: "float", doc: "Final learning rate." }, { name: "power", required: false, default: { type: "float", value: 1 }, kind: "float", doc: "Power of the polynomial (1.0 = linear)." }, warmup, lastEpoch],
  },
  {
    name: "Step",
    doc: "StepDecay: multiply by gamma every step_size epochs (step_size × steps per epoch steps).",
    params: [lr(), { name: "step_size", required: true, kind: "int", doc: "Epochs between decays." }, { name: "gamma", required: true, kind: "float", doc: "Decay factor (required by PaddleOCR's Step)." }, warmup, lastEpoch],
  },
  {
    name: "MultiStepDecay",
    doc: "MultiStepDecay with milestones given in epochs (× steps per epoch).",
    params: [lr(), { name: "milestones", required: true, kind: "list", doc: "Epochs at which the LR is multiplied by gamma." }, { name: "gamma", required: true, kind: "float", doc: "Decay factor." }, warmup, lastEpoch],
  },
  {
    name: "Piecewise",
    doc: "PiecewiseDecay with boundaries = decay_epochs × steps per epoch; a warmup ramps to values[0]. A `learning_rate` key is ignored.",
    params: [{ name: "decay_epochs", required: true, kind: "list", doc: "Epochs where the next value starts." }, { name: "values", required: true, kind: "list", doc: "One more value than decay_epochs." }, warmup, lastEpoch],
  },
  {
    name: "Const",
    doc: "A constant learning rate (also what a section without `name` means). Without warmup it is a plain float the loop never steps.",
    params: [lr(), warmup, lastEpoch],
  },
  {
    name: "DecayLearningRate",
    doc: "PolynomialDecay over Global.epoch_num × steps per epoch with power = factor; end_lr is always 0 whatever the file says.",
    params: [lr(), { name: "factor", required: false, default: { type: "float", value: 0.9 }, kind: "float", doc: "Power of the polynomial." }],
  },
  {
    name: "OneCycle",
    doc: "PaddleOCR's own OneCycleDecay (torch-style): from max_lr/25 up to max_lr over 30 % of training, then down to max_lr/25/1e4.",
    params: [{ name: "max_lr", required: true, kind: "float", doc: "Peak learning rate." }, { name: "anneal_strategy", required: false, default: { type: "str", value: "cos" }, kind: "str", enum: ["cos", "linear"], doc: "Annealing shape." }, { name: "three_phase", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Torch's three-phase variant." }, warmup, lastEpoch],
  },
  {
    name: "CyclicalCosine",
    doc: "CyclicalCosineDecay: a cosine restarted every `cycle` epochs.",
    params: [lr(), { name: "cycle", required: true, kind: "number", doc: "Period in epochs (× steps per epoch, rounded)." }, warmup, lastEpoch],
  },
  {
    name: "TwoStepCosine",
    doc: "TwoStepCosineDecay: a 200-epoch cosine, then one over Global.epoch_num.",
    params: [lr(), warmup, lastEpoch],
  },
  {
    name: "LinearWarmupCosine",
    doc: "Warmup counted in iterations (default 5000, from start_lr) into a cosine over Global.epoch_num × steps per epoch down to min_lr; values go through float(), so `1e-4` strings work here.",
    params: [
      lr("Peak learning rate (converted with float())."),
      { name: "warmup_steps", required: false, default: { type: "int", value: 5000 }, kind: "int", doc: "Warmup length in iterations." },
      { name: "start_lr", required: false, default: { type: "float", value: 1e-5 }, kind: "float", doc: "Warmup start." },
      { name: "min_lr", required: false, default: { type: "float", value: 1e-8 }, kind: "float", doc: "Cosine floor (eta_min)." },
      lastEpoch,
    ],
  },
];
