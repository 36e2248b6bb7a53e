/**
 * Limits checked once a schedule is known: the horizon cap (`Limits.maxHorizon`) and integer
 * arguments beyond 2^53, which the engine can only hold as the nearest double. Both are said in a
 * `limit-exceeded` diagnostic instead of silently drawing a different curve.
 */
import type { LoadedConfig } from "../config/types";
import { makeDiagnostic } from "../dialects/common/diagnostic";
import type { Schedule } from "../dialects/types";
import type { Diagnostic } from "../model/diagnostics";
import type { Span } from "../model/positions";

/** Where a schedule-wide finding is shown: the training-length key when it set the horizon, else the scheduler name. */
function scheduleSpan(s: Schedule, from: string): Span {
  if (s.training?.span && s.training.key === from) return s.training.span;
  const src = s.argSources[from];
  if (src) return src.keySpan;
  return s.nameSpan ?? s.entry?.keySpan ?? { uri: s.node.span.uri, start: s.node.span.start, end: s.node.span.start };
}

/** The horizon cut to `maxHorizon` steps, with the diagnostic that says so (undefined when within the cap). */
export function capHorizon(config: LoadedConfig, s: Schedule, horizon: { steps: number; from: string }, maxHorizon: number): { horizon: { steps: number; from: string }; diagnostic?: Diagnostic } {
  if (!(horizon.steps > maxHorizon)) return { horizon };
  const diagnostic = makeDiagnostic(config, {
    rule: "limit-exceeded",
    severity: "warning",
    message: `This schedule runs ${horizon.steps.toExponential(3)} steps (from ${horizon.from}), beyond maxHorizon = ${maxHorizon.toExponential(0)}: lrlens draws and checks only the first ${maxHorizon.toExponential(0)} steps.`,
    span: scheduleSpan(s, horizon.from),
  });
  return { horizon: { steps: maxHorizon, from: `${horizon.from}, capped at maxHorizon` }, diagnostic };
}

/** One information note per integer argument whose exact value a double cannot hold (|n| > 2^53). */
export function bigIntFindings(config: LoadedConfig, s: Schedule): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [arg, src] of Object.entries(s.argSources)) {
    // Lists (milestones, boundaries) are checked item by item; deeper structures hold no step counts.
    const nodes = src.node.kind === "seq" ? src.node.items : [src.node];
    for (const node of nodes) {
      if (node.kind !== "scalar" || node.value.type !== "int" || node.value.big === undefined) continue;
      // Some ints beyond 2^53 (powers of two, most even ones near it) are still exact doubles.
      if (BigInt(node.value.value).toString() === node.value.big) continue;
      out.push(
      makeDiagnostic(config, {
        rule: "limit-exceeded",
        severity: "information",
        message: `\`${arg}\` = ${node.value.big} is beyond 2^53, the largest integer a double holds exactly: lrlens computes with ${node.value.value} instead (Python would keep the exact int), so the curve is exact only to double precision.`,
          span: node.span,
        }),
      );
    }
  }
  return out;
}
