/**
 * Turns a merged PaddleDetection config into its schedule the way `ppdet/engine/trainer.py` does:
 * `create('LearningRate')(steps_per_epoch)` over the merged `LearningRate` (or the registered default),
 * stepped once per iteration for `epoch × steps_per_epoch` iterations.
 */
import type { ConfigEntry, ConfigMap, ConfigNode } from "../../config/types";
import { entryOf, isMap, isSeq } from "../../config/access";
import type { Diagnostic } from "../../model/diagnostics";
import type { Span } from "../../model/positions";
import { NOMINAL_STEPS_PER_EPOCH, type DialectContext, type Schedule } from "../types";
import type { Origin } from "../common/args";
import { nodeToPy } from "../common/block";
import { DiagnosticSink } from "../common/diagnostic";
import { type Arg, bindKwargs, SuiteRejects } from "../common/kwargs";
import { pyNumber, pyShow, pyTypeName } from "../common/py-arith";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "../common/steps-per-epoch";
import { buildDetSchedule, type DetBuilt } from "./builder";
import { DET_CLASSES, type DetClass } from "./classes";
import { inferDetStepsPerEpoch } from "./dataset";
import { isTrainingEntry } from "./detect";
import { detKind } from "./kind";
import { addDetNotes } from "./notes";
import { type DetEntry, DetRejects, readDetEntry } from "./read-schedulers";

/** `key: value` of an entry (just the key when the value lives in another file). */
function entrySpan(e: ConfigEntry): Span {
  const end = e.value.span.uri === e.keySpan.uri ? Math.max(e.keySpan.end, e.value.span.end) : e.keySpan.end;
  return { uri: e.keySpan.uri, start: e.keySpan.start, end };
}

function originSpan(o: Origin): Span {
  const end = o.node.span.uri === o.keySpan.uri ? Math.max(o.keySpan.end, o.node.span.end) : o.keySpan.end;
  return { uri: o.keySpan.uri, start: o.keySpan.start, end };
}

/** Where to report a file-level finding: the `_BASE_` key, else the first key of the document. */
function anchorSpan(ctx: DialectContext): Span {
  const own = ctx.config.own;
  const base = entryOf(own.root, "_BASE_");
  if (base) return base.keySpan;
  const first = isMap(own.root) ? own.root.entries[0] : undefined;
  return first ? first.keySpan : { uri: own.uri, start: 0, end: 0 };
}

/** A default-constructed class, standing in for `PiecewiseDecay()` / `LinearWarmup()` of the registered defaults. */
function defaultEntry(cls: DetClass, index: number, node: ConfigNode, nameSpan: Span): DetEntry {
  const bound = bindKwargs(cls.name, cls.params.map((p) => ({ name: p.name, default: p.default })), new Map(), false);
  return { cls, index, node, written: cls.name, nameSpan, bound };
}

export function extractPaddleDet(ctx: DialectContext): { schedules: Schedule[]; diagnostics: Diagnostic[] } {
  const root = ctx.config.root;
  if (!isMap(root)) return { schedules: [], diagnostics: [] };
  const fileSink = new DiagnosticSink(ctx.config);
  const entryPoint = isTrainingEntry(ctx.config.own, root);
  const epochEntry = entryOf(root, "epoch");
  const lrEntry = entryOf(root, "LearningRate");
  const trainsHere = entryPoint || (epochEntry !== undefined && entryOf(root, "architecture") !== undefined);
  if (!lrEntry && !trainsHere) return { schedules: [], diagnostics: [] };

  let trainingEpochs: number | undefined;
  if (epochEntry) {
    const v = nodeToPy(epochEntry.value);
    if (v.type === "int" || v.type === "bool") trainingEpochs = pyNumber(v)!.value;
    else {
      fileSink.add({ rule: "suite-rejects-config", severity: "error", message: `\`epoch\` is ${pyTypeName(v)} ${pyShow(v)}: PaddleDetection's trainer loops over range(epoch), which needs an int (TypeError when training starts).`, span: entrySpan(epochEntry) });
    }
    if (trainingEpochs !== undefined && trainingEpochs <= 0) {
      fileSink.add({ rule: "no-training", severity: "warning", message: `\`epoch: ${trainingEpochs}\` trains for no epoch at all: the training loop range(0, ${trainingEpochs}) is empty.`, span: entrySpan(epochEntry) });
    }
  } else if (entryPoint) {
    fileSink.add({
      rule: "suite-rejects-config",
      severity: "error",
      message:
        "No `epoch` in this config or its `_BASE_` files: PaddleDetection's trainer loops over `cfg.epoch` and fails when this file is trained (AttributeError). " +
        "Add `epoch: N` (or, if this is an overlay such as a --slim_config file, use it on top of a full config that sets it).",
      span: anchorSpan(ctx),
    });
  }
  if (lrEntry && !isMap(lrEntry.value)) {
    fileSink.add({ rule: "suite-rejects-config", severity: "error", message: `\`LearningRate\` must be a mapping with \`base_lr\` and \`schedulers\`, not ${pyShow(nodeToPy(lrEntry.value))}: PaddleDetection cannot create it (startup failure).`, span: entrySpan(lrEntry) });
    return { schedules: [], diagnostics: fileSink.items };
  }
  const schedule = extractSchedule(ctx, lrEntry, trainingEpochs, epochEntry);
  return { schedules: [schedule], diagnostics: fileSink.items };
}

function extractSchedule(ctx: DialectContext, lrEntry: ConfigEntry | undefined, trainingEpochs: number | undefined, epochEntry: ConfigEntry | undefined): Schedule {
  const sink = new DiagnosticSink(ctx.config);
  const root = ctx.config.root as ConfigMap;
  const anchor = anchorSpan(ctx);
  const block: ConfigMap = lrEntry ? (lrEntry.value as ConfigMap) : { kind: "map", entries: [], span: anchor };
  const schedule: Schedule = {
    dialect: "paddledet",
    path: "LearningRate",
    node: block,
    entry: lrEntry,
    kind: "PiecewiseDecay(gamma)+LinearWarmup(steps)",
    argSources: {},
    stepping: { per: "iteration", every: 1 },
    stepsPerEpoch: { value: undefined, source: "unknown", detail: "" },
    training: trainingEpochs !== undefined && epochEntry ? { epochs: trainingEpochs, key: "epoch", span: epochEntry.keySpan } : undefined,
    facts: { yamlLoader: "pyyaml", materialisedPiecewise: false },
    diagnostics: sink.items,
  };
  schedule.stepsPerEpoch = resolveDetStepsPerEpoch(ctx, root, sink);
  const spe = schedule.stepsPerEpoch.value ?? NOMINAL_STEPS_PER_EPOCH;

  if (!lrEntry) {
    schedule.facts.defaultLearningRate = true;
    sink.add({
      rule: "default-learning-rate",
      severity: "information",
      message: "No `LearningRate` in this config or its `_BASE_` files: PaddleDetection uses its registered default, base_lr 0.01 with a 500-step linear warmup from 1/3 and ×0.1 / ×0.01 at epochs 8 and 11.",
      span: anchor,
    });
  }
  const baseEntry = entryOf(block, "base_lr");
  const baseLr: Arg = baseEntry ? { value: nodeToPy(baseEntry.value), origin: { key: "base_lr", keySpan: baseEntry.keySpan, node: baseEntry.value } } : { value: { type: "float", value: 0.01 } };
  const schedulersEntry = entryOf(block, "schedulers");
  const schedulersOrigin: Origin = schedulersEntry ? { key: "schedulers", keySpan: schedulersEntry.keySpan, node: schedulersEntry.value } : { key: "LearningRate", keySpan: lrEntry?.keySpan ?? anchor, node: block };

  let entries: DetEntry[];
  try {
    entries = readEntries(ctx, schedulersEntry, block, anchor, schedule, sink);
    if (lrEntry && !schedulersEntry) {
      schedule.facts.defaultSchedulers = true;
      sink.add({ rule: "default-learning-rate", severity: "information", message: "`LearningRate` has no `schedulers` here or in a `_BASE_` file: PaddleDetection uses its default [PiecewiseDecay(milestones [8, 11], gamma [0.1, 0.01]), LinearWarmup(500 steps from 1/3)].", span: lrEntry.keySpan });
    }
    const [decay, warmup] = entries;
    if (decay.cls.role !== "decay") {
      throw new DetRejects(`schedulers[0] is ${decay.cls.name}, but PaddleDetection reads it as the decay (CosineDecay or PiecewiseDecay): AttributeError '${decay.cls.name}' object has no attribute 'use_warmup' at startup. Put the decay first and the warmup second.`, { key: "schedulers[0]", keySpan: decay.nameSpan, node: decay.node });
    }
    schedule.name = decay.written;
    schedule.nameSpan = decay.nameSpan;
    schedule.kind = detKind(decay, warmup, trainingEpochs);
    const built: DetBuilt = buildDetSchedule({ baseLr, decay, warmup, schedulersOrigin, spe });
    schedule.spec = built.spec;
    schedule.argSources = built.sources;
    schedule.facts.useWarmup = built.useWarmup;
    if (built.warmupSteps !== undefined) schedule.facts.warmupSteps = built.warmupSteps;
    if (built.warmupFromEpochs) schedule.facts.warmupFromEpochs = true;
    if (built.model) schedule.facts.materialisedPiecewise = true;
    addDetNotes({ sink, facts: schedule.facts, decay, warmup, built, spe, stepsPerEpoch: schedule.stepsPerEpoch, trainingEpochs });
  } catch (e) {
    if (!(e instanceof SuiteRejects)) throw e;
    const rule = e instanceof DetRejects ? e.rule : "suite-rejects-config";
    if (e instanceof DetRejects && e.candidates.length) schedule.facts.didYouMean = e.candidates;
    const message = e.message.includes("PaddleDetection") ? e.message : `PaddleDetection fails at startup: ${e.message}`;
    const span = e instanceof DetRejects && e.span ? e.span : e.origin ? originSpan(e.origin) : schedulersOrigin.keySpan;
    sink.add({ rule, severity: "error", message, span });
  }
  return schedule;
}

/** The scheduler entries PaddleDetection constructs (all of them: extra ones are built, then ignored). */
function readEntries(ctx: DialectContext, schedulersEntry: ConfigEntry | undefined, block: ConfigMap, anchor: Span, schedule: Schedule, sink: DiagnosticSink): DetEntry[] {
  if (!schedulersEntry) {
    const span = entryOf(block, "base_lr")?.keySpan ?? anchor;
    return [defaultEntry(DET_CLASSES.PiecewiseDecay, 0, block, span), defaultEntry(DET_CLASSES.LinearWarmup, 1, block, span)];
  }
  const list = schedulersEntry.value;
  if (!isSeq(list)) {
    throw new DetRejects(`\`schedulers\` must be a list \`[decay, warmup]\`, not ${pyShow(nodeToPy(list))}: PaddleDetection iterates it and fails at startup.`, { key: "schedulers", keySpan: schedulersEntry.keySpan, node: list });
  }
  if (list.items.length === 0) {
    throw new DetRejects("`schedulers` is empty: PaddleDetection asserts len(schedulers) >= 1 (AssertionError at startup).", { key: "schedulers", keySpan: schedulersEntry.keySpan, node: list });
  }
  const entries: DetEntry[] = [];
  const ignored: number[] = [];
  list.items.forEach((node, i) => {
    // Items past the second are still constructed (tags at load, dicts in __init__) but never called.
    if (i >= 2 && !isMap(node) && node.tag === undefined) {
      ignored.push(i);
      return;
    }
    entries.push(readDetEntry(ctx.config, node, i));
    if (i >= 2) ignored.push(i);
  });
  if (ignored.length) {
    schedule.facts.ignoredSchedulers = ignored;
    const first = list.items[ignored[0]];
    const last = list.items[ignored[ignored.length - 1]];
    const end = last.span.uri === first.span.uri ? last.span.end : first.span.end;
    const many = ignored.length > 1;
    sink.add({
      rule: "ignored-key",
      severity: "information",
      message: `PaddleDetection uses only schedulers[0] (the decay) and schedulers[1] (the warmup); the ${ignored.length} entr${many ? "ies" : "y"} after them ${many ? "are" : "is"} ignored.`,
      span: { uri: first.span.uri, start: first.span.start, end },
    });
  }
  return entries;
}

/** ARSL's `epoch_iter` (what its trainer really uses) > comment > setting > dataset. */
function resolveDetStepsPerEpoch(ctx: DialectContext, root: ConfigMap, sink: DiagnosticSink): Schedule["stepsPerEpoch"] {
  const method = entryOf(root, "ssod_method");
  const isArsl = method?.value.kind === "scalar" && method.value.value.type === "str" && method.value.value.value === "ARSL";
  let config: { value: number; detail: string; span?: Span } | undefined;
  if (isArsl) {
    const iter = entryOf(root, "epoch_iter");
    const v = iter ? nodeToPy(iter.value) : undefined;
    if (iter && v && (v.type === "int" || v.type === "bool") && pyNumber(v)!.value >= 1) config = { value: pyNumber(v)!.value, detail: "epoch_iter (ARSL: fixed iterations per epoch)", span: iter.keySpan };
    else {
      sink.add({
        rule: "suite-rejects-config",
        severity: "error",
        message: iter ? `\`epoch_iter\` must be a positive int for ssod_method ARSL, not ${pyShow(v)}: its trainer runs range(epoch_iter) iterations per epoch.` : "`ssod_method: ARSL` needs `epoch_iter` (the fixed iterations per epoch): its trainer reads cfg.epoch_iter (AttributeError at startup).",
        span: iter ? entrySpan(iter) : entrySpan(method!),
      });
    }
  }
  return resolveStepsPerEpoch({
    config,
    comment: stepsPerEpochDirective(ctx.config.own),
    setting: ctx.stepsPerEpochSetting,
    dataset: () => inferDetStepsPerEpoch(root, ctx.config.own.uri, ctx.host),
  });
}
