/** The preview's per-schedule cards as HTML (escaped; no inline styles or handlers, which the CSP would block anyway). */
import type { CurveSchedule } from "../../../lsp/src/protocol";
import { keyNumbers } from "../key-numbers";
import { escapeHtml } from "../preview-html";

const MARKER_NAMES: Record<string, string> = {
  "warmup-end": "warmup end",
  milestone: "milestone",
  boundary: "boundary",
  period: "period",
  restart: "restart",
  phase: "phase",
  end: "end",
};

function card(s: CurveSchedule, index: number, focused: boolean): string {
  const e = escapeHtml;
  const broken = s.error !== undefined || s.points.length === 0;
  const markers = (s.markers ?? []).filter((m) => m.kind !== "end");
  const legend = markers.length
    ? `<ul class="markers">${markers
        .slice(0, 40)
        .map((m) => `<li class="marker marker-${e(m.kind)}" title="${e(MARKER_NAMES[m.kind] ?? m.kind)}">${e(m.label || (MARKER_NAMES[m.kind] ?? m.kind))}</li>`)
        .join("")}${markers.length > 40 ? `<li class="marker">… ${markers.length - 40} more</li>` : ""}</ul>`
    : "";
  const body = broken
    ? `<p class="error">${e(s.error ?? "This schedule has no points to draw.")}</p>`
    : `<div class="plot"><canvas class="base" data-index="${index}" aria-label="LR curve of ${e(s.path)}" role="img"></canvas><canvas class="overlay" data-index="${index}"></canvas></div>
<div class="readout" data-index="${index}" aria-live="polite">&nbsp;</div>
${legend}
<div class="actions"><button type="button" data-action="export-png" data-index="${index}">Export PNG</button><button type="button" data-action="export-csv" data-index="${index}">Export CSV</button></div>`;
  return `<section class="card${focused ? " focused" : ""}" id="schedule-${index}" data-index="${index}">
<header><h2><a href="#" data-action="reveal" data-index="${index}">${e(s.path)}</a></h2><span class="dialect">${e(s.dialect)}</span></header>
<p class="scheduler">${e(s.scheduler)}</p>
<p class="numbers">${e(keyNumbers(s))}${s.definedIn ? ` · defined in ${e(s.definedIn)}` : ""}</p>
${body}
</section>`;
}

/** Every schedule's card, in order; `focusPath` marks the one a code lens or hover asked for. */
export function renderCardsHtml(schedules: readonly CurveSchedule[], focusPath?: string): string {
  if (schedules.length === 0) return `<p class="empty">No learning-rate schedule found in this file.</p>`;
  const focusIndex = focusPath === undefined ? -1 : schedules.findIndex((s) => s.path === focusPath);
  return schedules.map((s, i) => card(s, i, i === focusIndex)).join("\n");
}
