/**
 * The PaddleClas dialect: `Optimizer.lr` (or every `lr` of an `Optimizer` list) read as
 * `ppcls/optimizer` builds it and as `ppcls/engine` steps it.
 *
 * Schedules: path `Optimizer.lr`, or `Optimizer[i].<OptimizerName>.lr` for each entry of a list of
 * per-scope optimizers (all of them, in order). Stepping: every `Global.update_freq` iterations, or
 * once after each epoch with `by_epoch`. Steps per epoch (iterations): `Global.iter_per_epoch`
 * (source "config"), the comment, the setting, or `DataLoader.Train` (label lines ÷ batch size).
 *
 * Facts set on each schedule:
 * - `yamlLoader: "pyyaml-safe"`, `stringsAreLiteralEvaluated`: true for `Optimizer` as a mapping
 *   (PaddleClas runs `ast.literal_eval` on strings in mappings, so `'1e-3'` IS 0.001 and the
 *   yaml12 lint must not fire), false inside an `Optimizer` list (strings stay strings there).
 * - `updateFreq`, `byEpoch`: how the loop steps this scheduler.
 * - `injectedKeys`, `overwrittenKeys`: `epochs`/`step_each_epoch` set by the suite (and written anyway).
 * - `ignoredKeys`: keys without effect (`**kwargs`, or Piecewise's decay_epochs/values with learning_rate).
 * - `piecewiseFromLearningRate: true`: Piecewise replaced by ×0.1 every 30 epochs.
 * - `warmupClampedToEpochs: {from, to}`: warmup_epoch ≥ epochs was clamped (`warmup-clamped` warning).
 * - `warmupSteps`: the warmup length in scheduler steps (epochs with by_epoch).
 * - `stepSizesInIterations: true`: Cyclic's step sizes are not scaled by step_each_epoch.
 * - `metricDriven: true` (ReduceOnPlateau), `noDeterministicCurve: true` when stepped by the metric only.
 * - `plainNumber: true`: no `name`, the LR is a plain number (which the loop cannot step: error).
 * - `optimizerIndex`, `optimizerName`, `scope`: for schedules of an `Optimizer` list.
 * - `didYouMean`: candidates for an unknown `name`.
 */
import type { Dialect } from "../types";
import { detectPaddleClas } from "./detect";
import { extractPaddleClas } from "./extract";
import { registerClasSchedulers } from "./suite-schedulers";
import { CLAS_VOCABULARY } from "./vocabulary";

registerClasSchedulers();

export const paddleclasDialect: Dialect = {
  id: "paddleclas",
  label: "PaddleClas",
  detect: detectPaddleClas,
  extract: extractPaddleClas,
  vocabulary: () => CLAS_VOCABULARY,
};
