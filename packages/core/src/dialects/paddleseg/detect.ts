/**
 * Recognises PaddleSeg configs from their keys (never their path), and tells a training entry point,
 * which PaddleSeg's config checker must accept, from the `_base_` files it is composed of.
 */
import type { ConfigMap, ConfigNode, ParsedFile } from "../../config/types";
import { entryOf, isMap, mapGet } from "../../config/access";

/** The keys PaddleSeg's `DefaultPrimaryRule` requires, in its order. */
export const PRIMARY_KEYS = ["batch_size", "iters", "train_dataset", "optimizer", "lr_scheduler", "loss", "model"] as const;

const typed = (n: ConfigNode | undefined) => isMap(n) && entryOf(n, "type") !== undefined;

/**
 * 0..1: how much the file (own content, plus what `_base_` brings) reads as a PaddleSeg config.
 * `lr_scheduler: {type: ...}` alone is not enough (the generic form and other trainers, e.g. the
 * PyTorch-style DBNet configs with `lr_scheduler: {type, args}`, write it too): a PaddleSeg marker
 * must be there as well — `_base_`, `iters`, a typed `train_dataset`/`val_dataset`, `loss.types`,
 * or the old `learning_rate: {value, decay}` section.
 */
export function detectPaddleSeg(own: ParsedFile, merged: ConfigNode | undefined): number {
  const ownRoot = own.root;
  const root = isMap(merged) ? merged : ownRoot;
  if (!isMap(root) && !isMap(ownRoot)) return 0;
  const loss = mapGet(root, "loss");
  const oldLr = mapGet(root, "learning_rate");
  const markers = [
    // `_base_` (lower case) is PaddleSeg's inheritance key; PaddleDetection writes `_BASE_`.
    entryOf(ownRoot, "_base_") !== undefined,
    entryOf(root, "iters") !== undefined,
    typed(mapGet(root, "train_dataset")) || typed(mapGet(root, "val_dataset")),
    isMap(loss) && entryOf(loss, "types") !== undefined,
    isMap(oldLr) && entryOf(oldLr, "decay") !== undefined,
  ].filter(Boolean).length;
  if (markers === 0) return 0;
  const lr = mapGet(root, "lr_scheduler");
  let score = 0.15 * markers;
  if (typed(lr)) score += 0.4;
  for (const k of ["model", "optimizer"]) if (typed(mapGet(root, k))) score += 0.05;
  // Other trainers' shapes and the other suites' markers pull the other way.
  if (isMap(lr) && entryOf(lr, "args") !== undefined) score -= 0.5;
  if (entryOf(root, "trainer") !== undefined || entryOf(root, "arch") !== undefined) score -= 0.3;
  if (entryOf(ownRoot, "_BASE_") !== undefined || entryOf(root, "LearningRate") !== undefined || entryOf(root, "Global") !== undefined || entryOf(root, "epoch") !== undefined) score -= 0.5;
  return Math.max(0, Math.min(1, score));
}

/**
 * Whether `tools/train.py --config <file>` is what the file is for, decided from content only, so
 * that PaddleSeg's config checker (every key of `PRIMARY_KEYS`) is applied to entry points and never
 * to the `_base_` files they inherit from:
 * - a training entry point sets up a run: after the merge it has `batch_size`, `iters`,
 *   `train_dataset` and `optimizer`;
 * - except the standard dataset base (`_base_/cityscapes.yml`, `ade20k.yml`, ...), which is a complete
 *   run without a model, describing a dataset for training and evaluation: everything but `model`,
 *   with a `val_dataset`. A model-less run without a validation set (a benchmark config such as
 *   `cityscapes_30imgs.yml`) or a base lacking more than the model is checked like an entry point.
 * Over the upstream corpus this flags exactly the configs PaddleSeg refuses and no dataset base.
 */
export function isSegTrainingEntry(merged: ConfigMap | undefined): boolean {
  if (!isMap(merged)) return false;
  const has = (k: string) => entryOf(merged, k) !== undefined;
  if (!["batch_size", "iters", "train_dataset", "optimizer"].every(has)) return false;
  const missing = PRIMARY_KEYS.filter((k) => !has(k));
  const datasetBase = missing.length === 1 && missing[0] === "model" && has("val_dataset");
  return !datasetBase;
}
