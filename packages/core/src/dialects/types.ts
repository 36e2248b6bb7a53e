/**
 * The dialect model: what a suite's config means as a learning-rate schedule. Every dialect
 * (generic paddle, PaddleOCR, PaddleClas, PaddleDetection, PaddleSeg, later HF/Ultralytics/...)
 * turns a loaded config into the same `Schedule` records, so rules, hovers and curves never
 * need to know which suite a file belongs to.
 */
import type { ConfigEntry, ConfigMap, ConfigNode, Host, Limits, LoadedConfig, ParsedFile } from "../config/types";
import type { Diagnostic } from "../model/diagnostics";
import type { Span } from "../model/positions";
import type { ParamInfo, SchedulerSpec } from "../schedulers/types";

export type DialectId = "paddle" | "paddleocr" | "paddleclas" | "paddledet" | "paddleseg";

export type StepsPerEpochSource =
  /** The suite itself reads it from the config (`Global.iter_per_epoch`, ARSL `epoch_iter`). */
  | "config"
  /** A `# lrlens: steps-per-epoch=N` comment in the file. */
  | "comment"
  /** CLI `--steps-per-epoch` or the editor setting. */
  | "setting"
  /** Counted from the dataset the config names (label lines / COCO images) ÷ batch × devices. */
  | "dataset"
  /** Not known: curves use `NOMINAL_STEPS_PER_EPOCH` and are shown on the epoch axis. */
  | "unknown";

export const NOMINAL_STEPS_PER_EPOCH = 100;

export interface StepsPerEpoch {
  /** The resolved value; `undefined` when the source is "unknown". */
  value: number | undefined;
  source: StepsPerEpochSource;
  /** Human-readable: "Global.iter_per_epoch", "train_list.txt: 12,800 lines ÷ batch 16 × 8 cards", ... */
  detail: string;
  span?: Span;
}

/** Where a constructor argument of the built spec came from in the YAML. */
export interface ArgSource {
  /** The YAML key that determines it (in the file the value came from). */
  key: string;
  keySpan: Span;
  node: ConfigNode;
  /**
   * identity: the YAML value is passed unchanged (a fix may edit it as Paddle's value);
   * scaled: multiplied by steps per epoch (or another positive factor) — order-preserving;
   * derived: computed from it and other values (T_max = (epochs - warmup) × spe, ...).
   */
  transform: "identity" | "scaled" | "derived";
  /** For scaled args: the factor (e.g. steps per epoch). */
  factor?: number;
}

export interface Schedule {
  dialect: DialectId;
  /** Dotted key path of the schedule block: "lr_scheduler", "Optimizer.lr", "LearningRate". */
  path: string;
  /** The block in the merged config (its span may be in a base file). */
  node: ConfigMap;
  /** The entry holding the block, when it has a key (for ranges of the whole `key: {...}` item). */
  entry?: ConfigEntry;
  /** Scheduler name as written in the suite's vocabulary (`Cosine`, `PiecewiseDecay`, `!LinearWarmup`), and where. */
  name?: string;
  nameSpan?: Span;
  /** The suite vocabulary description, e.g. "Cosine+warmup/by_epoch". */
  kind: string;
  /** The equivalent constructor chain; undefined when the block cannot be turned into one (then `diagnostics` say why). */
  spec?: SchedulerSpec;
  /** Provenance of spec arguments, keyed by dotted arg path ("warmup_steps", "learning_rate.milestones"). */
  argSources: Record<string, ArgSource>;
  /** How the training loop drives the scheduler. "step": unknown loop (generic form), one index = one step() call. */
  stepping: { per: "iteration" | "epoch" | "step"; every: number };
  stepsPerEpoch: StepsPerEpoch;
  /** The training length the config implies, when it does (Global.epoch_num, epochs, iters). */
  training?: { epochs?: number; iterations?: number; key: string; span?: Span };
  /** Suite-specific facts for rules (e.g. `{ warmupClamped: true }`); free-form, documented by each dialect. */
  facts: Record<string, unknown>;
  /** Dialect-level findings (information notes such as "wrapped scheduler omits learning_rate"). */
  diagnostics: Diagnostic[];
}

export interface DialectContext {
  config: LoadedConfig;
  host: Host;
  limits: Limits;
  /** Explicit steps per epoch from the CLI flag or editor setting. */
  stepsPerEpochSetting?: number;
}

/** A scheduler name of a dialect's vocabulary with its parameters, for completion, hovers and name/param rules. */
export interface VocabularyEntry {
  name: string;
  doc: string;
  params: ParamInfo[];
}

export interface Dialect {
  id: DialectId;
  /** "PaddleOCR", ... */
  label: string;
  /** How strongly this file (own content, and the merged config) looks like this suite's config; 0 = not at all. Content only, never the path. */
  detect(own: ParsedFile, merged: ConfigNode | undefined): number;
  extract(ctx: DialectContext): { schedules: Schedule[]; diagnostics: Diagnostic[] };
  /** Scheduler names valid where `blockPath` is (completion, did-you-mean). */
  vocabulary(): VocabularyEntry[];
}
