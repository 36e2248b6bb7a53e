/** Where a schedule's decay factors are written, for the rules about gamma. */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { Span } from "../../model/positions";
import { chainOf, num, paramSpan } from "./chain";
import { PPDET_PIECEWISE } from "./warmup";

/** The decay factors of a schedule (gamma, factor, PaddleDetection gamma entries; InverseTimeDecay's rate), with where each is written. */
export function decayFactors(s: AnalyzedSchedule): { className: string; key: string; gamma: number; span: Span }[] {
  const out: { className: string; key: string; gamma: number; span: Span }[] = [];
  for (const link of chainOf(s.spec)) {
    const name = link.spec.name;
    const param = name === "StepDecay" || name === "MultiStepDecay" ? "gamma" : name === "ReduceOnPlateau" ? "factor" : undefined;
    if (name === "InverseTimeDecay") {
      const g = num(link.spec.args.gamma);
      if (g !== undefined && g < 0) out.push({ className: name, key: s.argSources[`${link.prefix}gamma`]?.key ?? "gamma", gamma: g, span: paramSpan(s, link, "gamma") });
      continue;
    }
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

