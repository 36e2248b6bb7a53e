/** Code lenses above each schedule: `peak 0.007 · final 7e-05 · 2,500 steps`, or why it cannot be drawn. */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import { formatLr, formatSteps } from "../text/format";
import { curveOf } from "./curve-data";
import { anchorSpan } from "./locate";
import { inheritedThrough } from "./provenance";
import type { ScheduleLens } from "./types";

const MAX_ERROR_CHARS = 80;

/** One lens per schedule of the document (inherited blocks sit on the `_BASE_` entry that brings them). */
export function codeLenses(analysis: Analysis): ScheduleLens[] {
  const out: ScheduleLens[] = [];
  for (const s of analysis.schedules) {
    const span = anchorSpan(analysis, s) ?? inheritedThrough(analysis, s.node.span.uri);
    if (span) out.push({ span, title: lensTitle(s), path: s.path });
  }
  return out;
}

/** The lens text: the numbers people check first, in the unit the curve is drawn in. */
export function lensTitle(s: AnalyzedSchedule): string {
  const curve = curveOf(s);
  if ("error" in curve) {
    const e = curve.error.length > MAX_ERROR_CHARS ? `${curve.error.slice(0, MAX_ERROR_CHARS - 1)}…` : curve.error;
    return `⚠ no curve: ${e}`;
  }
  const unit = curve.length === 1 ? curve.unit : `${curve.unit}s`;
  const stop = curve.stepError ? " · ⚠ stops early" : "";
  return `peak ${formatLr(curve.peak)} · final ${formatLr(curve.final)} · ${formatSteps(curve.length)} ${unit}${stop}`;
}
