/** Rule (advice): StepDecay's gamma outside the seed article's rule of thumb [0.3, 0.7]. */
import { chainOf, num, paramSpan } from "./support/chain";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "prefer-moderate-gamma",
  description: "StepDecay's gamma outside the usual 0.3–0.7.",
  category: "suggestion",
  severity: "information",
  fixable: false,
  docs: {
    details: `StepDecay multiplies the LR by \`gamma\` every \`step_size\` steps, over and over. The rule of thumb from PaddlePaddle's LR scheduler guide is \`gamma\` ∈ [0.3, 0.7]: much smaller (0.1 and below) and the LR falls off a cliff at every step, so the model can be "frozen" before it has learned enough; much larger and each step barely changes anything, so the decay does little over the run. MultiStepDecay is not concerned: its few milestones are usually meant as large drops (0.1).`,
    invalid: [
      `lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 1000
  gamma: 0.1
`,
    ],
    valid: [
      `lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 1000
  gamma: 0.5
`,
    ],
    whenNotToUse: "When the step size is long enough that a steep factor is what you want (a few large drops).",
  },
};

export const LOW = 0.3;
export const HIGH = 0.7;

export interface Data {
  gamma: number;
  key: string;
  isDefault: boolean;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const link of chainOf(s.spec)) {
      if (link.spec.name !== "StepDecay") continue;
      // Not written: Paddle's default, 0.1.
      const written = "gamma" in link.spec.args;
      const gamma = written ? num(link.spec.args.gamma) : 0.1;
      // Outside (0, 1) is valid-gamma's or Paddle's business, not advice.
      if (gamma === undefined || gamma <= 0 || gamma >= 1 || (gamma >= LOW && gamma <= HIGH)) continue;
      out.push({ span: paramSpan(s, link, "gamma"), schedule: s, data: { gamma, key: s.argSources[`${link.prefix}gamma`]?.key ?? "gamma", isDefault: !written } });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { gamma, key, isDefault } = f.data;
  const why =
    gamma < LOW
      ? `each step divides the LR by ${Number((1 / gamma).toPrecision(3))}, a steep drop that can freeze the model before it has learned enough`
      : `each step lowers the LR by only ${Number(((1 - gamma) * 100).toPrecision(3))}%, so the decay does little`;
  return `StepDecay \`${key}\` is ${gamma}${isDefault ? " (Paddle's default)" : ""}: ${why}. The usual advice for StepDecay is a gamma between ${LOW} and ${HIGH}.`;
}
