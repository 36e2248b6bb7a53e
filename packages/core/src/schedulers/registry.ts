/** The table of scheduler classes by exact name: Paddle's own, plus any a dialect registers. */
import type { SchedulerDefinition } from "./definition";
import type { SchedulerInfo } from "./types";

const REGISTRY = new Map<string, SchedulerDefinition>();

/** Adds (or replaces) a class. Dialects call this for suite-specific classes; see `SchedulerDefinition`. */
export function registerScheduler(def: SchedulerDefinition): void {
  REGISTRY.set(def.name, def);
}

export function lookupScheduler(name: string): SchedulerDefinition | undefined {
  return REGISTRY.get(name);
}

function infoOf(def: SchedulerDefinition): SchedulerInfo {
  return { name: def.name, doc: def.doc, params: def.params, closedForm: def.closedForm };
}

/** Every instantiable registered class (Paddle's in `paddle.optimizer.lr` order first, then registered ones). */
export function listSchedulers(): SchedulerInfo[] {
  return [...REGISTRY.values()].filter((d) => !d.abstract).map(infoOf);
}

export function getSchedulerInfo(name: string): SchedulerInfo | undefined {
  const def = REGISTRY.get(name);
  return def ? infoOf(def) : undefined;
}
