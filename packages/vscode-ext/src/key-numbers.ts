/** The one-line summary of a curve (peak, final, length, steps per epoch) shown in hovers and preview cards. */
import type { CurveSchedule } from "../../lsp/src/protocol";
import { formatCount, formatLr } from "./format";

/** The key numbers of a schedule as one line: `peak 0.007 · final 7e-05 · 2,500 steps · 100 steps/epoch (setting)`. */
export function keyNumbers(s: CurveSchedule): string {
  const parts: string[] = [];
  const lrs = s.points.map((p) => p[1]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const peak = s.peak ?? (lrs.length ? Math.max(...lrs) : undefined);
  const final = s.final ?? (lrs.length ? lrs[lrs.length - 1] : undefined);
  if (peak !== undefined) parts.push(`peak ${formatLr(peak)}`);
  if (final !== undefined) parts.push(`final ${formatLr(final)}`);
  const total = s.totalSteps ?? (s.points.length ? s.points[s.points.length - 1][0] + 1 : undefined);
  if (total !== undefined) parts.push(`${formatCount(total)} ${unitPlural(s.unit)}`);
  const spe = s.stepsPerEpoch;
  if (spe && typeof spe.value === "number") parts.push(`${formatCount(spe.value)} steps/epoch (${spe.source})`);
  else if (spe) parts.push(`steps/epoch unknown`);
  return parts.join(" · ");
}

function unitPlural(unit: CurveSchedule["unit"]): string {
  return unit === "epoch" ? "epochs" : unit === "iteration" ? "iterations" : "steps";
}
