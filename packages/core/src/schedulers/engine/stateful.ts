/** The public stateful scheduler: a live mirror whose Python raises come back as `ParamError` values, never as exceptions. */
import type { ParamError, PyValue, StatefulScheduler } from "../types";
import { internalError, PyRaise } from "./py-raise";
import type { SchedulerState } from "./state";

function stepError(e: unknown, atStep: number): ParamError {
  return e instanceof PyRaise ? e.toParamError("step", atStep) : internalError(e, "step", atStep);
}

export class StatefulMirror implements StatefulScheduler {
  /** step calls made since construction (the failing call's number is reported as `atStep`). */
  private calls = 0;

  constructor(private readonly state: SchedulerState) {}

  get name(): string {
    return this.state.name;
  }
  get lastLr(): number {
    return this.state.lastLr;
  }
  get lastEpoch(): number {
    return this.state.lastEpoch;
  }

  step(epoch?: number): ParamError | undefined {
    this.calls++;
    try {
      this.state.step(epoch);
      return undefined;
    } catch (e) {
      return stepError(e, this.calls);
    }
  }

  stepMetrics(metrics: number, epoch?: number): ParamError | undefined {
    return this.stepMetricsPy({ type: "float", value: metrics }, epoch);
  }

  /** `step(metrics)` with a metric of any Python type (str, numpy scalar or array, ...), for Paddle's type checks. */
  stepMetricsPy(metrics: PyValue, epoch?: number): ParamError | undefined {
    this.calls++;
    try {
      this.state.stepMetrics(metrics, epoch);
      return undefined;
    } catch (e) {
      return stepError(e, this.calls);
    }
  }

  stateDict(): Record<string, unknown> {
    return this.state.stateDict();
  }

  setStateDict(sd: Record<string, unknown>): ParamError | undefined {
    try {
      this.state.setStateDict(sd);
      return undefined;
    } catch (e) {
      const err = e instanceof PyRaise ? e.toParamError("step") : internalError(e, "step");
      return err;
    }
  }
}
