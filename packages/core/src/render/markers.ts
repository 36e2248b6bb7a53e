/**
 * Places vertical schedule markers (warmup end, milestones, restarts...) and their small labels:
 * markers on the same pixel column merge, labels go into up to two rows above the plot, and a
 * label that fits in neither row is left out (its line keeps the text as a tooltip).
 */
import type { ChartMarker, MarkerKind } from "./types";
import { textWidth, truncate } from "./svg";

export const MARKER_LABEL_SIZE = 9;
const MAX_LABEL_CHARS = 18;
const GAP = 4;

export interface PlacedMarker {
  px: number;
  kind: MarkerKind;
  /** Every label merged into this line, for the tooltip. */
  labels: string[];
  /** The label drawn above the plot, if it found room. */
  label?: { text: string; x: number; anchor: "start" | "end"; row: number };
}

/**
 * @param left, right  the plot's pixel extent; markers outside it are dropped
 * @param maxRight     how far right a label may extend (the picture's edge)
 */
export function layoutMarkers(markers: readonly ChartMarker[], mapX: (v: number) => number, left: number, right: number, maxRight: number, maxRows = 2): { placed: PlacedMarker[]; rows: number } {
  const byColumn = new Map<string, PlacedMarker>();
  for (const m of markers) {
    const p = mapX(m.x);
    if (!Number.isFinite(p) || p < left - 0.5 || p > right + 0.5) continue;
    const key = `${Math.round(p)}|${m.kind}`;
    const existing = byColumn.get(key);
    if (existing) existing.labels.push(String(m.label));
    else byColumn.set(key, { px: Math.round(p * 100) / 100, kind: m.kind, labels: [String(m.label)] });
  }
  const placed = [...byColumn.values()].sort((a, b) => a.px - b.px);
  const rowEnds: number[] = [];
  let rows = 0;
  for (const m of placed) {
    const first = m.labels.find((l) => l.trim() !== "");
    if (first === undefined) continue;
    const text = truncate(m.labels.length > 1 ? `${shortLabel(first)} +${m.labels.length - 1}` : shortLabel(first), MAX_LABEL_CHARS);
    const w = textWidth(text, MARKER_LABEL_SIZE);
    const startFits = m.px + 3 + w <= maxRight;
    const [from, to] = startFits ? [m.px + 3, m.px + 3 + w] : [m.px - 3 - w, m.px - 3];
    for (let row = 0; row < maxRows; row++) {
      if (rowEnds[row] === undefined || from >= rowEnds[row] + GAP) {
        rowEnds[row] = to;
        m.label = { text, x: startFits ? m.px + 3 : m.px - 3, anchor: startFits ? "start" : "end", row };
        rows = Math.max(rows, row + 1);
        break;
      }
    }
  }
  return { placed, rows };
}

/** The tooltip of a merged marker line: its labels, shortened when a column holds many. */
export function markerTooltip(m: PlacedMarker): string {
  const shown = m.labels.slice(0, 5).join(", ");
  return m.labels.length > 5 ? `${shown} (+${m.labels.length - 5} more)` : shown;
}

/** A long label keeps its head (`milestone 400: × gamma^2` → `milestone 400`): a cut tail reads worse than none; the tooltip has it all. */
function shortLabel(label: string): string {
  if (label.length <= MAX_LABEL_CHARS) return label;
  const head = label.split(/:\s/)[0];
  return head.length < label.length ? head : label;
}
