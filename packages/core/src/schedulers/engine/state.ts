/**
 * The stateful mirror of Paddle's `LRScheduler` base class: the same fields, `step()` /
 * `step(epoch)` control flow and `state_dict` keys, so a subclass only writes `get_lr` as Paddle does.
 */
import type { PyValue } from "../types";
import { paddleRaise, pythonRaise } from "./py-raise";
import { numericValue, typeName } from "./py-value";

export abstract class SchedulerState {
  /** Paddle's class name (`self.__class__.__name__`). */
  abstract readonly name: string;
  baseLr = 0.1;
  lastLr = 0.1;
  lastEpoch = -1;

  /** `LRScheduler.__init__` after its checks: store the LR and epoch, then step once. */
  protected start(learningRate: number, lastEpoch: number): void {
    this.baseLr = learningRate;
    this.lastLr = learningRate;
    this.lastEpoch = lastEpoch;
    this.step();
  }

  /** The subclass's `get_lr()`; the base class raises NotImplementedError with an empty message. */
  getLr(): number {
    return paddleRaise("NotImplementedError", "", null);
  }

  /** `_get_closed_form_lr()`, which `step(epoch)` prefers when a class has one (only CosineAnnealingDecay). */
  closedFormLr?(): number;

  /** `LRScheduler.step(epoch=None)`. Raises (PyRaise) with state left as Paddle leaves it. */
  step(epoch?: number): void {
    if (epoch === undefined) {
      this.lastEpoch += 1;
      this.lastLr = this.getLr();
    } else {
      this.lastEpoch = epoch;
      this.lastLr = this.closedFormLr ? this.closedFormLr() : this.getLr();
    }
  }

  /** What `LinearWarmup.get_lr` calls: `inner.step(epoch)` (ReduceOnPlateau receives it as its metric). */
  stepFromWarmup(epoch: number): void {
    this.step(epoch);
  }

  /** `step(metrics)`: only ReduceOnPlateau takes a metric. */
  stepMetrics(_metrics: PyValue, _epoch?: number): void {
    pythonRaise("TypeError", `${this.name}.step() takes an epoch, not a metric: only ReduceOnPlateau is driven by metrics`, null);
  }

  /** `state_keys()`: the attributes `state_dict()` saves. */
  stateKeys(): string[] {
    return ["last_epoch", "last_lr"];
  }

  protected getStateValue(key: string): unknown {
    if (key === "last_epoch") return this.lastEpoch;
    if (key === "last_lr") return this.lastLr;
    return undefined;
  }

  protected setStateValue(key: string, value: unknown): void {
    if (key === "last_epoch") this.lastEpoch = stateNumber(value, key);
    else if (key === "last_lr") this.lastLr = stateNumber(value, key);
  }

  /** `state_dict()`. */
  stateDict(): Record<string, unknown> {
    const sd: Record<string, unknown> = {};
    for (const key of this.stateKeys()) {
      const v = this.getStateValue(key);
      if (v !== undefined) sd[key] = v;
    }
    return sd;
  }

  /** `set_state_dict(sd)`: copies each key back in order; a missing key raises RuntimeError (earlier keys stay set, as in Paddle). */
  setStateDict(sd: Record<string, unknown>): void {
    for (const key of this.stateKeys()) {
      if (!(key in sd)) {
        paddleRaise("RuntimeError", `Please check whether state_dict is correct for optimizer. Can't find [ ${key} ] in state_dict`, null);
      }
      this.setStateValue(key, sd[key]);
    }
  }
}

/**
 * A state value as a number. Paddle stores whatever it is given; lrlens only restores numbers
 * (a non-number would make the next step fail in Paddle) and reports the rest as a TypeError now.
 */
export function stateNumber(value: unknown, key: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value !== null && typeof value === "object" && "type" in value) {
    const x = numericValue(value as PyValue);
    if (x !== undefined) return x;
    return pythonRaise("TypeError", `state_dict['${key}'] is a ${typeName(value as PyValue)}, not a number`, null);
  }
  return pythonRaise("TypeError", `state_dict['${key}'] must be a number, got ${value === null ? "None" : typeof value}`, null);
}
