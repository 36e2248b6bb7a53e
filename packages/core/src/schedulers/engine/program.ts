/**
 * The pure evaluator behind `build()`: dense curves (closed form where the class has one, replay
 * otherwise), analytic sampling of huge horizons, markers and the schedule's own horizon.
 */
import { DEFAULT_LIMITS } from "../../config/types";
import type { FormSet, ValidatedNode } from "../definition";
import type { CurveResult, Marker, ParamError, Program, Sampled, SchedulerSpec, Truncation } from "../types";
import { constantForm, type Form } from "./form";
import { internalError, PyRaise } from "./py-raise";
import { Replay } from "./replay";
import { sampleAnalytic, sampleDense, sampleDenseThenConstant, sampleHybrid, type SampledPoints } from "./sampler";

/** Largest `curve(n)` served densely (160 MB of float64); larger requests are truncated and say so. */
export const MAX_CURVE_STEPS = 20_000_000;
/** Recursive schedules are replayed for sampling up to this horizon; beyond it a closed form stands in (exact: false). */
export const REPLAY_SAMPLE_STEPS = 200_000;
/** Default cap on a replay for `valueAt` (`Limits.maxDenseSteps`; `build` takes another). */
export const MAX_REPLAY_STEPS = DEFAULT_LIMITS.maxDenseSteps;
/** Hard cap on a replay for `sample` (it serves hovers, so it stays well under a second). */
export const MAX_SAMPLE_REPLAY_STEPS = 1_000_000;
/** User functions are evaluated at every step up to this horizon when sampling; beyond it, at evenly spaced points. */
export const DENSE_FUNCTION_STEPS = 200_000;
/** At most this many markers are returned (periodic schedules over huge horizons). */
export const MAX_MARKERS = 200;

function toStepError(e: unknown, fallbackIndex: number): ParamError {
  if (e instanceof PyRaise) return e.toParamError("step", e.index ?? fallbackIndex);
  return internalError(e, "step", fallbackIndex);
}

function normalizeCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export class ScheduleProgram implements Program {
  private replay: Replay | undefined;

  constructor(
    readonly spec: SchedulerSpec,
    private readonly node: ValidatedNode,
    private readonly maxReplaySteps = MAX_REPLAY_STEPS,
  ) {}

  private constantFromNonFinite: Form | undefined;

  /**
   * The node's forms; when `last_epoch` is ±inf or NaN, Python's `last_epoch += 1` never changes
   * it, so every step repeats the value after construction: a constant form stands in.
   */
  private get formSet(): FormSet {
    const fs = this.node.forms();
    if (fs.stepped || Number.isFinite(fs.start)) return fs;
    this.constantFromNonFinite ??= constantForm(new Replay(this.node).at(0));
    return { ...fs, stepped: this.constantFromNonFinite };
  }

  private getReplay(): Replay {
    this.replay ??= new Replay(this.node);
    return this.replay;
  }

  curve(requested: number): CurveResult {
    let n = normalizeCount(requested);
    let truncated: Truncation | undefined;
    if (n > MAX_CURVE_STEPS) {
      truncated = { steps: MAX_CURVE_STEPS, reason: `curves are computed densely up to ${MAX_CURVE_STEPS} steps; use sample() for longer horizons` };
      n = MAX_CURVE_STEPS;
    }
    const form = this.formSet.stepped;
    let limit = n;
    if (form?.analytic) limit = form.firstError(0, n);
    const out = new Float64Array(limit);
    const result: CurveResult = { lr: out };
    try {
      if (form) form.fill(out, 0);
      else new Replay(this.node).fill(out, 0);
    } catch (e) {
      const error = toStepError(e, 0);
      return { lr: out.subarray(0, error.atStep ?? 0), error };
    }
    if (limit < n && form) {
      const error = this.errorAt(form, limit);
      if (error) result.error = error;
    }
    if (truncated) result.truncated = truncated;
    return result;
  }

  fill(out: Float64Array, fromRequested = 0): { written: number; error?: ParamError } {
    const from = normalizeCount(fromRequested);
    const form = this.formSet.stepped;
    const end = from + out.length;
    const limit = form?.analytic ? form.firstError(from, end) : end;
    const target = limit === end ? out : out.subarray(0, limit - from);
    try {
      if (form) form.fill(target, from);
      else this.getReplay().fill(target, from);
    } catch (e) {
      this.replay = undefined;
      const error = toStepError(e, from);
      return { written: Math.max(0, (error.atStep ?? from) - from), error };
    }
    if (limit < end && form) {
      const error = this.errorAt(form, limit);
      return error ? { written: limit - from, error } : { written: limit - from };
    }
    return { written: out.length };
  }

  private errorAt(form: Form, index: number): ParamError | undefined {
    try {
      form.at(index);
      return undefined;
    } catch (e) {
      return toStepError(e, index);
    }
  }

  sample(requested: number, maxPointsRequested: number): Sampled {
    const n = normalizeCount(requested);
    const maxPoints = Math.max(4, normalizeCount(maxPointsRequested));
    const fs = this.formSet;
    try {
      if (fs.stepped) return this.sampleForm(fs.stepped, n, maxPoints, true);
      if (n <= REPLAY_SAMPLE_STEPS) return this.sampleReplay(n, maxPoints);
      if (fs.steppedConstantFrom !== undefined && fs.steppedConstantFrom < REPLAY_SAMPLE_STEPS) {
        return this.sampleReplay(n, maxPoints, fs.steppedConstantFrom);
      }
      if (fs.steppedApprox) return this.sampleForm(fs.steppedApprox, n, maxPoints, false);
      if (fs.steppedConstantFrom !== undefined && fs.steppedConstantFrom < MAX_SAMPLE_REPLAY_STEPS) {
        return this.sampleReplay(n, maxPoints, fs.steppedConstantFrom);
      }
      return this.sampleReplay(n, maxPoints);
    } catch (e) {
      // Unreachable on validated input; kept so no exception ever leaves the core.
      return { steps: new Float64Array(0), lr: new Float64Array(0), exact: true, error: toStepError(e, 0) };
    }
  }

  private sampleForm(form: Form, n: number, maxPoints: number, exact: boolean): Sampled {
    if (form.analytic) {
      const limit = form.firstError(0, n);
      const pts = sampleAnalytic(form, limit, maxPoints);
      const res: Sampled = { ...pts, exact };
      if (limit < n) {
        const error = this.errorAt(form, limit);
        if (error) res.error = error;
      }
      return res;
    }
    // User functions: every value up to DENSE_FUNCTION_STEPS, evenly spaced points beyond.
    try {
      const pts = sampleHybrid((out, from) => form.fill(out, from), (i) => form.at(i), n, maxPoints, DENSE_FUNCTION_STEPS);
      return { ...pts, exact };
    } catch (e) {
      const error = toStepError(e, 0);
      const partial = (e as { partial?: SampledPoints }).partial;
      const pts = partial ?? this.samplePrefix(form, error.atStep ?? 0, maxPoints);
      return { ...pts, exact, error };
    }
  }

  private samplePrefix(form: Form, n: number, maxPoints: number): SampledPoints {
    try {
      return sampleDense((out, from) => form.fill(out, from), n, maxPoints);
    } catch {
      return { steps: new Float64Array(0), lr: new Float64Array(0) };
    }
  }

  private sampleReplay(n: number, maxPoints: number, constantFrom?: number): Sampled {
    const frozen = constantFrom !== undefined && constantFrom + 1 < n;
    const cap = Math.min(n, MAX_SAMPLE_REPLAY_STEPS, frozen ? (constantFrom as number) + 1 : Infinity);
    const replay = new Replay(this.node);
    let pts: SampledPoints;
    try {
      if (frozen) {
        // Exact replay to where the value freezes; the frozen tail costs two points per bucket.
        pts = sampleDenseThenConstant((out, from) => replay.fill(out, from), cap, n, maxPoints);
        return { ...pts, exact: true };
      }
      pts = sampleDense((out, from) => replay.fill(out, from), cap, maxPoints);
    } catch (e) {
      const error = toStepError(e, 0);
      pts = sampleDense((out, from) => new Replay(this.node).fill(out, from), error.atStep ?? 0, maxPoints);
      return { ...pts, exact: true, error };
    }
    const res: Sampled = { ...pts, exact: true };
    if (cap < n) res.truncated = { steps: cap, reason: `this schedule has no closed form and is replayed step by step up to ${MAX_SAMPLE_REPLAY_STEPS} steps` };
    return res;
  }

  hasClosedForm(): boolean {
    try {
      return this.formSet.stepped !== undefined;
    } catch {
      return false;
    }
  }

  valueAt(step: number): number {
    const i = normalizeCount(step);
    const fs = this.formSet;
    try {
      if (fs.stepped) return fs.stepped.at(i);
      if (i > this.maxReplaySteps) {
        if (fs.steppedConstantFrom !== undefined && fs.steppedConstantFrom <= this.maxReplaySteps) return this.getReplay().at(fs.steppedConstantFrom);
        if (fs.steppedApprox) return fs.steppedApprox.at(i);
        return NaN;
      }
      return this.getReplay().at(i);
    } catch {
      this.replay = undefined;
      return NaN;
    }
  }

  markers(requested: number): Marker[] {
    const n = normalizeCount(requested);
    const start = this.formSet.start;
    const raw: Marker[] = [];
    try {
      this.node.markers(start, start + n, raw);
    } catch {
      return [];
    }
    const out = raw
      .map((m) => ({ ...m, step: m.step - start }))
      .filter((m) => m.step >= 0 && m.step < n)
      .sort((a, b) => a.step - b.step);
    return out.slice(0, MAX_MARKERS);
  }

  naturalHorizon(): { steps: number; from: string } | undefined {
    try {
      const h = this.node.horizon();
      if (!h) return undefined;
      const steps = Math.ceil(h.epochs - this.formSet.start);
      return steps > 0 && Number.isFinite(steps) ? { steps, from: h.from } : undefined;
    } catch {
      return undefined;
    }
  }
}
