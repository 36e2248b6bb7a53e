/** The CosineAnnealingDecay of a schedule and the number of steps it runs within training (after any warmup). */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { ArgSource } from "../../dialects/types";
import { chainOf, num, type ChainLink } from "./chain";
import { dependsOnUnknownSpe, warmupOf } from "./warmup";

export interface CosineRun {
  link: ChainLink;
  tMax: number;
  /** Scheduler steps the cosine runs within training (its own clock restarts after a LinearWarmup). */
  run: number;
  /** Steps before the cosine starts. */
  offset: number;
  source?: ArgSource;
  learningRate?: number;
  etaMin: number;
}

/** Only when the config says how long training is, and comparing does not hinge on an unknown steps per epoch. */
export function cosineRunOf(s: AnalyzedSchedule): CosineRun | undefined {
  if (!s.training) return undefined;
  const link = chainOf(s.spec).find((l) => l.spec.name === "CosineAnnealingDecay");
  const tMax = num(link?.spec.args.T_max);
  if (!link || tMax === undefined || !(tMax > 0)) return undefined;
  const source = s.argSources[`${link.prefix}T_max`];
  if (dependsOnUnknownSpe(s, source)) return undefined;
  const w = link.depth > 0 ? warmupOf(s) : undefined;
  const offset = w?.steps ?? 0;
  const run = Math.floor(s.horizon.steps) - offset;
  if (run <= 0) return undefined;
  return { link, tMax, run, offset, source, learningRate: num(link.spec.args.learning_rate), etaMin: num(link.spec.args.eta_min) ?? 0 };
}
