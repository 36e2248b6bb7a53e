/** Maps training iterations onto scheduler steps, the way each suite's training loop drives its scheduler. */
import type { Schedule } from "../dialects/types";
import { NOMINAL_STEPS_PER_EPOCH } from "../dialects/types";

/** Steps per epoch to compute with: the resolved value, or the nominal one when unknown. */
export function effectiveStepsPerEpoch(schedule: Pick<Schedule, "stepsPerEpoch">): number {
  return schedule.stepsPerEpoch.value ?? NOMINAL_STEPS_PER_EPOCH;
}

/**
 * Number of `step()` calls the loop has made before training iteration `i` (0-based), i.e. the
 * index into the scheduler's curve whose value iteration `i` uses.
 * - per iteration, every k: the loop steps after iterations k-1, 2k-1, ... → floor(i / k)
 * - per epoch: stepped after each epoch → floor(i / stepsPerEpoch)
 * - "step" (generic form): one iteration is one step.
 */
export function schedulerStepAt(schedule: Pick<Schedule, "stepping" | "stepsPerEpoch">, i: number): number {
  const { per, every } = schedule.stepping;
  if (per === "epoch") return Math.floor(i / (effectiveStepsPerEpoch(schedule) * Math.max(1, every)));
  if (per === "iteration") return Math.floor(i / Math.max(1, every));
  return i;
}

/** Inverse direction, for markers: the first iteration that uses scheduler step `k`. */
export function firstIterationOfStep(schedule: Pick<Schedule, "stepping" | "stepsPerEpoch">, k: number): number {
  const { per, every } = schedule.stepping;
  if (per === "epoch") return k * effectiveStepsPerEpoch(schedule) * Math.max(1, every);
  if (per === "iteration") return k * Math.max(1, every);
  return k;
}

/** Expands a scheduler-step curve into `n` per-iteration values (repeating values within an epoch or update interval). */
export function expandToIterations(
  schedule: Pick<Schedule, "stepping" | "stepsPerEpoch">,
  stepCurve: (steps: number) => Float64Array,
  n: number,
): Float64Array {
  if (schedule.stepping.per === "step" || (schedule.stepping.per === "iteration" && schedule.stepping.every <= 1)) return stepCurve(n);
  const steps = n > 0 ? schedulerStepAt(schedule, n - 1) + 1 : 0;
  const base = stepCurve(steps);
  const out = new Float64Array(Math.min(n, steps === base.length ? n : firstIterationOfStep(schedule, base.length)));
  for (let i = 0; i < out.length; i++) out[i] = base[schedulerStepAt(schedule, i)];
  return out;
}
