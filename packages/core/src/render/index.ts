/** Chart rendering: SVG curves for hovers and previews, sparklines for decorations, and data URIs to embed them. */
export { renderCurveSvg } from "./curve-svg";
export type { ChartMarker, ChartSeries, ChartTheme, CurveSvgInput, MarkerKind } from "./types";
export { renderSparkline, type SparklineOptions } from "./sparkline";
export { svgDataUri } from "./data-uri";
