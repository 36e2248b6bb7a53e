/** `lrlens curve --format svg`: each schedule drawn exactly as the editor's preview and hover draw it (the core's `scheduleCurves`). */
import { scheduleCurves, type Analysis, type AnalyzedSchedule } from "@lrlens/core";
import { stepAt, type Unit } from "../commands/curve-values";

/** The schedule with its run cut (or extended) to `n` positions of its axis, as `--steps N` asks. */
function withLength(s: AnalyzedSchedule, unit: Unit, n: number): AnalyzedSchedule {
  const horizon = { steps: stepAt(s, unit, n - 1) + 1, from: "--steps" };
  if (unit === "step") return { ...s, horizon };
  const training = unit === "epoch" ? { epochs: n, key: "--steps" } : { iterations: n, key: "--steps" };
  return { ...s, horizon, training };
}

/** One SVG document per schedule of the analysis (empty string where a schedule cannot be drawn). */
export function scheduleSvgs(analysis: Analysis, lengths: { unit: Unit; n: number }[] | undefined): string[] {
  const schedules = lengths ? analysis.schedules.map((s, k) => withLength(s, lengths[k].unit, lengths[k].n)) : analysis.schedules;
  return scheduleCurves({ ...analysis, schedules }).map((c) => c.svg);
}
