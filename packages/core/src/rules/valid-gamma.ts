/** Rule: a decay factor (`gamma`, `factor`) that Paddle accepts but that grows, zeroes or flips the learning rate. */
import type { AnalyzedSchedule } from "../analysis/types";
import type { Span } from "../model/positions";
import { chainOf, num, paramSpan } from "./support/chain";
import { evaluate } from "./support/evaluate";
import { PPDET_PIECEWISE } from "./support/warmup";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "valid-gamma",
  description: "A decay factor ≤ 0 or ≥ 1 where Paddle does not reject it.",
  category: "problem",
  severity: "warning",
  fixable: false,
  paddle: "StepDecay and MultiStepDecay only check gamma < 1.0 (ValueError: gamma should be < 1.0.), ReduceOnPlateau only factor < 1.0; nothing checks the lower bound, and PaddleDetection's PiecewiseDecay checks neither.",
  docs: {
    details: `A multiplicative decay factor belongs in (0, 1): the LR is multiplied by it at every drop. \`0\` sets the LR to zero at the first drop, and the rest of training learns nothing; a negative factor flips its sign at every drop (reported as an error by \`no-negative-lr\` once it happens within training); a factor of 1 or more makes the "decay" keep or raise the LR. Paddle rejects \`gamma >= 1\` for StepDecay and MultiStepDecay itself (see \`valid-paddle-args\`), but not the lower bound, and PaddleDetection's \`PiecewiseDecay\` computes its values as \`base_lr × gamma\` without any check.`,
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

/** Gamma values to check, with where they are written. */
function gammas(s: AnalyzedSchedule): { className: string; key: string; gamma: number; span: Span }[] {
  const out: { className: string; key: string; gamma: number; span: Span }[] = [];
  for (const link of chainOf(s.spec)) {
    const name = link.spec.name;
    const param = name === "StepDecay" || name === "MultiStepDecay" ? "gamma" : name === "ReduceOnPlateau" ? "factor" : undefined;
    if (param) {
      const g = num(link.spec.args[param]);
      if (g !== undefined && g < 1) out.push({ className: name, key: s.argSources[`${link.prefix}${param}`]?.key ?? param, gamma: g, span: paramSpan(s, link, param) });
    }
    if (name === PPDET_PIECEWISE || (s.dialect === "paddledet" && name === "PiecewiseDecay")) {
      // PaddleDetection: values = base_lr × gamma (a scalar or one factor per milestone); the source of `values` is the YAML `gamma`.
      const src = s.argSources[`${link.prefix}values`];
      if (src?.key !== "gamma") continue;
      const nodes = src.node.kind === "seq" ? src.node.items : [src.node];
      for (const n of nodes) {
        if (n.kind !== "scalar") continue;
        const g = n.value.type === "int" || n.value.type === "float" ? n.value.value : undefined;
        if (g !== undefined) out.push({ className: "PiecewiseDecay", key: "gamma", gamma: g, span: n.span });
      }
    }
  }
  return out;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const g of gammas(s)) {
      if (g.gamma > 0 && g.gamma < 1) continue;
      // A negative factor that really makes the LR negative within training is no-negative-lr's error.
      if (g.gamma < 0 && evaluate(s)?.lr.some((y) => y < 0)) continue;
      out.push({ span: g.span, schedule: s, data: { className: g.className, key: g.key, gamma: g.gamma } });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, key, gamma } = f.data;
  const effect =
    gamma === 0
      ? "the LR becomes 0 at the first drop and the rest of training learns nothing"
      : gamma < 0
        ? "the LR changes sign at every drop"
        : gamma === 1
          ? "the LR never changes"
          : `the LR grows ×${gamma} at every drop instead of decaying`;
  return `${className} multiplies the LR by \`${key}\` = ${gamma} at each drop: ${effect}. A decay factor belongs in (0, 1), typically 0.1–0.5.`;
}
