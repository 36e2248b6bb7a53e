/**
 * What a scheduler class plugs into the engine: the contract every file in this folder
 * implements, and what dialect code passes to `registerScheduler` for suite-specific classes
 * (PaddleOCR's `OneCycleDecay`, `TwoStepCosineDecay`, ...).
 */
import type { BoundArgs } from "./engine/signature";
import type { Form } from "./engine/form";
import type { SchedulerState } from "./engine/state";
import type { Marker, ParamInfo, PyValue } from "./types";

/** The closed forms a validated scheduler offers (all optional: a class without any is replayed step by step). */
export interface FormSet {
  /** The `last_epoch` of curve index 0: the `last_epoch` argument + 1 (0 for ReduceOnPlateau, which does not step at construction). */
  start: number;
  /** Index i = `last_lr` after i `step()` calls following construction. Exact Paddle values. */
  stepped?: Form;
  /** Index e = `last_lr` after `step(e)` for e = 0, 1, 2, ... following construction: how LinearWarmup drives its inner scheduler. */
  explicit?: Form;
  /** A mathematical closed form standing in for a recursion at huge horizons (within ~1e-13 of Paddle); marks samples `exact: false`. */
  steppedApprox?: Form;
  explicitApprox?: Form;
  /** A stepped index from which the value never changes again (LinearLR after total_steps): replays stop there. */
  steppedConstantFrom?: number;
}

/** A scheduler whose arguments passed validation; the children are its nested schedulers (by arg name). */
export interface ValidatedNode {
  readonly def: SchedulerDefinition;
  readonly params: unknown;
  readonly children: Readonly<Record<string, ValidatedNode>>;
  /** `def.forms(params, children)`, computed once. */
  forms(): FormSet;
  /** Markers in epoch space (`last_epoch` values) within [lo, hi). */
  markers(lo: number, hi: number, out: Marker[]): void;
  horizon(): { epochs: number; from: string } | undefined;
}

/**
 * One scheduler class. Paddle's constructor is split in two so lrlens can report errors without
 * side effects: `validate` reproduces every check in Paddle's order (throwing `PyRaise`, see
 * engine/py-raise.ts, for the first one), `create` performs the rest of the constructor and
 * returns the live mirror (whose first `step()` may still raise, as Paddle's does).
 *
 * Conventions:
 * - `params` lists the Python signature in order, with Paddle's defaults (`last_epoch` and
 *   `verbose` included where the class has them); call binding (unexpected/missing keywords) is
 *   done by the engine before `validate`.
 * - Nested schedulers (args of type "scheduler") are validated and constructed first, as Python
 *   evaluates them before the call; `validate` sees them as `{ type: "scheduler" }` values,
 *   `create` receives their live instances and `forms`/`markers`/`horizon` their validated nodes.
 * - Markers and horizons are in epoch space (the value `last_epoch` has); the engine maps them to
 *   curve indices with `FormSet.start`.
 */
export interface SchedulerDefinition<P = any> {
  /** Exact class name; the registry key and the name in constructor chains. */
  name: string;
  /** One paragraph for hovers: what the schedule does, with Paddle's formula. */
  doc: string;
  params: ParamInfo[];
  /** True when the stepped curve has an O(1) closed form. */
  closedForm: boolean;
  /** How many leading args `formatSpec` prints positionally (LinearWarmup prints its wrapped schedule first, unnamed). */
  reprPositional?: number;
  /**
   * How the class prints in constructor chains when its own text is not Paddle's call: a suite
   * class equivalent to a Paddle one (PaddleDetection's lazy piecewise prints as the
   * `PiecewiseDecay(boundaries=..., values=...)` the suite really builds).
   */
  format?(args: Record<string, PyValue>): string;
  /** Python module of the class, for `<class '...'>` in messages; default `paddle.optimizer.lr` (a suite class sets its own). */
  pyModule?: string;
  /** True for a base class nobody instantiates (LRScheduler): buildable, but left out of `listSchedulers()`. */
  abstract?: boolean;
  validate(args: BoundArgs): P;
  create(params: P, children: Readonly<Record<string, SchedulerState>>): SchedulerState;
  forms?(params: P, children: Readonly<Record<string, ValidatedNode>>): FormSet;
  markers?(params: P, children: Readonly<Record<string, ValidatedNode>>, lo: number, hi: number, out: Marker[]): void;
  horizon?(params: P, children: Readonly<Record<string, ValidatedNode>>): { epochs: number; from: string } | undefined;
}
