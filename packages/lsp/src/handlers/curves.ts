/** `lrlens/curves`: every schedule of a document with sampled points and SVG, for the extension's previews. */
import { scheduleCurves } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toCurveSchedule } from "../convert";
import type { CurvesParams, CurvesResult } from "../protocol";

export function curves(ctx: HandlerContext, params: CurvesParams): CurvesResult {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap) return { schedules: [] };
  const requested = typeof params.maxPoints === "number" && Number.isFinite(params.maxPoints) ? Math.min(Math.max(params.maxPoints, 16), 4096) : undefined;
  const schedules = scheduleCurves(snap.analysis, { maxPoints: requested ?? snap.settings.maxPoints });
  return { schedules: schedules.map((c) => toCurveSchedule(c, snap.lineIndex)) };
}
