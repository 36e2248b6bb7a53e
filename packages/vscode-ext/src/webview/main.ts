/** The preview webview's script: renders the cards, paints each curve, runs the crosshair and forwards exports to the extension. */
import type { CurveSchedule } from "../../../lsp/src/protocol";
import type { FromWebview, PreviewState, ToWebview } from "../preview-protocol";
import { buildChart, markerLines, nearestIndex, readoutText, type Chart, type Layout } from "./chart-model";
import { renderCardsHtml } from "./cards-html";
import { paintChart, paintCrosshair, prepareCanvas, readPalette } from "./draw";

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const CHART_HEIGHT = 260;
const MARGINS = { left: 70, right: 16, top: 12, bottom: 40 };

const vscode = acquireVsCodeApi();
const cardsEl = document.getElementById("cards")!;
const statusEl = document.getElementById("status")!;
const logBox = document.getElementById("log-scale") as HTMLInputElement;
const titleEl = document.getElementById("title")!;

let schedules: CurveSchedule[] = [];
let state: PreviewState = vscode.getState() ?? { uri: "", logScale: logBox.checked };
logBox.checked = state.logScale;
const charts = new Map<number, { chart: Chart; layout: Layout }>();

function saveState(): void {
  vscode.setState(state);
}

function drawAll(): void {
  charts.clear();
  const palette = readPalette(document.body);
  for (const canvas of cardsEl.querySelectorAll<HTMLCanvasElement>("canvas.base")) {
    const index = Number(canvas.dataset.index);
    const s = schedules[index];
    const prepared = s && prepareCanvas(canvas, CHART_HEIGHT);
    if (!prepared) continue;
    const layout: Layout = { width: prepared.width, height: prepared.height, ...MARGINS };
    const chart = buildChart(s.points, layout, state.logScale);
    const readout = cardsEl.querySelector<HTMLElement>(`.readout[data-index="${index}"]`);
    if (!chart) {
      prepared.ctx.clearRect(0, 0, layout.width, layout.height);
      if (readout) readout.textContent = state.logScale ? "No positive LR to show on a log scale." : "Nothing to draw.";
      continue;
    }
    paintChart(prepared.ctx, chart, layout, markerLines(s.markers, chart.x), s.unit, palette);
    // The e2e test looks for this colour's pixels; it is the resolved theme colour the line was drawn with.
    canvas.dataset.stroke = palette.line;
    charts.set(index, { chart, layout });
    if (readout) readout.textContent = chart.hidden > 0 && state.logScale ? `${chart.hidden} point(s) at or below zero are not shown on the log scale.` : "\u00a0";
    const overlay = cardsEl.querySelector<HTMLCanvasElement>(`canvas.overlay[data-index="${index}"]`);
    if (overlay) prepareCanvas(overlay, CHART_HEIGHT);
  }
  cardsEl.dataset.rendered = String(charts.size);
}

function render(message: Extract<ToWebview, { type: "update" }>): void {
  schedules = message.schedules;
  const focusChanged = message.focusPath !== undefined && message.focusPath !== state.focusPath;
  state = { uri: message.uri, logScale: message.logScale ?? state.logScale, ...(message.focusPath !== undefined ? { focusPath: message.focusPath } : state.focusPath ? { focusPath: state.focusPath } : {}) };
  logBox.checked = state.logScale;
  saveState();
  titleEl.textContent = message.fileName;
  document.title = `LR curve: ${message.fileName}`;
  statusEl.textContent = "";
  statusEl.hidden = true;
  cardsEl.innerHTML = renderCardsHtml(schedules, state.focusPath);
  drawAll();
  if (focusChanged) cardsEl.querySelector(".card.focused")?.scrollIntoView({ block: "start" });
}

function onPointer(event: MouseEvent): void {
  const overlay = event.target as HTMLCanvasElement;
  const index = Number(overlay.dataset.index);
  const entry = charts.get(index);
  const s = schedules[index];
  const readout = cardsEl.querySelector<HTMLElement>(`.readout[data-index="${index}"]`);
  const ctx = overlay.getContext("2d");
  if (!entry || !s || !ctx) return;
  const rect = overlay.getBoundingClientRect();
  const x = entry.chart.x.fromPx(event.clientX - rect.left);
  const i = nearestIndex(s.points, x);
  const point = s.points[i];
  const y = point?.[1];
  const drawableY = typeof y === "number" && Number.isFinite(y) && (!state.logScale || y > 0);
  paintCrosshair(ctx, entry.layout, point && drawableY ? [entry.chart.x.toPx(point[0]), entry.chart.y.toPx(y)] : undefined, readPalette(document.body));
  if (readout && point) readout.textContent = readoutText(point, s.unit, s.stepsPerEpoch?.value ?? null);
}

cardsEl.addEventListener("mousemove", (event) => {
  if ((event.target as HTMLElement).matches("canvas.overlay")) onPointer(event);
});
cardsEl.addEventListener("mouseout", (event) => {
  const target = event.target as HTMLCanvasElement;
  if (!target.matches("canvas.overlay")) return;
  const entry = charts.get(Number(target.dataset.index));
  const ctx = target.getContext("2d");
  if (entry && ctx) paintCrosshair(ctx, entry.layout, undefined, readPalette(document.body));
});
cardsEl.addEventListener("click", (event) => {
  const el = (event.target as HTMLElement).closest<HTMLElement>("[data-action]");
  if (!el) return;
  event.preventDefault();
  const index = Number(el.dataset.index);
  if (el.dataset.action === "reveal") vscode.postMessage({ type: "reveal", index });
  if (el.dataset.action === "export-csv") vscode.postMessage({ type: "export-csv", index });
  if (el.dataset.action === "export-png") {
    const canvas = cardsEl.querySelector<HTMLCanvasElement>(`canvas.base[data-index="${index}"]`);
    if (canvas) vscode.postMessage({ type: "export-png", index, dataUrl: canvas.toDataURL("image/png") });
  }
});
logBox.addEventListener("change", () => {
  state = { ...state, logScale: logBox.checked };
  saveState();
  vscode.postMessage({ type: "log-scale", value: state.logScale });
  drawAll();
});
window.addEventListener("message", (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type === "update") render(message);
  else if (message?.type === "status") {
    statusEl.hidden = false;
    statusEl.textContent = message.message;
  }
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawAll, 50);
}).observe(cardsEl);
// The theme can change while the panel is open; VS Code swaps the body's class then.
new MutationObserver(drawAll).observe(document.body, { attributes: true, attributeFilter: ["class"] });

vscode.postMessage({ type: "ready" });
