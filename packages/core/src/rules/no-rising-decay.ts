/** Rule: a decay schedule that ends with a higher learning rate than it started with. */
import type { Span } from "../model/positions";
import { chainOf, linkAnchor, num, paramSpan, type ChainLink } from "./support/chain";
import { evaluate, valueAtStep } from "./support/evaluate";
import { warmupOf } from "./support/warmup";
import type { Finding, RuleContext, RuleMeta } from "./types";
import type { AnalyzedSchedule } from "../analysis/types";

export const meta: RuleMeta = {
  id: "no-rising-decay",
  description: "A decay schedule whose final learning rate is above its starting one.",
  category: "problem",
  severity: "warning",
  fixable: false,
  paddle: "Not checked by Paddle: PolynomialDecay accepts end_lr > learning_rate, CosineAnnealingDecay eta_min > learning_rate, LambdaDecay any factor.",
  docs: {
    details: `A scheduler named \`...Decay\` is meant to lower the LR. Paddle does not check that it does: \`PolynomialDecay\` with \`end_lr\` above \`learning_rate\` ramps up, \`CosineAnnealingDecay\` with \`eta_min\` above \`learning_rate\` dips the wrong way, a \`PiecewiseDecay\` whose values grow, or a lambda factor above 1, all end higher than they start. That is almost always a swapped pair of numbers or a wrong exponent. (Warmup is not counted: the start is the LR when the decay takes over.)`,
    invalid: [
      `lr_scheduler:
  name: PolynomialDecay
  learning_rate: 0.001
  decay_steps: 1000
  end_lr: 0.01
`,
    ],
    valid: [
      `lr_scheduler:
  name: PolynomialDecay
  learning_rate: 0.01
  decay_steps: 1000
  end_lr: 0.001
`,
    ],
    whenNotToUse: "When a rising 'decay' is intended (e.g. a LambdaDecay used as a warmup).",
  },
};

/** Classes that are decays by name but legitimately start low: NoamDecay has its own warmup; PaddleDetection's piecewise includes the warmup. */
const NOT_A_DECAY = new Set(["NoamDecay", "PPDetPiecewiseDecay"]);

export interface Data {
  className: string;
  start: number;
  final: number;
  startStep: number;
  horizon: number;
  cause?: string;
}

function decayLink(s: AnalyzedSchedule): ChainLink | undefined {
  const chain = chainOf(s.spec);
  const last = chain[chain.length - 1];
  return last && /Decay$/.test(last.spec.name) && !NOT_A_DECAY.has(last.spec.name) ? last : undefined;
}

function causeOf(s: AnalyzedSchedule, link: ChainLink): { span: Span; text: string } | undefined {
  const a = link.spec.args;
  const lr = num(a.learning_rate);
  const endLr = num(a.end_lr);
  const etaMin = num(a.eta_min);
  if (link.spec.name === "PolynomialDecay" && lr !== undefined && endLr !== undefined && endLr > lr) return { span: paramSpan(s, link, "end_lr"), text: `end_lr ${endLr} is above learning_rate ${lr}` };
  if (link.spec.name === "CosineAnnealingDecay" && lr !== undefined && etaMin !== undefined && etaMin > lr) return { span: paramSpan(s, link, "eta_min"), text: `eta_min ${etaMin} is above learning_rate ${lr}` };
  if (a.lr_lambda) return { span: paramSpan(s, link, "lr_lambda"), text: "the lambda's factor grows" };
  if (link.spec.name === "PiecewiseDecay") return { span: paramSpan(s, link, "values"), text: "the values grow" };
  return undefined;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const link = decayLink(s);
    const e = evaluate(s);
    if (!link || !e || e.error || e.firstBad !== undefined) continue;
    const w = link.depth > 0 ? warmupOf(s) : undefined;
    const startStep = w ? w.steps : 0;
    if (startStep >= e.n - 1) continue;
    const start = valueAtStep(e, startStep);
    const final = e.final;
    if (!(final > start * (1 + 1e-9))) continue;
    const cause = causeOf(s, link);
    out.push({ span: cause?.span ?? linkAnchor(s, link), schedule: s, data: { className: link.spec.name, start, final, startStep, horizon: e.n, cause: cause?.text } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, start, final, startStep, horizon, cause } = f.data;
  return `${className} ends higher than it starts: the LR goes from ${start} (step ${startStep}) to ${final} (step ${horizon - 1})${cause ? `, because ${cause}` : ""}. A decay should lower the LR; check for swapped values.`;
}
