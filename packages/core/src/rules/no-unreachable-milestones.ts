/** Rule: a milestone, boundary or step size at or beyond the end of training, so that drop never happens. */
import type { ConfigSeq } from "../config/types";
import type { Fix } from "../model/diagnostics";
import { effectiveStepsPerEpoch } from "../analysis/iteration";
import type { AnalyzedSchedule } from "../analysis/types";
import type { ArgSource } from "../dialects/types";
import type { PyValue } from "../schedulers/types";
import { chainOf, num, numList, paramSpan } from "./support/chain";
import { dependsOnUnknownSpe, PPDET_PIECEWISE, warmupOf } from "./support/warmup";
import { reorderSequence, shownList } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-unreachable-milestones",
  description: "A milestone or boundary at or past the end of training, which never fires.",
  category: "problem",
  severity: "warning",
  fixable: "safe",
  docs: {
    details: `A drop scheduled for a step the run never reaches does nothing: the LR simply stays higher than the config suggests until the end. It usually means the milestones were written for a longer run (the epochs were cut and the milestones were not), or counted in iterations where the suite multiplies them by the steps per epoch. A wrapped scheduler's milestones count from the end of the warmup, so the warmup is added before comparing. The same holds for a \`StepDecay\` whose \`step_size\` is not shorter than the run: it never decays.

The rule needs the training length from the config (epochs or iterations), and stays silent when comparing would need an unknown steps per epoch.`,
    invalid: [
      `iters: 10000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 9000, 12000]
  gamma: 0.1
`,
    ],
    valid: [
      `iters: 10000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 9000]
  gamma: 0.1
`,
    ],
    fix: "Removes the unreachable milestones or boundaries (for PiecewiseDecay, with the values that follow them).",
    whenNotToUse: "When the config is meant to be resumed for a longer run.",
  },
};

export interface Data {
  key: string;
  className: string;
  /** The offending values as written in the spec (scheduler steps on the wrapped scheduler's clock). */
  unreachable: number[];
  indices: number[];
  total: number;
  offset: number;
  horizon: number;
  from: string;
  seq?: ConfigSeq;
  values?: ConfigSeq;
  stepSize?: boolean;
  /** When the YAML counts in epochs that the suite multiplies by steps per epoch: that factor. */
  perEpoch?: number;
  /** The offending entries as the YAML writes them. */
  shown: string[];
}

const LIST_PARAM: Record<string, string> = { MultiStepDecay: "milestones", PiecewiseDecay: "boundaries", [PPDET_PIECEWISE]: "boundaries" };

/**
 * The LR in effect before boundary 0, between boundaries, and after the last one, for piecewise
 * specs (`result[i]` before boundary i, `result[i + 1]` after it); undefined for other classes.
 */
function valuesAfter(name: string, args: Record<string, PyValue>, n: number): number[] | undefined {
  const values = numList(args.values);
  if (!values) return undefined;
  if (name === "PiecewiseDecay") return values.length === n + 1 ? values : undefined;
  if (name === PPDET_PIECEWISE) {
    const base = num(args.base_lr);
    return base !== undefined && values.length === n ? [base, ...values] : undefined;
  }
  return undefined;
}

/** The steps per epoch a YAML list was multiplied by, when its entries are epochs the suite scaled. */
function epochFactor(s: AnalyzedSchedule, src: ArgSource, list: readonly number[], shown: readonly string[]): number | undefined {
  if (src.transform === "scaled" && src.factor) return src.factor;
  if (src.transform !== "derived" || s.stepping.per === "step") return undefined;
  const spe = effectiveStepsPerEpoch(s);
  return list.every((v, i) => Number(shown[i]) * spe === v) ? spe : undefined;
}

function offsetOf(s: AnalyzedSchedule, depth: number): number {
  return depth > 0 ? (warmupOf(s)?.steps ?? 0) : 0;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    if (!s.training) continue;
    const horizon = Math.floor(s.horizon.steps);
    for (const link of chainOf(s.spec)) {
      const offset = offsetOf(s, link.depth);
      const base = { className: link.spec.name, offset, horizon, from: s.horizon.from };
      const param = LIST_PARAM[link.spec.name];
      if (param) {
        const list = numList(link.spec.args[param]);
        const src = s.argSources[`${link.prefix}${param}`];
        // Only a list written as such: boundaries a suite derives from another key are not the user's to remove.
        if (!list || !src || src.node.kind !== "seq" || dependsOnUnknownSpe(s, src)) continue;
        const lrAfter = valuesAfter(link.spec.name, link.spec.args, list.length);
        // A boundary whose value does not change the LR (PaddleDetection's `gamma: 1.0` idiom for a constant LR) is harmless.
        const indices = list.map((m, i) => (offset + m >= horizon && (!lrAfter || lrAfter[i] !== lrAfter[i + 1]) ? i : -1)).filter((i) => i >= 0);
        if (indices.length === 0) continue;
        const seq = src.node.kind === "seq" && src.node.items.length === list.length && src.transform !== "derived" ? src.node : undefined;
        const valuesSrc = s.argSources[`${link.prefix}values`];
        const values = valuesSrc?.node.kind === "seq" && valuesSrc.transform !== "scaled" ? valuesSrc.node : undefined;
        const shown = shownList(ctx, src.node, list);
        const perEpoch = epochFactor(s, src, list, shown);
        out.push({ span: src.node.span, schedule: s, data: { ...base, key: src.key, unreachable: indices.map((i) => list[i]), indices, total: list.length, seq, values, perEpoch, shown: indices.map((i) => shown[i]) } });
      }
      if (link.spec.name === "StepDecay") {
        const size = num(link.spec.args.step_size);
        const src = s.argSources[`${link.prefix}step_size`];
        if (size === undefined || !src || dependsOnUnknownSpe(s, src) || offset + size < horizon) continue;
        const perEpoch = epochFactor(s, src, [size], [src.node.kind === "scalar" ? src.node.text : ""]);
        out.push({ span: paramSpan(s, link, "step_size"), schedule: s, data: { ...base, key: src.key, unreachable: [size], indices: [], total: 1, stepSize: true, perEpoch, shown: [perEpoch ? String(size / perEpoch) : String(size)] } });
      }
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { key, className, unreachable, offset, horizon, from, stepSize, perEpoch, shown } = f.data;
  // Epoch-based suites: speak in the YAML's epochs (the steps depend on a steps per epoch that may be assumed).
  const unit = perEpoch ? "epoch" : "step";
  const end = perEpoch ? Number((horizon / perEpoch).toPrecision(6)) : horizon;
  const after = offset > 0 ? ` (counted after the ${perEpoch ? `${offset / perEpoch}-epoch` : `${offset}-step`} warmup)` : "";
  if (stepSize) return `${className} \`${key}\` is ${shown[0]} ${unit}s${after}, but training lasts ${end} ${unit}s (${from}): the LR never decays.`;
  const n = unreachable.length;
  return `\`${key}\` ${n === 1 ? "entry" : "entries"} ${shown.join(", ")}${after} ${n === 1 ? "falls" : "fall"} at or after ${unit} ${end}, the end of training (${from}): ${n === 1 ? "that drop never happens" : "those drops never happen"}, so the LR stays higher than the config suggests.`;
}

export function fix(f: Finding<Data>, ctx: RuleContext): Fix[] {
  const { seq, values, indices, total, className } = f.data;
  if (!seq || indices.length === 0) return [];
  const keep = Array.from({ length: total }, (_, i) => i).filter((i) => !indices.includes(i));
  // PiecewiseDecay needs at least one boundary.
  if (keep.length === 0 && className !== "MultiStepDecay") return [];
  const edits = reorderSequence(ctx.textOf(seq.span.uri), seq, keep);
  if (!edits) return [];
  if (className === "PiecewiseDecay" || (className === PPDET_PIECEWISE && values)) {
    if (!values) return [];
    // PiecewiseDecay: values[i + 1] follows boundary i. PaddleDetection's gamma list pairs gamma[i] with milestone i.
    const valueKeep = className === "PiecewiseDecay" ? [0, ...keep.map((i) => i + 1)] : keep;
    const expected = className === "PiecewiseDecay" ? total + 1 : total;
    if (values.items.length !== expected) return [];
    const valueEdits = reorderSequence(ctx.textOf(values.span.uri), values, valueKeep);
    if (!valueEdits) return [];
    edits.push(...valueEdits);
  }
  const n = indices.length;
  return [{ title: `Remove the unreachable ${n === 1 ? "entry" : `${n} entries`} of ${f.data.key}`, edits, preferred: true }];
}
