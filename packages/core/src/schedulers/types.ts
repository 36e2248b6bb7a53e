/**
 * The scheduler engine's contract: Python-typed argument values, scheduler specs (a constructor
 * chain as data), Paddle-style construction errors, the stateful mirror of `paddle.optimizer.lr`
 * and the pure evaluator used for curves. Dialects produce specs; everything else consumes programs.
 */

/** A compiled, side-effect-free one-argument function (from a Python lambda text, see `expr/`). */
export interface PyFunction {
  /** The lambda as written, e.g. `lambda epoch: 0.95 ** epoch`. */
  readonly text: string;
  /**
   * Calls it. Never throws: a Python-level failure comes back as `{ error }`.
   * `xIsInt` says whether Paddle passes a Python int (`last_epoch`) or a float (CyclicLR's cycle
   * in `scale_mode='cycle'`); omitted, an integral `x` is taken as an int.
   */
  call(x: number, xIsInt?: boolean): { value: number; isInt: boolean } | { error: string; errorType: PyErrorType };
}

/**
 * A value with its Python type, because Paddle's checks depend on it (`10` is an int and
 * passes `isinstance(x, int)`, `10.0` is a float and does not; `True` is an int too).
 */
export type PyValue =
  | { type: "int"; value: number; /** exact text when |value| > 2^53 */ big?: string }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "str"; value: string }
  | { type: "none" }
  | { type: "list"; items: PyValue[]; tuple?: boolean }
  | { type: "dict"; entries: [string, PyValue][] }
  | { type: "fn"; fn: PyFunction }
  | { type: "scheduler"; spec: SchedulerSpec }
  /** Anything else a config can hold that Paddle would see as some other object (numpy scalars in tests, ...). */
  | { type: "other"; pyType: string; value?: number; /** element count of array-likes (numpy.ndarray, Tensor); scalars have none */ size?: number };

/** A constructor call as data: `name(**args)`. A nested scheduler is an arg of type "scheduler". */
export interface SchedulerSpec {
  /** Exact class name: a `paddle.optimizer.lr` class or a registered suite class. */
  name: string;
  args: Record<string, PyValue>;
}

export type PyErrorType =
  | "TypeError"
  | "ValueError"
  | "AssertionError"
  | "ZeroDivisionError"
  | "AttributeError"
  | "NotImplementedError"
  | "RuntimeError"
  | "OverflowError";

/** What Paddle (or the Python interpreter inside Paddle's code) would raise. */
export interface ParamError {
  /** The offending constructor argument; `null` for errors not tied to one argument. */
  param: string | null;
  /** For errors inside a nested scheduler: the arg names from the outer spec down, e.g. `["learning_rate"]`. */
  path?: string[];
  /** Paddle's own message (verbatim where Paddle raises it) or our wording of the Python error. */
  message: string;
  errorType: PyErrorType;
  raisedBy: "paddle" | "python";
  /** Construction-time or raised while stepping (then `atStep` = number of step() calls after construction). */
  phase: "construct" | "step";
  atStep?: number;
}

export interface ParamInfo {
  name: string;
  required: boolean;
  /** Paddle's default, when the parameter has one. */
  default?: PyValue;
  /** What Paddle accepts, for completion and type rules. */
  kind: "int" | "float" | "number" | "bool" | "str" | "list" | "fn" | "scheduler-or-number";
  /** Allowed values for string parameters (`mode`, `anneal_strategy`, ...). */
  enum?: string[];
  /** One or two sentences for hovers and completion. */
  doc: string;
}

export interface SchedulerInfo {
  name: string;
  /** One paragraph: what the schedule does, with Paddle's formula. */
  doc: string;
  params: ParamInfo[];
  /** True when `valueAt(t)` is O(1) (no recursion to replay). */
  closedForm: boolean;
}

/** A notable step of a schedule, in scheduler steps (the index into `curve()`). */
export interface Marker {
  step: number;
  kind: "warmup-end" | "milestone" | "boundary" | "period" | "restart" | "phase" | "end";
  label: string;
}

/** The stateful mirror of a Paddle scheduler object. */
export interface StatefulScheduler {
  readonly name: string;
  readonly lastLr: number;
  readonly lastEpoch: number;
  /** `step()` / `step(epoch)`. Returns the error Paddle would raise, if any (state is then as Paddle leaves it). */
  step(epoch?: number): ParamError | undefined;
  /** `ReduceOnPlateau.step(metrics, epoch=None)`; other classes return a TypeError-like ParamError. */
  stepMetrics(metrics: number, epoch?: number): ParamError | undefined;
  /** `step(metrics)` with a metric of any Python type (a str, a numpy scalar or array), so Paddle's metric type checks apply. */
  stepMetricsPy?(metrics: PyValue, epoch?: number): ParamError | undefined;
  /** Paddle's `state_dict()` keys and values (LinearWarmup nests its inner under `LinearWarmup_LR`). */
  stateDict(): Record<string, unknown>;
  setStateDict(sd: Record<string, unknown>): ParamError | undefined;
}

export interface CurveResult {
  /** `lr[i]` = `last_lr` after `i` calls of `step()` following construction. */
  lr: Float64Array;
  /** Set when stepping raised before `n` values (e.g. OneCycleLR past total_steps); `lr` stops before it. */
  error?: ParamError;
  /** Set when lrlens stopped early on purpose (a horizon beyond its evaluation limit); `lr` holds `steps` values. */
  truncated?: Truncation;
}

/** Where and why an evaluation stopped before the requested horizon without a Paddle error. */
export interface Truncation {
  steps: number;
  reason: string;
}

export interface Sampled {
  /** Step indices (ascending, integers), always including 0 and n-1, every discontinuity and every extremum. */
  steps: Float64Array;
  lr: Float64Array;
  /** True when every point is exact Paddle output; false when a closed form stood in for a recursion (≤1e-13 rel). */
  exact: boolean;
  error?: ParamError;
  /** Set when the samples stop before `n` because the schedule had to be replayed and the horizon exceeds the replay limit. */
  truncated?: Truncation;
}

/** A validated schedule that can be evaluated without side effects. */
export interface Program {
  readonly spec: SchedulerSpec;
  /** Dense values for steps 0..n-1. Closed form where one exists, incremental otherwise; no per-step allocation. */
  curve(n: number): CurveResult;
  /**
   * Writes the values of steps `from`, `from + 1`, ... into `out` (no allocation: one reused buffer
   * streams a long horizon chunk by chunk). Stops early at a step error, which it returns.
   */
  fill?(out: Float64Array, from?: number): { written: number; error?: ParamError };
  /** Downsampled for drawing: at most ~maxPoints points keeping ends, discontinuities, peaks (min/max per bucket). O(maxPoints) for closed forms, even for n = 1e12. */
  sample(n: number, maxPoints: number): Sampled;
  /** LR after `step` step() calls (closed form, or replayed with a cap for recursive schedules). */
  valueAt(step: number): number;
  /** Whether `valueAt` is O(1) for this chain as stepped (e.g. a recursive cosine inside LinearWarmup runs its closed form). */
  hasClosedForm?(): boolean;
  /** Warmup end, milestones, periods... within [0, n). */
  markers(n: number): Marker[];
  /** The horizon the schedule itself implies (T_max, last milestone, total_steps, ...), if any. */
  naturalHorizon(): { steps: number; from: string } | undefined;
}

export type BuildResult = { ok: true; program: Program } | { ok: false; errors: ParamError[] };
export type ConstructResult = { ok: true; scheduler: StatefulScheduler } | { ok: false; errors: ParamError[] };
