/**
 * Turns an analysed schedule into the curve editors display: analytic samples mapped from
 * scheduler steps onto the training axis, markers with their LR, and the key numbers.
 */
import type { AnalyzedSchedule } from "../analysis/types";
import { effectiveStepsPerEpoch, firstIterationOfStep } from "../analysis/iteration";
import type { Program } from "../schedulers/types";
import type { CurveData, CurveMarker, CurveUnit } from "./types";

export const DEFAULT_MAX_POINTS = 512;
/** More marker lines than this make a 480-pixel picture unreadable; runs are merged, the rest thinned. */
const MAX_MARKERS = 40;

/** How a schedule's scheduler steps map onto the displayed x axis. */
export interface DisplayAxis {
  unit: CurveUnit;
  /** Displayed x of scheduler step `k` (the first iteration, or epoch, that uses it). */
  x(k: number): number;
  /** Training iterations (or epochs, or steps) one scheduler step spans; > 1 draws steps. */
  span: number;
  /** Displayed length of the run. */
  length: number;
}

/**
 * The generic form has no training loop: one x is one `step()`. Suites are drawn per training
 * iteration, except when steps per epoch is unknown for an epoch-based config: then the curve is
 * on the epoch axis (the nominal 100 steps per epoch only stands in for the arithmetic).
 */
export function displayAxis(s: AnalyzedSchedule): DisplayAxis {
  const n = Math.max(1, s.horizon.steps);
  if (s.stepping.per === "step") return { unit: "step", x: (k) => k, span: 1, length: n };
  const spe = effectiveStepsPerEpoch(s);
  const onEpochs = s.stepsPerEpoch.value === undefined && (s.training?.epochs !== undefined || s.stepping.per === "epoch");
  const scale = onEpochs ? 1 / spe : 1;
  const iterations =
    s.training?.iterations ?? (s.training?.epochs !== undefined ? s.training.epochs * spe : firstIterationOfStep(s, n));
  const span = firstIterationOfStep(s, 1) * scale;
  return { unit: onEpochs ? "epoch" : "iteration", x: (k) => firstIterationOfStep(s, k) * scale, span, length: iterations * scale };
}

/** The program of a schedule that built, else undefined. */
export function programOf(s: AnalyzedSchedule): Program | undefined {
  return s.build?.ok ? s.build.program : undefined;
}

/** Construction errors of a schedule as one line, or undefined when it built. */
export function buildErrorOf(s: AnalyzedSchedule): string | undefined {
  if (!s.spec) {
    const why = s.diagnostics.find((d) => d.severity === "error") ?? s.diagnostics.find((d) => d.severity === "warning");
    return why?.message ?? "the block cannot be read as a schedule";
  }
  if (!s.build) return "the schedule was not built";
  if (s.build.ok) return undefined;
  return s.build.errors.map((e) => (e.param ? `${e.param}: ${e.message.trim()}` : e.message.trim())).join("; ");
}

const cache = new WeakMap<AnalyzedSchedule, Map<number, CurveData | { error: string }>>();

/** The displayed curve of a schedule, or why there is none. Cached per schedule object and point budget. */
export function curveOf(s: AnalyzedSchedule, maxPoints = DEFAULT_MAX_POINTS): CurveData | { error: string } {
  let byPoints = cache.get(s);
  if (!byPoints) cache.set(s, (byPoints = new Map()));
  let hit = byPoints.get(maxPoints);
  if (!hit) byPoints.set(maxPoints, (hit = computeCurve(s, maxPoints)));
  return hit;
}

/** Samples `program` over `n` scheduler steps onto `axis`; shared by the main curve and hover's neighbour curves. */
export function sampleOnAxis(program: Program, n: number, axis: DisplayAxis, maxPoints: number): { xs: number[]; ys: number[]; steps: number[]; error?: string } {
  const stepped = axis.span > 1;
  // The sampler keeps every discontinuity and peak on top of its buckets, so it may return a few
  // more points than asked: ask for a little less (and half as many when holds are drawn).
  const budget = Math.floor((stepped ? maxPoints / 2 : maxPoints) * 0.9);
  const sampled = program.sample(n, Math.max(8, budget));
  const xs: number[] = [];
  const ys: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < sampled.steps.length; i++) {
    const k = sampled.steps[i];
    const y = sampled.lr[i];
    // A scheduler stepped once per epoch (or every N iterations) holds its value until the next
    // step: draw the hold, so a drop lands where the training loop really sees it.
    if (stepped && i > 0 && k === sampled.steps[i - 1] + 1 && y !== ys[ys.length - 1]) {
      xs.push(axis.x(k));
      ys.push(ys[ys.length - 1]);
      steps.push(k);
    }
    xs.push(axis.x(k));
    ys.push(y);
    steps.push(k);
  }
  const complete = !sampled.error && sampled.steps.length > 0 && sampled.steps[sampled.steps.length - 1] === n - 1;
  if (complete && stepped && axis.length > xs[xs.length - 1]) {
    // The last step's value lasts until the end of training.
    xs.push(axis.length);
    ys.push(ys[ys.length - 1]);
    steps.push(n - 1);
  }
  return { xs, ys, steps, error: sampled.error ? `${sampled.error.message.trim()} (after ${sampled.error.atStep ?? "?"} steps)` : undefined };
}

function computeCurve(s: AnalyzedSchedule, maxPoints: number): CurveData | { error: string } {
  const program = programOf(s);
  if (!program) return { error: buildErrorOf(s) ?? "no program" };
  const n = Math.max(1, Math.floor(s.horizon.steps));
  const axis = displayAxis(s);
  let sampled: ReturnType<typeof sampleOnAxis>;
  try {
    sampled = sampleOnAxis(program, n, axis, maxPoints);
  } catch (e) {
    return { error: `the curve could not be computed: ${e instanceof Error ? e.message : String(e)}` };
  }
  const { xs, ys } = sampled;
  if (xs.length === 0) return { error: sampled.error ?? "the schedule has no values" };
  let peak = -Infinity;
  let peakAt = 0;
  for (let i = 0; i < ys.length; i++) {
    if (ys[i] > peak) {
      peak = ys[i];
      peakAt = xs[i];
    }
  }
  if (peak === -Infinity) peak = ys[0];
  return {
    unit: axis.unit,
    length: axis.length,
    totalSteps: n,
    horizonFrom: s.horizon.from,
    xs,
    ys,
    markers: markersOf(program, n, axis, sampled),
    start: ys[0],
    peak,
    peakAt,
    final: ys[ys.length - 1],
    stepError: sampled.error,
  };
}

function markersOf(program: Program, n: number, axis: DisplayAxis, sampled: { steps: number[]; ys: number[] }): CurveMarker[] {
  let raw: ReturnType<Program["markers"]>;
  try {
    raw = program.markers(n).filter((m) => Number.isFinite(m.step) && m.step >= 0 && m.step < n);
  } catch {
    return [];
  }
  raw.sort((a, b) => a.step - b.step);
  // Runs of markers one step apart (PaddleDetection materialises warmup as one boundary per
  // step) collapse into their last member.
  const merged = raw.filter((m, i) => !(raw[i + 1] && raw[i + 1].kind === m.kind && raw[i + 1].step - m.step <= 1));
  const kept = merged.length <= MAX_MARKERS ? merged : merged.filter((_, i) => i % Math.ceil(merged.length / MAX_MARKERS) === 0);
  return kept.map((m) => ({ x: axis.x(m.step), kind: m.kind, label: m.label, lr: lrAtStep(program, m.step, sampled) }));
}

/** The LR from scheduler step `k` on: from the samples when they hold it (discontinuities always are), else the program. */
function lrAtStep(program: Program, k: number, sampled: { steps: number[]; ys: number[] }): number {
  let lo = 0;
  let hi = sampled.steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sampled.steps[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  // The last sample at step k is the value after the step (the first may be a drawn hold).
  while (lo + 1 < sampled.steps.length && sampled.steps[lo + 1] === k) lo++;
  if (sampled.steps[lo] === k) return sampled.ys[lo];
  try {
    return program.valueAt(k);
  } catch {
    return NaN;
  }
}
