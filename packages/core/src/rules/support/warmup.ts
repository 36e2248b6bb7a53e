/** The warmup of a schedule, whichever way it is built: Paddle's LinearWarmup wrapper, or PaddleDetection's materialised piecewise. */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { ArgSource } from "../../dialects/types";
import { chainOf, num, type ChainLink } from "./chain";

export interface Warmup {
  /** Warmup length in scheduler steps. */
  steps: number;
  /** The spec that holds `warmup_steps`. */
  link: ChainLink;
  source?: ArgSource;
  /** The wrapped scheduler (LinearWarmup only). */
  inner?: ChainLink;
  startLr?: number;
  endLr?: number;
}

/** PaddleDetection's registered class for its materialised PiecewiseDecay. */
export const PPDET_PIECEWISE = "PPDetPiecewiseDecay";

export function warmupOf(s: AnalyzedSchedule): Warmup | undefined {
  const chain = chainOf(s.spec);
  const outer = chain[0];
  if (!outer) return undefined;
  const steps = num(outer.spec.args.warmup_steps);
  if (steps === undefined || !(steps > 0)) return undefined;
  if (outer.spec.name === "LinearWarmup") {
    return {
      steps,
      link: outer,
      source: s.argSources.warmup_steps,
      inner: chain[1],
      startLr: num(outer.spec.args.start_lr),
      endLr: num(outer.spec.args.end_lr),
    };
  }
  if (outer.spec.name === PPDET_PIECEWISE) return { steps, link: outer, source: s.argSources.warmup_steps };
  return undefined;
}

/**
 * Whether a length in scheduler steps is in training iterations only thanks to a guessed steps
 * per epoch: it came from a YAML value in iterations while the training length is in epochs (or
 * the other way round), and steps per epoch is unknown. Comparing the two would then be a guess.
 */
export function dependsOnUnknownSpe(s: AnalyzedSchedule, source: ArgSource | undefined): boolean {
  if (s.stepsPerEpoch.value !== undefined || s.stepping.per !== "iteration") return false;
  const lengthInEpochs = s.training?.epochs !== undefined && s.training.iterations === undefined;
  const valueScaled = source?.transform === "scaled" || source?.transform === "derived";
  return lengthInEpochs !== valueScaled || source === undefined;
}
