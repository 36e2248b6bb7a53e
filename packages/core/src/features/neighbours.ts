/**
 * "What if" curves for a hovered parameter: the schedule rebuilt with the parameter's neighbouring
 * values (gamma ± 0.1, other numbers halved and doubled), drawn beside the real curve when cheap.
 */
import type { AnalyzedSchedule } from "../analysis/types";
import type { ArgSource } from "../dialects/types";
import { build, getSchedulerInfo } from "../schedulers";
import type { PyValue } from "../schedulers/types";
import { formatLr } from "../text/format";
import { displayAxis, sampleOnAxis } from "./curve-data";
import type { ExtraSeries } from "./picture";
import { argAt, chainNames, ownerOf, withArg } from "./spec-args";

/** Recursive (replayed) schedules are only varied when this short. */
const MAX_REPLAYED_STEPS = 200_000;
const POINTS = 240;

/** Neighbouring values of a numeric argument, as Paddle would receive them (ints stay ints). */
export function neighbourValues(param: string, value: PyValue): ({ type: "int"; value: number } | { type: "float"; value: number })[] {
  if (value.type === "float") {
    const v = value.value;
    const candidates = param === "gamma" ? [v - 0.1, v + 0.1] : [v / 2, v * 2];
    return candidates.filter((c) => Number.isFinite(c) && c > 0 && c !== v).map((c) => ({ type: "float" as const, value: Number(c.toPrecision(12)) }));
  }
  if (value.type === "int") {
    const v = value.value;
    const candidates = [Math.round(v / 2), v * 2];
    return candidates.filter((c) => Number.isSafeInteger(c) && c > 0 && c !== v).map((c) => ({ type: "int" as const, value: c }));
  }
  return [];
}

/** Whether re-evaluating this schedule a few times fits in a hover. */
function cheap(s: AnalyzedSchedule): boolean {
  if (!s.spec) return false;
  const closed = chainNames(s.spec).every((n) => getSchedulerInfo(n)?.closedForm ?? false);
  return closed || s.horizon.steps <= MAX_REPLAYED_STEPS;
}

/** Extra series for the argument `argPath` fed by `src`, or none when varying it is not meaningful or not cheap. */
export function neighbourSeries(s: AnalyzedSchedule, argPath: string, src: ArgSource): ExtraSeries[] {
  // Only a value passed unchanged can be varied as written; a derived one has no single neighbour.
  if (!s.spec || src.transform === "derived" || !cheap(s)) return [];
  const owner = ownerOf(s.spec, argPath);
  const value = argAt(s.spec, argPath);
  if (!owner || !value) return [];
  const axis = displayAxis(s);
  const n = Math.max(1, Math.floor(s.horizon.steps));
  const out: ExtraSeries[] = [];
  for (const v of neighbourValues(owner.param, value)) {
    const built = build(withArg(s.spec, argPath, v));
    if (!built.ok) continue;
    try {
      const { xs, ys } = sampleOnAxis(built.program, n, axis, POINTS);
      if (xs.length > 0) out.push({ label: labelOf(src, v), xs, ys });
    } catch {
      // A variant that cannot be evaluated is simply not drawn.
    }
  }
  return out;
}

/** The variant as the user would write it: the YAML key, and the YAML value (unscaled by steps per epoch). */
function labelOf(src: ArgSource, v: { type: "int" | "float"; value: number }): string {
  const value = src.transform === "scaled" && src.factor ? v.value / src.factor : v.value;
  const text = Number.isInteger(value) && (v.type === "int" || src.transform === "scaled") ? String(value) : formatLr(value);
  return `${src.key}=${text}`;
}
