/** Rule: Paddle raises while the training loop steps the scheduler, before training ends (e.g. OneCycleLR past total_steps). */
import type { ParamError } from "../schedulers/types";
import { chainOf, paramSpan } from "./support/chain";
import { evaluate } from "./support/evaluate";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-step-error",
  description: "The scheduler raises an error while being stepped within the training run.",
  category: "problem",
  severity: "error",
  fixable: false,
  paddle: "OneCycleLR: ValueError: Tried to step N times. However the number of total steps is M; ZeroDivisionError in InverseTimeDecay and zero-length OneCycleLR phases.",
  docs: {
    details: `Some schedules fail part-way through: \`OneCycleLR\` accepts \`total_steps + 1\` values and raises on the next \`step()\`, \`InverseTimeDecay\` with a negative \`gamma\` divides by zero when \`1 + gamma * t\` reaches 0, and a zero-length OneCycleLR phase divides by zero when it is entered. When that happens before the end of training (the config's epochs or iterations, or the schedule's own horizon), the run crashes at that step, hours in.`,
    invalid: [
      `lr_scheduler:
  name: InverseTimeDecay
  learning_rate: 0.1
  gamma: -0.01
`,
    ],
    valid: [
      `lr_scheduler:
  name: OneCycleLR
  max_learning_rate: 0.1
  total_steps: 1000
`,
    ],
    whenNotToUse: "Never: the training run crashes at that step.",
  },
};

export interface Data {
  error: ParamError;
  className: string;
  horizon: number;
  horizonFrom: string;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const e = evaluate(s);
    const error = e?.error;
    if (!e || !error || error.phase !== "step" || (error.atStep ?? 0) >= e.n) continue;
    const prefix = error.path?.length ? `${error.path.join(".")}.` : "";
    const link = chainOf(s.spec).find((l) => l.prefix === prefix);
    out.push({ span: paramSpan(s, link, error.param), schedule: s, data: { error, className: link?.spec.name ?? s.spec?.name ?? "the scheduler", horizon: e.n, horizonFrom: s.horizon.from } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { error, className, horizon, horizonFrom } = f.data;
  const at = error.atStep ?? 0;
  return `${className} raises ${error.errorType} at step ${at} of ${horizon} (${horizonFrom}): "${error.message.trim()}". Training crashes there; make the schedule cover the whole run.`;
}
