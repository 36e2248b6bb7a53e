/** Rule: a required scheduler argument is missing, so Python's call fails before Paddle's own checks run. */
import { linkAnchor } from "./support/chain";
import { constructionErrors, specificRuleFor } from "./support/paddle-errors";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-missing-param",
  description: "A required argument of the scheduler class is missing.",
  category: "problem",
  severity: "error",
  fixable: false,
  paddle: "Python: TypeError: __init__() missing 1 required positional argument (e.g. `gamma` of ExponentialDecay, NaturalExpDecay and InverseTimeDecay, which has no default although the docstring gives one).",
  docs: {
    details: `Some parameters of \`paddle.optimizer.lr\` classes have no default: \`T_max\` of CosineAnnealingDecay, \`milestones\` of MultiStepDecay, \`step_size\` of StepDecay, and \`gamma\` of ExponentialDecay, NaturalExpDecay and InverseTimeDecay (their docstrings say "Default: 0.1", their signatures do not). Leaving one out makes the constructor call fail with a TypeError before training starts.

The finding sits on the scheduler's name and names the missing parameter; write it with the value you intend (lrlens cannot guess one).`,
    invalid: [
      `lr_scheduler:
  name: ExponentialDecay
  learning_rate: 0.1
`,
    ],
    valid: [
      `lr_scheduler:
  name: ExponentialDecay
  learning_rate: 0.1
  gamma: 0.9
`,
    ],
    whenNotToUse: "Never: the constructor call fails.",
  },
};

export interface Data {
  className: string;
  param: string;
  raised: string;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const e of constructionErrors(s)) {
      if (specificRuleFor(e) !== meta.id || !e.error.param) continue;
      out.push({ span: linkAnchor(s, e.link), schedule: s, data: { className: e.link.spec.name, param: e.error.param, raised: e.error.message.trim() } });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, param, raised } = f.data;
  return `${className} needs \`${param}\`, which has no default: the constructor call fails with TypeError (${raised}) before training starts. Add \`${param}:\` with the value you intend.`;
}
