/** Paints a laid-out chart (see chart-model.ts) and its crosshair on a canvas, in the colours of the current VS Code theme. */
import { formatCount, formatLr } from "../format";
import type { Chart, Layout, MarkerLine } from "./chart-model";

export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  line: string;
  warmup: string;
  marker: string;
  font: string;
}

/** Theme colours from the CSS variables VS Code sets on the webview's body, with fallbacks for a bare browser. */
export function readPalette(el: HTMLElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v("--vscode-editor-background", "#1e1e1e"),
    foreground: v("--vscode-editor-foreground", "#cccccc"),
    muted: v("--vscode-descriptionForeground", "#9d9d9d"),
    grid: v("--vscode-editorIndentGuide-background1", v("--vscode-panel-border", "#404040")),
    line: v("--vscode-charts-blue", "#3794ff"),
    warmup: v("--vscode-charts-orange", "#d18616"),
    marker: v("--vscode-charts-purple", "#b180d7"),
    font: `${v("--vscode-font-size", "12px")} ${v("--vscode-font-family", "sans-serif")}`,
  };
}

/** Sizes the canvas's backing store to its CSS box × devicePixelRatio and returns a context in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, cssHeight: number): { ctx: CanvasRenderingContext2D; width: number; height: number } | undefined {
  const ctx = canvas.getContext("2d");
  if (!ctx) return undefined;
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(200, Math.floor(canvas.clientWidth || canvas.parentElement?.clientWidth || 600));
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(cssHeight * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height: cssHeight };
}

export function paintChart(ctx: CanvasRenderingContext2D, chart: Chart, layout: Layout, markers: MarkerLine[], unit: string, p: Palette): void {
  const { width, height } = layout;
  const left = layout.left, right = width - layout.right, top = layout.top, bottom = height - layout.bottom;
  // An opaque background, so an exported PNG looks like the panel.
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = p.font;
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.grid;
  ctx.fillStyle = p.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of chart.y.ticks) {
    const y = Math.round(chart.y.toPx(t)) + 0.5;
    ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(right, y); ctx.stroke();
    ctx.fillText(formatLr(t), left - 6, y);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of chart.x.ticks) {
    const x = Math.round(chart.x.toPx(t)) + 0.5;
    ctx.beginPath(); ctx.moveTo(x, bottom); ctx.lineTo(x, bottom + 4); ctx.stroke();
    ctx.fillText(formatCount(t), x, bottom + 6);
  }
  ctx.textAlign = "right";
  ctx.fillText(unit, right, bottom + 6 + 14);
  for (const m of markers) {
    const x = Math.round(m.px) + 0.5;
    ctx.strokeStyle = m.kind === "warmup-end" ? p.warmup : p.marker;
    ctx.setLineDash([4, 3]);
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, bottom); ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = p.line;
  ctx.lineWidth = 2;
  ctx.lineJoin = "round";
  for (const run of chart.runs) {
    ctx.beginPath();
    run.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (run.length === 1) ctx.lineTo(run[0][0] + 1, run[0][1]);
    ctx.stroke();
  }
}

export function paintCrosshair(ctx: CanvasRenderingContext2D, layout: Layout, at: [number, number] | undefined, p: Palette): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
  if (!at) return;
  const [x, y] = at;
  ctx.strokeStyle = p.foreground;
  ctx.globalAlpha = 0.6;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 2]);
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, layout.top); ctx.lineTo(Math.round(x) + 0.5, layout.height - layout.bottom);
  ctx.moveTo(layout.left, Math.round(y) + 0.5); ctx.lineTo(layout.width - layout.right, Math.round(y) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.fillStyle = p.line;
  ctx.beginPath(); ctx.arc(x, y, 3.5, 0, 2 * Math.PI); ctx.fill();
}
