/** Rule: the learning rate reaches (practically) zero long before training ends, so the rest of the run learns nothing. */
import { chainOf, linkAnchor } from "./support/chain";
import { evaluate, holdsFromStep } from "./support/evaluate";
import { decayFactors } from "./support/gammas";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-early-zero-lr",
  description: "The learning rate reaches zero long before the end of training.",
  category: "suggestion",
  severity: "warning",
  fixable: false,
  docs: {
    details: `When the LR falls to zero (below a millionth of its peak) and stays there for the last tenth of training or more, those iterations cost time and change nothing. Typical causes: \`decay_steps\` or \`T_max\` counted in epochs while the schedule is stepped per iteration, an \`ExponentialDecay\` gamma that underflows, or a \`StepDecay\` that divides by ten too often.

The rule needs the training length the config states (epochs or iterations); without one (the generic form) there is no "end of training" to compare with.`,
    invalid: [
      `iters: 10000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  end_lr: 0
  decay_steps: 2000
`,
    ],
    valid: [
      `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 1000
`,
    ],
    whenNotToUse: "When the tail of zero LR is deliberate (for example a run that only evaluates after a point).",
  },
};

/** "Zero" means at most this fraction of the peak. */
const ZERO_FRACTION = 1e-6;
/** How much of the run must be left at zero to be worth a warning. */
const MIN_TAIL = 0.1;

export interface Data {
  from: number;
  horizon: number;
  horizonFrom: string;
  peak: number;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    // A zero decay factor is valid-gamma's finding; the zero tail is its consequence.
    if (!s.training || decayFactors(s).some((g) => g.gamma === 0)) continue;
    const e = evaluate(s);
    if (!e || e.error || !(e.peak > 0) || !Number.isFinite(e.peak) || e.min < 0) continue;
    const threshold = e.peak * ZERO_FRACTION;
    const from = holdsFromStep(e, (y) => y <= threshold);
    if (from === undefined || from === 0 || e.n - from < Math.max(2, MIN_TAIL * e.n)) continue;
    out.push({ span: linkAnchor(s, chainOf(s.spec)[0]), schedule: s, data: { from, horizon: e.n, horizonFrom: s.horizon.from, peak: e.peak } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { from, horizon, horizonFrom, peak } = f.data;
  const pct = Math.round((100 * (horizon - from)) / horizon);
  return `The learning rate falls to zero (below ${peak * ZERO_FRACTION}, a millionth of its peak ${peak}) at step ${from} and stays there: the last ${pct}% of the run (${horizon - from} of ${horizon} steps, ${horizonFrom}) trains with no learning rate.`;
}
