/**
 * The preview chart's geometry, free of the DOM: axes (linear or log), ticks, the curve as pixel
 * polylines, marker positions and the crosshair readout. The webview only paints what this returns.
 */
import type { CurveMarker } from "../../../lsp/src/protocol";
import { formatCount, formatLr } from "../format";

export type Point = readonly [number, number | null];

export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Axis {
  lo: number;
  hi: number;
  log: boolean;
  /** Value → pixel (x grows right, y grows down). */
  toPx(v: number): number;
  /** Pixel → value. */
  fromPx(px: number): number;
  ticks: number[];
}

export interface Chart {
  x: Axis;
  y: Axis;
  /** The curve in pixels, one polyline per run of drawable values. */
  runs: [number, number][][];
  /** Points the y axis cannot show (non-positive on a log scale, or not finite). */
  hidden: number;
}

/** Round tick values covering [lo, hi], about `count` of them (1, 2, 5 × 10^k steps). */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Powers of ten within [lo, hi] (both > 0); with 2 and 5 multiples when the range spans under two decades. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const ticks: number[] = [];
  const few = Math.log10(hi / lo) < 2;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of few ? [1, 2, 5] : [1]) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

function linearAxis(lo: number, hi: number, p0: number, p1: number, tickCount: number): Axis {
  const span = hi - lo || 1;
  return {
    lo, hi, log: false,
    toPx: (v) => p0 + ((v - lo) / span) * (p1 - p0),
    fromPx: (px) => lo + ((px - p0) / (p1 - p0)) * span,
    ticks: niceTicks(lo, hi, tickCount),
  };
}

function logAxis(lo: number, hi: number, p0: number, p1: number): Axis {
  const l0 = Math.log10(lo), span = Math.log10(hi) - l0 || 1;
  return {
    lo, hi, log: true,
    toPx: (v) => p0 + ((Math.log10(v) - l0) / span) * (p1 - p0),
    fromPx: (px) => 10 ** (l0 + ((px - p0) / (p1 - p0)) * span),
    ticks: logTicks(lo, hi),
  };
}

const drawable = (y: number | null, log: boolean): y is number => y !== null && Number.isFinite(y) && (!log || y > 0);

/** Lays the curve out in `layout`; undefined when there is nothing the chosen scale can draw. */
export function buildChart(points: readonly Point[], layout: Layout, logScale: boolean): Chart | undefined {
  const pts = points.filter((p) => Number.isFinite(p[0]));
  const ys = pts.map((p) => p[1]).filter((y): y is number => drawable(y, logScale));
  if (pts.length === 0 || ys.length === 0) return undefined;
  let xLo = Infinity, xHi = -Infinity, yLo = Infinity, yHi = -Infinity;
  for (const [x] of pts) { xLo = Math.min(xLo, x); xHi = Math.max(xHi, x); }
  for (const y of ys) { yLo = Math.min(yLo, y); yHi = Math.max(yHi, y); }
  const left = layout.left, right = layout.width - layout.right, top = layout.top, bottom = layout.height - layout.bottom;
  const x = linearAxis(Math.min(0, xLo), xHi > xLo ? xHi : xLo + 1, left, right, Math.max(2, Math.floor((right - left) / 90)));
  let y: Axis;
  if (logScale) {
    const lo = 10 ** Math.floor(Math.log10(yLo)), hi = 10 ** Math.ceil(Math.log10(yHi));
    y = logAxis(lo, hi > lo ? hi : lo * 10, bottom, top);
  } else {
    // LR charts read best from zero; a flat or negative curve still gets a visible band.
    const lo = Math.min(0, yLo);
    const hi = yHi > lo ? yHi + (yHi - lo) * 0.05 : lo + (Math.abs(lo) || 1);
    y = linearAxis(lo, hi, bottom, top, Math.max(2, Math.floor((bottom - top) / 40)));
  }
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  let hidden = 0;
  for (const [px, py] of pts) {
    if (!drawable(py, logScale)) {
      hidden++;
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    run.push([x.toPx(px), y.toPx(py)]);
  }
  if (run.length) runs.push(run);
  return { x, y, runs, hidden };
}

/** Index of the point whose x is nearest to `x` (points ascending in x); -1 for no points. */
export function nearestIndex(points: readonly Point[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0, hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[hi][0] - x) < Math.abs(points[lo][0] - x) ? hi : lo;
}

/** The crosshair text: `step 2,300 · epoch 23 · lr 0.0007` (the other axis unit only when steps per epoch is known). */
export function readoutText(point: Point, unit: "step" | "iteration" | "epoch", stepsPerEpoch: number | null): string {
  const [x, y] = point;
  const parts: string[] = [];
  if (unit === "epoch") {
    parts.push(`epoch ${formatCount(x)}`);
    if (stepsPerEpoch) parts.push(`step ${formatCount(x * stepsPerEpoch)}`);
  } else {
    parts.push(`${unit} ${formatCount(x)}`);
    if (stepsPerEpoch) parts.push(`epoch ${formatCount(Math.round((x / stepsPerEpoch) * 100) / 100)}`);
  }
  parts.push(`lr ${formatLr(y)}`);
  return parts.join(" · ");
}

export interface MarkerLine {
  px: number;
  kind: CurveMarker["kind"];
  label: string;
}

/** Markers inside the x range, as vertical lines; warmup end first so it is drawn on top of milestones. */
export function markerLines(markers: readonly CurveMarker[] | undefined, x: Axis): MarkerLine[] {
  return (markers ?? [])
    .filter((m) => Number.isFinite(m.step) && m.step >= x.lo && m.step <= x.hi && m.kind !== "end")
    .map((m) => ({ px: x.toPx(m.step), kind: m.kind, label: m.label }))
    .sort((a, b) => (a.kind === "warmup-end" ? 1 : 0) - (b.kind === "warmup-end" ? 1 : 0));
}
