/**
 * Shapes `lrlens/curves` results into inline previews: one sparkline icon per schedule, placed at
 * the end of the schedule's first line, with a hover holding the full curve and its key numbers.
 */
import type { CurveSchedule } from "../../lsp/src/protocol";
import { svgDataUri } from "../../core/src/render/data-uri";
import { renderSparkline } from "../../core/src/render/sparkline";
import { renderErrorGlyphSvg } from "./error-glyph";
import { keyNumbers } from "./key-numbers";
import { escapeMarkdown, truncate } from "./markdown";
import { previewColors } from "./theme-colors";

export const SPARKLINE_SIZE = { width: 64, height: 14 } as const;
/** The only command a preview hover may link to (the hover's markdown is trusted for it alone). */
export const SHOW_CURVE_COMMAND = "lrlens.showCurve";

export interface InlinePreview {
  /** 0-based line of `range.start`; the icon goes after the line's last character. */
  line: number;
  path: string;
  /** `data:image/svg+xml;base64,…` of the sparkline (or of an error mark). */
  iconUri: string;
  hoverMarkdown: string;
}

/** One preview per schedule, in document order. */
export function buildInlinePreviews(documentUri: string, schedules: readonly CurveSchedule[], themeKind: number): InlinePreview[] {
  const colors = previewColors(themeKind);
  return schedules
    .filter((s) => Number.isInteger(s.range?.start?.line) && s.range.start.line >= 0)
    .map((s) => {
      const broken = s.error !== undefined || s.points.length === 0;
      const svg = broken ? renderErrorGlyphSvg(colors.error, SPARKLINE_SIZE.height) : sparkline(s.points, SPARKLINE_SIZE.width, SPARKLINE_SIZE.height, colors.line);
      return { line: s.range.start.line, path: s.path, iconUri: svgDataUri(svg), hoverMarkdown: scheduleHoverMarkdown(documentUri, s, themeKind) };
    })
    .sort((a, b) => a.line - b.line);
}

/** The hover of one preview. Every string that came from the config is escaped. */
export function scheduleHoverMarkdown(documentUri: string, s: CurveSchedule, themeKind: number): string {
  const lines: string[] = [];
  lines.push(`**LR schedule** ${escapeMarkdown(s.path)} · ${escapeMarkdown(s.dialect)}`);
  if (s.scheduler) lines.push(escapeMarkdown(truncate(s.scheduler, 400)));
  if (s.error !== undefined) {
    lines.push(`**Cannot evaluate:** ${escapeMarkdown(truncate(s.error, 600))}`);
  } else {
    lines.push(`![LR curve of ${escapeMarkdown(s.path)}](${curveImageUri(s, themeKind)})`);
    lines.push(escapeMarkdown(keyNumbers(s)));
  }
  if (s.definedIn) lines.push(`Defined in ${escapeMarkdown(s.definedIn)}`);
  const args = encodeURIComponent(JSON.stringify([documentUri, s.path]));
  lines.push(`[Open LR preview](command:${SHOW_CURVE_COMMAND}?${args})`);
  return lines.join("\n\n");
}

/**
 * The core's sparkline drawn at the steps the points are at (the server samples unevenly, keeping
 * drops and peaks); a missing LR (JSON has no NaN) becomes a gap.
 */
function sparkline(points: CurveSchedule["points"], width: number, height: number, color: string): string {
  const x = Float64Array.from(points, (p) => p[0]);
  const y = Float64Array.from(points, (p) => (typeof p[1] === "number" ? p[1] : NaN));
  return renderSparkline(y, { x, width, height, color });
}

/** The server's own SVG when it sent one, else a larger sparkline drawn here. */
function curveImageUri(s: CurveSchedule, themeKind: number): string {
  const svg = typeof s.svg === "string" && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(s.svg) ? s.svg : sparkline(s.points, 480, 160, previewColors(themeKind).line);
  return svgDataUri(svg);
}
