/** Walks a schedule's constructor chain (LinearWarmup → inner → ...) and maps each argument back to the YAML it came from. */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { ConfigEntry, ConfigNode } from "../../config/types";
import type { ArgSource } from "../../dialects/types";
import type { Span } from "../../model/positions";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";

export interface ChainLink {
  spec: SchedulerSpec;
  /** Dotted prefix of this spec's arguments in `argSources`: "" for the outer spec, "learning_rate." for its inner one. */
  prefix: string;
  /** The spec wrapping this one, if any. */
  outer?: ChainLink;
  depth: number;
}

/** Every spec of the chain, outermost first. Depth-capped: a chain is never deeper than a few levels. */
export function chainOf(spec: SchedulerSpec | undefined): ChainLink[] {
  const out: ChainLink[] = [];
  let link: ChainLink | undefined = spec ? { spec, prefix: "", depth: 0 } : undefined;
  while (link && out.length < 16) {
    out.push(link);
    const inner = innerSpec(link.spec);
    link = inner ? { spec: inner.spec, prefix: `${link.prefix}${inner.arg}.`, outer: link, depth: link.depth + 1 } : undefined;
  }
  return out;
}

/** The wrapped scheduler of a spec (LinearWarmup's `learning_rate`), if it wraps one. */
export function innerSpec(spec: SchedulerSpec): { arg: string; spec: SchedulerSpec } | undefined {
  for (const [arg, v] of Object.entries(spec.args)) if (v.type === "scheduler") return { arg, spec: v.spec };
  return undefined;
}

export function argSource(schedule: AnalyzedSchedule, link: ChainLink, param: string): ArgSource | undefined {
  return schedule.argSources[`${link.prefix}${param}`];
}

/** The source of an argument that a fix may edit as the value Paddle receives (passed through unchanged). */
export function editableSource(schedule: AnalyzedSchedule, link: ChainLink, param: string): ArgSource | undefined {
  const src = argSource(schedule, link, param);
  return src?.transform === "identity" ? src : undefined;
}

/** Where to report something about the whole schedule: its scheduler name, else its key, else the block. */
export function scheduleAnchor(schedule: AnalyzedSchedule): Span {
  return schedule.nameSpan ?? schedule.entry?.keySpan ?? schedule.node.span;
}

/**
 * Where to report something about one spec of the chain: the outer spec's anchor, or for a
 * wrapped scheduler (generic form) the `name` of the mapping it was written as.
 */
export function linkAnchor(schedule: AnalyzedSchedule, link: ChainLink | undefined): Span {
  if (!link || link.depth === 0) return scheduleAnchor(schedule);
  let map: ConfigNode | undefined = schedule.node;
  for (let d = 0; d < link.depth && map?.kind === "map"; d++) {
    const wrapped: ConfigEntry | undefined = map.entries.find((e) => (e.key === "learning_rate" || e.key === "scheduler") && e.value.kind === "map");
    if (!wrapped) return scheduleAnchor(schedule);
    map = wrapped.value;
  }
  if (map?.kind !== "map") return scheduleAnchor(schedule);
  const named = map.entries.find((e) => e.key === "name" || e.key === "type" || e.key === "class");
  return named?.value.span ?? map.span;
}

/** Where to report something about one argument: its YAML value, else the anchor of its spec. */
export function paramSpan(schedule: AnalyzedSchedule, link: ChainLink | undefined, param: string | null): Span {
  if (param) {
    const src = schedule.argSources[`${link?.prefix ?? ""}${param}`];
    if (src) return src.node.span;
  }
  return linkAnchor(schedule, link);
}

/** A numeric Python value (int, float or bool) as a JS number, else undefined. */
export function num(v: PyValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.type === "int" || v.type === "float") return v.value;
  if (v.type === "bool") return v.value ? 1 : 0;
  return undefined;
}

/** The items of a list/tuple argument as numbers; undefined when it is not a list of numbers. */
export function numList(v: PyValue | undefined): number[] | undefined {
  if (!v || v.type !== "list") return undefined;
  const out: number[] = [];
  for (const item of v.items) {
    const n = num(item);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** How a schedule's dialect names the key of an argument (the YAML key if known, else Paddle's name). */
export function keyName(schedule: AnalyzedSchedule, link: ChainLink, param: string): string {
  return argSource(schedule, link, param)?.key ?? param;
}
