/**
 * The checks the analysis itself performs (YAML loading, inheritance, the suites' own rules in
 * each dialect), described like rules so they get docs, SARIF metadata and configurable
 * severities. Their detection lives with the loader and the dialects; see `fixers.ts` for fixes.
 */
import type { RuleMeta } from "../types";

type Builtin = Omit<RuleMeta, "docs"> & { docs: Omit<RuleMeta["docs"], "invalid" | "valid"> & Partial<Pick<RuleMeta["docs"], "invalid" | "valid">> };

const never = "Never: the file cannot be read as its suite reads it.";
const note = "When you know the behaviour and do not want the reminder.";

export const BUILTIN_CHECKS: readonly Builtin[] = [
  {
    id: "base-merge-conflict",
    description: "`_BASE_` files that cannot be merged the way the suite merges them.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "PaddleDetection and PaddleSeg merge a config with its `_BASE_` / `_base_` files key by key. When a value is a mapping in one file and something else in another, the suite's merge fails at startup; lrlens reports it on the overriding key, with the base value as related information.", whenNotToUse: never },
  },
  {
    id: "base-outside-workspace",
    description: "A `_BASE_` file outside the workspace that lrlens was not allowed to read.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "Base files outside the workspace folders are only read when reading outside is allowed (the `lrlens.allowOutsideWorkspace` setting in the editor; the CLI reads anywhere unless `--allow-read` restricts it). Without it, the inherited values are missing from the analysis.", whenNotToUse: "When the base is deliberately outside and you accept an incomplete analysis." },
  },
  {
    id: "circular-base",
    description: "A `_BASE_` chain that includes itself.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "A config that inherits from itself, directly or through other bases, makes the suite's loader recurse until it fails. lrlens stops at the repeated file and reports the `_BASE_` entry that closes the cycle.", whenNotToUse: never },
  },
  {
    id: "cosine-max-epochs",
    description: "PaddleDetection's CosineDecay laid out over `max_epochs` instead of the training length.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "PaddleDetection's `CosineDecay` spreads the cosine over `max_epochs` (default 1000), not over `epoch`. When the two differ, training either stops above the minimum or sits at the minimum for the last epochs. The message gives the LR at the end of training.", whenNotToUse: note },
  },
  {
    id: "default-learning-rate",
    description: "No `LearningRate` section: PaddleDetection's registered default schedule applies.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "Without a `LearningRate` section (or its `schedulers`) in the config and its bases, PaddleDetection builds its registered default: base_lr 0.01, a 500-step linear warmup from 1/3, and ×0.1 / ×0.01 at epochs 8 and 11. lrlens draws that default and says so.", whenNotToUse: note },
  },
  {
    id: "duplicate-key",
    description: "A mapping key written twice; PyYAML keeps the last one.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "PyYAML silently keeps the last of two equal keys in a mapping, so the first value never takes effect. lrlens reads it the same way and points at the key that is overridden.", whenNotToUse: note },
  },
  {
    id: "ignored-key",
    description: "A key the suite (or Paddle) ignores.",
    category: "problem",
    severity: "information",
    fixable: "unsafe",
    docs: {
      details: "Suite LR classes accept extra keys through `**kwargs` and drop them silently, and some keys are overridden by others (PaddleDetection's warmup `epochs` beats `steps`, explicit `values` beat `gamma`). A misspelt key (`warmup_epochs` for `warmup_epoch`) ends up here: the message suggests the closest real key when there is one.",
      fix: "Renames a misspelt key to the suggested parameter.",
      whenNotToUse: note,
    },
  },
  {
    id: "implicit-learning-rate",
    description: "A scheduler wrapped by LinearWarmup without `learning_rate` takes the warmup's `end_lr`.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "In the generic form (the seed article's DBNet example), a scheduler wrapped by `LinearWarmup` may omit `learning_rate`; lrlens then uses `end_lr`, the value the warmup ramps to. Paddle itself needs the argument passed explicitly.", whenNotToUse: note },
  },
  {
    id: "incomplete-schedule",
    description: "A schedule lrlens reads but cannot draw completely.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "Some suite forms depend on values only known at run time; the message says what is missing from the drawn curve.", whenNotToUse: note },
  },
  {
    id: "internal-error",
    description: "An lrlens bug: one part of the analysis crashed on this file.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "A rule or a dialect threw on this file. The crash is contained: the other rules still ran. Please report it with the config that triggers it.", whenNotToUse: "Turn it off only to silence a known bug until it is fixed." },
  },
  {
    id: "invalid-base",
    description: "A `_BASE_` entry that is not a path, or a base file that is not a mapping.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "`_BASE_` / `_base_` must be a path or a list of paths to YAML files whose top level is a mapping; anything else fails in the suite's loader.", whenNotToUse: never },
  },
  {
    id: "invalid-lambda",
    description: "A lambda (`lr_lambda`, `scale_fn`) lrlens cannot evaluate.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "Function-valued parameters are written as Python lambda text. lrlens evaluates a safe subset (numbers, the argument, arithmetic, comparisons, `math.*`, `min`/`max`/`abs`/...), never `eval`. Anything else is reported at the position where the parser stopped.", whenNotToUse: "When the lambda uses Python lrlens does not support and you accept no curve." },
  },
  {
    id: "limit-exceeded",
    description: "An input beyond one of lrlens' safety limits (size, nesting, aliases, list length, horizon).",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "lrlens caps document size, nesting depth, YAML alias expansion, list lengths, inheritance depth and evaluated horizons so that a hostile or broken file cannot hang the editor. Hitting a cap is reported here instead of silently truncating.", whenNotToUse: note },
  },
  {
    id: "metric-driven-schedule",
    description: "ReduceOnPlateau: the curve depends on the training metric.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "ReduceOnPlateau lowers the LR when a metric stops improving, so there is no deterministic curve. lrlens draws the curve for a metric that never plateaus and says so.", whenNotToUse: note },
  },
  {
    id: "missing-base",
    description: "A `_BASE_` file that does not exist.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "The suite's loader opens every `_BASE_` / `_base_` file and fails when one is missing. Paths are relative to the including file.", whenNotToUse: never },
  },
  {
    id: "missing-scheduler-name",
    description: "A scheduler mapping without `name`.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "In the generic form, the scheduler wrapped by `LinearWarmup` must say which `paddle.optimizer.lr` class it is (`name: CosineAnnealingDecay`).", whenNotToUse: note },
  },
  {
    id: "no-training",
    description: "A training length of zero epochs or iterations.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "`epoch: 0` (or an equivalent) makes the training loop's range empty: nothing is trained.", whenNotToUse: note },
  },
  {
    id: "overwritten-key",
    description: "A key in the LR section that the suite overwrites with its own value.",
    category: "suggestion",
    severity: "information",
    fixable: false,
    docs: { details: "PaddleOCR and PaddleClas inject `epochs` and `step_each_epoch` into the LR section from `Global` and the data loader, overwriting whatever the file writes there.", whenNotToUse: note },
  },
  {
    id: "project-config",
    description: "A problem in `.lrlens.yaml` (invalid YAML, an unknown key or rule id, a bad severity).",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "`.lrlens.yaml` holds `rules: {<id>: error|warning|information|hint|off}` and `stepsPerEpoch: N`. Anything else is ignored and reported on the file itself, with a did-you-mean for misspelt keys and rule ids.", whenNotToUse: note },
  },
  {
    id: "pyyaml-load-error",
    description: "YAML that PyYAML (the suites' loader) refuses although other parsers accept it.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "The suites load configs with PyYAML (YAML 1.1). Some constructs that YAML 1.2 parsers accept make PyYAML raise at startup; lrlens reports them where PyYAML would.", whenNotToUse: never },
  },
  {
    id: "recursive-alias",
    description: "A YAML alias that refers to itself.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "An anchor whose content contains an alias to itself cannot be expanded.", whenNotToUse: never },
  },
  {
    id: "suite-rejects-config",
    description: "The suite's own code fails at startup on this config.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "Each suite's builder has its own requirements (PaddleOCR needs `Global.epoch_num`, PaddleClas `Optimizer.name`, PaddleSeg `model` and `lr_scheduler`, PaddleDetection `epoch`, known LR class names, list lengths, ...). lrlens runs the same checks and reports, on the key involved, the error the suite would raise before training starts.", whenNotToUse: never },
  },
  {
    id: "unknown-parameter",
    description: "A key that is not a parameter of the scheduler class.",
    category: "problem",
    severity: "warning",
    fixable: "unsafe",
    docs: {
      details: "In the generic form every sibling key of `name` is passed to the class as a keyword argument; Paddle raises `TypeError: __init__() got an unexpected keyword argument` for a key it does not know. lrlens leaves the key out of the curve and suggests the closest parameter.",
      invalid: [
        `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 1000
  eta_mn: 0.0
`,
      ],
      valid: [
        `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 1000
  eta_min: 0.0
`,
      ],
      fix: "Renames the key to the suggested parameter.",
      whenNotToUse: "When the config is read by your own trainer, which pops extra keys before constructing the scheduler.",
    },
  },
  {
    id: "unknown-scheduler",
    description: "A scheduler name the suite (or paddle.optimizer.lr) does not have.",
    category: "problem",
    severity: "warning",
    fixable: "unsafe",
    docs: {
      details: "A suite looks its LR class up by name and fails at startup when there is none (an error). In the generic form, a name that is not a `paddle.optimizer.lr` class is at most a warning: the config may belong to a trainer with its own classes. The message suggests the closest known name.",
      invalid: [
        `lr_scheduler:
  name: CosineAnealingDecay
  learning_rate: 0.1
  T_max: 1000
`,
      ],
      valid: [
        `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 1000
`,
      ],
      fix: "Replaces the name with the suggested class.",
      whenNotToUse: "When the name is a class of your own trainer.",
    },
  },
  {
    id: "update-freq-reset",
    description: "PaddleClas resets `Global.update_freq` to 1.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "Gradient accumulation larger than the number of iterations in an epoch is reset to 1 by PaddleClas, so the scheduler steps every iteration instead.", whenNotToUse: note },
  },
  {
    id: "warmup-clamped",
    description: "PaddleClas clamps a warmup that is not shorter than training.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "PaddleClas limits `warmup_epoch` to `Global.epochs`: the whole run is warmup and the decay never runs.", whenNotToUse: note },
  },
  {
    id: "warmup-overlaps-milestone",
    description: "PaddleDetection: the warmup runs past a milestone, so the base-LR segment is skipped.",
    category: "problem",
    severity: "warning",
    fixable: false,
    docs: { details: "PaddleDetection appends the milestone boundaries after one boundary per warmup step, without sorting. When the warmup is longer than the first milestone, Paddle's in-order scan skips the base-LR segment and the LR drops straight to a decayed value when the warmup ends.", whenNotToUse: note },
  },
  {
    id: "yaml-syntax",
    description: "The file is not valid YAML.",
    category: "problem",
    severity: "error",
    fixable: false,
    docs: { details: "The YAML parser stopped here; the suite's loader would fail at startup too.", whenNotToUse: never },
  },
];

export const BUILTIN_IDS: readonly string[] = BUILTIN_CHECKS.map((b) => b.id);
