/**
 * Turns a PaddleOCR config into its schedule the way `ppocr/optimizer/__init__.py::build_lr_scheduler`
 * and `tools/program.py::train` do: `Optimizer.lr` plus injected `epochs` (Global.epoch_num) and
 * `step_each_epoch` (the train loader length), stepped once per iteration unless it is a plain float.
 */
import type { ConfigEntry, ConfigMap } from "../../config/types";
import type { Diagnostic } from "../../model/diagnostics";
import type { PyValue } from "../../schedulers/types";
import { NOMINAL_STEPS_PER_EPOCH, type DialectContext, type Schedule } from "../types";
import { originOf, type Origin } from "../common/args";
import { entryIn, isMapNode, nodeToPy, readBlock } from "../common/block";
import { DiagnosticSink } from "../common/diagnostic";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { type Arg, bindKwargs, SuiteRejects } from "../common/kwargs";
import { pyNumber, pyShow, pyTypeName } from "../common/py-arith";
import { pyyamlFloatText } from "../common/yaml-float";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "../common/steps-per-epoch";
import { OCR_CLASSES, type OcrBuilt } from "./builders";
import { inferOcrStepsPerEpoch } from "./dataset";
import { ignoredKeyFindings } from "./ignored-keys";

const INJECTED = ["epochs", "step_each_epoch"];

function entrySpan(e: ConfigEntry) {
  return entrySpanOf(originOf(e));
}

export function extractPaddleOcr(ctx: DialectContext): { schedules: Schedule[]; diagnostics: Diagnostic[] } {
  const root = ctx.config.root;
  const fileSink = new DiagnosticSink(ctx.config);
  const optimizer = entryIn(root, "Optimizer");
  // No Optimizer section: not a training config (an export or inference config); nothing to say.
  if (!optimizer) return { schedules: [], diagnostics: [] };
  const lrEntry = entryIn(optimizer.value, "lr");
  if (!lrEntry || !isMapNode(lrEntry.value)) {
    const what = !isMapNode(optimizer.value)
      ? "`Optimizer` must be a mapping with an `lr` section"
      : !lrEntry
        ? "`Optimizer` has no `lr` section: PaddleOCR's build_optimizer pops it (KeyError: 'lr' at startup)"
        : `\`Optimizer.lr\` must be a mapping (it is ${pyShow(lrEntry.value.kind === "scalar" ? lrEntry.value.value : undefined)}): PaddleOCR calls lr_config.update() on it (AttributeError at startup)`;
    fileSink.add({ rule: "suite-rejects-config", severity: "error", message: `${what}.`, span: entrySpan(lrEntry ?? optimizer) });
    return { schedules: [], diagnostics: fileSink.items };
  }
  return { schedules: [extractSchedule(ctx, lrEntry, lrEntry.value)], diagnostics: [] };
}

function extractSchedule(ctx: DialectContext, lrEntry: ConfigEntry, block: ConfigMap): Schedule {
  const sink = new DiagnosticSink(ctx.config);
  const root = ctx.config.root;
  const args = readBlock(block);
  const nameArg = args.get("name");
  const stepsPerEpoch = resolveStepsPerEpoch({
    comment: stepsPerEpochDirective(ctx.config.own),
    setting: ctx.stepsPerEpochSetting,
    dataset: () => inferOcrStepsPerEpoch(ctx),
  });
  const spe = stepsPerEpoch.value ?? NOMINAL_STEPS_PER_EPOCH;
  const global = entryIn(root, "Global");
  const epochEntry = entryIn(global?.value, "epoch_num");
  const epochs: Arg | undefined = epochEntry ? { value: nodeToPy(epochEntry.value), origin: originOf(epochEntry, "Global.epoch_num") } : undefined;
  const epochCount = pyNumber(epochs?.value);

  const schedule: Schedule = {
    dialect: "paddleocr",
    path: "Optimizer.lr",
    node: block,
    entry: lrEntry,
    name: nameArg?.value.type === "str" ? nameArg.value.value : undefined,
    nameSpan: nameArg?.entry.value.span,
    kind: "Const",
    argSources: {},
    stepping: { per: "iteration", every: 1 },
    stepsPerEpoch,
    training: epochEntry && epochCount ? { epochs: epochCount.value, key: "Global.epoch_num", span: epochEntry.keySpan } : undefined,
    // PyYAML's Loader: `1e-4` stays a string here, so the linter should flag such scalars.
    facts: { yamlLoader: "pyyaml", stringsAreLiteralEvaluated: false, injectedKeys: INJECTED },
    diagnostics: sink.items,
  };
  const blame: Origin = nameArg ? originOf(nameArg.entry) : originOf(lrEntry, "Optimizer.lr");

  // No name means Const (`lr_config.pop("name", "Const")`).
  let className = "Const";
  if (nameArg) {
    if (nameArg.value.type !== "str") {
      sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`name\` must be the name of a PaddleOCR LR class, not ${pyTypeName(nameArg.value)} ${pyShow(nameArg.value)}: getattr() fails at startup (TypeError).`, span: nameArg.entry.value.span });
      return schedule;
    }
    className = nameArg.value.value;
  }
  // Until the builder says more (e.g. "+warmup"), the kind is the class as written.
  schedule.kind = className;
  const cls = Object.prototype.hasOwnProperty.call(OCR_CLASSES, className) ? OCR_CLASSES[className] : undefined;
  if (!cls) {
    const candidates = didYouMean(className, Object.keys(OCR_CLASSES));
    sink.add({
      rule: "unknown-scheduler",
      severity: "error",
      message: `PaddleOCR has no LR class \`${className}\`: training fails at startup (AttributeError in ppocr.optimizer.learning_rate).${didYouMeanSuffix(candidates)}`,
      span: nameArg!.entry.value.span,
    });
    schedule.facts.didYouMean = candidates;
    return schedule;
  }
  if (!epochs) {
    sink.add({ rule: "suite-rejects-config", severity: "error", message: "`Global.epoch_num` is missing: PaddleOCR reads it for the training length and the LR schedule (KeyError at startup).", span: blame.keySpan });
    return schedule;
  }

  const given = new Map<string, Arg>();
  for (const [k, a] of args) if (k !== "name") given.set(k, { value: a.value, origin: a.origin });
  const overwritten: string[] = [];
  for (const k of INJECTED) {
    const a = args.get(k);
    if (!a) continue;
    overwritten.push(k);
    // Same value as the suite's: harmless, nothing to say.
    const suiteValue = k === "epochs" ? pyNumber(epochs.value)?.value : stepsPerEpoch.value;
    if (suiteValue !== undefined && pyNumber(a.value)?.value === suiteValue) continue;
    const by = k === "epochs" ? `Global.epoch_num (${pyShow(epochs.value)})` : `the number of batches of the train loader (${stepsPerEpoch.value ?? "unknown"})`;
    sink.add({ rule: "overwritten-key", severity: "information", message: `\`${k}: ${pyShow(a.value)}\` is ignored: PaddleOCR overwrites it with ${by}.`, span: entrySpan(a.entry) });
  }
  if (overwritten.length) schedule.facts.overwrittenKeys = overwritten;
  given.set("epochs", epochs);
  given.set("step_each_epoch", { value: { type: "int", value: spe } });

  let built: OcrBuilt;
  try {
    const bound = bindKwargs(className, cls.params, given, true, blame);
    const ignored = ignoredKeyFindings(className, bound.unknown, args);
    for (const d of ignored) sink.add(d);
    if (ignored.length) schedule.facts.ignoredKeys = ignored.map((d) => d.key);
    built = cls.build({ bound, spe, epochs });
  } catch (e) {
    if (!(e instanceof SuiteRejects)) throw e;
    sink.add({ rule: "suite-rejects-config", severity: "error", message: `PaddleOCR fails at startup: ${e.message}.`, span: entrySpanOf(e.origin ?? blame) });
    return schedule;
  }
  schedule.kind = built.kind;
  Object.assign(schedule.facts, built.facts);
  // A plain LR that is not a float never trains: say why once, and draw nothing.
  if (built.plainNumber && !plainNumberOk(sink, built.rec.args["learning_rate"], blame, args.get("learning_rate")?.origin)) return schedule;
  schedule.spec = built.rec.spec(built.specName);
  schedule.argSources = built.rec.sources;
  return schedule;
}

/** The `key: value` range of an origin (just the key when the value lives in another file). */
function entrySpanOf(o: Origin) {
  const end = o.node.span.uri === o.keySpan.uri ? Math.max(o.keySpan.end, o.node.span.end) : o.keySpan.end;
  return { uri: o.keySpan.uri, start: o.keySpan.start, end };
}

/** A plain LR goes straight to the optimizer, which accepts only a Python float (and the loop then never steps it). */
function plainNumberOk(sink: DiagnosticSink, value: PyValue | undefined, blame: Origin, origin: Origin | undefined): boolean {
  if (value?.type === "float") return true;
  const fixed = value?.type === "str" ? pyyamlFloatText(value.value) : undefined;
  const hint = fixed ? ` PyYAML reads \`${(value as { value: string }).value}\` as a string: write \`${fixed}\`.` : "";
  sink.add({
    rule: "suite-rejects-config",
    severity: "error",
    message: `The learning rate is ${pyTypeName(value)} ${pyShow(value)}: without a scheduler PaddleOCR hands it to the optimizer, which accepts only a float (TypeError at startup).${hint}`,
    span: entrySpanOf(origin ?? blame),
  });
  return false;
}
