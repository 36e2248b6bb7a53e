/** Test-only shorthands: schedules written as the Python call Paddle's user would write, built and stepped. */
import { build, construct } from "../index";
import type { CurveResult, Program, StatefulScheduler, SchedulerSpec, ParamError } from "../types";
import { parseSpec } from "./py-call";
import { vectorFunction } from "./vector-functions";

/** `py("StepDecay(learning_rate=0.1, step_size=5)")` → spec (lambdas: the reference vectors' texts). */
export function py(call: string): SchedulerSpec {
  return parseSpec(call, vectorFunction);
}

export function program(call: string): Program {
  const b = build(py(call));
  if (!b.ok) throw new Error(`${call}: ${JSON.stringify(b.errors)}`);
  return b.program;
}

export function live(call: string): StatefulScheduler {
  const c = construct(py(call));
  if (!c.ok) throw new Error(`${call}: ${JSON.stringify(c.errors)}`);
  return c.scheduler;
}

export function curve(call: string, n: number): CurveResult {
  return program(call).curve(n);
}

/** The values a training loop reads: last_lr after construction, then after each of n-1 step() calls. */
export function stepped(call: string, n: number): number[] {
  const s = live(call);
  const out = [s.lastLr];
  for (let k = 1; k < n; k++) {
    const err = s.step();
    if (err) break;
    out.push(s.lastLr);
  }
  return out;
}

/** The first construction error of a call (throws when it builds). */
export function buildError(call: string): ParamError {
  const b = build(py(call));
  if (b.ok) throw new Error(`${call} unexpectedly built`);
  return b.errors[0];
}
