/**
 * Inlay hints: the LR after each milestone or boundary and at the end of warmup, and the step
 * count an epoch-valued parameter stands for once multiplied by steps per epoch.
 */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import type { ConfigNode } from "../config/types";
import type { ArgSource } from "../dialects/types";
import type { Program } from "../schedulers/types";
import { formatLr, formatSteps } from "../text/format";
import { curveOf, programOf } from "./curve-data";
import { argAt, clockOffset, numberOf, ownerOf } from "./spec-args";
import type { InlayHintItem } from "./types";

const LIST_PARAMS = new Set(["milestones", "boundaries"]);
/** Long lists (1e5 milestones) get hints on their first items only. */
const MAX_LIST_HINTS = 200;

export function inlayHints(analysis: Analysis, range?: { start: number; end: number }): InlayHintItem[] {
  const out: InlayHintItem[] = [];
  const seen = new Set<string>();
  const push = (h: InlayHintItem) => {
    const key = `${h.offset}|${h.label}`;
    if (seen.has(key) || (range && (h.offset < range.start || h.offset > range.end))) return;
    seen.add(key);
    out.push(h);
  };
  for (const s of analysis.schedules) {
    const program = programOf(s);
    if (!program || !s.spec) continue;
    for (const [argPath, src] of Object.entries(s.argSources)) {
      if (src.node.span.uri !== analysis.uri) continue;
      const owner = ownerOf(s.spec, argPath);
      if (!owner) continue;
      if (LIST_PARAMS.has(owner.param) && src.node.kind === "seq") {
        if (src.transform === "derived") markerHints(s, src, push);
        else listHints(s, program, argPath, src, push);
      } else if (owner.param === "warmup_steps") warmupHint(s, program, argPath, src, push);
      else if (src.transform === "scaled") stepsHint(s, argPath, src, push);
    }
    trainingHint(analysis, s, push);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const known = (s: AnalyzedSchedule) => s.stepsPerEpoch.source !== "unknown";
const unitOf = (s: AnalyzedSchedule) => (s.stepping.per === "step" ? "steps" : s.stepping.per === "epoch" ? "epochs" : "iterations");

function valueAt(program: Program, step: number): number | undefined {
  try {
    const v = program.valueAt(step);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function listHints(s: AnalyzedSchedule, program: Program, argPath: string, src: ArgSource, push: (h: InlayHintItem) => void): void {
  // A derived list (PaddleDetection materialises warmup into extra boundaries) has no item-to-item mapping.
  if (src.transform === "derived" || src.node.kind !== "seq") return;
  const spec = argAt(s.spec!, argPath);
  if (!spec || spec.type !== "list" || spec.items.length !== src.node.items.length) return;
  const offset = clockOffset(s.spec!, argPath);
  const n = s.horizon.steps;
  src.node.items.slice(0, MAX_LIST_HINTS).forEach((item, i) => {
    const v = numberOf(spec.items[i]);
    if (v === undefined || item.span.uri !== src.node.span.uri) return;
    const step = offset + v;
    if (src.transform === "scaled" && known(s)) push({ offset: item.span.end, label: `= ${formatSteps(v)} ${unitOf(s)}`, kind: "steps" });
    if (step >= n) {
      push({ offset: item.span.end, label: "→ never (after the end)", kind: "lr", tooltip: `Training ends after ${formatSteps(n)} scheduler steps; this one is at step ${formatSteps(step)}.` });
      return;
    }
    const lr = valueAt(program, step);
    if (lr !== undefined) push({ offset: item.span.end, label: `→ ${formatLr(lr)}`, kind: "lr", tooltip: `LR from scheduler step ${formatSteps(step)} on${offset ? ` (counted from the end of warmup at ${formatSteps(offset)})` : ""}.` });
  });
}

/**
 * A list the suite turns into something else (PaddleDetection appends `milestone × steps per
 * epoch` after one boundary per warmup step): pair its items with the curve's milestone markers,
 * in order, when there are as many of each.
 */
function markerHints(s: AnalyzedSchedule, src: ArgSource, push: (h: InlayHintItem) => void): void {
  if (src.node.kind !== "seq") return;
  const curve = curveOf(s);
  if ("error" in curve) return;
  const drops = curve.markers.filter((m) => m.kind === "milestone" || m.kind === "boundary");
  if (drops.length !== src.node.items.length) return;
  const unit = curve.unit === "step" ? "steps" : `${curve.unit}s`;
  src.node.items.slice(0, MAX_LIST_HINTS).forEach((item, i) => {
    if (item.span.uri !== src.node.span.uri) return;
    if (curve.unit !== "epoch") push({ offset: item.span.end, label: `= ${formatSteps(drops[i].x)} ${unit}`, kind: "steps" });
    if (Number.isFinite(drops[i].lr)) push({ offset: item.span.end, label: `→ ${formatLr(drops[i].lr)}`, kind: "lr", tooltip: `LR from ${curve.unit} ${formatSteps(drops[i].x)} on.` });
  });
}

function warmupHint(s: AnalyzedSchedule, program: Program, argPath: string, src: ArgSource, push: (h: InlayHintItem) => void): void {
  const steps = numberOf(argAt(s.spec!, argPath));
  if (steps === undefined || src.node.kind !== "scalar") return;
  const at = src.node.span.end;
  if (src.transform !== "identity" && known(s)) push({ offset: at, label: `= ${formatSteps(steps)} ${unitOf(s)}`, kind: "steps" });
  const lr = valueAt(program, Math.max(0, steps));
  if (lr !== undefined) push({ offset: at, label: `→ ${formatLr(lr)}`, kind: "lr", tooltip: `LR when warmup ends, after ${formatSteps(steps)} scheduler steps.` });
}

function stepsHint(s: AnalyzedSchedule, argPath: string, src: ArgSource, push: (h: InlayHintItem) => void): void {
  const v = numberOf(argAt(s.spec!, argPath));
  if (v === undefined || src.node.kind !== "scalar" || !known(s)) return;
  push({ offset: src.node.span.end, label: `= ${formatSteps(v)} ${unitOf(s)}`, kind: "steps", tooltip: `${src.key} × ${formatSteps(src.factor ?? s.stepsPerEpoch.value ?? 0)} steps per epoch (${s.stepsPerEpoch.source}).` });
}

/** `epoch_num: 500` → `= 627,000 iterations` when steps per epoch is known (after the value). */
function trainingHint(analysis: Analysis, s: AnalyzedSchedule, push: (h: InlayHintItem) => void): void {
  const t = s.training;
  const spe = s.stepsPerEpoch.value;
  if (!t || t.epochs === undefined || spe === undefined) return;
  const value = valueNodeAt(analysis, t.key);
  if (!value || value.span.uri !== analysis.uri) return;
  push({ offset: value.span.end, label: `= ${formatSteps(t.epochs * spe)} iterations`, kind: "steps", tooltip: `${formatSteps(t.epochs)} epochs × ${formatSteps(spe)} steps per epoch (${s.stepsPerEpoch.source}).` });
}

/** The value at a dotted key path of the merged config (`Global.epoch_num`). */
function valueNodeAt(analysis: Analysis, dotted: string): ConfigNode | undefined {
  let node: ConfigNode | undefined = analysis.config.root;
  for (const key of dotted.split(".")) {
    if (!node || node.kind !== "map") return undefined;
    node = node.entries.find((e) => e.key === key)?.value;
  }
  return node?.kind === "scalar" ? node : undefined;
}
