/**
 * Turns a PaddleClas config into its schedules the way `ppcls/optimizer/__init__.py` and the engine
 * do: one per optimizer (`Optimizer` as a mapping, or a list of per-scope optimizers), each built with
 * `epochs = Global.epochs` and `step_each_epoch = iter_per_epoch // update_freq`, stepped every
 * `update_freq` iterations, or once after each epoch with `by_epoch`.
 */
import type { ConfigEntry, ConfigMap } from "../../config/types";
import type { Diagnostic } from "../../model/diagnostics";
import { NOMINAL_STEPS_PER_EPOCH, type DialectContext, type Schedule, type StepsPerEpoch } from "../types";
import { originOf, type Origin } from "../common/args";
import { entryIn, isMapNode, nodeToPy, readBlock } from "../common/block";
import { DiagnosticSink } from "../common/diagnostic";
import { type Arg } from "../common/kwargs";
import { pyNumber, pyShow } from "../common/py-arith";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "../common/steps-per-epoch";
import { inferClasStepsPerEpoch } from "./dataset";
import { literalEval } from "./literal-eval";
import { buildClasSchedule, type ClasRun, type LrSite } from "./schedule";

function entrySpan(e: ConfigEntry) {
  const end = e.value.span.uri === e.keySpan.uri ? Math.max(e.keySpan.end, e.value.span.end) : e.keySpan.end;
  return { uri: e.keySpan.uri, start: e.keySpan.start, end };
}

/** `Optimizer` as a mapping (`{name, lr, ...}`) or as a list of `{OptimName: {scope, lr, ...}}`. */
function lrSites(optimizer: ConfigEntry, sink: DiagnosticSink): LrSite[] {
  const node = optimizer.value;
  if (isMapNode(node)) {
    const lr = entryIn(node, "lr");
    if (!entryIn(node, "name")) sink.add({ rule: "suite-rejects-config", severity: "error", message: "`Optimizer` has no `name`: PaddleClas pops it to pick the optimizer (KeyError: 'name' at startup).", span: optimizer.keySpan });
    if (!lr) {
      sink.add({ rule: "suite-rejects-config", severity: "error", message: "`Optimizer` has no `lr` section: PaddleClas pops it to build the learning rate (KeyError: 'lr' at startup).", span: optimizer.keySpan });
      return [];
    }
    return [{ path: "Optimizer.lr", entry: lr, literal: true, facts: {} }];
  }
  if (node.kind !== "seq") {
    sink.add({ rule: "suite-rejects-config", severity: "error", message: "`Optimizer` must be a mapping or a list of per-scope optimizers.", span: entrySpan(optimizer) });
    return [];
  }
  const out: LrSite[] = [];
  node.items.forEach((item, k) => {
    const inner = isMapNode(item) ? item.entries[0] : undefined;
    if (!inner || !isMapNode(inner.value)) {
      sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`Optimizer[${k}]\` must be \`{OptimizerName: {scope: ..., lr: {...}}}\`.`, span: item.span });
      return;
    }
    const lr = entryIn(inner.value, "lr");
    if (!entryIn(inner.value, "scope")) sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`Optimizer[${k}].${inner.key}\` has no \`scope\`: PaddleClas pops it (KeyError: 'scope' at startup).`, span: inner.keySpan });
    if (!lr) {
      sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`Optimizer[${k}].${inner.key}\` has no \`lr\` section (KeyError: 'lr' at startup).`, span: inner.keySpan });
      return;
    }
    const scope = entryIn(inner.value, "scope")?.value;
    // create_attr_dict never walks into lists: strings here stay strings.
    out.push({ path: `Optimizer[${k}].${inner.key}.lr`, entry: lr, literal: false, facts: { optimizerIndex: k, optimizerName: inner.key, scope: scope?.kind === "scalar" ? pyShow(scope.value) : undefined } });
  });
  return out;
}

/** `Global.iter_per_epoch` (when truthy) beats everything: the engine uses it instead of the loader length. */
function resolveIterations(ctx: DialectContext, globalMap: ConfigMap | undefined): StepsPerEpoch {
  const g = globalMap ? readBlock(globalMap, literalEval) : undefined;
  const ipe = g?.get("iter_per_epoch");
  const n = pyNumber(ipe?.value);
  return resolveStepsPerEpoch({
    config: ipe && n && n.value >= 1 ? { value: n.value, detail: "Global.iter_per_epoch", span: ipe.entry.keySpan } : undefined,
    comment: stepsPerEpochDirective(ctx.config.own),
    setting: ctx.stepsPerEpochSetting,
    dataset: () => inferClasStepsPerEpoch(ctx),
  });
}

export function extractPaddleClas(ctx: DialectContext): { schedules: Schedule[]; diagnostics: Diagnostic[] } {
  const root = ctx.config.root;
  const optimizer = entryIn(root, "Optimizer");
  if (!optimizer) return { schedules: [], diagnostics: [] };
  const fileSink = new DiagnosticSink(ctx.config);
  const sites = lrSites(optimizer, fileSink);
  const globalEntry = entryIn(root, "Global");
  const globalMap = isMapNode(globalEntry?.value) ? globalEntry.value : undefined;
  const epochsEntry = entryIn(globalMap, "epochs");
  if (!epochsEntry) {
    fileSink.add({ rule: "suite-rejects-config", severity: "error", message: "`Global.epochs` is missing: PaddleClas reads it for the training length and the LR schedule (KeyError at startup).", span: (globalEntry ?? optimizer).keySpan });
    return { schedules: [], diagnostics: fileSink.items };
  }
  const epochs: Arg = { value: literalOf(epochsEntry), origin: originOf(epochsEntry, "Global.epochs") };

  const run = iterationsAndUpdateFreq(ctx, globalMap, fileSink);
  const base: Omit<ClasRun, "site"> = { ctx, epochs, epochsEntry, ...run };
  const schedules = sites.map((site) => buildClasSchedule({ ...base, site }));
  return { schedules, diagnostics: fileSink.items };
}

function literalOf(e: ConfigEntry) {
  return nodeToPy(e.value, literalEval);
}

/** The engine's `iter_per_epoch` (rounded down to a multiple of update_freq) and `update_freq` (reset to 1 when larger). */
function iterationsAndUpdateFreq(ctx: DialectContext, globalMap: ConfigMap | undefined, sink: DiagnosticSink): Pick<ClasRun, "stepsPerEpoch" | "updateFreq" | "builderSpe" | "updateFreqOrigin"> {
  const stepsPerEpoch = resolveIterations(ctx, globalMap);
  const ufEntry = entryIn(globalMap, "update_freq");
  let updateFreq = 1;
  let updateFreqOrigin: Origin | undefined;
  if (ufEntry) {
    const v = literalOf(ufEntry);
    updateFreqOrigin = originOf(ufEntry, "Global.update_freq");
    if (v.type === "int" && v.value >= 1) updateFreq = v.value;
    else sink.add({ rule: "suite-rejects-config", severity: "error", message: `\`Global.update_freq\` must be a positive integer (it is ${pyShow(v)}): PaddleClas divides iterations by it and counts (iter_id + 1) % update_freq.`, span: entrySpan(ufEntry) });
  }
  let iterations = stepsPerEpoch.value ?? NOMINAL_STEPS_PER_EPOCH;
  if (iterations < updateFreq) {
    if (ufEntry) sink.add({ rule: "update-freq-reset", severity: "warning", message: `\`Global.update_freq: ${updateFreq}\` is more than the ${iterations} iterations of an epoch: PaddleClas resets it to 1.`, span: entrySpan(ufEntry) });
    updateFreq = 1;
  }
  const rounded = Math.floor(iterations / updateFreq) * updateFreq;
  if (stepsPerEpoch.value !== undefined && rounded !== iterations) {
    stepsPerEpoch.detail = `${stepsPerEpoch.detail}, rounded down to a multiple of update_freq ${updateFreq}`;
    stepsPerEpoch.value = rounded;
  }
  iterations = rounded;
  return { stepsPerEpoch, updateFreq, updateFreqOrigin, builderSpe: Math.floor(iterations / updateFreq) };
}
