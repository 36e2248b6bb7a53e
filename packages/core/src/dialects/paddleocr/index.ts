/**
 * The PaddleOCR dialect: `Optimizer.lr` read as `ppocr/optimizer` builds it.
 *
 * Schedule: path `Optimizer.lr`; stepping once per iteration (`tools/program.py` steps after every
 * batch unless the LR is a plain float, which is constant anyway); steps per epoch from the
 * `# lrlens: steps-per-epoch=N` comment, the setting, or the label files of `Train.dataset`.
 *
 * Facts set on each schedule:
 * - `yamlLoader: "pyyaml"`, `stringsAreLiteralEvaluated: false`: values are read with PyYAML's
 *   Loader and used as is, so `1e-4` is a string here (the yaml12 lint applies).
 * - `injectedKeys: ["epochs", "step_each_epoch"]`: set by the suite, overwriting the file.
 * - `overwrittenKeys`: those of them the file writes anyway (an `overwritten-key` note each).
 * - `ignoredKeys`: keys the class swallows with `**kwargs` (an `ignored-key` finding each).
 * - `warmupSteps`: the warmup length in iterations, when there is a warmup.
 * - `warmupInIterations: true`: LinearWarmupCosine counts `warmup_steps` in iterations, not epochs.
 * - `decayIncludesWarmup: true`: Cosine/Linear/TwoStepCosine lay the decay over all epochs although
 *   it only starts after warmup, so training ends before the decay completes.
 * - `endLrForcedToZero: true`: DecayLearningRate ignores `end_lr`.
 * - `plainNumber: true`: the builder returned a float (spec `float(learning_rate=...)`), never stepped.
 * - `didYouMean`: candidates for an unknown `name`.
 */
import type { Dialect } from "../types";
import { registerOcrSchedulers } from "./suite-schedulers";
import { detectPaddleOcr } from "./detect";
import { extractPaddleOcr } from "./extract";
import { OCR_VOCABULARY } from "./vocabulary";

registerOcrSchedulers();

export const paddleocrDialect: Dialect = {
  id: "paddleocr",
  label: "PaddleOCR",
  detect: detectPaddleOcr,
  extract: extractPaddleOcr,
  vocabulary: () => OCR_VOCABULARY,
};
