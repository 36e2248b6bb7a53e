/** Rule: a piecewise schedule whose `values` do not number one more than its boundaries. */
import { chainOf } from "./support/chain";
import { constructionErrors } from "./support/paddle-errors";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "valid-piecewise-values",
  description: "PiecewiseDecay needs exactly one more value than boundaries.",
  category: "problem",
  severity: "warning",
  fixable: false,
  paddle: "ValueError: The values have one more element than boundaries, but received len(values) [n] < len(boundaries) + 1 [m].",
  docs: {
    details: `\`n\` boundaries cut the run into \`n + 1\` segments, one value each. With fewer values Paddle refuses to build the scheduler (an error: the suites' own configs hit it, e.g. a PaddleOCR piecewise section with as many values as decay epochs). With more, Paddle accepts the list but uses the **last** value after the last boundary and silently skips the ones in between (a warning).

PaddleOCR's and PaddleClas' \`Piecewise\` pass \`decay_epochs\` (times steps per epoch) as the boundaries.`,
    invalid: [
      `lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000, 3000]
  values: [0.1, 0.01, 0.001]
`,
      `lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000]
  values: [0.1, 0.01, 0.001]
`,
    ],
    valid: [
      `lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000]
  values: [0.1, 0.01, 0.001]
`,
    ],
    whenNotToUse: "Never when Paddle rejects the list; for extra values, only if the skipped values are there on purpose.",
  },
};

export interface Data {
  boundaries: number;
  values: number;
  boundariesKey: string;
  valuesKey: string;
  rejected: boolean;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const errors = constructionErrors(s);
    for (const link of chainOf(s.spec)) {
      if (link.spec.name !== "PiecewiseDecay") continue;
      const b = link.spec.args.boundaries;
      const v = link.spec.args.values;
      if (b?.type !== "list" || v?.type !== "list" || b.items.length === 0 || v.items.length === b.items.length + 1) continue;
      const vSrc = s.argSources[`${link.prefix}values`];
      const bSrc = s.argSources[`${link.prefix}boundaries`];
      const anchor = vSrc ?? bSrc;
      if (!anchor) continue;
      const rejected = v.items.length <= b.items.length && errors.some((e) => e.link.prefix === link.prefix);
      out.push({
        span: anchor.node.span,
        schedule: s,
        severity: rejected ? "error" : undefined,
        data: { boundaries: b.items.length, values: v.items.length, boundariesKey: bSrc?.key ?? "boundaries", valuesKey: vSrc?.key ?? "values", rejected },
      });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { boundaries, values, boundariesKey, valuesKey, rejected } = f.data;
  const need = boundaries + 1;
  if (rejected) {
    return `\`${valuesKey}\` has ${values} value${values === 1 ? "" : "s"} for ${boundaries} boundar${boundaries === 1 ? "y" : "ies"} (\`${boundariesKey}\`): PiecewiseDecay needs ${need} and raises ValueError at construction, so training does not start.`;
  }
  return `\`${valuesKey}\` has ${values} values for ${boundaries} boundar${boundaries === 1 ? "y" : "ies"} (\`${boundariesKey}\`): PiecewiseDecay uses the first ${boundaries} and then the last one, so ${values - need} value${values - need === 1 ? " is" : "s are"} silently skipped. Give exactly ${need}.`;
}
