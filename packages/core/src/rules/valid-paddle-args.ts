/** Rule: every error Paddle raises while constructing the scheduler, on the offending parameter (the catch-all for construction errors). */
import type { ParamError } from "../schedulers/types";
import { paramSpan } from "./support/chain";
import { constructionErrors, specificRuleFor } from "./support/paddle-errors";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "valid-paddle-args",
  description: "Arguments that make paddle.optimizer.lr raise while constructing the scheduler.",
  category: "problem",
  severity: "error",
  fixable: false,
  paddle: "Every check in the constructors of python/paddle/optimizer/lr.py (type checks, range assertions) and the Python errors their code hits.",
  docs: {
    details: `Paddle checks a scheduler's arguments when it is constructed, and the constructor already calls \`step()\` once, so some arithmetic errors surface there too. Any of them stops training before the first iteration. lrlens reproduces each check and reports it on the parameter Paddle blames, quoting Paddle's own message.

Errors with a more specific rule (a missing argument, a YAML 1.1 string, unsorted milestones, piecewise values of the wrong length, a float where Paddle wants an int) are reported by that rule instead, with a quick-fix where one is obvious.`,
    invalid: [
      `lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 0
  gamma: 0.5
`,
      `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: -0.1
  T_max: 1000
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
    whenNotToUse: "Never: Paddle raises these errors at startup.",
  },
};

export interface Data {
  error: ParamError;
  className: string;
  key: string | null;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const located of constructionErrors(s)) {
      const specific = specificRuleFor(located);
      if (specific && ctx.isEnabled(specific)) continue;
      const { error, link } = located;
      const key = error.param ? (s.argSources[`${link.prefix}${error.param}`]?.key ?? error.param) : null;
      out.push({ span: paramSpan(s, link, error.param), schedule: s, data: { error, className: link.spec.name, key } });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { error, className, key } = f.data;
  const what = error.raisedBy === "paddle" ? `${className} rejects ${key ? `\`${key}\`` : "its arguments"}` : `Constructing ${className} fails${key ? ` on \`${key}\`` : ""}`;
  const quoted = error.message.trim() || "(no message)";
  return `${what}: ${error.errorType}: ${quoted}. Paddle raises this when the scheduler is built, so training stops before the first iteration.`;
}
