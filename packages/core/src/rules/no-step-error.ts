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
    details: `Some schedules fail part-way through: \`OneCycleLR\` accepts \`total_steps + 1\` values and raises on the next \`step()\`, \`InverseTimeDecay\` with a negative \`gamma\` divides by zero when \`1 + gamma * t\` reaches 0, and a zero-length OneCycleLR phase divides by zero when it is entered. When that happens before the end of training, the run crashes at that step, hours in.

The rule needs the training length the config states (epochs or iterations): the generic form has none, and a schedule's own horizon says nothing about how long it will be stepped.`,
    invalid: [
      `iters: 2000
lr_scheduler:
  type: OneCycleLR
  max_learning_rate: 0.01
  total_steps: 1000
`,
    ],
    valid: [
      `iters: 1000
lr_scheduler:
  type: OneCycleLR
  max_learning_rate: 0.01
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
    if (!s.training) continue;
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
