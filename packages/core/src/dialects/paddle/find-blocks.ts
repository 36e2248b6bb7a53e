/**
 * Finds the mappings of a config that are written in the generic form: a `name` (or `type`/`class`)
 * naming a `paddle.optimizer.lr` class, anywhere in the tree (under any key, in lists), plus
 * mappings that clearly are LR schedules but name a class lrlens does not know.
 */
import type { ConfigEntry, ConfigMap, ConfigNode } from "../../config/types";

/** The 17 classes of `paddle.optimizer.lr` (the base class `LRScheduler` cannot be built). */
export const PADDLE_LR_CLASSES = [
  "CosineAnnealingDecay",
  "CosineAnnealingWarmRestarts",
  "CyclicLR",
  "ExponentialDecay",
  "InverseTimeDecay",
  "LambdaDecay",
  "LinearLR",
  "LinearWarmup",
  "MultiStepDecay",
  "MultiplicativeDecay",
  "NaturalExpDecay",
  "NoamDecay",
  "OneCycleLR",
  "PiecewiseDecay",
  "PolynomialDecay",
  "ReduceOnPlateau",
  "StepDecay",
] as const;

const CLASS_SET = new Set<string>(PADDLE_LR_CLASSES);

/** Keys that name the class, in the order they are tried. */
export const NAME_KEYS = ["name", "type", "class"] as const;

/** Parent keys under which a named mapping is an LR schedule whatever it names. */
const SCHEDULE_PARENT = /^(lr|lrs|learning_?rate|lr_?sched(ule|uler)?s?|sched(ule|uler)?s?|lr_?(config|policy|decay|cfg))$/i;

/** Keys only LR schedules have (`gamma` alone is not enough: focal losses have one too). */
const LR_KEYS = new Set(["learning_rate", "lr", "base_lr", "max_lr", "min_lr", "warmup_steps", "warmup_epoch", "warmup_epochs", "warmup_iters", "milestones", "T_max", "T_0", "eta_min", "decay_steps", "boundaries", "end_lr", "start_lr", "lr_lambda", "step_size", "decay_epochs", "max_learning_rate", "base_learning_rate", "total_steps", "warmup_start_lr"]);

/** Optimizers carry `learning_rate` too; they are never schedules. */
const OPTIMIZERS = /^(SGD|Momentum|Adam|AdamW|Adamax|Adagrad|Adadelta|RMSProp|Lamb|Lars|LarsMomentum|NAdam|RAdam|ASGD|Rprop|Lookahead|ModelAverage|Ftrl|DecayedAdagrad|DGCMomentum)$/i;

/** `paddle.optimizer.lr.StepDecay`, `lr.StepDecay`, `StepDecay` → `StepDecay`; undefined when not a Paddle class. */
export function paddleClassOf(raw: string): string | undefined {
  const bare = raw.trim().replace(/^(paddle\.)?(optimizer\.)?(lr\.)?/, "");
  return CLASS_SET.has(bare) ? bare : undefined;
}

export interface BlockCandidate {
  /** Dotted path with list indexes: `lr_scheduler`, `train.schedulers[1]`, `[0]` for a top-level list item. */
  path: string;
  node: ConfigMap;
  entry?: ConfigEntry;
  nameEntry: ConfigEntry;
  rawName: string;
  /** The Paddle class, or undefined for a schedule naming an unknown class. */
  className?: string;
}

/** The entry that names a class: the first of name/type/class holding a Paddle class, else the first holding a string. */
export function nameEntryOf(map: ConfigMap): { entry: ConfigEntry; raw: string; className?: string } | undefined {
  let fallback: { entry: ConfigEntry; raw: string } | undefined;
  for (const key of NAME_KEYS) {
    const entry = map.entries.find((e) => e.key === key);
    if (!entry || entry.value.kind !== "scalar" || entry.value.value.type !== "str") continue;
    const raw = entry.value.value.value;
    const className = paddleClassOf(raw);
    if (className) return { entry, raw, className };
    fallback ??= { entry, raw };
  }
  return fallback;
}

/** Keys under which registry-style configs of other projects (`{type: X, args: {...}}`) keep constructor arguments. */
export const ARG_CONTAINERS = new Set(["args", "params", "kwargs"]);

function clearlySchedule(map: ConfigMap, raw: string, parentKey: string | undefined): boolean {
  if (!/^[A-Za-z_][\w.]*$/.test(raw) || OPTIMIZERS.test(raw)) return false;
  // `{type: WarmupPolyLR, args: {...}}` is another project's own registry (PyTorch templates, mmcv): not ours to judge.
  if (map.entries.some((e) => ARG_CONTAINERS.has(e.key) && e.value.kind === "map")) return false;
  if (parentKey !== undefined && SCHEDULE_PARENT.test(parentKey)) return true;
  let n = 0;
  for (const e of map.entries) if (LR_KEYS.has(e.key)) n++;
  return n >= 2;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/**
 * Every generic-form schedule block, outermost first in document order. Blocks are not searched
 * inside (a LinearWarmup's wrapped scheduler belongs to it). `maxDepth` bounds the walk.
 */
export function findScheduleBlocks(root: ConfigNode | undefined, maxDepth = 64, stopAtKnownClass = false): BlockCandidate[] {
  const out: BlockCandidate[] = [];
  if (!root) return out;
  type Item = { node: ConfigNode; path: string; entry?: ConfigEntry; parentKey?: string; depth: number };
  const stack: Item[] = [{ node: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const it = stack.pop()!;
    if (it.depth > maxDepth) continue;
    if (it.node.kind === "map") {
      const named = nameEntryOf(it.node);
      if (named && (named.className || clearlySchedule(it.node, named.raw, it.parentKey))) {
        out.push({ path: it.path, node: it.node, entry: it.entry, nameEntry: named.entry, rawName: named.raw, className: named.className });
        if (stopAtKnownClass && named.className) return out;
        continue;
      }
      for (let k = it.node.entries.length - 1; k >= 0; k--) {
        const e = it.node.entries[k];
        if (e.value.kind !== "scalar") stack.push({ node: e.value, path: childPath(it.path, e.key), entry: e, parentKey: e.key, depth: it.depth + 1 });
      }
    } else if (it.node.kind === "seq") {
      for (let k = it.node.items.length - 1; k >= 0; k--) {
        const item = it.node.items[k];
        if (item.kind !== "scalar") stack.push({ node: item, path: childPath(it.path, k), parentKey: it.parentKey, depth: it.depth + 1 });
      }
    }
  }
  return out;
}

/** Cheap detection: is there at least one block naming a Paddle class (2) or only a clearly-LR unknown one (1)? */
export function genericFormStrength(root: ConfigNode | undefined, maxDepth = 64): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 0;
  for (const b of findScheduleBlocks(root, maxDepth, true)) {
    if (b.className) return 2;
    best = 1;
  }
  return best;
}
