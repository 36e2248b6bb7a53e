/** Records a scheduler spec's keyword arguments together with the YAML key each one came from (`Schedule.argSources`). */
import type { ConfigEntry, ConfigNode } from "../../config/types";
import type { Span } from "../../model/positions";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import type { ArgSource } from "../types";

/** Where a value came from: an entry of the block, or a key elsewhere in the config (`Global.epoch_num`). */
export interface Origin {
  /** The key as rules should show it: the key itself inside the block, the dotted path outside it. */
  key: string;
  keySpan: Span;
  node: ConfigNode;
}

export function originOf(entry: ConfigEntry, label?: string): Origin {
  return { key: label ?? entry.key, keySpan: entry.keySpan, node: entry.value };
}

export class ArgRecorder {
  readonly args: Record<string, PyValue> = {};
  readonly sources: Record<string, ArgSource> = {};

  /** An argument passed exactly as the YAML wrote it. */
  identity(name: string, value: PyValue, origin: Origin | undefined): void {
    this.args[name] = value;
    if (origin) this.sources[name] = { ...origin, transform: "identity" };
  }

  /** An argument that is a YAML value multiplied by a positive factor (epochs × steps per epoch). */
  scaled(name: string, value: PyValue, origin: Origin | undefined, factor: number): void {
    this.args[name] = value;
    if (origin) this.sources[name] = { ...origin, transform: "scaled", factor };
  }

  /** An argument computed from YAML values (and possibly other inputs); `origin` is the key that decides it most. */
  derived(name: string, value: PyValue, origin: Origin | undefined): void {
    this.args[name] = value;
    if (origin) this.sources[name] = { ...origin, transform: "derived" };
  }

  /** An argument with no YAML key behind it (a suite default such as `start_lr=0.0`). */
  fixed(name: string, value: PyValue): void {
    this.args[name] = value;
  }

  /** Wraps `inner` as the `learning_rate` of this spec and lifts its sources under `learning_rate.`. */
  nest(argName: string, inner: { spec: SchedulerSpec; sources: Record<string, ArgSource> }): void {
    this.args[argName] = { type: "scheduler", spec: inner.spec };
    for (const [k, v] of Object.entries(inner.sources)) this.sources[`${argName}.${k}`] = v;
  }

  spec(name: string): SchedulerSpec {
    return { name, args: this.args };
  }
}

/** `{ spec, sources }` of a recorder, for nesting. */
export function finished(name: string, rec: ArgRecorder): { spec: SchedulerSpec; sources: Record<string, ArgSource> } {
  return { spec: rec.spec(name), sources: rec.sources };
}
