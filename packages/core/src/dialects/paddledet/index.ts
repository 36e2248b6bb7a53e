/**
 * The PaddleDetection dialect: `LearningRate` read as `ppdet/optimizer/optimizer.py` builds it, after
 * the loader's `_BASE_` merge (bases in order, later ones win, the including file wins; mappings
 * merge, lists and tagged objects are replaced whole).
 *
 * Schedule: path `LearningRate` (for a config without one: the registered default, on a synthetic
 * empty block); stepped once per iteration (`ppdet/engine/trainer.py`) for `epoch × steps_per_epoch`
 * iterations; steps per epoch from ARSL's `epoch_iter` (source "config"), the
 * `# lrlens: steps-per-epoch=N` comment, the setting, or `TrainDataset` ÷ `TrainReader.batch_size`.
 * The spec is what the builder returns: with a warmup (or a cosine plateau) one materialised
 * PiecewiseDecay, as the lazy suite class `PPDetPiecewiseDecay` (formatted as `PiecewiseDecay(...)`);
 * without warmup a plain `PiecewiseDecay` or `CosineAnnealingDecay`.
 *
 * Entry points vs base files: see `isTrainingEntry` in `detect.ts`.
 *
 * Facts set on each schedule:
 * - `yamlLoader: "pyyaml"`: PyYAML's Loader, so `1e-4` is a string (the yaml12 lint applies).
 * - `materialisedPiecewise`: the spec is the lazy materialised PiecewiseDecay.
 * - `useWarmup`: the decay's `use_warmup`; `warmupSteps`: the warmup length in iterations.
 * - `warmupFromEpochs: true`: the warmup length is `epochs × steps per epoch` (it wins over `steps`);
 *   `overriddenKeys: ["steps"]` when `steps` is written anyway.
 * - `warmupIgnored: true`: `use_warmup: false` drops the warmup entry.
 * - `ignoredSchedulers`: indexes of `schedulers` entries past the second (never used).
 * - `ignoredKeys: ["gamma"]`: PiecewiseDecay with both `values` and `gamma` uses `values`.
 * - `milestoneIterations`: the milestone boundaries in iterations (after a warmup).
 * - `unsortedBoundaries: true`: a milestone falls inside the warmup, so Paddle's in-order scan
 *   skips base_lr (and a `warmup-overlaps-milestone` finding says where the LR drops instead).
 * - `cosineIterations`: CosineDecay's `max_epochs × steps per epoch`; `cosineMaxEpochs` when it
 *   differs from `epoch` (a `cosine-max-epochs` note says where training ends on the curve).
 * - `defaultLearningRate: true` / `defaultSchedulers: true`: the registered defaults apply.
 * - `didYouMean`: candidates for an unknown scheduler class or parameter.
 */
import type { Dialect } from "../types";
import { DET_VOCABULARY } from "./classes";
import { detectPaddleDet } from "./detect";
import { extractPaddleDet } from "./extract";
import { registerPPDetPiecewise } from "./piecewise-scheduler";

registerPPDetPiecewise();

export const paddledetDialect: Dialect = {
  id: "paddledet",
  label: "PaddleDetection",
  detect: detectPaddleDet,
  extract: extractPaddleDet,
  vocabulary: () => DET_VOCABULARY,
};
