/**
 * The data behind the `lrlens/curves` request: every schedule of a document with its sampled
 * points on the displayed axis, its SVG, markers and key numbers, for previews in a client.
 */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import { formatSpec } from "../schedulers";
import { curveOf, DEFAULT_MAX_POINTS, displayAxis } from "./curve-data";
import { anchorSpan, blockSpan } from "./locate";
import { curvePictureResult } from "./picture";
import { inheritedThrough } from "./provenance";
import type { CurveOptions, ScheduleCurve } from "./types";

export function scheduleCurves(analysis: Analysis, opts: CurveOptions = {}): ScheduleCurve[] {
  const maxPoints = Math.max(16, Math.floor(opts.maxPoints ?? DEFAULT_MAX_POINTS));
  return analysis.schedules.map((s) => scheduleCurve(analysis, s, maxPoints));
}

function scheduleCurve(analysis: Analysis, s: AnalyzedSchedule, maxPoints: number): ScheduleCurve {
  const span = blockSpan(analysis, s) ?? anchorSpan(analysis, s) ?? inheritedThrough(analysis, s.node.span.uri) ?? { uri: analysis.uri, start: 0, end: 0 };
  const base: ScheduleCurve = {
    path: s.path,
    span,
    dialect: s.dialect,
    scheduler: s.spec ? formatSpec(s.spec) : s.name ?? s.kind,
    unit: displayAxis(s).unit,
    stepsPerEpoch: { value: s.stepsPerEpoch.value ?? null, source: s.stepsPerEpoch.source, detail: s.stepsPerEpoch.detail },
    points: [],
    svg: "",
    markers: [],
  };
  if (s.node.span.uri !== analysis.uri) base.definedIn = s.node.span.uri;
  const curve = curveOf(s, maxPoints);
  if ("error" in curve) return { ...base, error: curve.error };
  const points: [number, number][] = [];
  // JSON has no NaN or Infinity: such values would arrive as null and break a client's plot.
  for (let i = 0; i < curve.xs.length; i++) if (Number.isFinite(curve.ys[i]) && Number.isFinite(curve.xs[i])) points.push([curve.xs[i], curve.ys[i]]);
  const picture = curvePictureResult(curve);
  const out: ScheduleCurve = {
    ...base,
    unit: curve.unit,
    points,
    svg: picture.svg ?? "",
    markers: curve.markers.map((m) => ({ step: m.x, kind: m.kind, label: m.label })),
    totalSteps: curve.totalSteps,
  };
  if (Number.isFinite(curve.peak)) out.peak = curve.peak;
  if (Number.isFinite(curve.final)) out.final = curve.final;
  if (curve.stepError) out.error = curve.stepError;
  else if (picture.error) out.error = picture.error;
  return out;
}
