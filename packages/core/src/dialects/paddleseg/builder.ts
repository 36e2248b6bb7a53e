/**
 * PaddleSeg's `SegBuilder.lr_scheduler` as data: `type` names a `paddle.optimizer.lr` class whose
 * keyword arguments are the other keys, `warmup_iters`/`warmup_start_lr` wrap it in `LinearWarmup`,
 * and only `PolynomialDecay` gets `decay_steps` defaulted to `iters − warmup_iters`.
 */
import type { ConfigEntry, ConfigMap } from "../../config/types";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import type { ArgSource } from "../types";
import { ArgRecorder, originOf } from "../common/args";
import { nodeToPy } from "../common/block";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { SuiteRejects } from "../common/kwargs";
import { pyNumber, pyShow, pySub, pyTypeName } from "../common/py-arith";
import { PADDLE_LR_CLASSES } from "./paddle-classes";

/** A PaddleSeg startup failure carrying the diagnostic's rule id. */
export class SegRejects extends SuiteRejects {
  constructor(
    message: string,
    readonly entry: ConfigEntry | undefined,
    readonly rule = "suite-rejects-config",
    readonly candidates: string[] = [],
  ) {
    super(message, entry ? originOf(entry) : undefined);
  }
}

export interface SegBuilt {
  /** Undefined when `decay_steps` depends on an `iters` this file does not have (a base file). */
  spec?: SchedulerSpec;
  sources: Record<string, ArgSource>;
  type: string;
  typeEntry: ConfigEntry;
  warmup: boolean;
  /** `decay_steps` was defaulted from `iters` (PolynomialDecay without an explicit one). */
  decayStepsFromIters: boolean;
  /** Set when the spec could not be completed, with the reason (for an information note). */
  incomplete?: string;
}

const WARMUP_KEYS = new Set(["warmup_iters", "warmup_start_lr"]);

/** Builds what `lr_scheduler` yields; throws `SegRejects` where PaddleSeg fails at startup. */
export function buildSegSchedule(block: ConfigMap, itersEntry: ConfigEntry | undefined): SegBuilt {
  const entries = new Map<string, ConfigEntry>();
  for (const e of block.entries) entries.set(e.key, e);
  const typeEntry = entries.get("type");
  if (!typeEntry) throw new SegRejects("`lr_scheduler` has no `type`: PaddleSeg pops it to find the scheduler class (KeyError: 'type' at startup).", undefined);
  const typeValue = nodeToPy(typeEntry.value);
  if (typeValue.type !== "str") throw new SegRejects(`\`type\` must be a paddle.optimizer.lr class name, not ${pyTypeName(typeValue)} ${pyShow(typeValue)} (getattr fails at startup).`, typeEntry);
  const type = typeValue.value;
  if (!PADDLE_LR_CLASSES.includes(type)) {
    const candidates = didYouMean(type, PADDLE_LR_CLASSES);
    throw new SegRejects(`paddle.optimizer.lr has no scheduler class \`${type}\`: PaddleSeg fails at startup (AttributeError).${didYouMeanSuffix(candidates)}`, typeEntry, "unknown-scheduler", candidates);
  }
  const warmupEntry = entries.get("warmup_iters");
  const startEntry = entries.get("warmup_start_lr");
  const lrEntry = entries.get("learning_rate");
  if (warmupEntry) {
    if (!startEntry) throw new SegRejects("`warmup_iters` needs `warmup_start_lr`: PaddleSeg asserts both are set (\"When use warmup, please set warmup_start_lr and warmup_iters in lr_scheduler\").", warmupEntry);
    if (!lrEntry) throw new SegRejects("With `warmup_iters`, PaddleSeg warms up to `learning_rate`, which is missing (KeyError: 'learning_rate' at startup).", warmupEntry);
  }
  const inner = new ArgRecorder();
  for (const e of block.entries) {
    if (e.key === "type" || WARMUP_KEYS.has(e.key)) continue;
    inner.identity(e.key, nodeToPy(e.value), originOf(e));
  }
  let decayStepsFromIters = false;
  let incomplete: string | undefined;
  if (type === "PolynomialDecay" && !entries.has("decay_steps")) {
    decayStepsFromIters = true;
    if (!itersEntry) incomplete = "`decay_steps` defaults to the training length `iters`, which neither this file nor its `_base_` files set (the config inheriting this one does)";
    else {
      const iters = nodeToPy(itersEntry.value);
      let steps: PyValue = iters;
      if (warmupEntry) {
        const r = pySub(iters, nodeToPy(warmupEntry.value));
        if (!r.ok) throw new SegRejects(`decay_steps = iters − warmup_iters fails: ${r.errorType}: ${r.message}.`, warmupEntry);
        steps = r.value;
      }
      const n = pyNumber(steps);
      if (!n) throw new SegRejects(`\`iters\` is ${pyTypeName(iters)} ${pyShow(iters)}: PaddleSeg computes max(iters, 1) for decay_steps (TypeError at startup).`, itersEntry);
      // `max(iters, 1)` keeps the int/float type of whichever argument wins.
      const value: PyValue = n.value >= 1 ? steps : { type: "int", value: 1 };
      inner.derived("decay_steps", value, originOf(itersEntry, "iters"));
    }
  }
  const innerSpec = inner.spec(type);
  if (!warmupEntry) return { spec: incomplete ? undefined : innerSpec, sources: inner.sources, type, typeEntry, warmup: false, decayStepsFromIters, incomplete };
  const outer = new ArgRecorder();
  outer.nest("learning_rate", { spec: innerSpec, sources: inner.sources });
  outer.identity("warmup_steps", nodeToPy(warmupEntry.value), originOf(warmupEntry));
  outer.identity("start_lr", nodeToPy(startEntry!.value), originOf(startEntry!));
  outer.identity("end_lr", nodeToPy(lrEntry!.value), originOf(lrEntry!));
  return { spec: incomplete ? undefined : outer.spec("LinearWarmup"), sources: outer.sources, type, typeEntry, warmup: true, decayStepsFromIters, incomplete };
}
