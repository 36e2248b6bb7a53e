/**
 * The inline preview's tiny curve as an SVG string. Drawn from `[step, lr]` pairs (not a uniform
 * array) because the server's points are downsampled unevenly, keeping drops and peaks; per pixel
 * column it keeps first/min/max/last so a one-step spike survives.
 */

export type CurvePoint = readonly [number, number | null];

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Stroke colour, `#rgb`/`#rrggbb`/`#rrggbbaa` only (anything else falls back to the default). */
  color?: string;
  /** Opacity of the area under the curve; 0 draws the line alone. */
  fillOpacity?: number;
  strokeWidth?: number;
}

const DEFAULTS = { width: 64, height: 14, color: "#3794ff", fillOpacity: 0.25, strokeWidth: 1.5 };
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

function safeColour(c: string | undefined): string {
  return c !== undefined && HEX_COLOUR.test(c) ? c : DEFAULTS.color;
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

/** Pixel polylines of the curve, one per run of finite values, reduced to ≤ 4 points per pixel column. */
export function sparklinePolylines(points: readonly CurvePoint[], width: number, height: number, pad: number): [number, number][][] {
  const finite = points.filter((p) => Number.isFinite(p[0]));
  const ys = finite.map((p) => p[1]).filter((y): y is number => y !== null && Number.isFinite(y));
  if (finite.length === 0 || ys.length === 0) return [];
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x] of finite) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); }
  for (const y of ys) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const flat = y1 === y0;
  const px = (x: number) => (x1 === x0 ? width / 2 : ((x - x0) / (x1 - x0)) * (width - 1) + 0.5);
  // A flat curve sits in the middle, so "constant" does not read as "zero".
  const py = (y: number) => (flat ? height / 2 : pad + (1 - (y - y0) / (y1 - y0)) * (height - 2 * pad));
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  let col = NaN, first: [number, number] | undefined, lo: [number, number] | undefined, hi: [number, number] | undefined, last: [number, number] | undefined;
  const flush = () => {
    if (!first) return;
    // first, lowest, highest, last of the column, deduplicated and in their original (x) order.
    const kept = [first, lo!, hi!, last!].filter((p, i, a) => a.indexOf(p) === i);
    kept.sort((a, b) => order.get(a)! - order.get(b)!);
    run.push(...kept);
    first = lo = hi = last = undefined;
  };
  const order = new Map<[number, number], number>();
  for (const [x, y] of finite) {
    if (y === null || !Number.isFinite(y)) {
      flush();
      if (run.length) runs.push(run);
      run = [];
      col = NaN;
      continue;
    }
    const p: [number, number] = [px(x), py(y)];
    order.set(p, order.size);
    const c = Math.floor(p[0]);
    if (c !== col) { flush(); col = c; }
    if (!first) first = lo = hi = p;
    if (p[1] > lo![1]) lo = p;
    if (p[1] < hi![1]) hi = p;
    last = p;
  }
  flush();
  if (run.length) runs.push(run);
  return runs;
}

/** The sparkline SVG document (no text, no user strings: nothing to escape). */
export function renderSparklineSvg(points: readonly CurvePoint[], options: SparklineOptions = {}): string {
  const width = options.width ?? DEFAULTS.width;
  const height = options.height ?? DEFAULTS.height;
  const color = safeColour(options.color);
  const fillOpacity = options.fillOpacity ?? DEFAULTS.fillOpacity;
  const strokeWidth = options.strokeWidth ?? DEFAULTS.strokeWidth;
  const runs = sparklinePolylines(points, width, height, strokeWidth);
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  if (runs.length === 0) return `${open}${noDataGlyph(width, height, color)}</svg>`;
  let line = "";
  let area = "";
  for (const run of runs) {
    const pts = run.length === 1 ? [run[0], [run[0][0] + 1, run[0][1]] as [number, number]] : run;
    line += `M${pts.map(([x, y]) => `${num(x)} ${num(y)}`).join("L")}`;
    area += `M${num(pts[0][0])} ${height}L${pts.map(([x, y]) => `${num(x)} ${num(y)}`).join("L")}L${num(pts[pts.length - 1][0])} ${height}Z`;
  }
  const fill = fillOpacity > 0 ? `<path d="${area}" fill="${color}" fill-opacity="${fillOpacity}" stroke="none"/>` : "";
  return `${open}${fill}<path d="${line}" fill="none" stroke="${color}" stroke-width="${strokeWidth}" stroke-linejoin="round" stroke-linecap="round"/></svg>`;
}

/** A dashed baseline: "no curve to show" (the schedule cannot be evaluated; its diagnostic says why). */
function noDataGlyph(width: number, height: number, color: string): string {
  const y = num(height / 2);
  return `<path d="M1 ${y}H${width - 1}" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3" fill="none"/>`;
}

/** An error mark for a schedule that cannot be evaluated: a small cross in the error colour. */
export function renderErrorGlyphSvg(color: string, size = 14): string {
  const c = safeColour(color);
  const a = 3, b = size - 3;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><path d="M${a} ${a}L${b} ${b}M${b} ${a}L${a} ${b}" stroke="${c}" stroke-width="2" stroke-linecap="round"/></svg>`;
}
