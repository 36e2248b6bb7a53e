/**
 * Recognises PaddleDetection configs from their keys and tags (never their path), and tells a
 * training entry point from the base files it is composed of.
 */
import type { ConfigMap, ConfigNode, ParsedFile } from "../../config/types";
import { entryOf, isMap, mapGet } from "../../config/access";

/** Top-level keys only PaddleDetection configs use (readers, datasets, builder, runtime, `pretrain_weights` of model bases). */
const DET_KEYS = ["TrainReader", "EvalReader", "TestReader", "TrainDataset", "EvalDataset", "TestDataset", "OptimizerBuilder", "snapshot_epoch", "pretrain_weights"];
/** Tags of PaddleDetection's LR classes. */
const LR_TAGS = new Set(["PiecewiseDecay", "CosineDecay", "LinearWarmup", "ExpWarmup"]);
/** Keys that show a file is meant to be run (`tools/train.py -c file`), not only included. */
const RUN_KEYS = ["slim", "pretrain_weights", "weights", "architecture", "TrainReader", "TrainDataset"];

function hasLrTags(lr: ConfigNode | undefined): boolean {
  const schedulers = mapGet(lr, "schedulers");
  return schedulers?.kind === "seq" && schedulers.items.some((n) => n.tag !== undefined && LR_TAGS.has(n.tag));
}

/**
 * 0..1: how much the file (own content, plus what `_BASE_` brings) reads as a PaddleDetection
 * config. It needs a PaddleDetection marker — a `LearningRate` with `base_lr`/`schedulers`, one of
 * its LR tags, `_BASE_`, or a reader/dataset/builder key — before `architecture` or `epoch` count:
 * those two alone are common in other projects' configs.
 */
export function detectPaddleDet(own: ParsedFile, merged: ConfigNode | undefined): number {
  const ownRoot = own.root;
  const root = isMap(merged) ? merged : ownRoot;
  if (!isMap(root) && !isMap(ownRoot)) return 0;
  // `_BASE_` (upper case) is PaddleDetection's inheritance key; PaddleSeg writes `_base_`.
  const hasBase = entryOf(ownRoot, "_BASE_") !== undefined;
  const lr = mapGet(root, "LearningRate");
  const lrSection = isMap(lr) && (entryOf(lr, "base_lr") !== undefined || entryOf(lr, "schedulers") !== undefined);
  const detKeys = DET_KEYS.filter((k) => entryOf(root, k) !== undefined).length;
  if (!lrSection && !hasBase && detKeys === 0 && !hasLrTags(lr)) return 0;
  let score = 0;
  if (lrSection) score += 0.6;
  if (hasLrTags(lr)) score += 0.2;
  if (hasBase) score += 0.3;
  score += Math.min(0.3, 0.1 * detKeys);
  if (entryOf(root, "architecture") !== undefined) score += 0.15;
  if (entryOf(root, "epoch") !== undefined) score += 0.05;
  // PaddleOCR/PaddleClas/PaddleSeg markers pull the other way.
  if (entryOf(root, "Global") !== undefined || entryOf(root, "lr_scheduler") !== undefined || entryOf(ownRoot, "_base_") !== undefined) score -= 0.4;
  return Math.max(0, Math.min(1, score));
}

/**
 * Whether the file is a training entry point — what `tools/train.py -c <file>` is run with — as
 * opposed to a base file of a chain (reader, dataset, runtime, model or optimizer bases), decided
 * from content only:
 * - it composes bases (`_BASE_`) into a config with an `architecture`: a complete model config; or
 * - it defines its own `LearningRate` next to something only a run needs (`slim`, `pretrain_weights`,
 *   `weights`, `architecture`, `TrainReader`, `TrainDataset`): a standalone or overlay config
 *   (e.g. a `--slim_config` file).
 * Upstream, no base file of the corpus matches either rule, and every config the suite refuses for
 * lacking `epoch` matches one: so only these get the "no epoch" error, and only these get the
 * registered default schedule when no `LearningRate` exists anywhere in the chain.
 */
export function isTrainingEntry(own: ParsedFile, merged: ConfigMap | undefined): boolean {
  const ownRoot = own.root;
  if (!isMap(ownRoot)) return false;
  if (entryOf(ownRoot, "_BASE_") !== undefined && entryOf(merged, "architecture") !== undefined) return true;
  if (entryOf(ownRoot, "LearningRate") !== undefined && RUN_KEYS.some((k) => entryOf(ownRoot, k) !== undefined)) return true;
  return false;
}
