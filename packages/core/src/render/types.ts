/** Inputs of the chart renderers: already-sampled series, markers and presentation options. */
import type { ChartTheme, MarkerKind } from "./theme";

export type { ChartTheme, MarkerKind } from "./theme";

export interface ChartSeries {
  /** Shown in the legend (with two or more series) and in the picture's accessible title. */
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /**
   * Draw as steps: each value holds until the next sample's x (for piecewise-constant schedules
   * sampled only where they change). Default false: straight segments between samples, which is
   * right for `Program.sample` output, where both sides of a discontinuity are already samples.
   */
  stepped?: boolean;
  /** A hex colour or CSS colour name; anything else falls back to the theme's palette. */
  color?: string;
}

export interface ChartMarker {
  /** On the x axis, in the series' unit. Markers outside the drawn range are left out. */
  x: number;
  kind: MarkerKind;
  label: string;
}

export interface CurveSvgInput {
  series: ChartSeries[];
  /** What one x unit is; labels the axis. Default "step". */
  unit?: "step" | "iteration" | "epoch";
  markers?: ChartMarker[];
  /** Log-scale y axis: values ≤ 0 cannot be drawn there and are marked as off-scale instead. */
  logY?: boolean;
  title?: string;
  subtitle?: string;
  /** Default 480 × 160. */
  width?: number;
  height?: number;
  /** "auto" (default): mid-tones plus a dark-scheme override, for `<img>` in hovers; the webview passes its theme. */
  theme?: ChartTheme;
  /** A range the x axis must cover (e.g. [0, total steps]); the data's own extent is always covered too. */
  xDomain?: [number, number];
}
