/** Rule: a warmup that lasts as long as training or longer, so the LR never reaches the value it ramps to. */
import { scheduleAnchor } from "./support/chain";
import { evaluate } from "./support/evaluate";
import { dependsOnUnknownSpe, warmupOf } from "./support/warmup";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-excessive-warmup",
  description: "The warmup is as long as training or longer.",
  category: "problem",
  severity: "warning",
  fixable: false,
  docs: {
    details: `A warmup ramps the LR up to its working value, and the decay takes over when it ends. If the warmup is as long as the whole run, training ends still ramping: the LR never reaches its peak and the decay never runs. This usually means the warmup was counted in iterations while the training length is in epochs (or the reverse), or that the run was shortened and the warmup was not (PaddleOCR's \`LinearWarmupCosine\` defaults to 5,000 warmup iterations).

The rule needs the training length from the config (epochs or iterations). When comparing needs steps per epoch and it is unknown, the rule stays silent rather than guess.`,
    invalid: [
      `iters: 1000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
    ],
    valid: [
      `iters: 20000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
    ],
    whenNotToUse: "When the run is deliberately cut short (a smoke test).",
  },
};

export interface Data {
  warmup: number;
  horizon: number;
  horizonFrom: string;
  key: string;
  peak?: number;
  final?: number;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const w = warmupOf(s);
    // PaddleClas clamps such a warmup itself and its dialect says so (warmup-clamped): one finding is enough.
    if (!w || !s.training || dependsOnUnknownSpe(s, w.source) || s.diagnostics.some((d) => d.rule === "warmup-clamped")) continue;
    const horizon = s.horizon.steps;
    if (w.steps < horizon) continue;
    const e = evaluate(s);
    out.push({
      span: w.source?.node.span ?? scheduleAnchor(s),
      schedule: s,
      data: { warmup: w.steps, horizon, horizonFrom: s.horizon.from, key: w.source?.key ?? "warmup", peak: w.endLr, final: e?.final },
    });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { warmup, horizon, horizonFrom, key, peak, final } = f.data;
  const ends = final !== undefined ? `, ending at ${final}${peak !== undefined ? ` instead of ${peak}` : ""}` : "";
  return `The warmup (\`${key}\`: ${warmup} steps) is not shorter than training (${horizon} steps, ${horizonFrom}): the LR is still ramping up when training stops${ends}, and the decay never runs. Check the units of the warmup and of the training length.`;
}
