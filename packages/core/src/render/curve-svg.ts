/**
 * The learning-rate chart shown in hovers, the preview panel and `lrlens curve --format svg`: a
 * standalone SVG document (default 480×160) of one or more sampled series with nice axes,
 * optional log scale, dashed schedule markers and a title line. Pure string output; every
 * user-derived string is escaped, and no input (empty, constant, NaN, ±Infinity) breaks it.
 */
import { formatXTicks, formatYTicks } from "./axis-format";
import { layoutMarkers, MARKER_LABEL_SIZE, markerTooltip } from "./markers";
import { type Gap, seriesPath } from "./series-path";
import { linearScale, logScale, type Scale } from "./scale";
import { el, px, safeColor, text, textWidth, title, truncate } from "./svg";
import { FONT_FAMILY, paletteOf, styleBlock } from "./theme";
import type { ChartSeries, CurveSvgInput } from "./types";

export type { ChartMarker, ChartSeries, CurveSvgInput } from "./types";

const TICK_SIZE = 10;
const TITLE_SIZE = 11;
const ROW_HEIGHT = 11;
const UNIT_LABEL: Record<string, string> = { step: "steps", iteration: "iterations", epoch: "epochs" };

/** [min, max] of the finite values of one axis over all series (y: only where x is finite too; positive only for log). */
function extent(series: readonly ChartSeries[], axis: "x" | "y", positiveOnly = false): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    const values = axis === "x" ? s.x : s.y;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!Number.isFinite(s.x[i]) || !Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

function clampSize(v: number | undefined, fallback: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v as number))) : fallback;
}

export function renderCurveSvg(input: CurveSvgInput): string {
  const W = clampSize(input.width, 480, 120, 4000);
  const H = clampSize(input.height, 160, 60, 3000);
  // Defensive against callers outside TypeScript: a malformed entry is skipped, never a crash.
  const series = (Array.isArray(input.series) ? input.series : []).filter((s) => s && s.x && s.y && typeof s.x.length === "number" && typeof s.y.length === "number");
  const markers = (Array.isArray(input.markers) ? input.markers : []).filter((m) => m && typeof m.x === "number");
  const palette = paletteOf(input.theme);
  const log = input.logY === true;
  const unit = UNIT_LABEL[input.unit ?? "step"] ?? "steps";
  const hasHeader = Boolean(input.title || input.subtitle || series.length > 1);

  // y ticks do not depend on the pixel range, so the label width (hence the left margin) is known first.
  const yCount = Math.min(8, Math.max(3, Math.round((H - 60) / 30)));
  const yData = extent(series, "y", log);
  const yScaleAt = (from: number, to: number): Scale => {
    if (log) return yData ? logScale(yData[0], yData[1], from, to, yCount) : logScale(1e-4, 1e-1, from, to, yCount);
    const [lo, hi] = yData ?? [0, 1];
    return linearScale(Math.min(0, lo), Math.max(0, hi), from, to, yCount, true);
  };
  const yLabels = ((s: Scale) => formatYTicks(s.ticks, s.step))(yScaleAt(1, 0));
  const left = Math.min(90, Math.max(30, Math.ceil(Math.max(0, ...yLabels.map((l) => textWidth(l, TICK_SIZE)))) + 10));
  const right = W - 12;

  const xData = extent(series, "x");
  const want = Array.isArray(input.xDomain) && input.xDomain.every(Number.isFinite) ? input.xDomain : undefined;
  const xLo = Math.min(xData?.[0] ?? 0, want?.[0] ?? Infinity);
  const xHi = Math.max(xData?.[1] ?? (want ? -Infinity : 1), want?.[1] ?? -Infinity);
  const xScale = linearScale(xLo, xHi, left, right, Math.max(2, Math.floor((right - left) / 70)), false);

  const laid = layoutMarkers(markers, xScale.map, left, right, W - 2);
  const top = 6 + (hasHeader ? 16 : 0) + laid.rows * ROW_HEIGHT + (laid.rows ? 2 : 0);
  const bottom = H - 18;
  const yScale = yScaleAt(bottom, top);

  const parts: string[] = [];
  // Grid, zero line and axes.
  parts.push(el("path", { class: "lr-grid", stroke: palette.text, "stroke-opacity": "0.18", d: yScale.ticks.map((t) => `M${px(left)} ${px(yScale.map(t))}H${px(right)}`).join("") }));
  if (!log && yScale.lo < 0 && yScale.hi > 0) parts.push(el("path", { class: "lr-axis", stroke: palette.text, "stroke-opacity": "0.5", d: `M${px(left)} ${px(yScale.map(0))}H${px(right)}` }));
  parts.push(el("path", { class: "lr-axis", stroke: palette.text, fill: "none", d: `M${px(left)} ${px(top)}V${px(bottom)}H${px(right)}` }));
  parts.push(yAxisLabels(yScale, yLabels, left, palette.text));
  parts.push(xAxis(xScale, bottom, W, H, unit, palette.text));

  // Samples that cannot be drawn, then markers, then the curves on top.
  const paths = series.map((s, i) => ({ s, i, path: seriesPath(s.x, s.y, { mapX: xScale.map, mapY: yScale.map, stepped: s.stepped === true, log }) }));
  for (const { path } of paths) for (const g of path.gaps) parts.push(gapBand(g, top, bottom, palette.invalid));
  for (const m of laid.placed) {
    const color = palette.markers[m.kind] ?? palette.text;
    parts.push(el("line", { class: `lr-marker lr-m-${m.kind}`, x1: m.px, y1: top, x2: m.px, y2: bottom, stroke: color, "stroke-dasharray": "3 2" }, title(markerTooltip(m))));
    if (m.label) {
      const y = top - 4 - m.label.row * ROW_HEIGHT;
      parts.push(text({ class: `lr-marker-label lr-ml-${m.kind}`, x: m.label.x, y, "text-anchor": m.label.anchor, "font-size": MARKER_LABEL_SIZE, fill: color }, m.label.text));
    }
  }
  for (const { s, i, path } of paths) {
    const custom = s.color !== undefined && safeColor(s.color, "") !== "";
    const color = custom ? safeColor(s.color, "") : palette.series[i % palette.series.length];
    parts.push(el("path", { class: custom ? "lr-curve" : `lr-curve lr-s${i % palette.series.length}`, d: path.d, stroke: color, style: custom ? `stroke:${color}` : undefined, "stroke-width": "1.5", "stroke-linejoin": "round", "stroke-linecap": "round", fill: "none" }));
  }
  if (paths.every((p) => p.path.drawn === 0)) {
    parts.push(text({ class: "lr-text", x: (left + right) / 2, y: (top + bottom) / 2, "text-anchor": "middle", "font-size": TICK_SIZE, fill: palette.text }, series.length ? "no drawable values" : "no data"));
  }
  if (hasHeader) parts.push(header(input, series, W, palette));

  const label = [input.title || "Learning-rate curve", ...series.map((s) => String(s.label))].filter(Boolean).join(" — ");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" font-family="${FONT_FAMILY}">` +
    title(truncate(label, 300)) +
    styleBlock(input.theme, { series: series.length, markers: laid.placed.map((m) => m.kind) }) +
    parts.join("") +
    "</svg>"
  );
}

function yAxisLabels(scale: Scale, labels: string[], left: number, color: string): string {
  return scale.ticks.map((t, i) => text({ class: "lr-text", x: left - 4, y: scale.map(t) + 3.5, "text-anchor": "end", "font-size": TICK_SIZE, fill: color }, labels[i])).join("");
}

/** Tick marks and labels on x, skipping labels that would overlap a neighbour or the unit label. */
function xAxis(scale: Scale, bottom: number, W: number, H: number, unit: string, color: string): string {
  const labels = formatXTicks(scale.ticks);
  const unitWidth = textWidth(unit, TICK_SIZE);
  const out = [el("path", { class: "lr-axis", stroke: color, d: scale.ticks.map((t) => `M${px(scale.map(t))} ${px(bottom)}v3`).join("") })];
  let lastEnd = -Infinity;
  scale.ticks.forEach((t, i) => {
    const x = scale.map(t);
    const w = textWidth(labels[i], TICK_SIZE);
    const anchor = x - w / 2 < 2 ? "start" : "middle";
    const from = anchor === "start" ? x : x - w / 2;
    if (from < lastEnd + 6 || from + w > W - 4 - unitWidth - 6) return;
    lastEnd = from + w;
    out.push(text({ class: "lr-text", x, y: H - 5, "text-anchor": anchor, "font-size": TICK_SIZE, fill: color }, labels[i]));
  });
  out.push(text({ class: "lr-text", x: W - 4, y: H - 5, "text-anchor": "end", "font-size": TICK_SIZE, fill: color, "fill-opacity": "0.8" }, unit));
  return out.join("");
}

function gapBand(g: Gap, top: number, bottom: number, color: string): string {
  const from = Math.min(g.from, g.to) - 1;
  const width = Math.max(2, Math.abs(g.to - g.from) + 2);
  const what = g.kind === "off-scale" ? `${g.count} value(s) ≤ 0, not shown on a log scale` : `${g.count} value(s) NaN or infinite, not drawn`;
  return el("rect", { class: "lr-invalid", x: from, y: top, width, height: bottom - top, fill: color, "fill-opacity": "0.18" }, title(what));
}

/** Title and subtitle on the left, a legend on the right when there are several series. */
function header(input: CurveSvgInput, series: readonly ChartSeries[], W: number, palette: ReturnType<typeof paletteOf>): string {
  const out: string[] = [];
  let legendStart = W - 4;
  if (series.length > 1) {
    const entries = series.slice(0, 5).map((s, i) => {
      const custom = safeColor(s.color, "");
      return { label: truncate(String(s.label), 20), color: custom || palette.series[i], cls: custom ? undefined : `lr-s${i}` };
    });
    for (let i = entries.length - 1; i >= 0; i--) {
      const w = textWidth(entries[i].label, TICK_SIZE);
      if (legendStart - w - 16 < W / 2) break;
      legendStart -= w + 16;
      out.push(el("path", { class: entries[i].cls, d: `M${px(legendStart)} 10H${px(legendStart + 10)}`, stroke: entries[i].color, "stroke-width": "2" }));
      out.push(text({ class: "lr-text", x: legendStart + 13, y: 13.5, "font-size": TICK_SIZE, fill: palette.text }, entries[i].label));
      legendStart -= 6;
    }
  }
  const room = Math.max(10, Math.floor((legendStart - 8) / (TITLE_SIZE * 0.66)));
  const titleText = truncate(String(input.title ?? ""), room);
  if (titleText) out.push(text({ class: "lr-text lr-title", x: 4, y: 13, "font-size": TITLE_SIZE, "font-weight": "600", fill: palette.text }, titleText));
  const used = titleText ? Array.from(titleText).length + 2 : 0;
  const sub = input.subtitle ? truncate(String(input.subtitle), Math.max(0, room - used)) : "";
  if (sub) out.push(text({ class: "lr-text lr-subtitle", x: 4 + textWidth(titleText, TITLE_SIZE, true) + (titleText ? 8 : 0), y: 13, "font-size": TICK_SIZE, fill: palette.text, "fill-opacity": "0.85" }, sub));
  return out.join("");
}
