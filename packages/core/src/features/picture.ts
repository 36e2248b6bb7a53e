/**
 * The curve picture editors show (hover image, preview SVG): a displayed curve, optional extra
 * series, and its markers, drawn by the renderer; a renderer failure yields no picture, never a throw.
 */
import { renderCurveSvg } from "../render/curve-svg";
import type { CurveData } from "./types";

export const PICTURE_WIDTH = 480;
export const PICTURE_HEIGHT = 160;

export interface ExtraSeries {
  label: string;
  xs: number[];
  ys: number[];
}

/** The plain picture of a curve is drawn once: hovers ask for it again and again. */
const plain = new WeakMap<CurveData, string | undefined>();

export function curvePicture(curve: CurveData, opts: { mainLabel?: string; extra?: ExtraSeries[]; title?: string } = {}): string | undefined {
  const isPlain = !opts.extra?.length && opts.mainLabel === undefined && opts.title === undefined;
  if (isPlain && plain.has(curve)) return plain.get(curve);
  const svg = render(curve, opts);
  if (isPlain) plain.set(curve, svg);
  return svg;
}

function render(curve: CurveData, opts: { mainLabel?: string; extra?: ExtraSeries[]; title?: string }): string | undefined {
  try {
    return renderCurveSvg({
      width: PICTURE_WIDTH,
      height: PICTURE_HEIGHT,
      unit: curve.unit,
      title: opts.title,
      // The axis spans the whole run even where the curve stops early (a step error).
      xDomain: [0, Math.max(curve.length, 1)],
      series: [{ label: opts.mainLabel ?? "lr", x: curve.xs, y: curve.ys }, ...(opts.extra ?? []).map((e) => ({ label: e.label, x: e.xs, y: e.ys }))],
      markers: curve.markers.map((m) => ({ x: m.x, kind: m.kind, label: m.label })),
    });
  } catch {
    return undefined;
  }
}
