/** `build` and `construct`: a spec in, Paddle's construction errors or a program / live mirror out, never an exception. */
import { internalError } from "./engine/py-raise";
import { ScheduleProgram } from "./engine/program";
import { StatefulMirror } from "./engine/stateful";
import { validateTree } from "./engine/tree";
import type { BuildResult, ConstructResult, SchedulerSpec } from "./types";

export interface BuildOptions {
  /** Longest step-by-step replay `valueAt` does for a schedule without a closed form (`Limits.maxDenseSteps`). */
  maxReplaySteps?: number;
}

/**
 * Validates `spec` as Paddle's constructors would (nested schedulers first, then each call's
 * checks in Paddle's order, then the constructor's first `step()`), and returns a pure `Program`.
 */
export function build(spec: SchedulerSpec, options: BuildOptions = {}): BuildResult {
  try {
    const r = validateTree(spec);
    if (r.node && r.errors.length === 0) return { ok: true, program: new ScheduleProgram(spec, r.node, options.maxReplaySteps) };
    return { ok: false, errors: r.errors };
  } catch (e) {
    return { ok: false, errors: [internalError(e, "construct")] };
  }
}

/** The stateful mirror of `spec`: construction has performed Paddle's first `step()` (ReduceOnPlateau's does not). */
export function construct(spec: SchedulerSpec): ConstructResult {
  try {
    const r = validateTree(spec);
    if (r.instance && r.errors.length === 0) return { ok: true, scheduler: new StatefulMirror(r.instance) };
    return { ok: false, errors: r.errors };
  } catch (e) {
    return { ok: false, errors: [internalError(e, "construct")] };
  }
}
