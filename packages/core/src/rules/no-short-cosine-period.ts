/** Rule: CosineAnnealingDecay's T_max is shorter than the training it runs for, so Paddle's periodic cosine climbs back up. */
import type { Fix } from "../model/diagnostics";
import { paramSpan } from "./support/chain";
import { cosineRunOf, type CosineRun } from "./support/cosine";
import { evaluate } from "./support/evaluate";
import { replaceSpan } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-short-cosine-period",
  description: "CosineAnnealingDecay's T_max is shorter than training, so the LR climbs back up.",
  category: "problem",
  severity: "warning",
  fixable: "unsafe",
  paddle: "CosineAnnealingDecay never clamps at T_max: its recursion (and closed form) is periodic with period 2·T_max.",
  docs: {
    details: `Paddle's \`CosineAnnealingDecay\` reaches \`eta_min\` at step \`T_max\` and then keeps following the cosine: the LR rises again and is back at \`learning_rate\` at \`2·T_max\`. PyTorch users expect it to stay at the minimum. The usual advice is \`T_max\` ≈ the number of steps the cosine runs (the training length, minus the warmup when it is wrapped by LinearWarmup, whose inner clock starts after the warmup).

The rule needs the training length from the config (epochs or iterations).`,
    invalid: [
      `iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 5000
`,
    ],
    valid: [
      `iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 20000
`,
    ],
    fix: "Sets `T_max` to the number of steps the cosine runs within training.",
    whenNotToUse: "When the restart is intended (use CosineAnnealingWarmRestarts to say so).",
  },
};

export interface Data extends CosineRun {
  key: string;
  final?: number;
  from: string;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const c = cosineRunOf(s);
    // Climbing back needs at least one step past T_max within the run.
    if (!c || c.tMax + 1 >= c.run) continue;
    out.push({ span: paramSpan(s, c.link, "T_max"), schedule: s, data: { ...c, key: c.source?.key ?? "T_max", final: evaluate(s)?.final, from: s.horizon.from } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { key, tMax, run, offset, final, from, etaMin } = f.data;
  const runText = offset > 0 ? `${run} steps (${from}, after a ${offset}-step warmup)` : `${run} steps (${from})`;
  return `T_max (\`${key}\`: ${tMax}) is shorter than the ${runText} the cosine runs: Paddle's cosine is periodic, so after reaching ${etaMin} at step ${offset + tMax} the LR climbs back up${final !== undefined ? `, to ${final} at the end of training` : ""}. Set T_max to ${run}.`;
}

export function fix(f: Finding<Data>): Fix[] {
  const src = f.data.source;
  if (!src || src.transform !== "identity" || src.node.kind !== "scalar") return [];
  return [{ title: `Set T_max to ${f.data.run}`, edits: [replaceSpan(src.node.span, String(f.data.run))], preferred: true }];
}
