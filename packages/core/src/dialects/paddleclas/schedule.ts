/** Builds one PaddleClas schedule from an optimizer's `lr` block (`build_lr_scheduler`), with the suite's startup errors as diagnostics. */
import type { ConfigEntry } from "../../config/types";
import type { DialectContext, Schedule, StepsPerEpoch } from "../types";
import { originOf, type Origin } from "../common/args";
import { isMapNode, readBlock } from "../common/block";
import { DiagnosticSink } from "../common/diagnostic";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { type Arg, bindKwargs, SuiteRejects } from "../common/kwargs";
import { PLAIN_NUMBER, plainNumberRecorder } from "../common/plain-number";
import { pyNumber, pyShow, pyTruthy, pyTypeName } from "../common/py-arith";
import { type ClasBuilt, CLAS_CLASSES } from "./builders";
import { literalEval } from "./literal-eval";

export interface LrSite {
  path: string;
  entry: ConfigEntry;
  /** Whether `create_attr_dict`'s `literal_eval` reached this block (not inside an `Optimizer` list). */
  literal: boolean;
  facts: Record<string, unknown>;
}

export interface ClasRun {
  ctx: DialectContext;
  epochs: Arg;
  epochsEntry: ConfigEntry;
  /** Iterations per epoch (after rounding to a multiple of update_freq). */
  stepsPerEpoch: StepsPerEpoch;
  updateFreq: number;
  updateFreqOrigin?: Origin;
  /** `step_each_epoch` the builder receives. */
  builderSpe: number;
  site: LrSite;
}

const INJECTED = ["epochs", "step_each_epoch"];

function span(o: Origin) {
  const end = o.node.span.uri === o.keySpan.uri ? Math.max(o.keySpan.end, o.node.span.end) : o.keySpan.end;
  return { uri: o.keySpan.uri, start: o.keySpan.start, end };
}

export function buildClasSchedule(run: ClasRun): Schedule {
  const { ctx, site } = run;
  const sink = new DiagnosticSink(ctx.config);
  const block = site.entry.value;
  const epochCount = pyNumber(run.epochs.value);
  const schedule: Schedule = {
    dialect: "paddleclas",
    path: site.path,
    node: isMapNode(block) ? block : { kind: "map", entries: [], span: block.span },
    entry: site.entry,
    kind: "plain number",
    argSources: {},
    stepping: { per: "iteration", every: run.updateFreq },
    stepsPerEpoch: run.stepsPerEpoch,
    training: epochCount ? { epochs: epochCount.value, key: "Global.epochs", span: run.epochsEntry.keySpan } : undefined,
    // SafeLoader + ast.literal_eval: `'1e-3'` is 0.001 here (inside an Optimizer list, strings stay strings).
    facts: { yamlLoader: "pyyaml-safe", stringsAreLiteralEvaluated: site.literal, updateFreq: run.updateFreq, byEpoch: false, injectedKeys: INJECTED, ...site.facts },
    diagnostics: sink.items,
  };
  const blame = originOf(site.entry, site.path);
  if (!isMapNode(block)) {
    sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`${site.path}\` must be a mapping: PaddleClas calls lr_config.update() on it (AttributeError at startup).`, span: span(blame) });
    return schedule;
  }
  const args = readBlock(block, site.literal ? literalEval : undefined);
  const nameArg = args.get("name");
  const given = new Map<string, Arg>();
  for (const [k, a] of args) if (k !== "name") given.set(k, { value: a.value, origin: a.origin });

  if (!nameArg) return plainNumber(run, schedule, sink, given, blame);
  schedule.name = nameArg.value.type === "str" ? nameArg.value.value : pyShow(nameArg.value);
  schedule.kind = schedule.name;
  schedule.nameSpan = nameArg.entry.value.span;
  const className = nameArg.value.type === "str" ? nameArg.value.value : undefined;
  const cls = className !== undefined && Object.prototype.hasOwnProperty.call(CLAS_CLASSES, className) ? CLAS_CLASSES[className] : undefined;
  if (!cls || className === undefined) {
    const candidates = className ? didYouMean(className, Object.keys(CLAS_CLASSES)) : [];
    sink.add({ rule: "unknown-scheduler", severity: "error", message: `PaddleClas has no LR class ${className ? `\`${className}\`` : pyShow(nameArg.value)}: training fails at startup (AttributeError in ppcls.optimizer.learning_rate).${didYouMeanSuffix(candidates)}`, span: nameArg.entry.value.span });
    schedule.facts.didYouMean = candidates;
    return schedule;
  }

  const overwritten = INJECTED.filter((k) => args.has(k));
  for (const k of overwritten) {
    const a = args.get(k)!;
    // Same value as the suite's: harmless, nothing to say.
    const suiteValue = k === "epochs" ? pyNumber(run.epochs.value)?.value : run.stepsPerEpoch.value === undefined ? undefined : run.builderSpe;
    if (suiteValue !== undefined && pyNumber(a.value)?.value === suiteValue) continue;
    const by = k === "epochs" ? `Global.epochs (${pyShow(run.epochs.value)})` : `iterations per epoch ÷ update_freq (${run.stepsPerEpoch.value === undefined ? "unknown" : run.builderSpe})`;
    sink.add({ rule: "overwritten-key", severity: "information", message: `\`${k}: ${pyShow(a.value)}\` is ignored: PaddleClas overwrites it with ${by}.`, span: span(a.origin) });
  }
  if (overwritten.length) schedule.facts.overwrittenKeys = overwritten;
  given.set("epochs", run.epochs);
  given.set("step_each_epoch", { value: { type: "int", value: run.builderSpe } });

  let built: ClasBuilt;
  try {
    const bound = bindKwargs(className, cls.params, given, cls.acceptsExtra, originOf(nameArg.entry));
    const unknown = bound.unknown.filter((k) => !INJECTED.includes(k));
    for (const k of unknown) {
      const a = args.get(k)!;
      const candidates = didYouMean(k, cls.params.map((p) => p.name).filter((n) => !INJECTED.includes(n)));
      sink.add({ rule: "ignored-key", severity: candidates.length ? "warning" : "information", message: `\`${k}\` has no effect: PaddleClas' ${className} does not take it (swallowed by **kwargs).${didYouMeanSuffix(candidates)}`, span: span(a.origin) });
    }
    if (unknown.length) schedule.facts.ignoredKeys = unknown;
    built = cls.build({ bound, epochs: run.epochs, spe: run.builderSpe }, className);
  } catch (e) {
    if (!(e instanceof SuiteRejects)) throw e;
    sink.add({ rule: "suite-rejects-config", severity: "error", message: `PaddleClas fails at startup: ${e.message}.`, span: span(e.origin ?? originOf(nameArg.entry)) });
    return schedule;
  }
  finishSchedule(run, schedule, sink, built, args);
  return schedule;
}

function finishSchedule(run: ClasRun, schedule: Schedule, sink: DiagnosticSink, built: ClasBuilt, args: ReturnType<typeof readBlock>): void {
  const byEpochArg = args.get("by_epoch");
  const byEpoch = built.setsByEpoch && pyTruthy(byEpochArg?.value);
  schedule.spec = built.rec.spec(built.specName);
  schedule.argSources = built.rec.sources;
  Object.assign(schedule.facts, built.facts, { byEpoch });
  if (byEpoch) schedule.stepping = { per: "epoch", every: 1 };
  schedule.kind = `${built.kind}${byEpoch ? "/by_epoch" : ""}${run.updateFreq !== 1 ? `/update_freq=${run.updateFreq}` : ""}`;
  const clamped = built.facts.warmupClampedToEpochs as { from: unknown; to: unknown } | undefined;
  const warm = args.get("warmup_epoch");
  if (clamped && warm) {
    sink.add({ rule: "warmup-clamped", severity: "warning", message: `\`warmup_epoch: ${pyShow(warm.value)}\` is not less than Global.epochs (${pyShow(run.epochs.value)}): PaddleClas clamps it to ${pyShow(run.epochs.value)}, so the whole run is warmup.`, span: span(warm.origin) });
  }
  for (const k of (built.facts.ignoredKeys as string[] | undefined) ?? []) {
    const a = args.get(k);
    if (!a) continue;
    sink.add({ rule: "ignored-key", severity: "information", message: `\`${k}\` is ignored: with \`learning_rate\` set, PaddleClas' Piecewise decays 10× every 30 epochs (range(0, epochs, 30)) instead.`, span: span(a.origin) });
  }
  if (built.facts.metricDriven) {
    const warmup = schedule.spec.name === "LinearWarmup";
    if (byEpoch && !warmup) {
      schedule.facts.noDeterministicCurve = true;
      sink.add({ rule: "metric-driven-schedule", severity: "information", message: "ReduceOnPlateau with by_epoch is stepped with the evaluation metric after each evaluation: there is no deterministic curve. lrlens draws the starting LR as a constant.", span: schedule.nameSpan ?? span(originOf(run.site.entry)) });
    } else if (!byEpoch && !warmup) {
      sink.add({ rule: "suite-rejects-config", severity: "error", message: "ReduceOnPlateau without by_epoch is stepped after every iteration with step() and no metric: TypeError (missing 'metrics') in the first iteration. Set `by_epoch: True`.", span: schedule.nameSpan ?? span(originOf(run.site.entry)) });
    }
  }
}

/** No `name`: the builder returns `lr_config['learning_rate']`, a number the training loop then tries to step(). */
function plainNumber(run: ClasRun, schedule: Schedule, sink: DiagnosticSink, given: Map<string, Arg>, blame: Origin): Schedule {
  const lr = given.get("learning_rate");
  schedule.kind = "plain number";
  if (!lr) {
    sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`${run.site.path}\` has neither \`name\` nor \`learning_rate\`: PaddleClas reads lr_config['learning_rate'] (KeyError at startup).`, span: span(blame) });
    return schedule;
  }
  schedule.facts.plainNumber = true;
  // Drawn for what it is (a constant) when Paddle's optimizer would take it at all (a float).
  if (lr.value.type === "float") {
    const rec = plainNumberRecorder(lr.value, lr.origin);
    schedule.spec = rec.spec(PLAIN_NUMBER);
    schedule.argSources = rec.sources;
  }
  sink.add({
    rule: "suite-rejects-config",
    severity: "error",
    message: `\`${run.site.path}\` has no \`name\`, so PaddleClas uses the plain ${pyTypeName(lr.value)} ${pyShow(lr.value)} as the LR, and its training loop then calls .step() on it (AttributeError in the first iteration). Add \`name: ConstLR\` for a constant LR.`,
    span: span(lr.origin ?? blame),
  });
  return schedule;
}
