/** A tiny inline SVG of a curve's shape (default 64×14) for editor decorations beside a schedule. */
import { seriesPath } from "./series-path";
import { el, safeColor } from "./svg";
import { type ChartTheme, paletteOf } from "./theme";

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Hex colour or CSS colour name; otherwise the theme's first series colour. */
  color?: string;
  theme?: ChartTheme;
  /** Sample positions when they are not evenly spaced (e.g. `Sampled.steps`); default: the index. */
  x?: ArrayLike<number>;
}

function size(v: number | undefined, fallback: number): number {
  return Number.isFinite(v) && (v as number) >= 4 ? Math.min(2000, Math.round(v as number)) : fallback;
}

export function renderSparkline(y: ArrayLike<number>, opts: SparklineOptions = {}): string {
  const W = size(opts.width, 64);
  const H = size(opts.height, 14);
  const n = y.length;
  const xs: ArrayLike<number> = opts.x && opts.x.length >= n ? opts.x : Float64Array.from({ length: n }, (_, i) => i);
  let xlo = Infinity;
  let xhi = -Infinity;
  // The baseline is zero, so a decay to 1% of the peak looks like one.
  let ylo = 0;
  let yhi = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(y[i])) continue;
    xlo = Math.min(xlo, xs[i]);
    xhi = Math.max(xhi, xs[i]);
    ylo = Math.min(ylo, y[i]);
    yhi = Math.max(yhi, y[i]);
  }
  const pad = 1.5;
  const spanX = xhi - xlo;
  // A sample without a finite x maps nowhere (NaN), so the path skips it.
  const mapX = (v: number) => (!Number.isFinite(v) ? NaN : spanX > 0 ? pad + ((v - xlo) / spanX) * (W - 2 * pad) : W / 2);
  // Halves keep the span finite for values near ±1e308; a span too thin to divide by draws a level line.
  const halfSpan = yhi / 2 - ylo / 2;
  const flat = !(halfSpan > Math.max(Math.abs(ylo), Math.abs(yhi)) * 1e-12 && halfSpan > 1e-200);
  const mapY = (v: number) => (flat ? H / 2 : H - pad - ((v / 2 - ylo / 2) / halfSpan) * (H - 2 * pad));
  const path = seriesPath(xs, y, { mapX, mapY, stepped: false, log: false });
  const palette = paletteOf(opts.theme);
  const custom = safeColor(opts.color, "");
  const color = custom || palette.series[0];
  const dark = (opts.theme ?? "auto") === "auto" && !custom ? `<style>@media (prefers-color-scheme: dark){.lr-spark{stroke:${paletteOf("dark").series[0]}}}</style>` : "";
  const body =
    path.drawn > 0
      ? el("path", { class: "lr-spark", d: path.d, fill: "none", stroke: color, "stroke-width": "1.25", "stroke-linejoin": "round", "stroke-linecap": "round" })
      : el("path", { class: "lr-spark-empty", d: `M1 ${H / 2}H${W - 1}`, stroke: palette.text, "stroke-dasharray": "2 2" });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${dark}${body}</svg>`;
}
