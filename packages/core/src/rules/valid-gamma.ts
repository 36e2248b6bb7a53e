/** Rule: a decay factor (`gamma`, `factor`) that Paddle accepts but that grows, zeroes or flips the learning rate. */
import { evaluate } from "./support/evaluate";
import { decayFactors as gammas } from "./support/gammas";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "valid-gamma",
  description: "A decay factor ≤ 0 or ≥ 1 where Paddle does not reject it.",
  category: "problem",
  severity: "warning",
  fixable: false,
  paddle: "StepDecay and MultiStepDecay only check gamma < 1.0 (ValueError: gamma should be < 1.0.), ReduceOnPlateau only factor < 1.0; nothing checks the lower bound, and PaddleDetection's PiecewiseDecay checks neither.",
  docs: {
    details: `A multiplicative decay factor belongs in (0, 1): the LR is multiplied by it at every drop. \`0\` sets the LR to zero at the first drop, and the rest of training learns nothing; a negative factor flips its sign at every drop (reported as an error by \`no-negative-lr\` once it happens within training); a factor above 1 makes the "decay" raise the LR (exactly 1, PaddleDetection's way of writing a constant LR, is accepted). Paddle rejects \`gamma >= 1\` for StepDecay and MultiStepDecay itself (see \`valid-paddle-args\`), but not the lower bound, and PaddleDetection's \`PiecewiseDecay\` computes its values as \`base_lr × gamma\` without any check. \`InverseTimeDecay\`'s \`gamma\` is a rate rather than a factor: a negative one makes the LR grow until Paddle divides by zero.`,
    invalid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [3000, 6000]
  gamma: 0
`,
    ],
    valid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [3000, 6000]
  gamma: 0.1
`,
    ],
    whenNotToUse: "When a zero factor is deliberate (stopping training updates after a point).",
  },
};

export interface Data {
  className: string;
  key: string;
  gamma: number;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const g of gammas(s)) {
      // Exactly 1 is PaddleDetection's idiom for "no decay" (RT-DETR: gamma 1.0 with a milestone past the run).
      if ((g.gamma > 0 && g.gamma < 1) || g.gamma === 1) continue;
      // A negative factor that really makes the LR negative within training is no-negative-lr's error.
      if (g.gamma < 0 && evaluate(s)?.lr.some((y) => y < 0)) continue;
      out.push({ span: g.span, schedule: s, data: { className: g.className, key: g.key, gamma: g.gamma } });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, key, gamma } = f.data;
  if (className === "InverseTimeDecay") {
    const at = Math.round(-1 / gamma);
    return `InverseTimeDecay divides the LR by 1 + \`${key}\`·t with \`${key}\` = ${gamma}: the LR grows instead of decaying, and Paddle divides by zero at step ${at} (then the LR turns negative). Use a positive rate.`;
  }
  const effect =
    gamma === 0
      ? "the LR becomes 0 at the first drop and the rest of training learns nothing"
      : gamma < 0
        ? "the LR changes sign at every drop"
        : `the LR grows ×${gamma} at every drop instead of decaying`;
  return `${className} multiplies the LR by \`${key}\` = ${gamma} at each drop: ${effect}. A decay factor belongs in (0, 1), typically 0.1–0.5.`;
}
