/**
 * The PaddleSeg dialect: `lr_scheduler` read as `paddleseg/cvlibs/builder.py` builds it, after the
 * loader's `_base_` merge (mappings merge, `_inherited_: false` stops it, the including file wins).
 *
 * Schedule: path `lr_scheduler`; `type` is a `paddle.optimizer.lr` class and the other keys its
 * arguments, except `warmup_iters`/`warmup_start_lr`, which wrap it in
 * `LinearWarmup(start_lr=warmup_start_lr, end_lr=learning_rate)`; PolynomialDecay's `decay_steps`
 * defaults to `iters − warmup_iters`. Stepped once per iteration (`stepping: per iteration, every 1`)
 * for `iters` iterations; steps per epoch (comment, setting, or the train dataset ÷ batch_size) only
 * places the epoch axis.
 *
 * Entry points vs base files: see `isSegTrainingEntry` in `detect.ts`. Entry points missing one of
 * PaddleSeg's primary keys get a `suite-rejects-config` error, as the config checker refuses them.
 *
 * Facts set on each schedule:
 * - `yamlLoader: "pyyaml"`: PyYAML's FullLoader, so `1e-4` is a string (the yaml12 lint applies).
 * - `unit: "iteration"`: every number in the section counts iterations, after the warmup.
 * - `warmupSteps`: `warmup_iters`, when there is a warmup.
 * - `decayStepsFromIters: true`: PolynomialDecay's `decay_steps` was defaulted from `iters`.
 * - `metricDriven: true`: ReduceOnPlateau, stepped with the loss (no deterministic curve).
 * - `didYouMean`: candidates for an unknown `type`.
 */
import type { Dialect } from "../types";
import { detectPaddleSeg } from "./detect";
import { extractPaddleSeg } from "./extract";
import { segVocabulary } from "./vocabulary";

export const paddlesegDialect: Dialect = {
  id: "paddleseg",
  label: "PaddleSeg",
  detect: detectPaddleSeg,
  extract: extractPaddleSeg,
  vocabulary: segVocabulary,
};
