/**
 * The dense LR values `lrlens curve` prints for one schedule, on the axis the training loop sees:
 * one value per `step()` for the generic form, per training iteration for a suite config, or per
 * epoch when steps per epoch is unknown for an epoch-based config (see README).
 */
import { displayAxis, effectiveStepsPerEpoch, firstIterationOfStep, schedulerStepAt, type AnalyzedSchedule, type Program } from "@lrlens/core";

export type Unit = "step" | "iteration" | "epoch";

/** The axis a schedule is printed on: the editor's own choice (`displayAxis`), so CLI and editor always agree. */
export function unitOf(s: AnalyzedSchedule): Unit {
  return displayAxis(s).unit;
}

/** The default length on that axis: the training length the config implies, else the schedule's own horizon. */
export function defaultLength(s: AnalyzedSchedule, unit: Unit): number {
  const steps = Math.max(1, Math.floor(s.horizon.steps));
  if (unit === "step") return steps;
  const spe = effectiveStepsPerEpoch(s);
  if (unit === "epoch") return s.training?.epochs ?? Math.max(1, Math.ceil(firstIterationOfStep(s, steps) / spe));
  return s.training?.iterations ?? (s.training?.epochs !== undefined ? s.training.epochs * spe : firstIterationOfStep(s, steps));
}

/** The scheduler step used at position `i` of the axis. */
export function stepAt(s: AnalyzedSchedule, unit: Unit, i: number): number {
  if (unit === "step") return i;
  if (unit === "iteration") return schedulerStepAt(s, i);
  return schedulerStepAt(s, i * effectiveStepsPerEpoch(s));
}

export interface Values {
  lr: number[];
  /** Why the values stop early (Paddle raised while stepping). */
  error?: string;
}

/** `n` values on the axis (fewer when stepping raised); the step curve is computed once, densely. */
export function valuesOn(s: AnalyzedSchedule, program: Program, unit: Unit, n: number): Values {
  if (n <= 0) return { lr: [] };
  const stepsNeeded = stepAt(s, unit, n - 1) + 1;
  const curve = program.curve(stepsNeeded);
  const lr: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = stepAt(s, unit, i);
    if (k >= curve.lr.length) break;
    lr.push(curve.lr[k]);
  }
  const error = curve.error ? `${curve.error.message.trim()} (${curve.error.errorType}, raised at step ${curve.error.atStep ?? curve.lr.length})` : undefined;
  return { lr, error };
}
