/**
 * The curve picture editors show (hover image, preview SVG): a displayed curve, optional extra
 * series, and its markers, drawn by the renderer; a renderer failure yields no picture and an error
 * naming the renderer, never a throw.
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
const plain = new WeakMap<CurveData, PictureResult>();

/** The SVG, or why the renderer could not draw it (a bug of ours, named so users can report it). */
export interface PictureResult {
  svg: string | undefined;
  error?: string;
}

export function curvePicture(curve: CurveData, opts: { mainLabel?: string; extra?: ExtraSeries[]; title?: string } = {}): string | undefined {
  return curvePictureResult(curve, opts).svg;
}

export function curvePictureResult(curve: CurveData, opts: { mainLabel?: string; extra?: ExtraSeries[]; title?: string } = {}): PictureResult {
  const isPlain = !opts.extra?.length && opts.mainLabel === undefined && opts.title === undefined;
  const cached = isPlain ? plain.get(curve) : undefined;
  if (cached) return cached;
  const result = render(curve, opts);
  if (isPlain) plain.set(curve, result);
  return result;
}

function render(curve: CurveData, opts: { mainLabel?: string; extra?: ExtraSeries[]; title?: string }): PictureResult {
  try {
    const svg = renderCurveSvg({
      width: PICTURE_WIDTH,
      height: PICTURE_HEIGHT,
      unit: curve.unit,
      title: opts.title,
      // The axis spans the whole run even where the curve stops early (a step error).
      xDomain: [0, Math.max(curve.length, 1)],
      series: [{ label: opts.mainLabel ?? "lr", x: curve.xs, y: curve.ys }, ...(opts.extra ?? []).map((e) => ({ label: e.label, x: e.xs, y: e.ys }))],
      markers: curve.markers.map((m) => ({ x: m.x, kind: m.kind, label: m.label })),
    });
    return { svg };
  } catch (e) {
    return { svg: undefined, error: `lrlens internal error in the SVG renderer: ${e instanceof Error ? e.message : String(e)}. The numbers are still right; please report this.` };
  }
}
