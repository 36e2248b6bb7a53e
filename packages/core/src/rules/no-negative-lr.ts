/** Rule: the learning rate becomes negative, NaN or infinite within the training run. */
import type { AnalyzedSchedule } from "../analysis/types";
import type { Span } from "../model/positions";
import { chainOf, linkAnchor, num, paramSpan } from "./support/chain";
import { evaluate, firstStepWhere, isBadLr, valueAtStep } from "./support/evaluate";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-negative-lr",
  description: "The learning rate becomes negative, NaN or infinite during training.",
  category: "problem",
  severity: "error",
  fixable: false,
  docs: {
    details: `A negative learning rate makes the optimizer climb the loss, NaN or infinity destroys the weights: training is certainly broken from that step on. Paddle does not check the values its schedulers produce, so this happens silently, for example with a negative \`gamma\` in MultiStepDecay or StepDecay (the sign flips at every drop), a negative \`gamma\` in InverseTimeDecay, a negative \`eta_min\` or \`end_lr\`, OneCycleLR's linear annealing overshooting at its last step, or a lambda that returns a negative factor.

The finding is placed on the parameter that causes it when lrlens can tell which one, and says at which step the LR first goes bad.`,
    invalid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [100, 200]
  gamma: -0.5
`,
    ],
    valid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [100, 200]
  gamma: 0.5
`,
    ],
    whenNotToUse: "Never.",
  },
};

export interface Data {
  step: number;
  value: number;
  horizon: number;
  horizonFrom: string;
  cause?: string;
}

/** The parameter that makes the LR go bad, when the chain shows an obvious one. */
function causeOf(s: AnalyzedSchedule): { span: Span; text: string } | undefined {
  for (const link of chainOf(s.spec)) {
    const a = link.spec.args;
    const at = (param: string, text: string) => ({ span: paramSpan(s, link, param), text });
    const gamma = num(a.gamma);
    if ((link.spec.name === "MultiStepDecay" || link.spec.name === "StepDecay") && gamma !== undefined && gamma < 0) return at("gamma", `gamma ${gamma} < 0 flips the sign at every drop`);
    if (link.spec.name === "InverseTimeDecay" && gamma !== undefined && gamma < 0) return at("gamma", `gamma ${gamma} < 0 makes 1 + gamma·t negative`);
    for (const p of ["eta_min", "end_lr", "end_learning_rate", "min_lr"]) {
      const v = num(a[p]);
      if (v !== undefined && v < 0) return at(p, `${p} ${v} is negative`);
    }
    const lr = num(a.learning_rate);
    if (link.spec.name === "LinearWarmup" && lr !== undefined && lr < 0) return at("learning_rate", `the LR after warmup, ${lr}, is negative`);
    if (link.spec.name === "OneCycleLR" && a.anneal_strategy?.type === "str" && a.anneal_strategy.value === "linear") return at("anneal_strategy", "linear annealing overshoots below end_learning_rate at the last step");
    if (a.lr_lambda?.type === "fn") return at("lr_lambda", "the lambda returns a negative or non-finite factor");
  }
  return undefined;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const e = evaluate(s);
    if (!e || e.firstBad === undefined) continue;
    const step = firstStepWhere(e, isBadLr);
    if (step === undefined) continue;
    const cause = causeOf(s);
    out.push({
      span: cause?.span ?? linkAnchor(s, chainOf(s.spec)[0]),
      schedule: s,
      data: { step, value: valueAtStep(e, step), horizon: e.n, horizonFrom: s.horizon.from, cause: cause?.text },
    });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { step, value, horizon, horizonFrom, cause } = f.data;
  const what = Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? `negative (${value})` : `${value}`;
  return `The learning rate becomes ${what} at step ${step} of ${horizon} (${horizonFrom})${cause ? `: ${cause}` : ""}. Training with it is broken from that step on.`;
}
