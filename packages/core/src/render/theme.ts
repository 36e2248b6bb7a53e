/**
 * Colours for charts shown where the background is unknown. A hover `<img>` cannot know the editor
 * theme, so "auto" draws in mid-tones readable on white and on near-black, and a
 * `prefers-color-scheme: dark` block lifts them where the renderer reports a dark scheme. The
 * webview knows its theme and asks for "light" or "dark" explicitly.
 */
import type { Marker } from "../schedulers/types";

export type ChartTheme = "light" | "dark" | "auto";
export type MarkerKind = Marker["kind"];

export interface Palette {
  text: string;
  series: readonly string[];
  markers: Readonly<Record<MarkerKind, string>>;
  invalid: string;
}

const MARKERS_MID: Record<MarkerKind, string> = {
  "warmup-end": "#d08a00",
  milestone: "#d9534f",
  boundary: "#d9534f",
  period: "#8c6bd6",
  restart: "#8c6bd6",
  phase: "#2a9d8f",
  end: "#868686",
};

const PALETTES: Record<ChartTheme, Palette> = {
  auto: { text: "#868686", series: ["#3b82f6", "#e8743b", "#19a979", "#c94f9e", "#8c6bd6"], markers: MARKERS_MID, invalid: "#e5484d" },
  light: {
    text: "#555555",
    series: ["#1d64d8", "#c8561c", "#0f8a60", "#a8327d", "#6b4bbd"],
    markers: { ...MARKERS_MID, "warmup-end": "#b06f00", milestone: "#c0392b", boundary: "#c0392b", period: "#6b4bbd", restart: "#6b4bbd", phase: "#17806f", end: "#555555" },
    invalid: "#d11a2a",
  },
  dark: {
    text: "#bbbbbb",
    series: ["#5b9cff", "#ff9254", "#3fd19b", "#e873bd", "#a98bf0"],
    markers: { ...MARKERS_MID, "warmup-end": "#f0b429", milestone: "#ff7b72", boundary: "#ff7b72", period: "#b392f0", restart: "#b392f0", phase: "#4fd1c5", end: "#bbbbbb" },
    invalid: "#ff6b6b",
  },
};

/** Brighter variants the "auto" chart switches to under `prefers-color-scheme: dark`. */
const AUTO_DARK: Palette = { ...PALETTES.dark, text: "#9d9d9d" };

export function paletteOf(theme: ChartTheme | undefined): Palette {
  return PALETTES[theme ?? "auto"] ?? PALETTES.auto;
}

export const FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";

/** What a chart actually uses, so its style block carries only those rules (hover images are sent base64-encoded). */
export interface StyleUse {
  series: number;
  markers: Iterable<MarkerKind>;
}

function rules(p: Palette, use: StyleUse): string {
  let out = `.lr-text{fill:${p.text}}.lr-axis{stroke:${p.text}}.lr-grid{stroke:${p.text}}.lr-invalid{fill:${p.invalid}}`;
  for (let i = 0; i < Math.min(use.series, p.series.length); i++) out += `.lr-s${i}{stroke:${p.series[i]}}`;
  for (const k of new Set(use.markers)) out += `.lr-m-${k}{stroke:${p.markers[k]}}.lr-ml-${k}{fill:${p.markers[k]}}`;
  return out;
}

/** The chart's `<style>`: fixed colours for "light"/"dark", mid-tones plus a dark-scheme override for "auto". */
export function styleBlock(theme: ChartTheme | undefined, use: StyleUse): string {
  const t = theme ?? "auto";
  const base = rules(paletteOf(t), use);
  const media = t === "auto" ? `@media (prefers-color-scheme: dark){${rules(AUTO_DARK, use)}}` : "";
  return `<style>${base}${media}</style>`;
}
