/**
 * Reading and varying constructor arguments by their dotted path in a spec chain
 * (`learning_rate.milestones` = the `milestones` of the scheduler passed as `learning_rate`).
 */
import type { PyValue, SchedulerSpec } from "../schedulers/types";

/** The spec that owns the last segment of `argPath`, and that segment. */
export function ownerOf(spec: SchedulerSpec, argPath: string): { spec: SchedulerSpec; param: string; depth: number } | undefined {
  const parts = argPath.split(".");
  let cur = spec;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur.args[parts[i]];
    if (!next || next.type !== "scheduler") return undefined;
    cur = next.spec;
  }
  return { spec: cur, param: parts[parts.length - 1], depth: parts.length - 1 };
}

export function argAt(spec: SchedulerSpec, argPath: string): PyValue | undefined {
  const owner = ownerOf(spec, argPath);
  return owner ? owner.spec.args[owner.param] : undefined;
}

/** A copy of `spec` with the argument at `argPath` replaced (the original is never mutated). */
export function withArg(spec: SchedulerSpec, argPath: string, value: PyValue): SchedulerSpec {
  const [head, ...rest] = argPath.split(".");
  if (rest.length === 0) return { name: spec.name, args: { ...spec.args, [head]: value } };
  const inner = spec.args[head];
  if (!inner || inner.type !== "scheduler") return spec;
  return { name: spec.name, args: { ...spec.args, [head]: { type: "scheduler", spec: withArg(inner.spec, rest.join("."), value) } } };
}

export function numberOf(v: PyValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.type === "int" || v.type === "float") return v.value;
  if (v.type === "bool") return v.value ? 1 : 0;
  return undefined;
}

/**
 * Steps after which the scheduler at `argPath`'s owner starts its own clock: Paddle's
 * LinearWarmup drives the wrapped scheduler with `step(epoch - warmup_steps)`, so its milestones
 * count from the end of warmup.
 */
export function clockOffset(spec: SchedulerSpec, argPath: string): number {
  const parts = argPath.split(".");
  let offset = 0;
  let cur = spec;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur.name === "LinearWarmup" && parts[i] === "learning_rate") offset += numberOf(cur.args.warmup_steps) ?? 0;
    const next = cur.args[parts[i]];
    if (!next || next.type !== "scheduler") break;
    cur = next.spec;
  }
  return offset;
}

/** The class names of a spec chain, outermost first (`LinearWarmup → MultiStepDecay`). */
export function chainNames(spec: SchedulerSpec): string[] {
  const names = [spec.name];
  for (let cur = spec, i = 0; i < 16; i++) {
    const inner = Object.values(cur.args).find((a) => a.type === "scheduler");
    if (!inner || inner.type !== "scheduler") break;
    names.push(inner.spec.name);
    cur = inner.spec;
  }
  return names;
}
