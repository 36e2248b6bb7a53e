/** Rule (advice): CosineAnnealingDecay's T_max is so much longer than training that the LR never gets near its minimum. */
import type { Fix } from "../model/diagnostics";
import { paramSpan } from "./support/chain";
import { cosineRunOf, type CosineRun } from "./support/cosine";
import { evaluate } from "./support/evaluate";
import { replaceSpan } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-long-cosine-period",
  description: "CosineAnnealingDecay's T_max is much longer than training; the LR never approaches its minimum.",
  category: "suggestion",
  severity: "information",
  fixable: "unsafe",
  docs: {
    details: `With \`T_max\` far beyond the end of training, the cosine is cut off high: training stops while the LR is still a large fraction of its peak, and the low-LR fine-tuning phase the cosine is there for never happens. The usual advice is \`T_max\` ≈ the number of steps the cosine runs. The rule speaks up when more than a quarter of the cosine's range (from \`learning_rate\` down to \`eta_min\`) is still left at the end of training.`,
    invalid: [
      `iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 80000
`,
    ],
    valid: [
      `iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 22000
`,
    ],
    fix: "Sets `T_max` to the number of steps the cosine runs within training.",
    whenNotToUse: "When training is meant to be resumed later with the same schedule.",
  },
};

/** Share of the cosine's range (learning_rate − eta_min) still left at the end that counts as "never gets near the minimum". */
export const LEFT_THRESHOLD = 0.25;

export interface Data extends CosineRun {
  key: string;
  final: number;
  left: number;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const c = cosineRunOf(s);
    if (!c || c.tMax <= c.run || c.learningRate === undefined || !(c.learningRate > c.etaMin)) continue;
    const e = evaluate(s);
    if (!e || e.error) continue;
    const left = (e.final - c.etaMin) / (c.learningRate - c.etaMin);
    if (!(left > LEFT_THRESHOLD)) continue;
    out.push({ span: paramSpan(s, c.link, "T_max"), schedule: s, data: { ...c, key: c.source?.key ?? "T_max", final: e.final, left } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { key, tMax, run, final, left } = f.data;
  return `T_max (\`${key}\`: ${tMax}) is much longer than the ${run} steps the cosine runs: training stops with the LR at ${final}, ${Math.round(left * 100)}% of the way from its minimum to its peak, so the low-LR end of the cosine never happens. T_max ≈ ${run} would complete it.`;
}

export function fix(f: Finding<Data>): Fix[] {
  const src = f.data.source;
  if (!src || src.transform !== "identity" || src.node.kind !== "scalar") return [];
  return [{ title: `Set T_max to ${f.data.run}`, edits: [replaceSpan(src.node.span, String(f.data.run))], preferred: true }];
}
