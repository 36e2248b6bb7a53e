/**
 * Turns a merged PaddleSeg config into its schedule the way `paddleseg/cvlibs` does: the config
 * checker's primary rule for training entry points, then `SegBuilder.lr_scheduler`, stepped once per
 * iteration for `iters` iterations (`paddleseg/core/train.py`).
 */
import type { ConfigEntry, ConfigMap } from "../../config/types";
import { entryOf, isMap } from "../../config/access";
import type { Diagnostic } from "../../model/diagnostics";
import type { Span } from "../../model/positions";
import type { DialectContext, Schedule } from "../types";
import { nodeToPy } from "../common/block";
import { DiagnosticSink } from "../common/diagnostic";
import { SuiteRejects } from "../common/kwargs";
import { pyNumber, pyShow } from "../common/py-arith";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "../common/steps-per-epoch";
import { buildSegSchedule, SegRejects } from "./builder";
import { inferSegStepsPerEpoch } from "./dataset";
import { isSegTrainingEntry, PRIMARY_KEYS } from "./detect";

function entrySpan(e: ConfigEntry): Span {
  const end = e.value.span.uri === e.keySpan.uri ? Math.max(e.keySpan.end, e.value.span.end) : e.keySpan.end;
  return { uri: e.keySpan.uri, start: e.keySpan.start, end };
}

/** Where a file-level finding goes: the `_base_` key, else the document's first key. */
function anchorSpan(ctx: DialectContext): Span {
  const own = ctx.config.own;
  const base = entryOf(own.root, "_base_");
  if (base) return base.keySpan;
  const first = isMap(own.root) ? own.root.entries[0] : undefined;
  return first ? first.keySpan : { uri: own.uri, start: 0, end: 0 };
}

export function extractPaddleSeg(ctx: DialectContext): { schedules: Schedule[]; diagnostics: Diagnostic[] } {
  const root = ctx.config.root;
  if (!isMap(root)) return { schedules: [], diagnostics: [] };
  const fileSink = new DiagnosticSink(ctx.config);
  const missing = isSegTrainingEntry(root) ? PRIMARY_KEYS.filter((k) => entryOf(root, k) === undefined) : [];
  if (missing.length > 0) {
    const also = missing.length > 1 ? ` (also missing: ${missing.slice(1).map((k) => `\`${k}\``).join(", ")})` : "";
    fileSink.add({
      rule: "suite-rejects-config",
      severity: "error",
      message: `PaddleSeg's config checker refuses this file when it is trained: "No ${missing[0]} specified in the configuration file."${also} (DefaultPrimaryRule, RuntimeError at startup). Add the missing section here or through \`_base_\`.`,
      span: anchorSpan(ctx),
    });
  }
  const oldLr = entryOf(root, "learning_rate");
  if (oldLr && isMap(oldLr.value)) {
    fileSink.add({
      rule: "ignored-key",
      severity: "information",
      message: "The old `learning_rate: {value, decay}` section is ignored by PaddleSeg 2.x: the schedule is read from `lr_scheduler` (e.g. `type: PolynomialDecay`, `learning_rate`, `end_lr`, `power`).",
      span: oldLr.keySpan,
    });
  }
  const lrEntry = entryOf(root, "lr_scheduler");
  if (!lrEntry) return { schedules: [], diagnostics: fileSink.items };
  if (!isMap(lrEntry.value) || lrEntry.value.entries.length === 0) {
    const what = isMap(lrEntry.value) ? "is empty" : `is ${pyShow(nodeToPy(lrEntry.value))}, not a mapping`;
    fileSink.add({ rule: "suite-rejects-config", severity: "error", message: `\`lr_scheduler\` ${what}: PaddleSeg needs \`type\` and the scheduler's arguments ("No lr_scheduler specified in the configuration file." at startup).`, span: entrySpan(lrEntry) });
    return { schedules: [], diagnostics: fileSink.items };
  }
  return { schedules: [extractSchedule(ctx, root, lrEntry, lrEntry.value)], diagnostics: fileSink.items };
}

function extractSchedule(ctx: DialectContext, root: ConfigMap, lrEntry: ConfigEntry, block: ConfigMap): Schedule {
  const sink = new DiagnosticSink(ctx.config);
  const itersEntry = entryOf(root, "iters");
  const iters = itersEntry ? pyNumber(nodeToPy(itersEntry.value)) : undefined;
  const spe = resolveStepsPerEpoch({
    comment: stepsPerEpochDirective(ctx.config.own),
    setting: ctx.stepsPerEpochSetting,
    dataset: () => inferSegStepsPerEpoch(root, ctx.config.own.uri, ctx.host),
  });
  spe.detail = `${spe.detail}. PaddleSeg counts iterations (iters): steps per epoch only places the epoch axis, the curve does not depend on it`;
  const schedule: Schedule = {
    dialect: "paddleseg",
    path: "lr_scheduler",
    node: block,
    entry: lrEntry,
    kind: "",
    argSources: {},
    stepping: { per: "iteration", every: 1 },
    stepsPerEpoch: spe,
    training: itersEntry && iters ? { iterations: iters.value, key: "iters", span: itersEntry.keySpan } : undefined,
    facts: { yamlLoader: "pyyaml", unit: "iteration" },
    diagnostics: sink.items,
  };
  try {
    const built = buildSegSchedule(block, itersEntry);
    schedule.name = built.type;
    schedule.nameSpan = built.typeEntry.value.span;
    schedule.kind = built.warmup ? `${built.type}+warmup` : built.type;
    schedule.spec = built.spec;
    schedule.argSources = built.sources;
    if (built.warmup) schedule.facts.warmupSteps = pyNumber(nodeToPy(entryOf(block, "warmup_iters")!.value))?.value;
    if (built.decayStepsFromIters) schedule.facts.decayStepsFromIters = true;
    if (built.incomplete) sink.add({ rule: "incomplete-schedule", severity: "information", message: `Not drawn here: ${built.incomplete}.`, span: built.typeEntry.value.span });
    if (built.type === "ReduceOnPlateau") {
      schedule.facts.metricDriven = true;
      sink.add({ rule: "metric-driven-schedule", severity: "information", message: "PaddleSeg steps ReduceOnPlateau with the training loss after every iteration: the real curve depends on the loss; the one drawn assumes it never plateaus.", span: built.typeEntry.value.span });
    }
  } catch (e) {
    if (!(e instanceof SuiteRejects)) throw e;
    const rule = e instanceof SegRejects ? e.rule : "suite-rejects-config";
    if (e instanceof SegRejects && e.candidates.length) schedule.facts.didYouMean = e.candidates;
    const span = e instanceof SegRejects && e.entry ? (e.rule === "unknown-scheduler" ? e.entry.value.span : entrySpan(e.entry)) : lrEntry.keySpan;
    sink.add({ rule, severity: "error", message: e.message, span });
  }
  return schedule;
}
