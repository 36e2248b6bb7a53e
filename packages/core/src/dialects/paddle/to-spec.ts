/**
 * Turns one generic-form block into its constructor call: sibling keys are keyword arguments,
 * LinearWarmup's wrapped scheduler is a mapping under `learning_rate` or `scheduler`, lambda
 * strings compile with `compileLambda`, and a wrapped scheduler without `learning_rate` takes
 * LinearWarmup's `end_lr` (the seed article's DBNet example), said in an information note.
 */
import type { ConfigEntry, ConfigMap, ConfigScalar, LoadedConfig } from "../../config/types";
import { compileLambda, type CompileLambdaOptions } from "../../expr";
import type { Span } from "../../model/positions";
import { getSchedulerInfo } from "../../schedulers";
import type { PyValue } from "../../schedulers/types";
import { ArgRecorder, originOf } from "../common/args";
import { nodeToPy } from "../common/block";
import type { DiagnosticInput } from "../common/diagnostic";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { pyShow } from "../common/py-arith";
import type { ArgSource } from "../types";
import { ARG_CONTAINERS, nameEntryOf, PADDLE_LR_CLASSES } from "./find-blocks";

/** Every Paddle scheduler also takes these (LRScheduler's own arguments). */
const ALWAYS = ["last_epoch", "verbose"];
/** Parameters that take a function, written as Python lambda text. */
const FUNCTION_PARAMS = new Set(["lr_lambda", "scale_fn"]);
/** LinearWarmup inside LinearWarmup is fine; deeper is a config bug or a trap. */
const MAX_NESTING = 8;

export interface Converted {
  spec?: { name: string; args: Record<string, PyValue> };
  sources: Record<string, ArgSource>;
  /** Class chain, outermost first (`["LinearWarmup", "MultiStepDecay"]`, `float` for a number inside LinearWarmup). */
  chain: string[];
  diagnostics: DiagnosticInput[];
  facts: { unknownKeys: string[]; impliedLearningRate?: boolean; wrappedKey?: string; qualifiedName?: string };
}

function paramsOf(className: string): string[] | undefined {
  const info = getSchedulerInfo(className);
  return info ? [...info.params.map((p) => p.name), ...ALWAYS] : undefined;
}

function entrySpan(e: ConfigEntry): Span {
  const end = e.value.span.uri === e.keySpan.uri ? Math.max(e.keySpan.end, e.value.span.end) : e.keySpan.end;
  return { uri: e.keySpan.uri, start: e.keySpan.start, end };
}

/** The exact span of a lambda compile error inside the YAML string, when the source text maps 1:1 onto the value. */
function lambdaErrorSpan(config: LoadedConfig, node: ConfigScalar, offset: number, length: number): Span {
  const file = config.files.get(node.span.uri) ?? (config.own.uri === node.span.uri ? config.own : undefined);
  const value = node.value.type === "str" ? node.value.value : node.text;
  const start = node.span.start + (node.quoted ? 1 : 0);
  if (file && file.text.slice(start, start + value.length) === value) {
    const s = start + Math.min(offset, value.length);
    return { uri: node.span.uri, start: s, end: Math.max(s, Math.min(start + value.length, s + Math.max(1, length))) };
  }
  return node.span;
}

/** An unknown class name: a warning when it looks like a typo of a Paddle class, a note otherwise. */
export function unknownClassFinding(raw: string, span: Span): DiagnosticInput {
  const candidates = didYouMean(raw.replace(/^.*\./, ""), PADDLE_LR_CLASSES);
  return {
    rule: "unknown-scheduler",
    severity: candidates.length > 0 ? "warning" : "information",
    message: `\`${raw}\` is not a paddle.optimizer.lr class, so lrlens cannot draw this schedule.${didYouMeanSuffix(candidates)}`,
    span,
  };
}

/** `lambdaLimits` carries `Limits.maxLambdaChars` / `maxLambdaCost` (the user may raise or lower them). */
export function convertBlock(config: LoadedConfig, block: ConfigMap, nameEntry: ConfigEntry, className: string, depth = 0, lambdaLimits?: CompileLambdaOptions): Converted {
  const out: Converted = { sources: {}, chain: [className], diagnostics: [], facts: { unknownKeys: [] } };
  const raw = nameEntry.value.kind === "scalar" && nameEntry.value.value.type === "str" ? nameEntry.value.value.value : className;
  if (raw !== className) out.facts.qualifiedName = raw;
  const params = paramsOf(className);
  const rec = new ArgRecorder();
  let ok = true;

  const wrapped = className === "LinearWarmup" ? pickWrapped(block, out) : undefined;
  for (const entry of argumentEntries(block, params)) {
    if (entry === nameEntry || entry === wrapped) continue;
    // `scheduler` is LinearWarmup's spelling of `learning_rate` in this form.
    const arg = className === "LinearWarmup" && entry.key === "scheduler" ? "learning_rate" : entry.key;
    if (params && !params.includes(arg)) {
      // Other name keys (`type: lr` next to `name: StepDecay`) are labels, not arguments.
      if (entry.key === "name" || entry.key === "type" || entry.key === "class") continue;
      const candidates = didYouMean(entry.key, params);
      out.facts.unknownKeys.push(entry.key);
      out.diagnostics.push({
        rule: "unknown-parameter",
        severity: candidates.length > 0 ? "warning" : "information",
        message: `\`${entry.key}\` is not a parameter of ${className}: Paddle would reject it (TypeError: unexpected keyword argument), so lrlens leaves it out.${didYouMeanSuffix(candidates)}`,
        span: entrySpan(entry),
      });
      continue;
    }
    const value = nodeToPy(entry.value);
    if (FUNCTION_PARAMS.has(arg) && value.type === "str" && entry.value.kind === "scalar") {
      const compiled = compileLambda(value.value, lambdaLimits);
      if (!compiled.ok) {
        ok = false;
        out.diagnostics.push({ rule: "invalid-lambda", severity: "error", message: `\`${entry.key}\` is not a lambda lrlens can evaluate: ${compiled.error.message}.`, span: lambdaErrorSpan(config, entry.value, compiled.error.offset, compiled.error.length) });
        continue;
      }
      rec.identity(arg, { type: "fn", fn: compiled.fn }, originOf(entry));
      continue;
    }
    rec.identity(arg, value, originOf(entry));
  }

  if (wrapped && wrapped.value.kind === "map") {
    const inner = convertWrapped(config, block, wrapped, depth, out, lambdaLimits);
    if (inner) rec.nest("learning_rate", inner);
    else ok = false;
  } else if (className === "LinearWarmup") {
    const lr = rec.args["learning_rate"];
    out.chain.push(lr ? (lr.type === "int" || lr.type === "float" ? "float" : lr.type) : "?");
  }
  if (ok) out.spec = rec.spec(className);
  Object.assign(out.sources, rec.sources);
  return out;
}

/**
 * The block's entries as keyword arguments. An `args`/`params`/`kwargs` mapping that is not itself
 * a parameter holds arguments too (`{type: StepDecay, args: {step_size: 30}}`): its entries count
 * as siblings.
 */
function argumentEntries(block: ConfigMap, params: string[] | undefined): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const e of block.entries) {
    if (ARG_CONTAINERS.has(e.key) && e.value.kind === "map" && !params?.includes(e.key)) out.push(...e.value.entries);
    else out.push(e);
  }
  return out;
}

/** LinearWarmup's wrapped scheduler: a mapping under `learning_rate`, else under `scheduler` (the other key, if a number, is ignored). */
function pickWrapped(block: ConfigMap, out: Converted): ConfigEntry | undefined {
  const lr = block.entries.find((e) => e.key === "learning_rate");
  const sch = block.entries.find((e) => e.key === "scheduler");
  const wrapped = lr?.value.kind === "map" ? lr : sch?.value.kind === "map" ? sch : undefined;
  if (!wrapped) return undefined;
  out.facts.wrappedKey = wrapped.key;
  const other = wrapped === lr ? sch : lr;
  if (other) {
    out.diagnostics.push({
      rule: "ignored-key",
      severity: "warning",
      message: `\`${other.key}\` is ignored: the wrapped scheduler under \`${wrapped.key}\` is LinearWarmup's learning_rate.`,
      span: entrySpan(other),
    });
  }
  return wrapped;
}

function convertWrapped(config: LoadedConfig, outer: ConfigMap, wrapped: ConfigEntry, depth: number, out: Converted, lambdaLimits?: CompileLambdaOptions): { spec: { name: string; args: Record<string, PyValue> }; sources: Record<string, ArgSource> } | undefined {
  const node = wrapped.value as ConfigMap;
  const named = nameEntryOf(node);
  if (!named) {
    out.diagnostics.push({ rule: "missing-scheduler-name", severity: "warning", message: `The scheduler wrapped by LinearWarmup under \`${wrapped.key}\` has no \`name\`: write the paddle.optimizer.lr class it is (e.g. \`name: CosineAnnealingDecay\`).`, span: wrapped.keySpan });
    return undefined;
  }
  if (!named.className) {
    out.diagnostics.push(unknownClassFinding(named.raw, named.entry.value.span));
    return undefined;
  }
  if (depth + 1 > MAX_NESTING) {
    out.diagnostics.push({ rule: "limit-exceeded", severity: "warning", message: `LinearWarmup nested more than ${MAX_NESTING} deep: lrlens stops here.`, span: named.entry.value.span });
    return undefined;
  }
  const inner = convertBlock(config, node, named.entry, named.className, depth + 1, lambdaLimits);
  out.chain.push(...inner.chain);
  out.diagnostics.push(...inner.diagnostics);
  out.facts.unknownKeys.push(...inner.facts.unknownKeys);
  if (!inner.spec) return undefined;
  // Only where Paddle would fail for want of it (MultiStepDecay); NoamDecay's learning_rate has a default.
  const required = getSchedulerInfo(named.className)?.params.some((p) => p.name === "learning_rate" && p.required) ?? false;
  const endLr = outer.entries.find((e) => e.key === "end_lr");
  if (!("learning_rate" in inner.spec.args) && required && endLr) {
    // The seed article's DBNet config: the ramp's target is the only LR written, so it is the wrapped scheduler's too.
    const value = nodeToPy(endLr.value);
    inner.spec.args = { learning_rate: value, ...inner.spec.args };
    inner.sources["learning_rate"] = { ...originOf(endLr), transform: "identity" };
    out.facts.impliedLearningRate = true;
    out.diagnostics.push({
      rule: "implicit-learning-rate",
      severity: "information",
      message: `${named.className} has no \`learning_rate\`: lrlens uses LinearWarmup's end_lr (${pyShow(value)}), the value the warmup ramps to. Paddle needs it passed explicitly.`,
      span: named.entry.value.span,
      related: [{ span: entrySpan(endLr), message: "the end_lr used as learning_rate" }],
    });
  }
  return { spec: inner.spec, sources: inner.sources };
}
